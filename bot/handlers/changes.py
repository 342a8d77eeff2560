"""Who changed a customer, and when: the answer to "who moved Acme to lost?" read from the audit
trail, so a question about a change is never taken for the change itself."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import col, select

from bot.books import Book, staff_names, whose_book
from bot.context import Context, UserError, handles
from bot.digest_activity import bounds
from bot.format import moment
from bot.messages import Reply
from bot.resolve import resolve_customer
from crm_store.models import AuditEntry, Interaction, Purchase
from intents import Parsed

SHOWN = 10  # changes listed, newest first
# what a change to a customer is said as, by the field the store keeps it in
_FIELDS = {
    "name": "name",
    "company": "company",
    "email": "e-mail",
    "phone": "phone",
    "title": "title",
    "city": "city",
    "country": "country",
    "owner_id": "owner",
    "stage": "stage",
}
_ASKED_FIELD = {"owner": "owner_id"}  # the field asked of, where the store names it otherwise
# a customer's sales and contacts changed after they were logged ("who edited the Mia Rossi sale")
_ENTRIES = {
    "purchases": ("sale", {"product": "product", "quantity": "quantity", "amount": "amount",
                           "currency": "currency", "purchased_on": "day"}),
    "interactions": ("contact", {"channel": "kind", "summary": "summary", "occurred_at": "when"}),
}  # fmt: skip


@handles("customer.changes")
def show_changes(parsed: Parsed, ctx: Context) -> Reply:
    """Who changed a customer, and when — “who moved Acme to lost?”, “change history for Hooli”.
    Asked of a field ("when was Globex given to Sam?") or of a deletion, only those changes;
    asked of a book ("where did my leads go?"), the customers that left it lately."""
    if not parsed.slots.get("customer") and parsed.slots.get("by"):
        return _changed_today(ctx, parsed.slots["by"])  # "what did I change this morning"
    if not parsed.slots.get("customer") and parsed.slots.get("owner"):
        return _gone_from(ctx, whose_book(ctx, parsed.slots["owner"]), parsed.slots.get("stage"))
    if not parsed.slots.get("customer"):
        return _changed_today(ctx, "team" if ctx.is_manager else "me")  # "who changed what today"
    customer = resolve_customer(ctx, parsed.slots.get("customer"), read=True, in_bin=None)
    ctx.mentioned = customer.id
    whose = [and_(AuditEntry.entity == "customers", AuditEntry.entity_id == customer.id)]
    if not parsed.slots.get("field") and not parsed.slots.get("action"):
        for model in (Purchase, Interaction):
            ids = select(model.id).where(model.customer_id == customer.id)
            whose.append(
                and_(AuditEntry.entity == model.__tablename__, col(AuditEntry.entity_id).in_(ids))
            )
    entries = ctx.session.exec(
        select(AuditEntry)
        .where(or_(*whose))
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    ).all()
    names = staff_names(ctx.session)
    lines = []
    for entry in entries:
        said = _what_changed(entry, names, only=_asked(parsed.slots.get("field")))
        if parsed.slots.get("action") == "delete":
            said = [s for s in said if s.startswith(("deleted", "restored"))]
        if not said:
            continue
        lines.append(_line(ctx, entry, names, "; ".join(said)))
        if len(lines) == SHOWN:
            break
    asked = parsed.slots.get("field") or ("deletion" if parsed.slots.get("action") else "")
    kind = f"{asked} changes" if asked else "changes"
    if not lines:
        return Reply(f"No {kind} to {customer.display_name} (#{customer.id}) are on record.")
    head = f"{'Latest' if len(lines) == SHOWN else 'All'} {kind} to {customer.display_name}"
    return Reply("\n".join([f"{head} (#{customer.id}), newest first:", *lines]))


LATELY = timedelta(days=30)  # how far back "where did my leads go" looks


def _gone_from(ctx: Context, book: Book, stage: str | None) -> Reply:
    """The customers handed away from a book, or deleted from it, in the last month: by whom,
    when, and to whom."""
    if book.team:
        raise UserError("Whose customers? Say whose, e.g. “where did Sam's leads go?”.")
    entries = ctx.session.exec(
        select(AuditEntry)
        .where(
            AuditEntry.entity == "customers",
            AuditEntry.at >= ctx.now - LATELY,
            col(AuditEntry.action).in_(("customer.update", "customer.delete")),
        )
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    ).all()
    names = staff_names(ctx.session)
    lines = []
    for entry in entries:
        before, after = entry.before or {}, entry.after or {}
        if before.get("owner_id") != book.owner_id or stage and before.get("stage") != stage:
            continue
        if after.get("owner_id") != book.owner_id:
            went = f"to {names.get(after.get('owner_id'), 'nobody')}"
        elif after.get("deleted_at") and not before.get("deleted_at"):
            went = "deleted (to the bin)"
        else:
            continue
        customer = f"{before.get('name') or before.get('company')} (#{entry.entity_id})"
        lines.append(_line(ctx, entry, names, f"{customer} {went}"))
        if len(lines) == SHOWN * 2:
            break
    kind = f"{book.possessive} {stage}s" if stage else f"{book.possessive} customers"
    if not lines:
        return Reply(f"None of {kind} were handed on or deleted in the last 30 days.")
    head = f"{kind[0].upper()}{kind[1:]} handed on or deleted lately, newest first:"
    return Reply("\n".join([head, *lines]))


def _changed_today(ctx: Context, by: str) -> Reply:
    """Today's changes to customers, their sales and contacts: the team's, or one person's."""
    book = whose_book(ctx, by)
    query = select(AuditEntry).where(
        col(AuditEntry.entity).in_(("customers", *_ENTRIES)),
        AuditEntry.at >= bounds(ctx.today, ctx.tz)[0],
    )
    if not book.team:
        query = query.where(AuditEntry.staff_id == book.owner_id)
    entries = ctx.session.exec(
        query.order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    ).all()
    names = staff_names(ctx.session)
    lines = []
    for entry in entries:
        said = _what_changed(entry, names, only=None)
        if said and entry.entity == "customers":
            after, before = entry.after or {}, entry.before or {}
            named = after.get("name") or after.get("company") or before.get("name") or "a customer"
            said = [f"{named} (#{entry.entity_id}) {'; '.join(said)}"]
        lines.append(_line(ctx, entry, names, "; ".join(said) or entry.description, hour=True))
    who = "the team" if book.team else book.who
    if not lines:
        return Reply(f"No changes by {who} today.")
    shown = lines[: SHOWN * 2]
    more = len(lines) - len(shown)
    tail = [f"… and {more} more; ask about one customer for all of its history."] if more else []
    return Reply("\n".join([f"Changes by {who} today, newest first:", *shown, *tail]))


