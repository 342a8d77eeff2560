"""Values checked before anything is written, so the store never holds the impossible.

Every check either returns the clean value or raises `UserError` with one sentence that names the
value as the user gave it. Limits come from the schema itself (column lengths, Numeric precision),
so PostgreSQL never refuses what a handler accepted and SQLite never stores what PostgreSQL would
refuse.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Numeric, String, TypeDecorator
from sqlmodel import SQLModel

from bot.context import UserError

INT_MAX = 2**31 - 1  # the largest INTEGER PostgreSQL stores
SLOT_WORDS = {
    "due": "date",
    "follow_up": "follow-up date",
    "occurred_on": "date",
    "date": "date",
    "amount": "amount (more than 0)",
    "min_value": "amount (0 or more)",
    "max_value": "amount (0 or more)",
    "score": "NPS score (a whole number from 0 to 10)",
    "quantity": "quantity (a whole number from 1)",
    "task_id": "task number",
    "no_purchase_days": "number of days (a whole number from 1)",
    "no_contact_days": "number of days (a whole number from 1)",
    "no_stage_change_days": "number of days (a whole number from 1)",
}


def refuse_invalid(slots: dict[str, Any], *, write: bool = True) -> None:
    """The parser heard a value that cannot be right ("31/02", "nps -3"): say so in its words."""
    invalid = slots.get("invalid")
    if not invalid:
        return
    after = " Nothing was saved." if write else ""
    if not isinstance(invalid, dict):
        raise UserError(f"I can't use “{invalid}”.{after}")
    slot, typed = next(iter(invalid.items()))
    what = SLOT_WORDS.get(slot, str(slot).replace("_", " "))
    raise UserError(f"“{typed}” is not a valid {what}.{after}")


def column_limit(model: type[SQLModel], field: str) -> int | None:
    """The longest text the schema allows in `model.field` (None: unlimited)."""
    column_type = model.__table__.c[field].type
    if isinstance(column_type, TypeDecorator):  # SQLModel's AutoString wraps a String
        column_type = column_type.impl
    return column_type.length if isinstance(column_type, String) else None


def text(value: Any, model: type[SQLModel], field: str, *, what: str) -> str:
    """Text for a column: whitespace tidied, no NUL bytes, no longer than the column allows."""
    cleaned = " ".join(str(value).split())
    if "\x00" in cleaned:
        raise UserError(f"The {what} contains a NUL character, which I can't store.")
    limit = column_limit(model, field)
    if limit is not None and len(cleaned) > limit:
        raise UserError(
            f"The {what} is {len(cleaned):,} characters long; the most I can keep is {limit:,}. "
            "Nothing was saved."
        )
    return cleaned


def numeric_ceiling(model: type[SQLModel], field: str) -> Decimal:
    """The largest value a Numeric(precision, scale) column holds on every database."""
    column_type = model.__table__.c[field].type
    assert isinstance(column_type, Numeric)
    whole_digits = column_type.precision - column_type.scale
    step = Decimal(1).scaleb(-column_type.scale)
    return Decimal(10) ** whole_digits - step


def amount(value: Any, *, ceiling: Decimal, model: type[SQLModel], field: str) -> Decimal:
    """Money for one line: a finite number above zero, at most `ceiling` and what the column holds.

    `ceiling` is the configured per-line limit; the column's own range caps it whatever its value.
    """
    shown = str(value).strip()
    if isinstance(value, bool):
        raise UserError(f"I can't read the amount “{shown}”. Nothing was saved.")
    try:
        number = Decimal(shown)
    except (InvalidOperation, ValueError):
        raise UserError(f"I can't read the amount “{shown}”. Nothing was saved.") from None
    if not number.is_finite():
        raise UserError(f"I can't read the amount “{shown}”. Nothing was saved.")
    if number <= 0:
        raise UserError(f"The amount must be more than zero, not {shown}. Nothing was saved.")
    limit = min(ceiling, numeric_ceiling(model, field))
    if number > limit:
        raise UserError(
            f"{shown} is more than the {limit:,.2f} I accept for one line; check the amount "
            "(the limit is CRMBOT_MAX_AMOUNT). Nothing was saved."
        )
    cents = number.quantize(Decimal("0.01"))
    if cents <= 0:
        raise UserError(f"The amount {shown} rounds to zero. Nothing was saved.")
    return cents


def whole(value: Any, *, what: str, low: int = 1, high: int = INT_MAX) -> int:
    """A whole number from `low` to `high`: quantities, scores, task numbers."""
    shown = str(value).strip()
    try:
        number = None if isinstance(value, bool) else Decimal(shown)
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite() or number != number.to_integral_value():
        raise UserError(f"The {what} must be a whole number, not “{shown}”. Nothing was saved.")
    if not low <= number <= high:
        span = f"from {low} to {high}"
        if high == INT_MAX:
            span = f"at least {low}" if number < low else f"at most {high:,}"
        raise UserError(f"The {what} must be {span}, not {shown}. Nothing was saved.")
    return int(number)


def day(value: Any, *, what: str = "date") -> date:
    """A calendar date that exists, from the contract's YYYY-MM-DD."""
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(f"“{value}” is not a {what} that exists. Nothing was saved.") from None
