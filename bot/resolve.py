"""Turning what a user typed into one record, or a question when it could be several."""

from __future__ import annotations

from sqlmodel import select

from bot.context import Ask, Context, UserError
from bot.messages import Button, Reply
from crm_store.models import Customer, Staff
from crm_store.search import clear_winner, find_customers


def resolve_customer(
    ctx: Context, typed: str | None, *, slot: str = "customer", in_bin: bool | None = False
) -> Customer:
    """The customer meant, never a guess: none → UserError, several close → numbered choices.

    Customers in the delete bin are candidates only with `in_bin` (True: only they, None: they
    too, as a data-protection request concerns them as much as anyone)."""
    if not typed or not typed.strip():
        raise UserError("Which customer? Name them, e.g. “tell me about Acme” or “#12”.")
    matches = find_customers(ctx.session, typed, in_bin=in_bin)
    if not matches:
        where = "in the delete bin " if in_bin is True else ""
        raise UserError(
            f"No customer {where}matches “{typed.strip()}” (I searched names, companies, "
            "e-mails, phones and #ids)."
        )
    if (customer := clear_winner(matches)) is not None:
        return customer
    rows = [
        {"#": str(n), "Customer": m.customer.display_name, "City": m.customer.city or ""}
        for n, m in enumerate(matches, start=1)
    ]
    buttons = [
        Button(f"{n}. {m.customer.display_name}"[:70], str(n))
        for n, m in enumerate(matches, start=1)
    ]
    reply = Reply(
        text=f"Several customers match “{typed.strip()}”. Which one? Answer with a number.",
        rows=rows,
        buttons=buttons,
    )
    choices = {str(n): {slot: f"#{m.customer.id}"} for n, m in enumerate(matches, start=1)}
    raise Ask(reply, choices)


def resolve_staff(ctx: Context, typed: str) -> Staff:
    """A colleague by name: exact (any case) or the only one whose name starts with it."""
    wanted = " ".join(typed.split()).casefold()
    everyone = ctx.session.exec(select(Staff)).all()
    exact = [s for s in everyone if s.name.casefold() == wanted]
    starting = [s for s in everyone if s.name.casefold().startswith(wanted)]
    for found in (exact, starting):
        if len(found) == 1:
            return found[0]
    names = ", ".join(sorted(s.name for s in everyone))
    raise UserError(f"No single colleague is called “{typed.strip()}”. Staff: {names}.")
