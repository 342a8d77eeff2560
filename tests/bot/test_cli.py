"""The `crmbot` command line as a newcomer and a script use it."""

import json
import subprocess
import sys

import pytest

NOW = "2026-11-18T10:00"


def crmbot(*args: str, stdin: str = "", db: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "bot.cli", *args]
    if db:
        command += ["--db", db]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'crm.db'}"


def test_piped_chat_answers_each_line_in_order_as_json(tmp_path):
    lines = "tell me about acme\nwhat's the weather\nmy tasks\n"
    result = crmbot("chat", "--demo", "--json", "--now", NOW, "--files", str(tmp_path), stdin=lines)
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == 3
    assert set(replies[0]) == {"text", "fields", "rows", "buttons", "files"}
    assert "Acme Corporation" in replies[0]["text"]
    assert "didn't understand" in replies[1]["text"]
    assert replies[2]["rows"]


def test_a_second_chat_process_sees_what_the_first_wrote(db):
    assert crmbot("staff", "add", "Sam", "--role", "rep", db=db).returncode == 0
    first = crmbot(
        "chat",
        "--as",
        "Sam",
        "--json",
        "--now",
        NOW,
        db=db,
        stdin="add customer Zed Zulu at Zeta Corp, zed@zeta.io\n",
    )
    assert "Added Zed Zulu" in first.stdout
    second = crmbot(
        "chat", "--as", "Sam", "--json", "--now", NOW, db=db, stdin="tell me about zeta\n"
    )
    profile = json.loads(second.stdout)
    assert profile["fields"]["E-mail"] == "zed@zeta.io"


def test_staff_are_enrolled_and_listed(db):
    added = crmbot(
        "staff",
        "add",
        "Alex Morgan",
        "--role",
        "manager",
        "--slack",
        "U123",
        "--telegram",
        "42",
        "--tz",
        "Europe/London",
        db=db,
    )
    assert "Alex Morgan is enrolled as manager" in added.stdout
    listing = crmbot("staff", "list", db=db).stdout
    assert "Alex Morgan" in listing and "U123" in listing and "Europe/London" in listing
    bad = crmbot("staff", "add", "Eve", "--tz", "Mars/Olympus", db=db)
    assert bad.returncode == 2 and "not a time zone" in bad.stdout


def test_parse_prints_the_contract_shape_one_line_per_message():
    result = crmbot(
        "parse",
        "--now",
        NOW,
        "--tz",
        "Europe/London",
        stdin="called jane at acme, follow up friday\nlol\n",
    )
    frames = [json.loads(line) for line in result.stdout.splitlines()]
    assert [f["intent"] for f in frames] == ["interaction.log", "unknown"]
    assert frames[0]["slots"]["follow_up"] == "2026-11-20"
    assert set(frames[0]) == {"intent", "confidence", "slots"}


def test_demo_fills_a_store_once_and_db_upgrade_is_repeatable(db):
    assert crmbot("db", "upgrade", db=db).returncode == 0
    assert crmbot("db", "upgrade", db=db).returncode == 0
    first = crmbot("demo", "--now", NOW, db=db)
    assert first.returncode == 0, first.stderr
    again = crmbot("demo", "--now", NOW, db=db)
    assert again.returncode == 1 and "already has customers" in again.stdout


def test_parse_refuses_an_overlong_message_unread_and_goes_on():
    long = "called acme " + "jane@acme.com " * 8_000  # 112 KB, which the parser never sees
    result = crmbot("parse", "--now", NOW, stdin=f"{long}\nlol\n")
    frames = [json.loads(line) for line in result.stdout.splitlines()]
    assert frames == [
        {"intent": "unknown", "confidence": 0.0, "slots": {}},
        {"intent": "unknown", "confidence": frames[1]["confidence"], "slots": {}},
    ]
    assert "message 1 is 112,012 characters long; only 4,000 are read" in result.stderr
