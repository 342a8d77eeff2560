"""A local stand-in for Slack's Web API, so the real slack_sdk client can be tested offline.

It listens on 127.0.0.1 port 0 and records every call (method, arguments, headers). It also serves
the URLs Slack hands out for uploads and `response_url`s. Tests can make a method answer 429 with
`Retry-After`, fail with a Slack error, or wait until the test releases it (to show that Slack's
request was acknowledged before the slow work was done).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

TOKEN = "xoxb-test-token"
BOT_USER = "UBOT"
TEAM = "T0TEAM"
JSON_ARGUMENTS = ("blocks", "attachments", "view", "files")


@dataclass
class Call:
    method: str  # a Web API method, "upload" for file bytes, or "response_url"
    args: dict[str, Any]
    headers: dict[str, str]
    path: str = ""
    body: bytes = b""


@dataclass
class _Trouble:
    rate_limited: int = 0
    retry_after: int = 0
    error: str | None = None
    gate: threading.Event | None = None


@dataclass
class FakeSlackApi:
    """Records calls; `users` answers users.info (id → user object as Slack returns it)."""

    token: str = TOKEN
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Condition()
        self._trouble: dict[str, _Trouble] = {}
        self._ts = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        """The Web API base URL to give slack_sdk (SLACK_API_URL)."""
        return f"{self.base}/api/"

    def response_url(self, name: str = "r") -> str:
        return f"{self.base}/response/{name}"

    def start(self) -> FakeSlackApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release_all()
        self._server.shutdown()
        self._server.server_close()

    def add_user(
        self, user_id: str, name: str, *, tz: str = "Europe/Berlin", team: str = TEAM, **more: Any
    ) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": team,
            "name": name.split()[0].lower(),
            "real_name": name,
            "tz": tz,
            "is_bot": False,
            "deleted": False,
            "profile": {"real_name": name, "display_name": name.split()[0]},
            **more,
        }

    # -- trouble -------------------------------------------------------------------------------

    def rate_limit(self, method: str, *, times: int = 1, retry_after: int = 0) -> None:
        """Answer the next `times` calls of `method` with 429 and a Retry-After header."""
        trouble = self._trouble.setdefault(method, _Trouble())
        trouble.rate_limited, trouble.retry_after = times, retry_after

    def fail(self, method: str, error: str = "channel_not_found") -> None:
        self._trouble.setdefault(method, _Trouble()).error = error

    def hold(self, method: str) -> None:
        """Keep calls of `method` waiting (they are recorded on arrival) until `release`."""
        self._trouble.setdefault(method, _Trouble()).gate = threading.Event()

    def release(self, method: str) -> None:
        trouble = self._trouble.get(method)
        if trouble and trouble.gate:
            trouble.gate.set()

    def release_all(self) -> None:
        for method in list(self._trouble):
            self.release(method)

    # -- what happened -------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, *, count: int = 1, timeout: float = 10) -> list[Call]:
        """The calls of `method` once there are at least `count` of them."""
        with self._lock:
            done = self._lock.wait_for(
                lambda: len([c for c in self.calls if c.method == method]) >= count, timeout
            )
            found = [c for c in self.calls if c.method == method]
        if not done:
            made = sorted({c.method for c in self.calls})
            raise AssertionError(f"expected {count} {method} call(s), got {len(found)}; {made}")
        return found

    def posted(self) -> list[dict[str, Any]]:
        """Everything shown to people: messages, updates, ephemerals and response_url posts."""
        shown = ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url")
        with self._lock:
            return [c.args for c in self.calls if c.method in shown]

    # -- answers -------------------------------------------------------------------------------

    def _record(self, call: Call) -> _Trouble | None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()
        return self._trouble.get(call.method)

    def _next_ts(self) -> str:
        with self._lock:
            self._ts += 1
            return f"1763460000.{self._ts:06d}"

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://example.slack.com/",
                "team": "Example",
                "team_id": TEAM,
                "user": "crmbot",
                "user_id": BOT_USER,
                "bot_id": "BBOT",
            }
        if method == "chat.postMessage":
            ts = self._next_ts()
            message = {"ts": ts, "text": args.get("text"), "blocks": args.get("blocks")}
            return {"ok": True, "channel": args.get("channel"), "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "chat.update":
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts")}
        if method == "users.info":
            user = self.users.get(str(args.get("user")))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "conversations.open":
            users = str(args.get("users", ""))
            return {"ok": True, "channel": {"id": "D" + users.split(",")[0]}}
        if method == "views.publish":
            return {"ok": True, "view": {"id": "VHOME", **(args.get("view") or {})}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{self._next_ts().replace('.', '')}"
            return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            return {
                "ok": True,
                "files": [{"id": f["id"], "title": f.get("title")} for f in args["files"]],
            }
        return {"ok": False, "error": "unknown_method"}


def _decode(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    args: dict[str, Any] = dict(parse_qsl(query))
    if raw and content_type.startswith("application/json"):
        args.update(json.loads(raw))
    elif raw and content_type.startswith("application/x-www-form-urlencoded"):
        args.update(parse_qsl(raw.decode()))
    for key in JSON_ARGUMENTS:
        if isinstance(args.get(key), str):
            args[key] = json.loads(args[key])
    return args


def _wait(trouble: _Trouble | None) -> None:
    if trouble and trouble.gate:
        trouble.gate.wait(30)


def _handler_for(api: FakeSlackApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self.do_POST()

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            content_type = headers.get("content-type", "")
            if parts.path.startswith("/upload/"):
                call = Call("upload", {"file_id": parts.path[8:]}, headers, parts.path, raw)
                _wait(api._record(call))
                return self._send(200, b"OK - %d" % len(raw), "text/plain")
            if parts.path.startswith("/response/"):
                args = _decode(raw, content_type, parts.query)
                _wait(api._record(Call("response_url", args, headers, parts.path, raw)))
                return self._send(200, b"ok", "text/plain")
            if not parts.path.startswith("/api/"):
                return self._send(404, b"not found", "text/plain")
            method = parts.path.removeprefix("/api/")
            args = _decode(raw, content_type, parts.query)
            trouble = api._record(Call(method, args, headers, parts.path, raw))
            _wait(trouble)
            if trouble and trouble.rate_limited:
                trouble.rate_limited -= 1
                body = json.dumps({"ok": False, "error": "ratelimited"}).encode()
                return self._send(429, body, extra={"Retry-After": str(trouble.retry_after)})
            if headers.get("authorization") != f"Bearer {api.token}":
                answer: dict[str, Any] = {"ok": False, "error": "invalid_auth"}
            elif trouble and trouble.error:
                answer = {"ok": False, "error": trouble.error}
            else:
                answer = api._answer(method, args)
            self._send(200, json.dumps(answer).encode())

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str = "application/json; charset=utf-8",
            extra: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the recorded calls are the log."""

    return Handler


@contextmanager
def running(api: FakeSlackApi | None = None) -> Iterator[FakeSlackApi]:
    api = (api or FakeSlackApi()).start()
    try:
        yield api
    finally:
        api.stop()
