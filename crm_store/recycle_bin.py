"""The delete bin: a deleted customer stays restorable for a while, then is purged for good.

Deleting only stamps `deleted_at` (undo or "restore" clears it); every list, search, report and
digest leaves such customers out. Purging removes them with everything recorded about them, and
closes their recorded changes to undo, which could no longer put them back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    NpsAnswer,
    Purchase,
    Task,
)

CHUNK = 500
DEPENDENTS = (CustomerTag, CustomerInterest, Interaction, Purchase, Task, NpsAnswer)


def purge(session: Session, *, deleted_before: datetime, now: datetime) -> int:
    """Remove the customers deleted before the cutoff; returns how many went."""
    ids = list(
        session.exec(
            select(Customer.id).where(
                col(Customer.deleted_at).is_not(None), col(Customer.deleted_at) < deleted_before
            )
        )
    )
    _close_undo_of_rows_about(session, set(ids), now=now)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for model in DEPENDENTS:
            session.execute(delete(model).where(col(model.customer_id).in_(chunk)))
        session.execute(
            update(AuditEntry)
            .where(
                AuditEntry.entity == Customer.__tablename__,
                col(AuditEntry.entity_id).in_(chunk),
                col(AuditEntry.undone_at).is_(None),
            )
            .values(undone_at=now)
        )
        session.execute(delete(Customer).where(col(Customer.id).in_(chunk)))
    return len(ids)


def _close_undo_of_rows_about(session: Session, ids: set[int], *, now: datetime) -> None:
    """Tags and interests are keyed by customer, not by an id of their own: find their entries."""
    if not ids:
        return
    entries = session.exec(
        select(AuditEntry.id, AuditEntry.before, AuditEntry.after).where(
            col(AuditEntry.entity).in_([CustomerTag.__tablename__, CustomerInterest.__tablename__]),
            col(AuditEntry.undone_at).is_(None),
        )
    ).all()
    closed = [
        i for i, before, after in entries if (before or after or {}).get("customer_id") in ids
    ]
    for start in range(0, len(closed), CHUNK):
        session.execute(
            update(AuditEntry)
            .where(col(AuditEntry.id).in_(closed[start : start + CHUNK]))
            .values(undone_at=now)
        )
