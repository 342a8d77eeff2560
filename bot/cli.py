"""`crmbot`: the command line. Each sub-command lives in bot/commands/ and is listed there once."""

from __future__ import annotations

import argparse
import atexit
import gc
import logging
import sys

from bot.commands import NAMES, command, owner
from bot.errors import describe, one_line
from bot.settings import Settings

log = logging.getLogger("crmbot")


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
    if argv is None:  # the process ends with this command: the collection of every object left
        # (about 0.3 s after an import, with pandas and SQLAlchemy loaded) frees nothing the
        # system does not take back at exit anyway
        atexit.register(gc.freeze)
    # one command named: load only its module (`import` lives in data.py); the only options
    # before it (-v, -h) take no value, so it is the first word that is not one
    named = owner(next((word for word in given if not word.startswith("-")), ""))
    only = (named,) if named else ()
    args = build_parser(only or NAMES).parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    overrides = {"database_url": args.db} if getattr(args, "db", None) else {}
    try:
        return args.func(args, Settings(**overrides))
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if _foreseen(error):  # a bad option, file, time zone or store: one line says which,
            # never a traceback
            log.info("crmbot %s failed\n%s", args.command, describe(error))
            print(f"crmbot: {one_line(error)}", file=sys.stderr)
            return 1
        log.info("crmbot %s failed\n%s", args.command, describe(error))
        print(
            f"crmbot: something went wrong ({type(error).__name__}); crmbot -v {args.command} … "
            "logs where.",
            file=sys.stderr,
        )
        return 1


def _foreseen(error: Exception) -> bool:
    """A bad option, file, time zone or store. SQLAlchemy is only looked at if the command
    loaded it: `crmbot parse` starts without it."""
    if isinstance(error, ValueError | LookupError | OSError):
        return True
    store = sys.modules.get("sqlalchemy.exc")
    return store is not None and isinstance(error, store.SQLAlchemyError)


if __name__ == "__main__":
    sys.exit(main())
