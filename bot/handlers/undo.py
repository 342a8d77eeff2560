"""Undo: put back what the sender's last change altered, from the audit trail."""

from __future__ import annotations

from bot.context import Context, handles
from bot.messages import Reply
from crm_store.audit import drop_from_undo, last_command, revert
from crm_store.models import AuditEntry
from intents import Parsed

LISTED = 5  # a bulk change is summed up after this many of its changes


@handles("undo")
def undo(parsed: Parsed, ctx: Context) -> Reply:
    """Undo your last change — “undo”."""
    entries = last_command(ctx.session, ctx.staff.id)
    if not entries:
        return Reply("There is nothing of yours to undo.")
    changes = [entry.description for entry in reversed(entries)]
    what = "; ".join(changes[:LISTED])
    if len(changes) > LISTED:
        what += f"; and {len(changes) - LISTED:,} more changes of the same command"
    if problems := revert(ctx.session, entries, now=ctx.now):
        drop_from_undo(ctx.session, entries, now=ctx.now)
        return Reply(
            f"I can't undo “{what}”: {'; '.join(problems[:LISTED])}. "
            "Nothing was undone, and that change is off the undo list."
        )
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
    return Reply(f"Undone: {what}.")
