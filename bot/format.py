"""How values read in a reply: money with its currency, dates relative to the reader's today."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def money(amount: Decimal | int | float | str, currency: str) -> str:
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    digits = f"{value:,.2f}".removesuffix(".00")
    symbol = SYMBOLS.get(currency.upper())
    return f"{symbol}{digits}" if symbol else f"{digits} {currency.upper()}"


def day(value: date, *, today: date) -> str:
    """'today', 'tomorrow', 'yesterday', else 'Fri 20 Nov' (with the year when it differs)."""
    delta = (value - today).days
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if delta in named:
        return named[delta]
    return value.strftime("%a %-d %b" if value.year == today.year else "%a %-d %b %Y")


def moment(value: datetime, *, tz: ZoneInfo, today: date) -> str:
    local = value.astimezone(tz)
    return day(local.date(), today=today)


def ago(value: date, *, today: date) -> str:
    days = (today - value).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"
