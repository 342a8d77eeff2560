"""What the bot keeps only for a while: delivery ids, unanswered questions, button commands.

Processed event ids only need to outlive a platform's retries; a question no one answered before
it expired can never be answered; a button's stored command only serves messages still on
screen. Kept forever they would grow without end and hold what people typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session

from crm_store.models import ButtonValue, PendingQuestion, ProcessedEvent


@dataclass(frozen=True)
class Purged:
    events: int
    questions: int
    buttons: int


def purge(session: Session, *, now: datetime, keep: timedelta) -> Purged:
    """Delete event ids and button commands older than `keep`, and every expired question."""
    cutoff = now - keep
    events = session.execute(delete(ProcessedEvent).where(ProcessedEvent.at < cutoff))
    questions = session.execute(delete(PendingQuestion).where(PendingQuestion.expires_at < now))
    buttons = session.execute(delete(ButtonValue).where(ButtonValue.created_at < cutoff))
    return Purged(events.rowcount, questions.rowcount, buttons.rowcount)
