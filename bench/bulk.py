"""How long a change to many customers takes: preview, confirm and undo of one rep's whole book.

    python bench/bulk.py [--customers 5000] [--db URL ...]

Without --db it runs on a fresh SQLite file and on a throwaway database created on the local
PostgreSQL server (postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped afterwards. The
store is filled with the demo data (four staff, three of them reps); the manager then hands the
first rep's whole book to another rep, confirms, and undoes it, each step as a chat command.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import make_url, text
from sqlmodel import Session, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.dispatch import Bot  # noqa: E402
from bot.messages import Message  # noqa: E402
from bot.settings import Settings  # noqa: E402
from crm_store import demo  # noqa: E402
from crm_store.db import make_engine, upgrade  # noqa: E402
from crm_store.models import Customer, Staff  # noqa: E402
from intents import Parsed  # noqa: E402

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)


def run(url: str, customers: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as session:
        demo.fill(session, today=date(2026, 11, 18), customers=customers)
        session.commit()
        reps = session.exec(select(Staff).where(Staff.role == "rep").order_by(Staff.id)).all()
        manager = session.exec(select(Staff).where(Staff.role == "manager")).first()
        book = session.exec(
            select(func.count()).select_from(Customer).where(Customer.owner_id == reps[0].id)
        ).one()
    bot = Bot(engine, Settings(database_url=url))
    ids = iter(range(1, 1_000_000))

    def message(text_: str = "") -> Message:
        return Message("console", manager.name, "bench", text_, NOW, f"b{next(ids)}")

    change = Parsed(
        "customer.bulk_update", {"owner": reps[0].name, "field": "owner", "value": reps[1].name}
    )
    steps = [
        ("preview", lambda: bot.run_intent(message(), change)),
        ("confirm", lambda: bot.handle(message("yes"))),
        ("undo", lambda: bot.handle(message("undo"))),
    ]
    print(
        f"{make_url(url).get_backend_name()}: {customers:,} customers, {book:,} in the book moved"
    )
    for label, step in steps:
        started = time.perf_counter()
        reply = step()
        elapsed = time.perf_counter() - started
        print(f"  {label:<8} {elapsed:6.2f} s   {reply.text.splitlines()[0][:70]}")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--db", action="append", help="a SQLite file URL or a PostgreSQL server")
    args = parser.parse_args()
    for url in args.db or ["sqlite", POSTGRES]:
        if url == "sqlite" or url.startswith("sqlite"):
            folder = tempfile.mkdtemp()
            try:
                run(f"sqlite:///{folder}/bench.db" if url == "sqlite" else url, args.customers)
            finally:
                shutil.rmtree(folder)
            continue
        admin = make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
        name = f"crmbot_bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run(
                make_url(url).set(database=name).render_as_string(hide_password=False),
                args.customers,
            )
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
