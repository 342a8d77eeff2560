"""`crmbot demo`: fill a store with the deterministic demo data."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.commands.options import add_clock, add_db, fixed_now
from bot.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("demo", help="fill an empty store with demo data")
    add_db(parser)
    add_clock(parser)
    parser.set_defaults(func=run)


def run(args, settings: Settings) -> int:
    from crm_store import demo
    from crm_store.db import open_store, transaction

    tz = args.tz or settings.tz
    now = fixed_now(args.now, tz) or datetime.now(UTC)
    engine = open_store(settings.database_url)
    try:
        with transaction(engine) as session:
            demo.fill(session, today=now.astimezone(ZoneInfo(tz)).date())
    except ValueError as error:
        print(f"crmbot: {error}")
        return 1
    command = shlex.join(["crmbot", "chat", "--db", settings.database_url, "--as", demo.MANAGER])
    print(f"Demo data is in {settings.database_url}. Chat with it: {command}")
    return 0
