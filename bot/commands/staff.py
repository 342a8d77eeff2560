"""`crmbot staff add|list`: who may talk to the bot, with which role and platform ids."""

from __future__ import annotations

from bot.commands.options import add_db
from bot.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("staff", help="enrol staff and list them")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="enrol a staff member (or update one by name)")
    add.add_argument("name")
    add.add_argument("--role", default="rep", help="rep, manager or admin")
    add.add_argument("--slack", metavar="UID", help="Slack user id, e.g. U012AB3CD")
    add.add_argument("--telegram", metavar="ID", help="numeric Telegram user id")
    add.add_argument("--tz", metavar="TZ", help="IANA time zone, e.g. Europe/Berlin")
    add_db(add)
    listing = actions.add_parser("list", help="list staff")
    add_db(listing)
    parser.set_defaults(func=run)


def run(args, settings: Settings) -> int:
    from rich.console import Console  # the store and its libraries: only when run
    from rich.table import Table
    from sqlmodel import select

    from bot.identity import enrol
    from crm_store.db import open_store, transaction
    from crm_store.models import Role, Staff

    if args.action == "add" and args.role not in Role.__members__:
        print(f"crmbot: --role is rep, manager or admin, not “{args.role}”.")
        return 2
    engine = open_store(settings.database_url)
    with transaction(engine) as session:
        if args.action == "add":
            try:
                staff = enrol(
                    session,
                    args.name,
                    role=args.role,
                    slack_id=args.slack,
                    telegram_id=args.telegram,
                    tz=args.tz or settings.tz,
                )
            except ValueError as error:
                print(f"crmbot: {error}")
                return 2
            print(f"{staff.name} is enrolled as {staff.role} (#{staff.id}).")
            return 0
        table = Table("#", "Name", "Role", "Time zone", "Slack", "Telegram", "Digest")
        for s in session.exec(select(Staff).order_by(Staff.name)):
            digest = f"{s.digest_time:%H:%M} via {s.digest_platform}" if s.digest_time else ""
            table.add_row(
                str(s.id), s.name, s.role, s.tz, s.slack_id or "", s.telegram_id or "", digest
            )
        Console().print(table)
    return 0
