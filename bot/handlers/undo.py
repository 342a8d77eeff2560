"""Undo: put back what the sender's last change altered, from the audit trail."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from bot import format, permissions
from bot.context import Ask, Context, UserError, handles
from bot.messages import Reply
from bot.resolve import resolve_among
from crm_store.audit import UNDO_OF, drop_from_undo, last_command, revert
from crm_store.models import AuditEntry, Customer
from intents import Parsed

ERASURE = "customer.forget"
LISTED = 5  # a bulk change is summed up after this many of its changes
ASK_AFTER = timedelta(minutes=5)  # an older last change is undone only once confirmed


@handles("undo")
def undo(parsed: Parsed, ctx: Context) -> Reply:
    """Undo your last change — “undo”."""
    _refuse_an_erasure(ctx)
    entries = last_command(ctx.session, ctx.staff.id)
    if not entries:
        return Reply("There is nothing of yours to undo.")
    _refuse_another_change(ctx.message.text, entries)
    changes = [entry.description for entry in reversed(entries)]
    what = "; ".join(changes[:LISTED])
    if len(changes) > LISTED:
        what += f"; and {len(changes) - LISTED:,} more changes of the same command"
    asked_about = parsed.slots.get(UNDO_OF)
    if asked_about is None and (why := _maybe_not_meant(ctx, entries[-1].at)) is not None:
        asked = f"{why}your last change, “{what}”, was made {_age(entries[-1].at, ctx)}. Undo it?"
        question = Ask.confirm(asked[0].upper() + asked[1:])
        question.choices = {"yes": {UNDO_OF: entries[0].command_id}}
        raise question
    if asked_about is not None and entries[0].command_id != asked_about:
        raise UserError(
            f"Your last change is now “{entries[-1].description}”, not the one I asked about. "
            "Nothing was undone; say “undo” again if you mean this one."
        )
    ctx.session.info[permissions.UNDOING] = {(e.entity, e.entity_id) for e in entries}
    if problems := revert(ctx.session, entries, now=ctx.now):
        if _one_change_each(entries):
            return _undone_where_still_as_made(ctx, entries)
        drop_from_undo(ctx.session, entries, now=ctx.now)
        return Reply(
            f"I can't undo “{what}”: {'; '.join(problems[:LISTED])}. "
            "Nothing was undone, and that change is off the undo list."
        )
    _record_undo(ctx, entries, what)
    return Reply(f"Undone: {what}.")


def undo_for_one(ctx: Context, said: str) -> Reply | None:
    """ "actually chloé nakamura is still talking to jordan, put her back" right after a change
    to many: that change taken back for her alone; None when she was not part of it."""
    entries = last_command(ctx.session, ctx.staff.id)
    changed = {e.entity_id for e in entries if e.entity == Customer.__tablename__}
    if len(changed) < 2 or (customer := resolve_among(ctx, said, changed)) is None:
        return None
    theirs = [e for e in entries if e.entity_id == customer.id]
    ctx.session.info[permissions.UNDOING] = {(e.entity, e.entity_id) for e in theirs}
    if problems := revert(ctx.session, theirs, now=ctx.now):
        raise UserError(
            f"I can't put {customer.display_name} back: {problems[0]}. Nothing was changed."
        )
    what = "; ".join(e.description for e in theirs)
    _record_undo(ctx, theirs, what)
    ctx.mentioned = customer.id
    rest = len(changed) - 1
    return Reply(
        f"Put {customer.display_name} back as before (took back: {what}). The change stands for "
        f"the other {rest:,}; “undo” now takes it back for {'it' if rest == 1 else 'them'} too."
    )


def _maybe_not_meant(ctx: Context, made: datetime) -> str | None:
    """Why the last change may not be the one the sender has in mind: it was made a while ago,
    or their message before this one changed nothing (a request misread, or one refused), so
    "undo that" may mean that message. The words that lead the question, or None."""
    made = _aware(made)
    if ctx.said_before is not None and made < _aware(ctx.said_before):
        return "Your last message changed nothing; "
    if ctx.now - made > ASK_AFTER:
        return ""
    return None


def _one_change_each(entries: list[AuditEntry]) -> bool:
    """A change made alike to many records (a bulk change): each can be undone on its own."""
    rows = {(entry.entity, entry.entity_id) for entry in entries}
    return len(entries) > 1 and len({e.action for e in entries}) == 1 and len(rows) == len(entries)


def _undone_where_still_as_made(ctx: Context, entries: list[AuditEntry]) -> Reply:
    """A bulk change undone for every record still as it left them; the others, changed since by
    someone, stay as they are now and are said."""
    undone, kept = [], []
    for entry in entries:
        if problems := revert(ctx.session, [entry], now=ctx.now):
            drop_from_undo(ctx.session, [entry], now=ctx.now)
            kept.append(f"{entry.description}: {problems[0]}")
        else:
            undone.append(entry)
    if not undone:
        return Reply(
            f"I can't undo it: {'; '.join(kept[:LISTED])}. Nothing was undone, and that change "
            "is off the undo list."
        )
    _record_undo(ctx, undone, f"{len(undone)} of {len(entries)} changes")
    more = f" and {len(kept) - LISTED:,} more" if len(kept) > LISTED else ""
    return Reply(
        f"Undone {len(undone)} of {len(entries)} changes. Left as they are now, changed since: "
        f"{'; '.join(kept[:LISTED])}{more}."
    )


def _record_undo(ctx: Context, entries: list[AuditEntry], what: str) -> None:
    ctx.session.add(
        AuditEntry(
            command_id=ctx.command_id,
            staff_id=ctx.staff.id,
            action="undo",
            entity="audit_log",
            entity_id=entries[0].id,
            description=f"undid: {what}"[:500],
        )
    )


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _age(at: datetime, ctx: Context) -> str:
    minutes = int((ctx.now - _aware(at)).total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} minutes ago"
    if minutes < 24 * 60:
        return f"{minutes // 60} hour{'s' * (minutes >= 120)} ago"
    return format.moment(_aware(at), tz=ctx.tz, today=ctx.today)


def _refuse_another_change(text: str, entries: list[AuditEntry]) -> None:
    """ "undo the vip tagging", "that sale was wrong, undo" when the last change was something
    else: changes are undone newest first, so none is, rather than the wrong one."""
    last = entries[-1].description
    written = _stems(" ".join(entry.description for entry in entries))
    if kind := _KIND.search(text):
        other = not any(e.action.startswith(_KINDS[kind.group("kind").lower()]) for e in entries)
        # "undo the analytics pro sale" after another sale: words the change does not have
        other = other or not _stems(kind.group("said")) - _FILLER <= written
    elif named := _NAMED.search(text):
        said = _stems(named.group("what")) - _FILLER
        said |= {meant for word in said for meant in _MEANS.get(word, ())}
        other = bool(said) and not said & written
    else:
        return
    if other:
        raise UserError(
            f"Your last change is “{last}”, and I undo changes newest first. Nothing was undone: "
            "say “undo” to undo that one, and again for the one before it."
        )


def _stems(text: str) -> set[str]:
    """The words' first four letters: "moved" and "move", "owner" and "owners" alike."""
    return {word[:4] for word in re.findall(r"\w+", text.lower())}


