"""Deleting is not erasure: a deleted customer goes to the bin, and undo or "restore" brings them
back until the bin is purged. Erasing personal data is `customer.forget`."""

from __future__ import annotations

from bot.books import require_own
from bot.context import Context, handles
from bot.messages import Button, Reply
from bot.resolve import resolve_customer
from crm_store.audit import snapshot
from crm_store.models import Customer
from intents import Parsed


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
    """Bring a deleted customer back from the bin — “restore Acme”."""
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
