"""Several bot processes on one PostgreSQL store give the same answers: what one writes, the
others find on their next message, and a question asked in one can be answered in another."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_store.db import make_engine

ROOT = Path(__file__).resolve().parents[2]


class ChatProcess:
    """`crmbot chat --json` in its own process, spoken to one line at a time."""

    def __init__(self, url: str, tmp_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "chat", "--db", url, "--as", "Sam", "--json"],
            cwd=tmp_path,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def say(self, line: str) -> dict:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def store(postgres_url):
    engine = make_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("TRUNCATE customers, staff RESTART IDENTITY CASCADE"))
    engine.dispose()
    return postgres_url


@pytest.mark.postgres
@pytest.mark.timeout(180)
def test_an_add_and_a_change_in_one_process_are_seen_by_another(store, tmp_path):
    first = ChatProcess(store, tmp_path)
    try:
        assert first.say("who is #1")["text"]  # enrols Sam before the second process starts
        second = ChatProcess(store, tmp_path)
        try:
            assert "No customer matches" in second.say("who is zed zulu")["text"]
            first.say("add customer Zed Zulu at Zeta Corp, zed@zeta.io, Boston")
            found = second.say("who is zed zula")  # a typo, on the second process's index
            assert found["text"].startswith("Zed Zulu (Zeta Corp)")
            assert found["fields"]["City"] == "Boston"
            first.say("set the city of zed zulu to Lisbon")
            assert second.say("tell me about zed zulu")["fields"]["City"] == "Lisbon"
            first.say("add customer Zed Young at Zeta Corp")
            first.say("list my customers")  # the talk moves on from Zed Young
            question = second.say("called zed, left a voicemail")
            assert "Which one?" in question["text"]
            answer = first.say("2")  # the question asked through one, answered through the other
            chosen = question["rows"][1]["Customer"]
            assert answer["text"].startswith(f"Logged a call with {chosen}")
        finally:
            second.close()
    finally:
        first.close()
