"""How fast Telegram answers a burst: many reps writing at once, through python-telegram-bot.

    python bench/telegram_burst.py [--reps 20] [--messages 10] [--latency 0.1] [--postgres URL]

The real PTB Application polls a local fake Bot API (tests/fakes/telegram_api.py) holding the
whole burst: profiles, logged calls and task lists. Printed: the time until every update is
answered and each update's wait from the start of the burst, with updates handled one at a time
and with chats served concurrently (each chat in order), on SQLite and a throwaway PostgreSQL
database, with the fake answering each call after `--latency` seconds (a round trip to
api.telegram.org) and at once.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import make_url, text
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adapters import telegram  # noqa: E402
from bot.dispatch import Bot  # noqa: E402
from bot.identity import enrol  # noqa: E402
from bot.settings import Settings  # noqa: E402
from crm_store.db import make_engine, upgrade  # noqa: E402
from crm_store.models import Customer  # noqa: E402
from tests.fakes.telegram_api import FakeTelegram  # noqa: E402

COMPANIES = 200


def seed(engine, reps: int) -> None:
    with Session(engine) as session:
        staff = [
            enrol(session, f"Rep {n}", role="rep", telegram_id=str(1000 + n), tz="UTC")
            for n in range(reps)
        ]
        session.add_all(
            Customer(
                name=f"Contact {n}", company=f"Company{n:03d} Ltd", owner_id=staff[n % reps].id
            )
            for n in range(COMPANIES)
        )
        session.commit()


def burst(fake: FakeTelegram, reps: int, messages: int) -> int:
    sentences = (
        "tell me about company{:03d}",
        "called company{:03d}, discussed pricing, follow up next week",
        "my tasks",
    )
    for m in range(messages):
        for r in range(reps):
            company = (r * messages + m) % COMPANIES
            fake.send_text(1000 + r, sentences[m % len(sentences)].format(company))
    return reps * messages


def run(
    url: str, reps: int, messages: int, concurrent: int, latency: float
) -> tuple[float, list[float]]:
    engine = make_engine(url)
    upgrade(engine)
    seed(engine, reps)
    core = Bot(engine, Settings(database_url=url, tz="UTC"))
    with FakeTelegram() as fake:
        fake.latency = latency
        settings = Settings(
            database_url=url, telegram_bot_token="123:BENCH", telegram_api_url=fake.base_url
        )
        application = telegram.build_application(core, settings, concurrent_updates=concurrent)
        total = burst(fake, reps, messages)
        started = time.monotonic()
        asyncio.run(_serve_until_answered(application, fake, total))
        took = time.monotonic() - started
        waits = [call.at - started for call in fake.calls if call.method == "sendMessage"]
        answered = Counter(params["chat_id"] for params in fake.sent())
    engine.dispose()
    if sorted(answered.values()) != [messages] * reps:
        raise SystemExit(f"some updates got no single answer: {answered}")
    return took, waits


async def _serve_until_answered(application, fake: FakeTelegram, total: int) -> None:
    async with application:
        await application.start()
        await application.updater.start_polling(poll_interval=0, timeout=1)
        await asyncio.to_thread(fake.wait_for, "sendMessage", total, timeout=600)
        await application.updater.stop()
        await application.stop()


@contextmanager
def postgres_store(server: str) -> Iterator[str]:
    """A throwaway database on `server`, dropped afterwards."""
    admin = make_engine(server).execution_options(isolation_level="AUTOCOMMIT")
    name = f"crmbot_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--messages", type=int, default=10, help="per rep")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per API call")
    parser.add_argument(
        "--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test", metavar="URL"
    )
    args = parser.parse_args()
    modes = {1: "one at a time", telegram.CONCURRENT_UPDATES: "chats at once"}
    with tempfile.TemporaryDirectory() as folder:
        for latency in (args.latency, 0.0):
            for label in ("SQLite", "PostgreSQL"):
                for concurrent, mode in modes.items():
                    if label == "SQLite":
                        file = Path(folder) / f"bench-{uuid.uuid4().hex[:8]}.db"
                        store = nullcontext(f"sqlite:///{file}")
                    else:
                        store = postgres_store(args.postgres)
                    with store as url:
                        took, waits = run(url, args.reps, args.messages, concurrent, latency)
                    print(
                        f"API {latency * 1000:3.0f} ms  {label:<11} {mode:<14} "
                        f"{len(waits):>4} updates in {took:6.2f} s = {len(waits) / took:5.1f}/s;"
                        f" wait median {statistics.median(waits):5.2f} s, "
                        f"p95 {statistics.quantiles(waits, n=20)[18]:5.2f} s"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