def _line(
    ctx: Context, entry: AuditEntry, names: dict[int, str], said: str, *, hour: bool = False
) -> str:
    """One change: when (the hour, for today's), who made it, what it was, and whether it was
    undone since."""
    who = names.get(entry.staff_id, "someone") if entry.staff_id else "the system"
    undone = " (undone)" if entry.undone_at else ""
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)
    when = f"{at.astimezone(ctx.tz):%H:%M}" if hour else moment(at, tz=ctx.tz, today=ctx.today)
    return f"• {when} — {who}: {said}{undone}"


def _asked(field: str | None) -> str | None:
    """The store's name of the field asked about ("owner" is kept as `owner_id`)."""
    key = _ASKED_FIELD.get(field or "", field)
    return key if key in _FIELDS else None


def _what_changed(entry: AuditEntry, names: dict[int, str], *, only: str | None) -> list[str]:
    before, after = entry.before or {}, entry.after or {}
    if entry.entity in _ENTRIES:  # a sale or contact of theirs: logged, changed or deleted
        kind, fields = _ENTRIES[entry.entity]
        if not before or not after:
            return [f"{kind} {'logged' if after else 'deleted'}: {entry.description}"]
        return [
            f"{kind} {label} {before.get(key)} → {after.get(key)}"
            for key, label in fields.items()
            if before.get(key) != after.get(key)
        ]
    if not before:
        return [] if only else ["added"]
    if not after:
        return [] if only else ["erased"]
    said = []
    if before.get("deleted_at") != after.get("deleted_at") and not only:
        said.append("deleted (to the bin)" if after.get("deleted_at") else "restored from the bin")
    for key, label in _FIELDS.items():
        if only and key != only or before.get(key) == after.get(key):
            continue
        was, now = (_shown(key, v, names) for v in (before.get(key), after.get(key)))
        said.append(f"{label} {was} → {now}")
    return said


def _shown(key: str, value: Any, names: dict[int, str]) -> str:
    if value in (None, ""):
        return "(none)"
    return names.get(value, f"#{value}") if key == "owner_id" else str(value)
