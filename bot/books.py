"""Whose book a customer is in, and who may change it (the rule is `bot.permissions`'s)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session

from bot import permissions
from bot.context import Context, UserError
from crm_store.models import Customer, Staff


def may_change(ctx: Context, customer: Customer) -> bool:
    return permissions.may_change_customer(ctx.staff, customer.owner_id)


def require_own(ctx: Context, customers: Iterable[Customer], doing: str) -> None:
    """Refuse, in one sentence, when a rep would change a customer outside their own book."""
    for customer in customers:
        if not may_change(ctx, customer):
            owner = owner_name(ctx.session, customer.owner_id)
            whose = f"is {owner}'s" if owner else "has no owner"
            raise UserError(
                f"You can {doing} only customers in your own book; {customer.display_name} "
                f"{whose}. A manager can do it for you."
            )


def owner_name(session: Session, owner_id: int | None) -> str | None:
    owner = session.get(Staff, owner_id) if owner_id is not None else None
    return owner.name if owner else None
