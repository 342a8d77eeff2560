"""The audit trail: every change with its before and after, and undo that replays it backwards."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import DBAPIError
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


EXPORTS = ("customer.export", "segment.export", "export.csv")  # personal data leaving the store
IRREVERSIBLE = ("undo", "customer.forget", *EXPORTS)  # actions undo steps over


def snapshot(row: SQLModel) -> dict[str, Any]:
    """The row as JSON-safe values (dates as ISO text, money as a decimal string)."""
    return {key: _plain(value) for key, value in row.model_dump().items()}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:  # one instant, one spelling
        return value.astimezone(UTC).isoformat()
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
    at: datetime | None = None,
) -> None:
    """Log one change; call after the change is flushed, with `before` taken beforehand."""
    session.flush()
    session.add(
        AuditEntry(
            command_id=command_id,
            at=at or utcnow(),
            staff_id=staff_id,
            action=action,
            entity=row.__tablename__,
            entity_id=getattr(row, "id", None),
            before=before,
            after=None if deleted else snapshot(row),
            description=description,
        )
    )


def record_event(
    session: Session,
    *,
    command_id: str,
    staff_id: int | None,
    action: str,
    entity: str,
    description: str,
    at: datetime,
    entity_id: int | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Log something done that changed no row, such as an export: who, what, when."""
    session.add(
        AuditEntry(
            command_id=command_id,
            staff_id=staff_id,
            at=at,
            action=action,
            entity=entity,
            entity_id=entity_id,
            after=after,
            description=description[:500],
        )
    )


UNDO_OF = "__undo_of"  # the command an undo confirmed later was asked about


def last_command(session: Session, staff_id: int) -> list[AuditEntry]:
    """The entries of the staff member's newest change that is not undone yet."""
    newest = session.exec(
        select(AuditEntry)
        .where(AuditEntry.staff_id == staff_id, AuditEntry.undone_at.is_(None))
        .where(AuditEntry.undo_dropped_at.is_(None))
        .where(AuditEntry.action.not_in(IRREVERSIBLE))
        .order_by(AuditEntry.id.desc())
    ).first()
    if newest is None:
        return []
    return list(
        session.exec(
            select(AuditEntry)
            .where(AuditEntry.command_id == newest.command_id)
            .where(AuditEntry.undone_at.is_(None))  # (one customer's part may be taken back)
            .order_by(AuditEntry.id.desc())
        )
    )


BOOKKEEPING = frozenset({"updated_at"})  # moves with every change; never a reason to refuse


def revert(session: Session, entries: list[AuditEntry], *, now: datetime) -> list[str]:
    """Undo the entries' command, newest change first: only the fields it wrote, and only while
    they still hold what it wrote. If anything changed since — a field edited again, a row gone,
    something recorded against a row it would remove, a value the store now refuses — nothing is
    reverted and the answer says what; otherwise the entries are marked undone and it is empty."""
    savepoint = session.begin_nested()
    problems: list[str] = []
    try:
        for entry in entries:
            if problem := _revert(session, entry):
                problems.append(f"{entry.description}: {problem}" if len(entries) > 1 else problem)
        session.flush()
    except DBAPIError:
        problems.append("the store no longer accepts what was there before")
    except BaseException:
        savepoint.rollback()
        raise
    if problems:
        savepoint.rollback()
        return problems
    savepoint.commit()
    for entry in entries:
        entry.undone_at = now
        session.add(entry)
    return []


def drop_from_undo(session: Session, entries: list[AuditEntry], *, now: datetime) -> None:
    """Take a command that can no longer be undone off the undo list, so it is refused once."""
    for entry in entries:
        entry.undo_dropped_at = now
        session.add(entry)


