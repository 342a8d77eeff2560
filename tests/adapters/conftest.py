"""A real Bolt app serving HTTP on port 0, its client pointed at a fake Slack Web API.

Requests are signed exactly as Slack signs them, so signature checking stays on in every test.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from slack_sdk.signature import SignatureVerifier
from sqlmodel import Session, select

from adapters.slack import build_app, http_server
from bot.dispatch import Bot
from bot.identity import enrol
from bot.settings import Settings
from crm_store.models import Customer
from tests.fakes.slack_api import BOT_USER, TEAM, TOKEN, FakeSlackApi, running

SECRET = "test-signing-secret"
DANA = "U0DANA"
STRANGER = "U0STRANGER"
DM = "D0DANA"

CUSTOMERS = [
    {
        "name": "Jane Cooper",
        "company": "Acme Corporation",
        "email": "jane@acme.com",
        "city": "Boston",
    },
    {"name": "Jane Smith", "company": "Globex Ltd", "city": "London"},
    {"name": "Mallory Ping", "company": "<!channel> Corp", "city": "<http://evil.example|Paris>"},
]


@dataclass
class SlackWorkspace:
    """Slack as the app sees it: signed deliveries in, Web API calls recorded by `api`."""

    url: str
    api: FakeSlackApi
    engine: Any
    ids = count(1)

    def deliver(
        self, body: str, content_type: str, *, secret: str = SECRET, **headers: str
    ) -> httpx.Response:
        stamp = str(int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        return httpx.post(
            f"{self.url}/slack/events",
            content=body.encode(),
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": signature,
                **headers,
            },
            timeout=10,
        )

    def event(
        self, event: dict, *, event_id: str | None = None, team: str = TEAM, **headers: str
    ) -> httpx.Response:
        body = {
            "token": "unused",
            "team_id": team,
            "api_app_id": "A0CRM",
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self.ids):08d}",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": team, "user_id": BOT_USER, "is_bot": True}],
        }
        return self.deliver(json.dumps(body), "application/json", **headers)

    def dm(self, text: str, *, user: str = DANA, **options: Any) -> httpx.Response:
        event = {
            "type": "message",
            "channel_type": "im",
            "channel": "D" + user,
            "user": user,
            "text": text,
            "ts": _ts(),
        }
        return self.event(event, **options)

    def command(
        self, text: str, *, user: str = DANA, channel: str = "C0SALES", team: str = TEAM
    ) -> httpx.Response:
        form = {
            "command": "/crm",
            "text": text,
            "user_id": user,
            "user_name": "someone",
            "channel_id": channel,
            "team_id": team,
            "trigger_id": f"trigger.{next(self.ids)}",
            "response_url": self.api.response_url(f"command{next(self.ids)}"),
        }
        return self.deliver(urlencode(form), "application/x-www-form-urlencoded")

    def click(self, button: dict, *, on: dict, user: str = DANA) -> httpx.Response:
        """Press `button` on the message `on` (a recorded post, with its channel and ts)."""
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM, "domain": "example"},
            "user": {"id": user, "team_id": TEAM},
            "api_app_id": "A0CRM",
            "trigger_id": f"trigger.{next(self.ids)}",
            "response_url": self.api.response_url(f"click{next(self.ids)}"),
            "container": on["container"],
            "channel": {"id": on["channel"]},
            "actions": [
                {
                    "type": "button",
                    "block_id": "b1",
                    "action_id": button["action_id"],
                    "text": button["text"],
                    "value": button["value"],
                    "action_ts": _ts(),
                }
            ],
        }
        if "message" in on:
            payload["message"] = on["message"]
        return self.deliver(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )


def _ts() -> str:
    return f"{time.time():.6f}"


def buttons(posted: dict) -> list[dict]:
    return [e for b in posted.get("blocks") or [] if b["type"] == "actions" for e in b["elements"]]


def slack_settings(api: FakeSlackApi, **more: Any) -> Settings:
    return Settings(
        database_url="unused",
        tz="UTC",
        slack_bot_token=TOKEN,
        slack_signing_secret=SECRET,
        slack_api_url=api.url,
        slack_team_id=TEAM,
        slack_app_token=None,
        **more,
    )


@pytest.fixture
def slack_api() -> Iterator[FakeSlackApi]:
    with running() as api:
        api.add_user(DANA, "Dana Scully", tz="America/New_York")
        api.add_user(STRANGER, "Stan Ger")
        yield api


@pytest.fixture
def store(sqlite_engine):
    with Session(sqlite_engine) as session:
        dana = enrol(session, "Dana", role="rep", slack_id=DANA)
        session.add_all(Customer(**fields, owner_id=dana.id) for fields in CUSTOMERS)
        session.commit()
    return sqlite_engine


def start(engine, api: FakeSlackApi, settings: Settings) -> Iterator[SlackWorkspace]:
    bot = Bot(engine, settings)
    server = http_server(
        build_app(bot, settings),
        bot,
        signing_secret=settings.slack_signing_secret,
        host="127.0.0.1",
        port=0,
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield SlackWorkspace(f"http://127.0.0.1:{server.server_port}", api, engine)
    finally:
        api.release_all()
        server.shutdown()
        server.server_close()


@pytest.fixture
def slack(store, slack_api) -> Iterator[SlackWorkspace]:
    yield from start(store, slack_api, slack_settings(slack_api))


def rows(engine, model) -> list:
    with Session(engine) as session:
        return list(session.exec(select(model)))
