"""Single values as people type them in spreadsheets: dates, amounts, countries and tags."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from zoneinfo import ZoneInfo

from crm_store import normalize


def text(value: str) -> str | None:
    """Trimmed, inner runs of spaces collapsed; None when nothing is left."""
    cleaned = " ".join(value.split())
    return cleaned or None


NUMERIC_DATE = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})"
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$"
)


MONTH_DAY_FIRST_REGIONS = {"US", "CA", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "MP", "UM"}


def day_first(values: Iterable[str], *, region: str) -> bool:
    """Whether "03/04/2025" in this column means 3 April: decided by any value that can only be
    read one way, else by the region's custom (month first in the US)."""
    for value in values:
        found = NUMERIC_DATE.match(value.strip())
        if found:
            first, second = int(found[1]), int(found[2])
            if first > 12 >= second:
                return True
            if second > 12 >= first:
                return False
    return region.upper() not in MONTH_DAY_FIRST_REGIONS


@lru_cache(maxsize=65536)
def parse_moment(value: str, *, day_first: bool) -> datetime | date:
    """A date, or a datetime (aware if it named its offset), from the formats people export.

    ISO 8601, day/month/year or month/day/year with / . or -, and spelled-out months.
    """
    value = value.strip()
    if not value:
        raise ValueError("no date")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return moment.date() if moment.tzinfo is None and moment.time() == time(0) else moment
    if found := NUMERIC_DATE.match(value):
        a, b, year = int(found[1]), int(found[2]), int(found[3])
        day, month = (a, b) if day_first else (b, a)
        if year < 100:
            year += 2000 if year < 70 else 1900
        try:
            if found[4] is None:
                return date(year, month, day)
            hour = int(found[4])
            if found[7]:
                hour = hour % 12 + (12 if found[7].lower() == "pm" else 0)
            return datetime(year, month, day, hour, int(found[5]), int(found[6] or 0))
        except ValueError:
            raise ValueError(f"“{value}” is not a date") from None
    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    parsed = None
    if re.search(r"\d", value):
        import dateparser  # only spelled-out dates need it

        parsed = dateparser.parse(value, settings=settings)
    if parsed is None:
        raise ValueError(f"“{value}” is not a date")
    return parsed.date() if parsed.time() == time(0) and parsed.tzinfo is None else parsed


@lru_cache(maxsize=65536)
def as_utc(moment: datetime | date, *, tz: str) -> datetime:
    """A stored time: an offset is kept, a bare time is local to `tz`, a bare date means noon there
    (so the day stays the same in every neighbouring zone)."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(12))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return moment.astimezone(UTC)


CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CODE = re.compile(r"(?<![A-Z])([A-Z]{3})(?![A-Z])")


PLAIN_AMOUNT = re.compile(r"\d+(?:\.(?:\d{1,2}|\d{4,}))?")


def parse_amount(value: str) -> tuple[Decimal, str | None]:
    """An amount and the currency it names, from "$1,234.50", "1.234,50 €", "EUR 1 234,5" …

    The last of "," and "." is the decimal mark when both appear; a lone separator followed by
    exactly three digits groups thousands ("1,200"), otherwise it is the decimal mark ("12,50").
    """
    if PLAIN_AMOUNT.fullmatch(value):  # "1234.50", as most exports write it: nothing to read
        return Decimal(value), None
    return _parse_amount(value)


@lru_cache(maxsize=65536)
def _parse_amount(value: str) -> tuple[Decimal, str | None]:
    original = value.strip()
    if not original:
        raise ValueError("no amount")
    upper = original.upper()
    currency = None
    for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True):
        if sign in upper:
            currency = CURRENCY_SIGNS[sign]
            upper = upper.replace(sign, " ")
            break
    if found := CODE.search(upper):
        currency = found[1]
        upper = upper.replace(found[1], " ")
    negative = upper.strip().startswith(("-", "(")) or upper.strip().endswith("-")
    digits = re.sub(r"[\s'’\u00a0\u202f()+-]", "", upper)
    if not re.fullmatch(r"[\d.,]*\d[\d.,]*", digits):
        raise ValueError(f"“{original}” is not an amount")
    marks = [c for c in digits if c in ",."]
    decimal_mark = None
    if "," in marks and "." in marks:
        decimal_mark = digits[max(digits.rfind(","), digits.rfind("."))]
    elif len(marks) == 1:
        head, tail = digits.split(marks[0])
        decimal_mark = None if len(tail) == 3 and head.strip("0") else marks[0]
    if decimal_mark:
        head, tail = digits.rsplit(decimal_mark, 1)
        whole = re.sub(r"[.,]", "", head) + "." + tail
    else:
        whole = re.sub(r"[.,]", "", digits)
    try:
        amount = Decimal(whole)
    except InvalidOperation:
        raise ValueError(f"“{original}” is not an amount") from None
    return (-amount if negative else amount), currency


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every country's name in most languages: read when a file first names a country (the
    geocoder's tables take longer to load than a whole import of a file without countries)."""
    from phonenumbers.geocoder import LOCALE_DATA

    names: dict[str, str] = {}
    for region, by_language in LOCALE_DATA.items():
        for name in by_language.values():
            if not name.startswith("*"):
                names.setdefault(normalize.fold(name), region)
        names[region.lower()] = region
    extra = {
        "usa": "US",
        "united states of america": "US",
        "u s a": "US",
        "u s": "US",
        "america": "US",
        "uk": "GB",
        "u k": "GB",
        "great britain": "GB",
        "england": "GB",
        "scotland": "GB",
        "wales": "GB",
        "northern ireland": "GB",
        "holland": "NL",
        "the netherlands": "NL",
        "czechia": "CZ",
        "korea": "KR",
        "south korea": "KR",
        "russia": "RU",
        "uae": "AE",
    }
    names.update(extra)
    return names


@lru_cache(maxsize=4096)
def country(value: str) -> str:
    """An ISO 3166 two-letter code from a code or a country's name in most languages."""
    code = _country_names().get(normalize.fold(value))
    if code is None:
        raise ValueError(f"“{value}” is not a country I know")
    return code


def tags(value: str) -> frozenset[str]:
    """Tags as the bot writes them: folded, spaces as hyphens; separated by , ; or |."""
    if not value.strip():
        return frozenset()
    parts = re.split(r"[,;|]", value)
    return frozenset(tag for part in parts if (tag := normalize.fold(part).replace(" ", "-")[:60]))
