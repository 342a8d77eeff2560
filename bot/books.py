"""Books: whose customers a list, report or digest covers, and whose customers one may change.

A rep sees their own book; a manager or admin anyone's and the whole team's. The `owner` slot is
"me", "team", or a colleague's name as typed, and every answer says whose book it shows. Who may
change a customer is `bot.permissions`'s rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from bot import permissions
from bot.context import Context, UserError
from bot.resolve import resolve_staff
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


def staff_names(session: Session) -> dict[int, str]:
    """Every colleague's name by id, for tables and lines that name many."""
    return dict(session.exec(select(Staff.id, Staff.name)).all())


def owner_name(session: Session, owner_id: int | None) -> str | None:
    owner = session.get(Staff, owner_id) if owner_id is not None else None
    return owner.name if owner else None


ME = {"me", "my", "mine", "myself", "i", "own", "my own"}
TEAM = {"team", "the team", "everyone", "everybody", "all", "all reps", "whole team", "our"}


@dataclass(frozen=True)
class Book:
    """One person's customers and tasks (owner_id), or the whole team's (owner_id None)."""

    owner_id: int | None
    possessive: str  # "your", "the team's", "Priya Patel's"
    who: str  # "you", "the team", "Priya Patel"

    @property
    def team(self) -> bool:
        return self.owner_id is None

    @property
    def whose(self) -> str:
        """The possessive at the start of a sentence: "Your", "The team's", "Priya Patel's"."""
        return self.possessive[0].upper() + self.possessive[1:]


TEAM_BOOK = Book(None, "the team's", "the team")


def own_book(staff: Staff) -> Book:
    return Book(staff.id, "your", "you")


def default_book(staff: Staff) -> Book:
    """Without an `owner`: the team's for a manager or admin, one's own for a rep."""
    return TEAM_BOOK if staff.role in ("manager", "admin") else own_book(staff)


def whose_book(ctx: Context, typed: object, *, team_by_default: bool = True) -> Book:
    """The book the `owner` slot asks for, if the sender may see it.

    Without the slot: the team's for a manager when `team_by_default`, else the sender's own.
    """
    if typed is None or not str(typed).strip():
        return default_book(ctx.staff) if team_by_default else own_book(ctx.staff)
    words = " ".join(str(typed).split()).casefold()
    words = words.removesuffix("'s").removesuffix("’s").removeprefix("for ").strip()
    if words in ME:
        return own_book(ctx.staff)
    if words in TEAM:
        _may_see_others(ctx, "the team's")
        return TEAM_BOOK
    staff = resolve_staff(ctx, words)
    if staff.id == ctx.staff.id:
        return own_book(ctx.staff)
    _may_see_others(ctx, f"{staff.name}'s")
    return Book(staff.id, f"{staff.name}'s", staff.name)


def _may_see_others(ctx: Context, possessive: str) -> None:
    if not ctx.is_manager:
        raise UserError(
            f"Reps see their own book; {possessive} is for managers and admins. "
            "Ask for yours, e.g. “my tasks”."
        )