# a kind of change named ("that sale", "the call I logged"): the actions that make it
_KINDS = {
    **dict.fromkeys(("sale", "order", "purchase"), "purchase."),
    **dict.fromkeys(
        ("call", "email", "meeting", "visit", "note", "log", "contact"), "interaction."
    ),
    **dict.fromkeys(("nps", "score", "rating"), "nps."),
    "task": "task.",
    "reminder": "task.",
}
_KIND = re.compile(
    rf"\b(?:that|the|this|my|last)\s+(?P<said>(?:[\w-]+\s+){{0,2}}?)(?P<kind>{'|'.join(_KINDS)})s?\b",
    re.I,
)
_NAMED = re.compile(  # (what follows a dash, a comma or a full stop is why: "- i'll ask sam")
    r"\b(?:undo|revert|roll ?back|reverse)\s+(?:the|that|my|this)\s+(?P<what>(?!-\s)[^,;.–—]+?)"
    r"(?=\s*(?:$|[,;.–—]|\s-\s))",
    re.I,
)
# words for a change that its descriptions name otherwise ("the berlin move": owners changed)
_MEANS = {
    "move": ("owne", "stag"),
    "hand": ("owne",),
    "reas": ("owne",),
    "give": ("owne",),
}
_FILLER = frozenset(
    w[:4]
    for w in "last change changes one that this it from earlier today before just made "
    "please pls i did thing again previous recent wrong bad mistaken duplicate extra new "
    "accidental".split()
)


def _refuse_an_erasure(ctx: Context) -> None:
    """An erasure can't be taken back (the data is gone): say so, never undo an older change."""
    newest = ctx.session.exec(
        select(AuditEntry)
        .where(AuditEntry.staff_id == ctx.staff.id, col(AuditEntry.undone_at).is_(None))
        .where(AuditEntry.action != "undo")
        .order_by(col(AuditEntry.id).desc())
    ).first()
    if newest is not None and newest.action == ERASURE:
        raise UserError(
            f"Your last change {newest.description}, and an "
            "erasure can't be undone: that data is gone. Nothing was undone."
        )
