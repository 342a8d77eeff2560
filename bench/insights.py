"""How fast the insights answer on a big store: RFM + a segment, a 12-month report, 50 digests.

    python bench/insights.py [--customers 100000] [--purchases 1000000] [--db URL ...]

Without --db it runs on a fresh SQLite file and on a throwaway database created on the local
PostgreSQL server (postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped afterwards. A
PostgreSQL --db names the server to create the throwaway database on; a SQLite --db names a new
file. Every answer goes through the bot as a chat message would. It also back-tests the 12-month
forecast on the generated history (a year cut off and predicted).

The generated customers buy as a Poisson process at their own rate (gamma distributed, mean 3.4
orders a year) with their own order size (log-normal), and each stops buying at an exponential
time (mean 3 years), over a history of three years.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from throwaway import throwaway_postgres  # noqa: E402

from bot.dispatch import Bot  # noqa: E402
from bot.messages import Message  # noqa: E402
from bot.scheduler import DigestScheduler  # noqa: E402
from bot.settings import Settings  # noqa: E402
from crm_store import analytics  # noqa: E402
from crm_store.db import make_engine, transaction, upgrade  # noqa: E402
from crm_store.models import (  # noqa: E402
    Customer,
    Interaction,
    NpsAnswer,
    Product,
    Purchase,
    Staff,
    Task,
)

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TODAY = date(2026, 11, 18)
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
HISTORY_DAYS = 3 * 365
CITIES = ["Berlin", "London", "New York", "Paris", "Madrid", "Austin", "Toronto", "Munich"]
PRODUCTS = [
    ("CRM Starter", "CRM Suite", 1, 300),
    ("CRM Pro", "CRM Suite", 2, 900),
    ("CRM Enterprise", "CRM Suite", 3, 2400),
    ("Support Basic", "Support", 1, 200),
    ("Support Premium", "Support", 2, 600),
    ("Analytics Add-on", "Analytics", 1, 450),
    ("Analytics Pro", "Analytics", 2, 1100),
    ("API Access", "Integrations", 1, 350),
    ("Training Workshop", "Services", 1, 1500),
    ("Onboarding Package", "Services", 2, 2000),
]
MANAGERS = 5
REPS = 45  # with the managers, 50 digest subscribers


def generate(customers: int, purchases: int, seed: int = 11):
    """Rows for every table, deterministic for a seed; purchases are scaled to the wanted count."""
    rng = random.Random(seed)
    staff = [
        {"id": n + 1, "name": f"Manager {n + 1}", "role": "manager", "tz": "UTC"}
        for n in range(MANAGERS)
    ]
    staff += [
        {"id": MANAGERS + n + 1, "name": f"Rep {n + 1}", "role": "rep", "tz": "UTC"}
        for n in range(REPS)
    ]
    for member in staff:
        member.update(digest_time=time_of_day(8), digest_platform="bench", created_at=NOW)
    people, rates = [], []
    for n in range(customers):
        people.append(
            {
                "id": n + 1,
                "name": f"Customer {n + 1}",
                "company": f"Company {n % 5000}" if n % 3 else None,
                "city": CITIES[n % len(CITIES)],
                "owner_id": MANAGERS + 1 + n % REPS,
                "stage": "customer",
                "created_at": NOW - timedelta(days=rng.randint(0, HISTORY_DAYS)),
                "updated_at": NOW,
                "consent_marketing": False,
            }
        )
        rates.append(rng.gammavariate(1.2, 1.0))
    windows = []
    for _ in people:
        start = rng.randint(0, HISTORY_DAYS - 30)
        windows.append((start, min(HISTORY_DAYS, start + int(rng.expovariate(1 / (3 * 365))))))
    exposure = sum(
        rate * (end - start) / 365 for rate, (start, end) in zip(rates, windows, strict=True)
    )
    scale = purchases / exposure
    sold = []
    for person, rate, (start, churn) in zip(people, rates, windows, strict=True):
        yearly = rate * scale
        size = rng.lognormvariate(6.0, 0.7)
        day = start
        while len(sold) < purchases:
            day += int(rng.expovariate(yearly / 365)) + 1 if yearly > 0 else HISTORY_DAYS
            if day >= min(churn, HISTORY_DAYS):
                break
            product = PRODUCTS[rng.randrange(len(PRODUCTS))][0]
            sold.append(
                {
                    "customer_id": person["id"],
                    "product": product,
                    "quantity": 1,
                    "amount": f"{size * rng.uniform(0.8, 1.2):.2f}",
                    "currency": "USD",
                    "purchased_on": TODAY - timedelta(days=HISTORY_DAYS - day),
                    "staff_id": person["owner_id"],
                    "created_at": NOW,
                }
            )
    contacts = [
        {
            "customer_id": rng.randint(1, customers),
            "channel": rng.choice(["call", "email", "meeting"]),
            "summary": "talked",
            "occurred_at": NOW - timedelta(minutes=rng.randint(60, 400 * 24 * 60)),
            "staff_id": rng.randint(MANAGERS + 1, MANAGERS + REPS),
            "created_at": NOW,
        }
        for _ in range(customers * 2)
    ]
    nps = [
        {
            "customer_id": rng.randint(1, customers),
            "score": rng.randint(0, 10),
            "answered_on": TODAY - timedelta(days=rng.randint(1, 365)),
            "created_at": NOW,
        }
        for _ in range(customers // 10)
    ]
    tasks = [
        {
            "assignee_id": rng.randint(MANAGERS + 1, MANAGERS + REPS),
            "customer_id": rng.randint(1, customers),
            "text": "follow up",
            "due": TODAY + timedelta(days=rng.randint(-20, 20)),
            "status": "open",
            "created_at": NOW,
        }
        for _ in range(customers // 20)
    ]
    return staff, people, sold, contacts, nps, tasks


def load(engine, rows) -> float:
    staff, people, sold, contacts, nps, tasks = rows
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(insert(Staff), staff)
        connection.execute(
            insert(Product),
            [
                {"name": n, "family": f, "tier": t, "price": p, "currency": "USD"}
                for n, f, t, p in PRODUCTS
            ],
        )
        for model, batch in (
            (Customer, people),
            (Purchase, sold),
            (Interaction, contacts),
            (NpsAnswer, nps),
            (Task, tasks),
        ):
            if engine.dialect.name == "postgresql":
                _copy(connection, model.__tablename__, batch)
            else:
                for start in range(0, len(batch), 50_000):
                    connection.execute(insert(model), batch[start : start + 50_000])
        if engine.dialect.name == "postgresql":
            for table in ("staff", "customers", "purchases", "interactions", "nps_answers"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
            connection.execute(text("ANALYZE"))
    return time.perf_counter() - started


def _copy(connection, table: str, batch: list[dict]) -> None:
    columns = list(batch[0])
    raw = connection.connection.dbapi_connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in batch:
            copy.write_row([row[c] for c in columns])


def timed(label: str, action) -> float:
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    print(f"  {label:<44} {elapsed:6.2f} s   {result}")
    return elapsed


def bench(url: str, rows, customers: int, purchases: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    print(f"{engine.dialect.name}: {customers:,} customers, {len(rows[2]):,} purchases")
    print(f"  {'bulk load':<44} {load(engine, rows):6.2f} s")
    settings = Settings(database_url=url, tz="UTC")
    bot = Bot(engine, settings)

    def say(words: str):
        reply = bot.handle(Message("console", "Manager 1", "bench", words, NOW, uuid.uuid4().hex))
        return reply.text.splitlines()[0][:60] if reply.text else reply.title

    timed("RFM + “at risk customers in Berlin”", lambda: say("at risk customers in Berlin"))
    timed("RFM + “high value customers”", lambda: say("high value customers"))
    timed("“revenue by month” (12 months, with chart)", lambda: say("revenue by month"))
    timed("“next best actions” (the whole team)", lambda: say("next best actions"))

    class Discard:
        def send(self, staff, reply) -> None:
            pass

    scheduler = DigestScheduler(engine, settings, {"bench": Discard()})
    timed("50 digests (one scheduler tick)", lambda: f"{len(scheduler.run_once(NOW))} sent")
    with transaction(engine) as session:
        result = analytics.backtest(session, cutoff=TODAY - timedelta(days=365))
    print(
        f"  12-month forecast back-test: {result.customers:,} customers, total "
        f"{result.total_error:+.1%} vs actual, MAE {result.mae} vs {result.naive_mae} for "
        f"repeating last year ({result.improvement:+.0%}), correlation "
        f"{result.correlation:.2f} vs {result.naive_correlation:.2f}"
    )
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", metavar="URL", help="store(s) to bench")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--purchases", type=int, default=1_000_000)
    args = parser.parse_args()
    started = time.perf_counter()
    rows = generate(args.customers, args.purchases)
    print(f"generated in {time.perf_counter() - started:.1f} s")
    scratch = Path(tempfile.mkdtemp(prefix="crmbot-bench-"))
    targets = args.db or [f"sqlite:///{scratch / 'bench.db'}", POSTGRES]
    for target in targets:
        if target.startswith("postgresql"):
            url, drop = throwaway_postgres(target)
            try:
                bench(url, rows, args.customers, args.purchases)
            finally:
                drop()
        else:
            bench(target, rows, args.customers, args.purchases)
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
