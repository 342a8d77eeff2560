"""`crmbot`: the command line. Each sub-command lives in bot/commands/ and is listed there once."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.commands import NAMES, command
from bot.settings import Settings


def build_parser(names: tuple[str, ...] = NAMES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crmbot",
        description="A conversational CRM assistant for Slack, Telegram and the terminal.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in names:
        command(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    only = tuple(n for n in NAMES if given[:1] == [n])  # one command named: load only that one
    args = build_parser(only or NAMES).parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    overrides = {"database_url": args.db} if getattr(args, "db", None) else {}
    settings = Settings(**overrides)
    try:
        return args.func(args, settings)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
