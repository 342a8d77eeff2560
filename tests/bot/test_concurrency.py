"""Two bot processes and an import adding the same people at once, against one PostgreSQL: each
person ends up as one customer."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from bot.identity import enrol
from crm_store.db import make_engine

ROOT = Path(__file__).resolve().parents[2]
FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Edsger",
    "Barbara",
    "Donald",
    "Frances",
    "John",
    "Radia",
    "Ken",
    "Margaret",
    "Dennis",
    "Hedy",
    "Tim",
    "Sophie",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Allen",
    "Backus",
    "Perlman",
    "Thompson",
]
PEOPLE = [
    (f"{first} {last}", f"{first}.{last}@example.com".lower(), f"+1 212 555 {1000 + n}")
    for n, (first, last) in enumerate((f, la) for la in LAST for f in FIRST)
]


def crmbot(*args: str, stdin: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        stdin=stdin.open(encoding="utf-8") if stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.postgres
def test_two_bots_and_an_import_adding_the_same_people_leave_one_customer_each(
    postgres_url, tmp_path
):
    engine = make_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("TRUNCATE customers, audit_log, staff RESTART IDENTITY CASCADE"))
    with Session(engine) as session:
        for name in ("Sam", "Dana"):
            enrol(session, name, role="rep", tz="UTC")
        session.commit()
    said = tmp_path / "said.txt"
    said.write_text(
        "".join(
            f"add customer {name} at {name.split()[1]} Labs, {email}, {phone}\n"
            for name, email, phone in PEOPLE
        ),
        encoding="utf-8",
    )
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "name,email,phone\n" + "".join(f"{n},{e},{p}\n" for n, e, p in PEOPLE), encoding="utf-8"
    )
    processes = [
        crmbot("chat", "--db", postgres_url, "--as", "Sam", stdin=said),
        crmbot("chat", "--db", postgres_url, "--as", "Dana", stdin=said),
        crmbot("import", "customers", str(sheet), "--db", postgres_url),
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0], outputs
    for output, errors in outputs:
        assert "Traceback" not in errors and "went wrong" not in output, (output, errors)
    with engine.connect() as connection:
        live = connection.execute(
            text("SELECT email, phone FROM customers WHERE forgotten_at IS NULL")
        ).all()
    engine.dispose()
    assert sorted(email for email, _ in live) == sorted(email for _, email, _ in PEOPLE)
    assert len({phone for _, phone in live}) == len(PEOPLE)