def _revert(session: Session, entry: AuditEntry) -> str | None:
    model = ENTITIES[entry.entity]
    row = _current(session, model, entry)
    if entry.before is None:  # the command created the row: remove it, if it is as created
        if row is None:
            return None
        if drift := _drift(row, entry.after, entry.after):
            return _changed(session, entry, drift)
        if dependents := _dependents(session, row):
            return f"{dependents} recorded against it since"
        session.delete(row)
    elif entry.after is None:  # the command deleted the row: put it back
        if row is None:
            session.add(model.model_validate(entry.before))
    else:
        if row is None:
            return "it was deleted since"
        written = [
            key
            for key in entry.after
            if key not in BOOKKEEPING and entry.after[key] != entry.before.get(key)
        ]
        if drift := _drift(row, entry.after, written):
            return _changed(session, entry, drift)
        restored = model.model_validate(entry.before)
        for key in written:
            setattr(row, key, getattr(restored, key))
        if "updated_at" in entry.after:
            row.updated_at = utcnow()
        session.add(row)
    session.flush()
    return None


def _drift(row: SQLModel, written: dict[str, Any], keys) -> dict[str, Any]:
    """The fields among `keys` that no longer hold what was written, with what they hold now."""
    now = snapshot(row)
    return {
        key: now.get(key)
        for key in keys
        if key not in BOOKKEEPING and now.get(key) != _as_recorded_now(written.get(key))
    }


def _as_recorded_now(value: Any) -> Any:
    """A time an older entry kept in the writer's zone, spelled in UTC as `snapshot` now does."""
    if isinstance(value, str) and len(value) > 19 and value[10:11] == "T" and value[-6] in "+-":
        try:
            return _plain(datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


def _changed(session: Session, entry: AuditEntry, drift: dict[str, Any]) -> str:
    later = session.exec(
        select(AuditEntry)
        .where(
            AuditEntry.entity == entry.entity,
            AuditEntry.entity_id == entry.entity_id,
            AuditEntry.id > entry.id,
            AuditEntry.command_id != entry.command_id,
        )
        .order_by(AuditEntry.id.desc())
    ).first()
    who = ""
    if later is not None and later.staff_id is not None:
        who = f" by {session.get(models.Staff, later.staff_id).name}"
    fields = ", ".join(
        f"{key.removesuffix('_id')} is now {'empty' if value in (None, '') else value}"
        for key, value in drift.items()
    )
    return f"its {fields} (changed since{who})"


DEPENDENTS = {
    models.Interaction: "contacts",
    models.Purchase: "sales",
    models.Task: "tasks",
    models.NpsAnswer: "NPS answers",
    models.CustomerTag: "tags",
}


def _dependents(session: Session, row: SQLModel) -> str:
    """What others recorded against a customer that removing it would take with it."""
    if not isinstance(row, models.Customer):
        return ""
    counts = []
    for model, label in DEPENDENTS.items():
        found = session.exec(
            select(func.count()).select_from(model).where(model.customer_id == row.id)
        ).one()
        if found:
            counts.append(f"{found} {label}")
    return ", ".join(counts) + (" were" if counts else "")


def _current(session: Session, model: type[SQLModel], entry: AuditEntry) -> SQLModel | None:
    if entry.entity_id is not None:
        return session.get(model, entry.entity_id)
    known = entry.after or entry.before
    keys = {k: known[k] for k in model.__table__.primary_key.columns.keys()}  # noqa: SIM118
    return session.get(model, tuple(keys.values()))


def handed_over(
    session: Session, *, to_id: int | None, since: datetime, from_id: int | None = None
) -> set[int]:
    """The customers whose owner was changed to `to_id` (to anyone, if None; from `from_id`, or
    by them, if given) since then, in changes not undone: "which customers did I get from Sam
    this week", "new leads from Alex" (the manager who handed them over), "the customers handed
    over from Jordan today"."""
    entries = session.exec(
        select(AuditEntry).where(
            AuditEntry.entity == "customers",
            AuditEntry.action == "customer.update",
            AuditEntry.at >= since,
            AuditEntry.undone_at.is_(None),
        )
    )
    return {
        entry.entity_id
        for entry in entries
        if entry.entity_id is not None
        and "owner_id" in (entry.after or {})
        and (to_id is None or (entry.after or {}).get("owner_id") == to_id)
        and (entry.before or {}).get("owner_id") != (entry.after or {}).get("owner_id")
        and (
            from_id is None
            or (entry.before or {}).get("owner_id") == from_id
            or entry.staff_id == from_id
        )
    }
