"""Deleting is not erasure: a deleted customer goes to the bin, and undo or "restore" brings them
back until the bin is purged. Erasing personal data is `customer.forget`."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from bot.books import default_book, require_own
from bot.context import Context, handles
from bot.format import day
from bot.messages import Button, Reply
from bot.resolve import resolve_customer
from crm_store.audit import snapshot
from crm_store.models import Customer
from intents import Parsed

SHOWN = 20  # customers of the bin listed in one reply, latest deleted first


@handles("customer.delete")
def delete_customer(parsed: Parsed, ctx: Context) -> Reply:
    """Delete a customer (to the bin, restorable) — “delete Acme”, “remove Jane Cooper”."""
    customer = resolve_customer(ctx, parsed.slots.get("customer"))
    require_own(ctx, [customer], "delete")
    move_to_bin(ctx, customer)
    return Reply(
        text=f"Deleted {customer.display_name} (#{customer.id}): moved to the bin. “undo” or "
        f"“restore #{customer.id}” brings them back within {ctx.settings.bin_days} days; "
        "after that they are purged.",
        buttons=[Button("Undo", "undo")],
    )


@handles("customer.restore")
def restore_customer(parsed: Parsed, ctx: Context) -> Reply:
    """Bring a deleted customer back from the bin — “restore Acme”, or see what is in it."""
    if not parsed.slots.get("customer"):
        return bin_contents(ctx)
    customer = resolve_customer(ctx, parsed.slots.get("customer"), in_bin=True)
    require_own(ctx, [customer], "restore")
    before = snapshot(customer)
    customer.deleted_at = None
    customer.updated_at = ctx.now
    ctx.session.add(customer)
    ctx.audit(
        "customer.restore", customer, before=before, description=f"restored {customer.display_name}"
    )
    return Reply(
        text=f"Restored {customer.display_name} (#{customer.id}) from the bin, with everything "
        "recorded about them.",
        buttons=[Button("Undo", "undo")],
    )


def move_to_bin(ctx: Context, customer: Customer) -> None:
    """Delete one customer, restorably, with its audit entry (what undo puts back)."""
    before = snapshot(customer)
    customer.deleted_at = ctx.now
    customer.updated_at = ctx.now
    ctx.session.add(customer)
    ctx.audit(
        "customer.delete", customer, before=before, description=f"deleted {customer.display_name}"
    )


def bin_contents(ctx: Context) -> Reply:
    """What can still be restored (one's own deletions' customers for a rep), and until when."""
    book = default_book(ctx.staff)
    query = select(Customer).where(
        col(Customer.deleted_at).is_not(None), col(Customer.forgotten_at).is_(None)
    )
    if not book.team:
        query = query.where(Customer.owner_id == book.owner_id)
    binned = ctx.session.exec(query.order_by(col(Customer.deleted_at).desc())).all()
    if not binned:
        return Reply(f"{book.whose} delete bin is empty.")
    today = ctx.now.date()
    kept = timedelta(days=ctx.settings.bin_days)
    shown = binned[:SHOWN]
    more = f"; the latest {SHOWN} deleted" if len(binned) > SHOWN else ""
    return Reply(
        text=f"{len(binned)} in {book.possessive} delete bin{more}. “restore #id” brings one back.",
        rows=[
            {
                "#": str(c.id),
                "Customer": c.display_name,
                "Deleted": day(c.deleted_at.date(), today=today),
                "Kept until": day((c.deleted_at + kept).date(), today=today),
            }
            for c in shown
        ],
        buttons=[Button(f"Restore {c.display_name}", f"restore #{c.id}") for c in shown[:3]],
    )
