"""`crmbot chat`: talk to the bot in the terminal, as a staff member (the console is trusted)."""

from __future__ import annotations

import getpass
import logging
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.commands.options import add_clock, add_db, fixed_now
from bot.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("chat", help="chat with the bot in the terminal")
    add_db(parser)
    parser.add_argument("--as", dest="name", metavar="NAME", help="act as this staff member")
    parser.add_argument("--demo", action="store_true", help="use a fresh store with demo data")
    parser.add_argument("--json", action="store_true", help="one JSON reply per line")
    parser.add_argument("--files", metavar="DIR", help="where files in replies are written")
    add_clock(parser)
    parser.set_defaults(func=run)


def run(args, settings: Settings) -> int:
    from sqlmodel import select

    from adapters.console import chat, lines_from_terminal  # the bot's handlers: when run
    from bot.dispatch import Bot
    from bot.identity import enrol, staff_for
    from crm_store import demo
    from crm_store.db import open_store, transaction
    from crm_store.models import Role, Staff

    tz = args.tz or settings.tz
    fixed = fixed_now(args.now, tz)
    url = settings.database_url
    if args.demo:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='crmbot-demo-')) / 'demo.db'}"
    engine = open_store(url)
    name = " ".join((args.name or (demo.MANAGER if args.demo else getpass.getuser())).split())
    with transaction(engine) as session:
        if args.demo:
            today = (fixed or datetime.now(UTC)).astimezone(ZoneInfo(tz))
            demo.fill(session, today=today.date())
        staff = staff_for(session, "console", name)
        if staff is None:
            everyone = sorted(session.exec(select(Staff.name)).all())
            if everyone:
                print(
                    f"crmbot: nobody called “{name}” is enrolled in this store. "
                    f"Staff: {', '.join(everyone)}. Chat as one of them with --as NAME, "
                    f'or enrol yourself: crmbot staff add "{name}" --role rep',
                    file=sys.stderr,
                )
                return 2
            enrol(session, name, role=Role.admin.value, tz=args.tz or tz)
            print(
                f"This store had no staff, so you ({name}) are enrolled as its admin. "
                "Enrol colleagues with crmbot staff add NAME --role rep.",
                file=sys.stderr,
            )
        elif args.tz and args.tz != staff.tz:  # --tz is where the sender is: kept, and said
            print(
                f"crmbot: {staff.name}'s time zone is now {args.tz} (was {staff.tz}); digests "
                "and due days follow it.",
                file=sys.stderr,
            )
            enrol(session, name, role=staff.role, tz=args.tz)
    from intents import model as intent_model

    if not intent_model.cached():
        print(
            "Preparing the message reader for its first use on this machine (about two minutes, "
            "once)…",
            file=sys.stderr,
            flush=True,
        )
        intent_model.model()
    if not args.verbose:
        _log_to_file()
    interactive = sys.stdin.isatty()
    if interactive and not args.json:
        print(f"crmbot — you are {name}. Say “help” to see what I can do; Ctrl-D to leave.")
    chat(
        Bot(engine, settings.model_copy(update={"database_url": url, "tz": tz})),
        sender=name,
        lines=lines_from_terminal() if interactive else (line.rstrip("\n") for line in sys.stdin),
        clock=(lambda: fixed) if fixed else (lambda: datetime.now(UTC)),
        files_dir=Path(args.files or settings.files_dir),
        as_json=args.json,
    )
    return 0


def _log_to_file() -> None:
    """What goes wrong while chatting is written to a log file, never between the replies: the
    reply already says it in one sentence."""
    path = Path(tempfile.gettempdir()) / "crmbot-chat.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
