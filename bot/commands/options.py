"""Options several commands share, so they read the same everywhere."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="store URL (default: CRMBOT_DATABASE_URL)")


def add_clock(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--now", metavar="ISO", help="fix the clock, e.g. 2026-11-18T10:00")
    parser.add_argument("--tz", metavar="TZ", help="IANA time zone, e.g. Europe/London")


def fixed_now(value: str | None, tz: str) -> datetime | None:
    """--now as an aware UTC time; a time without an offset is local to `tz`."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return moment.astimezone(UTC)
