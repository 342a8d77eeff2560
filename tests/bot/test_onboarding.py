"""A newcomer's first commands: no traps, no tracebacks, and the store they meant."""

import io
import json
import shlex
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from bot.cli import main
from crm_store.db import make_engine
from crm_store.models import Customer, Staff

NOW = "2026-11-18T10:00"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def crmbot(capsys, monkeypatch):
    """`crmbot ARGS` in this process, as the user "robin" at a terminal-less prompt."""
    monkeypatch.setenv("USER", "robin")
    monkeypatch.setenv("LOGNAME", "robin")

    def run(*args: str, stdin: str = "") -> Run:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


def staff_names(db_url: str) -> list[str]:
    engine = make_engine(db_url)
    with Session(engine) as session:
        names = sorted(session.exec(select(Staff.name)).all())
    engine.dispose()
    return names


def test_demo_prints_the_exact_command_that_chats_with_that_store(crmbot, db_url):
    filled = crmbot("demo", "--db", db_url, "--now", NOW)
    assert filled.returncode == 0, filled.stderr
    command = shlex.split(filled.stdout.split("Chat with it: ")[1])
    assert command[:4] == ["crmbot", "chat", "--db", db_url]
    chatted = crmbot(*command[1:], "--json", "--now", NOW, stdin="tell me about acme\n")
    assert chatted.returncode == 0, chatted.stderr
    assert "Acme Corporation" in json.loads(chatted.stdout)["text"]


def test_an_unknown_name_is_refused_with_the_staff_list_and_nobody_is_enrolled(crmbot, db_url):
    crmbot("staff", "add", "Dana Scully", "--role", "manager", "--db", db_url)
    for args in (["--as", "Dana Sculy"], []):
        result = crmbot("chat", "--db", db_url, *args, stdin="my tasks\n")
        assert result.returncode == 2
        assert "is enrolled in this store. Staff: Dana Scully." in result.stderr
        assert result.stdout == "" and "Traceback" not in result.stderr
    assert staff_names(db_url) == ["Dana Scully"]


def test_the_first_person_on_an_empty_store_is_enrolled_as_admin_and_told(crmbot, db_url):
    result = crmbot("chat", "--db", db_url, "--now", NOW, stdin="my tasks\n")
    assert result.returncode == 0, result.stderr
    assert "you (robin) are enrolled as its admin" in result.stderr
    assert "No open tasks" in result.stdout
    engine = make_engine(db_url)
    with Session(engine) as session:
        [robin] = session.exec(select(Staff)).all()
    engine.dispose()
    assert (robin.name, robin.role) == ("robin", "admin")


def test_import_and_export_take_now(crmbot, db_url, tmp_path):
    source = tmp_path / "people.csv"
    source.write_text("name,company,email\nZed Zulu,Zeta Corp,zed@zeta.io\n")
    imported = crmbot("import", "customers", str(source), "--db", db_url, "--now", NOW)
    assert imported.returncode == 0, imported.stderr
    engine = make_engine(db_url)
    with Session(engine) as session:
        zed = session.exec(select(Customer)).one()
    engine.dispose()
    assert zed.created_at.replace(tzinfo=zed.created_at.tzinfo or UTC) == datetime(
        2026, 11, 18, 10, 0, tzinfo=UTC
    )
    exported = crmbot("export", "customers", "--segment", "lost", "--db", db_url, "--now", NOW)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.splitlines()[1:] == []


def test_user_errors_on_the_command_line_are_one_line_never_a_traceback(crmbot, db_url, tmp_path):
    cases = [
        (["chat", "--db", db_url, "--now", "yesterday"], "--now wants a time like"),
        (["demo", "--db", db_url, "--tz", "Mars/Olympus", "--now", NOW], "not a time zone"),
        (["chat", "--db", "not a url"], "Could not parse"),
        (["export", "customers", "--db", db_url, "-o", str(tmp_path / "no" / "x.csv")], "No such"),
        (["import", "customers", str(tmp_path / "missing.csv"), "--db", db_url], "missing.csv"),
    ]
    for args, words in cases:
        result = crmbot(*args)
        assert result.returncode != 0, args
        assert words in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
