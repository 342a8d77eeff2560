"""How values read in a reply: money with its currency, dates relative to the reader's today."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def listed(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C": names as a sentence says them."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


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
    """The day of a stored moment, where the reader is (the store keeps moments in UTC, without
    a zone on SQLite)."""
    local = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(tz)
    return day(local.date(), today=today)


def ago(value: date, *, today: date) -> str:
    days = (today - value).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def forecast(figures, currency: str) -> str:
    """A forecast in words a manager trusts, rounded no finer than it is known:
    "likely still buying: 35%; next 12 months ≈ 2 orders, ≈ $400"."""
    months = round(figures.horizon_days / 30.4)
    span = "next 12 months" if months == 12 else f"next {months} months"
    orders = figures.expected_orders
    count = f"{orders:.1f}" if orders < 0.95 else f"{orders:.0f}"
    plural = "" if count == "1" else "s"
    worth = about_money(figures.expected_value_cents / 100, currency)
    said = f"{span} ≈ {count} order{plural}, ≈ {worth}"
    if figures.p_alive is not None:
        said = f"likely still buying: {chance(figures.p_alive)}; " + said
    if figures.model == "averages":
        said += f" (store averages: {figures.reason})"
    return said


def about_money(amount: float, currency: str) -> str:
    """A forecast amount, rounded no finer than it is known: "$19,000"."""
    return money(_two_figures(amount), currency)


def _two_figures(amount: float) -> int:
    """Two significant figures: 18,820 → 19,000; 437 → 440."""
    if amount < 10:
        return round(amount)
    digits = len(str(int(amount))) - 2
    return int(round(amount, -digits))


def chance(probability: float) -> str:
    """A probability to the nearest 5%, never a certainty the model can't claim: "35%",
    "over 95%", "under 5%"."""
    if probability >= 0.975:
        return "over 95%"
    if probability < 0.025:
        return "under 5%"
    return f"{5 * round(probability * 20)}%"
