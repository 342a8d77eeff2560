"""Undo: put back what the sender's last change altered, from the audit trail."""

from __future__ import annotations

from bot.context import Context, handles
from bot.messages import Reply
from crm_store.audit import last_command, revert
from crm_store.models import AuditEntry
from intents import Parsed

LISTED = 5  # a bulk change is summed up after this many of its changes


@handles("undo")
def undo(parsed: Parsed, ctx: Context) -> Reply:
    """Undo your last change — “undo”."""
    entries = last_command(ctx.session, ctx.staff.id)
    if not entries:
        return Reply("There is nothing of yours to undo.")
    revert(ctx.session, entries)
    changes = [entry.description for entry in reversed(entries)]
    what = "; ".join(changes[:LISTED])
    if len(changes) > LISTED:
        what += f"; and {len(changes) - LISTED:,} more changes of the same command"
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
