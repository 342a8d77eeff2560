"""`crmbot parse`: what the parser makes of messages, one JSON object per line (INTENTS.md)."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import intents
from bot.commands.options import add_clock, add_db, fixed_now
from bot.messages import MAX_MESSAGE
from bot.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("parse", help="print the intent and slots of messages")
    parser.add_argument("text", nargs="?", help="the message; without it, one per stdin line")
    add_clock(parser)
    add_db(parser)
    parser.set_defaults(func=run)


def run(args, settings: Settings) -> int:
    tz = args.tz or settings.tz
    lexicon = _lexicon(args.db) if args.db else None
    lines = [args.text] if args.text is not None else (line.rstrip("\n") for line in sys.stdin)
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_MESSAGE:  # the bot refuses these unread, and so does this
            print(
                f"crmbot: message {number} is {len(line):,} characters long; "
                f"only {MAX_MESSAGE:,} are read",
                file=sys.stderr,
            )
            frame = {"intent": "unknown", "confidence": 0.0, "slots": {}}
            print(json.dumps(frame), flush=True)
            continue
        now = fixed_now(args.now, tz) or datetime.now(UTC)
        parsed = intents.parse(line, now=now, tz=tz, lexicon=lexicon)
        frame = {"intent": parsed.intent, "confidence": parsed.confidence, "slots": parsed.slots}
        print(json.dumps(frame, ensure_ascii=False), flush=True)
    return 0


def _lexicon(url: str) -> intents.Lexicon:
    """The store's names, read once: `--db` parses as the bot does in chat."""
    from bot.lexicon import build
    from crm_store.db import make_engine, transaction

    with transaction(make_engine(url)) as session:
        return build(session)
