"""Options several commands share, so they read the same everywhere."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="store URL (default: CRMBOT_DATABASE_URL)")


def add_clock(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--now", metavar="ISO", help="fix the clock, e.g. 2026-11-18T10:00")
    parser.add_argument("--tz", metavar="TZ", help="IANA time zone, e.g. Europe/London")


def fixed_now(value: str | None, tz: str) -> datetime | None:
    """--now as an aware UTC time; a time without an offset is local to `tz`."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--now wants a time like 2026-11-18T10:00, not “{value}”") from None
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"“{tz}” is not a time zone (try e.g. Europe/Berlin)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)
