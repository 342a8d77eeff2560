"""A local stand-in for the Telegram Bot API: it serves queued updates and records every call.

python-telegram-bot talks to it over real HTTP through its `base_url`, as it would to a
self-hosted Bot API server; nothing in the library or in crmbot is patched. Tests can script
failures (a flood limit, a bad gateway, a refused chat) for the next calls of a method.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "crmbot", "username": "crm_test_bot"}
SENDING = ("sendMessage", "sendPhoto", "sendDocument")
LONG_POLL_CAP = 1.0  # seconds a getUpdates waits at most, whatever timeout the client asks


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    result: Any
    at: float = field(default_factory=time.monotonic)


class FakeTelegram:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        self.latency = 0.0  # seconds each call but getUpdates takes, as over a real network
        self._failures: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
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

    # what users do ---------------------------------------------------------------------------

    def message(
        self, user_id: int, text: str, *, chat: dict | None = None, **extra
    ) -> dict[str, Any]:
        """A message from a user, as Telegram would deliver it; kept so replies can quote it."""
        chat = chat or {"id": user_id, "type": "private", "first_name": "Rep"}
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
            "text": text,
            **extra,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        with self._lock:
            self._messages[chat["id"], message["message_id"]] = message
        return message

    def send_text(self, user_id: int, text: str, *, chat: dict | None = None, **extra) -> int:
        """Queue a message from a user; returns its update id."""
        return self.push({"message": self.message(user_id, text, chat=chat, **extra)})

    def press(self, user_id: int, data: str, *, on: dict[str, Any]) -> int:
        """Queue a button press by `user_id` under the message sent with params `on`."""
        with self._lock:
            [shown] = [call.result for call in self.calls if call.params is on]
        query = {
            "id": f"cb{next(self._update_ids)}",
            "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
            "chat_instance": "ci",
            "data": data,
            "message": shown,
        }
        return self.push({"callback_query": query})

    def push(self, update: dict[str, Any], *, update_id: int | None = None) -> int:
        with self._lock:
            update = {"update_id": update_id or next(self._update_ids), **update}
            self.updates.append(update)
            self._lock.notify_all()
            return update["update_id"]

    # what tests script and check ------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        *,
        times: int = 1,
        retry_after: int | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` with an error instead."""
        answer: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            answer["parameters"] = {"retry_after": retry_after}
        with self._lock:
            self._failures.setdefault(method, []).extend([(status, answer)] * times)

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        with self._lock:
            return [call.params for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int, *, timeout: float = 15) -> list[dict[str, Any]]:
        self._wait(lambda: len(self.sent(method)) >= count, timeout, f"{count} {method}")
        return self.sent(method)

    def wait_for_text(self, needle: str, *, timeout: float = 15) -> list[dict[str, Any]]:
        """Every message sent, once one of them contains `needle`."""
        self._wait(
            lambda: any(needle in str(params.get("text")) for params in self.sent()),
            timeout,
            f"a message with {needle!r}",
        )
        return self.sent()

    def _wait(self, done, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        with self._lock:
            while not done():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {what}; calls: {self.calls}")
                self._lock.wait(left)

    # the API ---------------------------------------------------------------------------------

    def _answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._updates(params)}
        time.sleep(self.latency)
        with self._lock:
            failures = self._failures.get(method)
            if failures:
                return failures.pop(0)
            result = self._result(method, params)
            self.calls.append(Call(method, params, result))
            self._lock.notify_all()
        return 200, {"ok": True, "result": result}

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "setWebhook":
            self.webhook = params
        if method == "deleteWebhook":
            self.webhook = None
        if method in SENDING:
            return self._store_sent(params)
        if method in ("editMessageText", "editMessageReplyMarkup"):
            key = (int(params["chat_id"]), int(params["message_id"]))
            shown = self._messages[key]
            shown.pop("reply_markup", None)
            if params.get("reply_markup"):
                shown["reply_markup"] = json.loads(params["reply_markup"])
            if "text" in params:
                shown["text"] = params["text"]
            return shown
        return True

    def _store_sent(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        sent = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            sent["reply_markup"] = json.loads(params["reply_markup"])
        quoted = json.loads(params.get("reply_parameters") or "null")
        if quoted is not None and (chat_id, quoted["message_id"]) in self._messages:
            sent["reply_to_message"] = self._messages[chat_id, quoted["message_id"]]
        self._messages[chat_id, sent["message_id"]] = sent
        return sent

    def _updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), LONG_POLL_CAP)
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
                {"filename": filename, "content": payload} if filename else payload.decode()
            )
        return params
    return {}
