"""A local stand-in for the Telegram Bot API: it serves queued updates and records every call.

python-telegram-bot talks to it over real HTTP through its `base_url`, as it would to a
self-hosted Bot API server; nothing in the library or in crmbot is patched.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "crmbot", "username": "crm_test_bot"}


class FakeTelegram:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.flood_waits = 0  # answer this many sendMessage calls with 429 first
        self._lock = threading.Condition()
        self._message_ids = itertools.count(1000)
        self._update_ids = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def __enter__(self) -> FakeTelegram:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    # what tests do -------------------------------------------------------------------------

    def send_text(self, user_id: int, text: str, *, chat: dict | None = None, **extra) -> int:
        """Queue a message from a user; returns its update id."""
        chat = chat or {"id": user_id, "type": "private", "first_name": "Rep"}
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": "Rep"},
            "text": text,
            **extra,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self.push({"message": message})

    def press(self, user_id: int, data: str, *, message_id: int = 1) -> int:
        query = {
            "id": f"cb{time.monotonic_ns()}",
            "from": {"id": user_id, "is_bot": False, "first_name": "Rep"},
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private"},
                "from": BOT_USER,
                "text": "…",
            },
        }
        return self.push({"callback_query": query})

    def push(self, update: dict[str, Any], *, update_id: int | None = None) -> int:
        with self._lock:
            update = {"update_id": update_id or next(self._update_ids), **update}
            self.updates.append(update)
            self._lock.notify_all()
            return update["update_id"]

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        with self._lock:
            return [params for name, params in self.calls if name == method]

    def wait_for(self, method: str, count: int, *, timeout: float = 15) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while len([c for c in self.calls if c[0] == method]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} {method} calls, got {self.calls}")
                self._lock.wait(left)
            return [params for name, params in self.calls if name == method]

    def wait_for_text(self, needle: str, *, timeout: float = 15) -> list[dict[str, Any]]:
        """Every message sent, once one of them contains `needle`."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not any(needle in str(params.get("text")) for params in self.sent()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no message with {needle!r}: {self.calls}")
                self._lock.wait(left)
            return self.sent()

    # the API ---------------------------------------------------------------------------------

    def _answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._updates(params)}
        with self._lock:
            self.calls.append((method, params))
            self._lock.notify_all()
            if method == "sendMessage" and self.flood_waits:
                self.flood_waits -= 1
                self.calls.pop()
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                }
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method in ("sendMessage", "sendPhoto", "sendDocument", "editMessageReplyMarkup"):
            chat = {"id": int(params.get("chat_id", 1)), "type": "private"}
            result = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat}
            return 200, {"ok": True, "result": result}
        return 200, {"ok": True, "result": True}

    def _updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 1.0)
        with self._lock:
            while True:
                ready = [u for u in self.updates if u["update_id"] >= offset]
                if ready or time.monotonic() >= deadline:
                    return ready
                self._lock.wait(deadline - time.monotonic())

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802  (http.server's naming)
                method = self.path.rsplit("/", 1)[-1]
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, answer = fake._answer(method, _params(self.headers, body))
                data = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # a long poll the client gave up on while shutting down

            def log_message(self, *_args) -> None:
                pass

        return Handler


def _params(headers, body: bytes) -> dict[str, Any]:
    kind = headers.get("Content-Type", "")
    if kind.startswith("application/json"):
        return json.loads(body or b"{}")
    if kind.startswith("application/x-www-form-urlencoded"):
        return {key: values[0] for key, values in parse_qs(body.decode()).items()}
    if kind.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {kind}\r\n\r\n".encode() + body
        )
        params: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True)
            params[name] = (
                {"filename": filename, "size": len(payload)} if filename else payload.decode()
            )
        return params
    return {}
