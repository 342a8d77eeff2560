"""Deleting is not erasure: a deleted customer goes to the bin, and undo or "restore" brings them
back until the bin is purged. Erasing personal data is `customer.forget`."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlmodel import col, select

from bot.books import default_book, require_own
from bot.context import Context, UserError, handles
from bot.format import day
from bot.handlers.undo import undo_for_one
from bot.messages import Button, Reply
from bot.resolve import resolve_customer, resolve_each
from crm_store.audit import snapshot
from crm_store.models import AuditEntry, Customer
from intents import CUSTOMERS, Parsed

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
    """Bring deleted customers back from the bin — “restore Acme”, “restore #48 and #47”, “restore
    all 3” after the bin was shown — or see what is in it."""
    if (said := parsed.slots.get("customer")) and (back := undo_for_one(ctx, said)) is not None:
        return back  # "X is still talking to jordan, put her back" after a change to many
    if not (customers := _to_restore(parsed, ctx)):
        return bin_contents(ctx)
    require_own(ctx, customers, "restore")
    for customer in customers:
        _bin(ctx, customer, None, "customer.restore", "restored")
    said = ", ".join(f"{c.display_name} (#{c.id})" for c in customers)
    return Reply(
        text=f"Restored {said} from the bin, with everything recorded about "
        f"{'them' if len(customers) == 1 else 'each'}.",
        buttons=[Button("Undo", "undo")],
    )


def _to_restore(parsed: Parsed, ctx: Context) -> list[Customer]:
    """The customers named, or those of the bin just listed when all of them are meant."""
    if names := parsed.slots.get(CUSTOMERS):
        return resolve_each(ctx, names, in_bin=True)
    if said := parsed.slots.get("customer"):
        if (live := _not_in_bin(ctx, said)) is not None:
            if _ONE_POINTED.search(ctx.message.text) and (last := _last_binned(ctx)) is not None:
                return [last]  # "restore her": she is the one in the bin, not the one on screen
            raise UserError(
                f"{live.display_name} (#{live.id}) is not in the bin, so there is nothing to "
                "restore. To take back your last change, say “undo”; to set a field, say it, "
                "e.g. “move them to qualified”."
            )
        return [resolve_customer(ctx, said, in_bin=True)]
    if _ALL_SHOWN.search(ctx.message.text):
        return _shown_in_bin(ctx)
    if _ONE_POINTED.search(ctx.message.text) and (last := _last_binned(ctx)) is not None:
        return [last]  # "restore her, wrong mia": the one the sender just put in the bin
    return []


def _last_binned(ctx: Context) -> Customer | None:
    """The customer the sender deleted last, if still in the bin."""
    entry = ctx.session.exec(
        select(AuditEntry)
        .where(
            AuditEntry.staff_id == ctx.staff.id,
            AuditEntry.action == "customer.delete",
            AuditEntry.undone_at.is_(None),
        )
        .order_by(col(AuditEntry.id).desc())
    ).first()
    customer = ctx.session.get(Customer, entry.entity_id) if entry is not None else None
    in_bin = customer is not None and customer.deleted_at is not None
    return customer if in_bin and not customer.forgotten_at else None


def _not_in_bin(ctx: Context, said: str) -> Customer | None:
    """The live customer a restore names by number ("put him back" after a stage change): not
    one the bin could give back."""
    if not (found := re.fullmatch(r"#(\d+)", said.strip())):
        return None
    customer = ctx.session.get(Customer, int(found.group(1)))
    alive = customer is not None and customer.deleted_at is None and not customer.forgotten_at
    return customer if alive else None


def _shown_in_bin(ctx: Context) -> list[Customer]:
    """The customers of the bin just listed that are still in it."""
    found = [ctx.session.get(Customer, i) for i in ctx.on_screen]
    return [c for c in found if c is not None and c.deleted_at is not None and not c.forgotten_at]


# "restore all 3", "bring them back", "restore those": the customers of the bin just listed
_ONE_POINTED = re.compile(r"\b(?:him|her|it|that one|this one)\b", re.I)
_ALL_SHOWN = re.compile(r"\b(?:all|them|those|these|both|every(?:one|body|thing))\b", re.I)


def move_to_bin(ctx: Context, customer: Customer) -> None:
    """Delete one customer, restorably, with its audit entry (what undo puts back)."""
    _bin(ctx, customer, ctx.now, "customer.delete", "deleted")


def _bin(
    ctx: Context, customer: Customer, deleted_at: datetime | None, action: str, done: str
) -> None:
    before = snapshot(customer)
    customer.deleted_at = deleted_at
    customer.updated_at = ctx.now
    ctx.session.add(customer)
    ctx.audit(action, customer, before=before, description=f"{done} {customer.display_name}")


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
    ctx.shown = [c.id for c in shown]  # "restore all 3" next
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
