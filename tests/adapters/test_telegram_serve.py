"""`crmbot serve telegram` as a real process: long polling or a webhook, and a clean SIGTERM."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from bot.identity import enrol
from crm_store.models import Customer
from tests.fakes.telegram_api import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
REP = 111
SECRET = "s3cret-token_for-tests"
ERASURE_KEY = "Jx1nL0bGQ9m2c7rYt4vWz8kPq3sHd6fAe5uNo0iRyTg"


@pytest.fixture
def fake():
    with FakeTelegram() as server:
        yield server


@pytest.fixture
def db(sqlite_engine, tmp_path) -> str:
    with Session(sqlite_engine) as session:
        rep = enrol(session, "Tess", role="rep", telegram_id=str(REP), tz="UTC")
        session.add(Customer(name="Jane Cooper", company="Acme Corporation", owner_id=rep.id))
        session.commit()
    return f"sqlite:///{tmp_path / 'crm.db'}"


def start(
    fake: FakeTelegram, db: str, tmp_path: Path, *args: str, erasure_key: str | None = ERASURE_KEY
) -> subprocess.Popen:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "TELEGRAM_", "CRMBOT_"))
    }
    env.update(PYTHONPATH=str(ROOT), TELEGRAM_BOT_TOKEN="123:TEST", TELEGRAM_API_URL=fake.base_url)
    if erasure_key is not None:
        env["CRMBOT_ERASURE_KEY"] = erasure_key
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "telegram", "--db", db, *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    try:
        _, errors = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return process.returncode, errors


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_long_polling_answers_and_stops_cleanly_on_sigterm(fake, db, tmp_path):
    process = start(fake, db, tmp_path)
    try:
        fake.send_text(REP, "/find acme")
        [answer] = fake.wait_for("sendMessage", 1, timeout=60)
    finally:
        code, errors = stop(process)
    assert answer["text"].startswith("<b>Jane Cooper (Acme Corporation)")
    assert code == 0 and "Traceback" not in errors, errors


def test_a_webhook_answers_only_requests_carrying_the_secret(fake, db, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/hooks/telegram"
    options = ["--webhook-url", url, "--webhook-port", str(port), "--webhook-secret", SECRET]
    process = start(fake, db, tmp_path, *options)
    try:
        [registered] = fake.wait_for("setWebhook", 1, timeout=60)
        update = {"update_id": 7, "message": fake.message(REP, "/find acme")}
        refused = [
            post(url, update, {}),
            post(url, update, {"X-Telegram-Bot-Api-Secret-Token": "guess"}),
        ]
        signed = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        malformed = [
            post(url, "{not json", signed),
            post(url, [1, 2, 3], signed),
            post(url, {"update_id": 8, "message": "jane@acme.com " * 100_000}, signed),
        ]
        accepted = post(url, update, signed)
        [answer] = fake.wait_for("sendMessage", 1)
    finally:
        code, errors = stop(process)
    assert (registered["url"], registered["secret_token"]) == (url, SECRET)
    assert [response.status_code for response in refused] == [403, 403]
    assert [response.status_code for response in malformed[:2]] == [400, 400]
    assert malformed[2].status_code == 413  # over 1 MB: refused unread
    assert "jane@acme.com" not in errors
    assert accepted.status_code == 200
    assert answer["text"].startswith("<b>Jane Cooper (Acme Corporation)")
    assert code == 0 and "Traceback" not in errors, errors


def post(url: str, update: dict | list | str, headers: dict[str, str]) -> httpx.Response:
    """Deliver an update as Telegram does, once the webhook server listens."""
    body = update if isinstance(update, str) else json.dumps(update)
    deadline = time.monotonic() + 30
    while True:
        try:
            kind = {"Content-Type": "application/json"}
            return httpx.post(url, content=body, headers=kind | headers, timeout=10)
        except httpx.ConnectError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.parametrize("secret", [[], ["--webhook-secret", "spaces are not allowed here"]])
def test_a_webhook_without_a_usable_secret_does_not_start(fake, db, tmp_path, secret):
    url = "https://crm.example.com/telegram"
    process = start(fake, db, tmp_path, "--webhook-url", url, *secret)
    output, errors = process.communicate(timeout=60)
    assert process.returncode == 2 and "--webhook-secret" in output, errors
    assert fake.sent("setWebhook") == []


@pytest.mark.parametrize("key", [None, "crmbot-erased-identifiers", "short"])
def test_the_bot_does_not_start_without_a_secret_erasure_key(fake, db, tmp_path, key):
    process = start(fake, db, tmp_path, erasure_key=key)
    output, errors = process.communicate(timeout=60)
    assert process.returncode == 2, errors
    assert "CRMBOT_ERASURE_KEY" in output and "secrets.token_urlsafe(32)" in output
    assert fake.sent("getUpdates") == [] and fake.sent("getMe") == []
