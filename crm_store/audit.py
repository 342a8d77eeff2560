"""The audit trail: every change with its before and after, and undo that replays it backwards."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlmodel import Session, SQLModel, select

from crm_store import models
from crm_store.models import AuditEntry, utcnow

ENTITIES: dict[str, type[SQLModel]] = {
    model.__tablename__: model
    for model in (
        models.Customer,
        models.CustomerTag,
        models.CustomerInterest,
        models.Interaction,
        models.Purchase,
        models.Task,
        models.NpsAnswer,
        models.Staff,
    )
}


IRREVERSIBLE = ("undo", "customer.forget")  # actions undo steps over


def snapshot(row: SQLModel) -> dict[str, Any]:
    """The row as JSON-safe values (dates as ISO text, money as a decimal string)."""
    return {key: _plain(value) for key, value in row.model_dump().items()}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record(
    session: Session,
    *,
    command_id: str,
    staff_id: int | None,
    action: str,
    row: SQLModel,
    before: dict[str, Any] | None,
    description: str,
    deleted: bool = False,
) -> None:
    """Log one change; call after the change is flushed, with `before` taken beforehand."""
    session.flush()
    session.add(
        AuditEntry(
            command_id=command_id,
            staff_id=staff_id,
            action=action,
            entity=row.__tablename__,
            entity_id=getattr(row, "id", None),
            before=before,
            after=None if deleted else snapshot(row),
            description=description,
        )
    )


def last_command(session: Session, staff_id: int) -> list[AuditEntry]:
    """The entries of the staff member's newest change that is not undone yet."""
    newest = session.exec(
        select(AuditEntry)
        .where(AuditEntry.staff_id == staff_id, AuditEntry.undone_at.is_(None))
        .where(AuditEntry.action.not_in(IRREVERSIBLE))
        .order_by(AuditEntry.id.desc())
    ).first()
    if newest is None:
        return []
    return list(
        session.exec(
            select(AuditEntry)
            .where(AuditEntry.command_id == newest.command_id)
            .order_by(AuditEntry.id.desc())
        )
    )


def revert(session: Session, entries: list[AuditEntry]) -> None:
    """Put every row back as it was before the entries' command, newest change first."""
    for entry in entries:
        model = ENTITIES[entry.entity]
        if entry.before is None:
            row = _current(session, model, entry)
            if row is not None:
                session.delete(row)
        elif entry.after is None:
            session.add(model.model_validate(entry.before))
        else:
            row = _current(session, model, entry)
            restored = model.model_validate(entry.before)
            for key in entry.before:
                setattr(row, key, getattr(restored, key))
            session.add(row)
        session.flush()
        entry.undone_at = utcnow()
        session.add(entry)


def _current(session: Session, model: type[SQLModel], entry: AuditEntry) -> SQLModel | None:
    if entry.entity_id is not None:
        return session.get(model, entry.entity_id)
    keys = {k: entry.after[k] for k in model.__table__.primary_key.columns.keys()}  # noqa: SIM118
    return session.get(model, tuple(keys.values()))
