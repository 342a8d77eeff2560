"""`crmbot digest`: print a staff member's digest, or send the digests that are due now."""

from __future__ import annotations

import getpass
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from bot.commands.options import add_db, fixed_now
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.messages import Reply
    from crm_store.models import Staff


class PrintSender:
    """The console's way of "sending": print the digest with whom it is for."""

    def __init__(self, out=None) -> None:
        self.out = out or sys.stdout

    def send(self, staff: Staff, reply: Reply) -> None:
        from bot.messages import plain_text

        self.out.write(f"— digest for {staff.name} —\n{plain_text(reply)}\n\n")


def register(subparsers) -> None:
    parser = subparsers.add_parser("digest", help="print the daily digest, or send the due ones")
    add_db(parser)
    parser.add_argument("--as", dest="name", metavar="NAME", help="whose digest (a staff name)")
    parser.add_argument("--date", metavar="D", help="the digest of this day, e.g. 2026-11-18")
    parser.add_argument("--now", metavar="ISO", help="fix the clock, e.g. 2026-11-18T08:30")
    parser.add_argument(
        "--send", action="store_true", help="send every digest due now, through its platform"
    )
    parser.set_defaults(func=run)


def senders(settings: Settings, *, console: bool = True) -> dict[str, object]:
    """Every platform this configuration can send to; the console prints."""
    found: dict[str, object] = {"console": PrintSender()} if console else {}
    if settings.slack_bot_token:
        from adapters.slack import SlackSender

        found["slack"] = SlackSender(settings)
    if settings.telegram_bot_token:
        from adapters.telegram import TelegramSender

        found["telegram"] = TelegramSender(settings)
    return found


def run(args, settings: Settings) -> int:
    from bot import digest  # pandas and the handlers: only when a digest is made
    from bot.identity import staff_for
    from bot.messages import plain_text
    from bot.scheduler import DigestScheduler
    from crm_store.db import open_store, transaction

    engine = open_store(settings.database_url)
    now = fixed_now(args.now, settings.tz) or datetime.now(UTC)
    if args.send:
        scheduler = DigestScheduler(engine, settings, senders(settings), clock=lambda: now)
        sent = scheduler.run_once(now)
        names = f": {', '.join(sent)}." if sent else "."
        print(f"Sent {len(sent)} digest{'s' * (len(sent) != 1)}{names}")
        return 0
    name = args.name or getpass.getuser()
    with transaction(engine) as session:
        staff = staff_for(session, "console", name)
        if staff is None:
            print(f"crmbot: no staff member is called “{name}” (crmbot staff list).")
            return 2
        try:
            day = (
                date.fromisoformat(args.date)
                if args.date
                else digest.local_today(staff, now, settings)
            )
        except ValueError:
            print(f"crmbot: “{args.date}” is not a date like 2026-11-18.")
            return 2
        print(plain_text(digest.build(session, staff, today=day, settings=settings)))
    return 0
