"""`crmbot db upgrade`: apply schema migrations."""

from __future__ import annotations

from bot.commands.options import add_db
from bot.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("db", help="manage the store's schema")
    parser.add_argument("action", choices=["upgrade"], help="upgrade: apply migrations")
    add_db(parser)
    parser.set_defaults(func=run)


def run(args, settings: Settings) -> int:
    from crm_store.db import open_store

    open_store(settings.database_url).dispose()
    print(f"The store at {settings.database_url} is up to date.")
    return 0
