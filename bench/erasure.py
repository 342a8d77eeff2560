"""How long a complete erasure takes on a big store: one "forget" through the bot, confirmed.

    python bench/erasure.py [--customers 100000] [--db URL ...]

Without --db it runs on a fresh SQLite file and on a throwaway database created on the local
PostgreSQL server (postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped afterwards. The
store holds, per customer, two contact notes, an audit entry for the customer and one per note,
and a task for every tenth; the erased person is also named in a colleague's note on another
customer. Erasure reads every free text and audit entry that may name them, so this is the
figure that grows with the store.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import make_url, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.dispatch import Bot  # noqa: E402
from bot.messages import Message  # noqa: E402
from bot.settings import Settings  # noqa: E402
from crm_store.db import make_engine, upgrade  # noqa: E402
from crm_store.importing.base import bulk_insert  # noqa: E402
from crm_store.models import AuditEntry, Customer, Interaction, Staff, Task  # noqa: E402

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
KEY = "bench-erasure-key-0123456789abcdefghijkl"


def rows(customers: int) -> dict:
    people = [
        {
            "id": n,
            "name": f"Person {n:06d}",
            "company": f"Company {n % 5000}",
            "email": f"person{n}@example.com",
            "phone": f"+1212{n:07d}",
            "city": "Berlin",
            "owner_id": 2,
            "stage": "customer",
            "stage_changed_at": NOW,
            "created_at": NOW,
            "updated_at": NOW,
            "consent_marketing": False,
        }
        for n in range(1, customers + 1)
    ]
    notes = [
        {
            "id": 2 * n + k - 1,
            "customer_id": n,
            "channel": "call",
            "summary": f"call {k} with person {n:06d} about the renewal and seats",
            "occurred_at": NOW - timedelta(days=k),
            "staff_id": 2,
            "created_at": NOW,
        }
        for n in range(1, customers + 1)
        for k in (0, 1)
    ]
    notes[-1]["summary"] = "Person 000007 referred them; her number is +1 212 000 0007"
    tasks = [
        {
            "assignee_id": 2,
            "customer_id": n,
            "text": f"follow up with Person {n:06d}",
            "status": "open",
            "created_at": NOW,
        }
        for n in range(10, customers + 1, 10)
    ]
    audit = [
        {
            "command_id": uuid.uuid4().hex,
            "staff_id": 2,
            "at": NOW,
            "action": "customer.create",
            "entity": "customers",
            "entity_id": p["id"],
            "before": None,
            "after": {k: str(v) for k, v in p.items()},
            "description": f"added {p['name']} ({p['company']})",
        }
        for p in people
    ] + [
        {
            "command_id": uuid.uuid4().hex,
            "staff_id": 2,
            "at": NOW,
            "action": "interaction.log",
            "entity": "interactions",
            "entity_id": note["id"],
            "before": None,
            "after": {k: str(v) for k, v in note.items()},
            "description": f"call with Person {note['customer_id']:06d}",
        }
        for note in notes
    ]
    return {"customers": people, "interactions": notes, "tasks": tasks, "audit_log": audit}


def bench(url: str, data: dict) -> None:
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as connection:
        bulk_insert(
            connection,
            Staff.__table__,
            [
                {"id": 1, "name": "Alex", "role": "manager", "tz": "UTC", "created_at": NOW},
                {"id": 2, "name": "Sam", "role": "rep", "tz": "UTC", "created_at": NOW},
            ],
        )
        for model in (Customer, Interaction, Task, AuditEntry):
            bulk_insert(connection, model.__table__, data[model.__tablename__])
        if engine.dialect.name == "postgresql":
            for table in ("staff", "customers", "interactions", "audit_log"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT MAX(id) FROM {table}))"
                    )
                )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    bot = Bot(engine, Settings(database_url=url, erasure_key=KEY))
    said = [
        Message("console", "Alex", "bench", text, NOW, event_id=uuid.uuid4().hex)
        for text in ("forget #7", "yes")
    ]
    bot.handle(said[0])
    started = time.perf_counter()
    reply = bot.handle(said[1])
    took = time.perf_counter() - started
    engine.dispose()
    audit = len(data["audit_log"])
    print(
        f"{engine.dialect.name:10}  erasure of one customer: {took:.2f} s  "
        f"({len(data['customers']):,} customers, {len(data['interactions']):,} notes, "
        f"{audit:,} audit entries)"
    )
    assert reply.text.startswith("Erased the personal data of Person 000007"), reply.text


def throwaway_postgres(server: str):
    admin = make_engine(server).execution_options(isolation_level="AUTOCOMMIT")
    name = f"crmbot_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    return admin, name, make_url(server).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", metavar="URL", help="store(s) to bench")
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args()
    data = rows(args.customers)
    for url in args.db or ["sqlite", POSTGRES]:
        if url == "sqlite" or url.startswith("sqlite"):
            folder = tempfile.mkdtemp(prefix="crmbot-bench-")
            bench(f"sqlite:///{folder}/bench.db" if url == "sqlite" else url, data)
            continue
        admin, name, store = throwaway_postgres(url)
        try:
            bench(store, data)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
