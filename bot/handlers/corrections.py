"""One contact or sale logged by mistake, taken out: found by what the sender says of it, shown,
and deleted once confirmed (undo puts it back)."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from bot import format
from bot.context import Ask, Context, UserError, handles
from bot.digest_activity import bounds
from bot.messages import Button, Reply
from bot.permissions import sees_whole_team
from bot.resolve import resolve_customer
from crm_store.audit import snapshot
from crm_store.models import Customer, Interaction, Purchase
from intents import Parsed

ENTRY = "entry_id"  # the entry shown in the question, deleted once confirmed (not in the contract)


@handles("interaction.delete")
def delete_contact(parsed: Parsed, ctx: Context) -> Reply:
    """Delete a contact logged by mistake — “delete today's call with Hugo Silva”."""
    conditions = []
    if channel := parsed.slots.get("channel"):
        conditions.append(Interaction.channel == channel)
    if day := _day(parsed):
        start, end = bounds(day, ctx.tz)
        conditions += [Interaction.occurred_at >= start, Interaction.occurred_at < end]
    contact = _chosen(ctx, parsed, Interaction, conditions, channel or "contact")
    said = f": “{contact.summary}”" if contact.summary else ""
    what = (
        f"the {contact.channel} with {_name(ctx, contact.customer_id)} of "
        f"{format.moment(contact.occurred_at, tz=ctx.tz, today=ctx.today)}{said}"
    )
    return _deleted(ctx, contact, "interaction.delete", what)


@handles("purchase.delete")
def delete_sale(parsed: Parsed, ctx: Context) -> Reply:
    """Delete a sale logged by mistake — “delete the last sale to Cyberdyne”."""
    conditions = [Purchase.purchased_on == day] if (day := _day(parsed)) else []
    sale = _chosen(ctx, parsed, Purchase, conditions, "sale")
    what = (
        f"the sale of {sale.quantity} × {sale.product} to {_name(ctx, sale.customer_id)} "
        f"({format.money(sale.amount, sale.currency)}, "
        f"{format.day(sale.purchased_on, today=ctx.today)})"
    )
    return _deleted(ctx, sale, "purchase.delete", what)


def _day(parsed: Parsed) -> date | None:
    said = parsed.slots.get("occurred_on")
    return date.fromisoformat(said) if said else None


def _chosen(
    ctx: Context,
    parsed: Parsed,
    model: type[Interaction] | type[Purchase],
    conditions: list,
    kind: str,
) -> Interaction | Purchase:
    """The entry confirmed, or the latest one logged that fits what was said: the sender's own,
    or anyone's for a manager who names the customer."""
    if (confirmed := parsed.slots.get(ENTRY)) is not None:
        if (entry := ctx.session.get(model, confirmed)) is None:
            raise UserError(f"That {kind} is gone already. Nothing was deleted.")
        return entry
    said = parsed.slots.get("customer")
    customer = resolve_customer(ctx, said, read=True) if said else None
    query = select(model).where(*conditions).order_by(col(model.id).desc())
    if customer is not None:
        query = query.where(model.customer_id == customer.id)
    if customer is None or not sees_whole_team(ctx.staff):
        query = query.where(model.staff_id == ctx.staff.id)
    entry = ctx.session.exec(query.limit(1)).first()
    if entry is None:
        with_whom = f" with {customer.display_name}" if customer is not None else ""
        raise UserError(
            f"I found no {kind}{with_whom} logged by you that fits, so nothing was deleted. "
            "Say whose it was and the day, e.g. “delete today's call with Acme”."
        )
    return entry


def _deleted(ctx: Context, entry: Interaction | Purchase, action: str, what: str) -> Reply:
    if not ctx.confirmed:
        question = Ask.confirm(f"Delete {what}?")
        question.choices = {"yes": {ENTRY: entry.id}}
        raise question
    before = snapshot(entry)
    ctx.session.delete(entry)
    ctx.audit(action, entry, before=before, description=f"deleted {what}"[:500], deleted=True)
    return Reply(f"Deleted {what}.", buttons=[Button("Undo", "undo")])


def _name(ctx: Context, customer_id: int) -> str:
    customer = ctx.session.get(Customer, customer_id)
    return customer.display_name if customer is not None else f"#{customer_id}"
