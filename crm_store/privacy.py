"""Data-protection requests: everything held on a person (access), and erasure (forget).

Erasure removes what identifies the person — name, company, title, contact details, city, external
id, tags, and every free text written about them (contact summaries, task texts, NPS comments, and
the before/after snapshots in the audit trail) — and keeps the anonymous figures (purchases,
contact dates and channels, NPS scores) so reports still add up. Wherever else the person is named
— another customer's note, a task not linked to them, an audit description of any kind, an undone
change — their names, e-mails, phones and note texts (every one they ever had, read back from the
audit trail) are replaced by "[erased]" and the rest of the text is kept; questions awaiting an
answer and stored button commands that mention them are deleted. Keyed hashes of every e-mail,
phone and external id they ever had stay behind, so an import or a new customer that brings the
person back is noticed instead of silently accepted. The key keeps the hashes from being reversed
by guessing addresses, so it must be a secret.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Text, and_, any_, cast, delete, false, func, or_, update
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, col, select

from crm_store import interests
from crm_store.audit import snapshot
from crm_store.models import (
    AuditEntry,
    ButtonValue,
    Customer,
    CustomerInterest,
    CustomerTag,
    ErasedIdentifier,
    Interaction,
    NpsAnswer,
    PendingQuestion,
    Purchase,
    Staff,
    Task,
)
from crm_store.redaction import Identity, Redactor

IDENTIFIERS = ("email", "phone", "external_id")
PERSONAL = ("name", "company", "title", "email", "phone", "city", "external_id")


def identifier_digest(kind: str, value: str, *, key: str) -> str:
    """The keyed hash an erased identifier leaves; `value` in its canonical form."""
    message = f"{kind}:{value}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def erased_digests(connection: Any) -> set[str]:
    """Every erased identifier's hash (a Session or a Connection will do)."""
    return set(connection.execute(select(ErasedIdentifier.digest)).scalars())


def erased_on(
    session: Session, *, key: str, email: str | None = None, phone: str | None = None
) -> datetime | None:
    """When a person with this canonical e-mail or phone asked to be forgotten, if one did."""
    digests = [
        identifier_digest(kind, value, key=key)
        for kind, value in (("email", email), ("phone", phone))
        if value
    ]
    if not digests:
        return None
    return session.exec(
        select(ErasedIdentifier.erased_at).where(col(ErasedIdentifier.digest).in_(digests))
    ).first()


def personal_data(session: Session, customer: Customer) -> dict[str, Any]:
    """Everything the store holds on one customer, as JSON-ready values (an access request)."""
    cid = customer.id
    owner = session.get(Staff, customer.owner_id) if customer.owner_id else None
    staff_names = dict(session.exec(select(Staff.id, Staff.name)).all())

    def rows(model, order) -> list[dict[str, Any]]:
        found = session.exec(select(model).where(model.customer_id == cid).order_by(order))
        return [snapshot(row) for row in found]

    interactions = rows(Interaction, Interaction.occurred_at)
    held = {
        Interaction.__tablename__: interactions,
        Purchase.__tablename__: rows(Purchase, Purchase.purchased_on),
        Task.__tablename__: rows(Task, Task.created_at),
        NpsAnswer.__tablename__: rows(NpsAnswer, NpsAnswer.answered_on),
    }
    history = _changes_about(session, cid, held)
    for entry in interactions:
        entry["staff"] = staff_names.get(entry.pop("staff_id"))
    return {
        "customer": {**snapshot(customer), "owner": owner.name if owner else None},
        "tags": sorted(session.exec(select(CustomerTag.tag).where(CustomerTag.customer_id == cid))),
        "interests": interests.of(session, cid),
        "interactions": interactions,
        "purchases": held[Purchase.__tablename__],
        "tasks": held[Task.__tablename__],
        "nps_answers": held[NpsAnswer.__tablename__],
        "changes": [
            {
                "at": entry.at.isoformat(),
                "by": staff_names.get(entry.staff_id),
                "action": entry.action,
                "description": entry.description,
            }
            for entry in history
        ],
    }


def _changes_about(
    session: Session, cid: int, held: dict[str, list[dict[str, Any]]]
) -> list[AuditEntry]:
    """Every audited change about the customer, oldest first: to their record, and to the rows
    about them (a contact, a sale, a task, an answer, a tag or interest, bulk changes included)."""
    about = [and_(AuditEntry.entity == Customer.__tablename__, AuditEntry.entity_id == cid)]
    about += [
        and_(AuditEntry.entity == table, col(AuditEntry.entity_id).in_([r["id"] for r in found]))
        for table, found in held.items()
        if found
    ]
    keyless = (CustomerTag.__tablename__, CustomerInterest.__tablename__)  # no id of their own
    about.append(
        and_(
            col(AuditEntry.entity).in_(keyless),
            or_(
                AuditEntry.after["customer_id"].as_integer() == cid,
                AuditEntry.before["customer_id"].as_integer() == cid,
            ),
        )
    )
    query = select(AuditEntry).where(or_(*about)).order_by(AuditEntry.at, AuditEntry.id)
    return list(session.exec(query))


@dataclass(frozen=True)
class Erasure:
    interactions: int
    tasks: int
    nps_answers: int
    purchases_kept: int


ABOUT_ONE_CUSTOMER = (
    Interaction.__tablename__,
    Task.__tablename__,
    NpsAnswer.__tablename__,
    CustomerTag.__tablename__,
    CustomerInterest.__tablename__,
)


def forget(
    session: Session,
    customer: Customer,
    *,
    key: str,
    staff_id: int | None,
    command_id: str,
    now: datetime,
    region: str = "US",
) -> Erasure:
    """Erase the customer's personal data everywhere and record who did it and when.

    Irreversible. `region` reads phone numbers written without a country code in free text.
    """
    if customer.forgotten_at is not None:
        raise ValueError(f"#{customer.id}'s personal data was already erased")
    cid = customer.id
    identity, own_entries = _identity(session, customer)
    for kind, values in (
        ("email", identity.emails),
        ("phone", identity.phones),
        ("external_id", identity.external_ids),
    ):
        for value in values:
            digest = identifier_digest(kind, value, key=key)
            if session.get(ErasedIdentifier, digest) is None:
                session.add(ErasedIdentifier(digest=digest, kind=kind, erased_at=now))
    for column in PERSONAL:
        setattr(customer, column, None)
    customer.consent_marketing = False
    customer.forgotten_at = customer.updated_at = now
    session.add(customer)
    session.exec(delete(CustomerTag).where(CustomerTag.customer_id == cid))
    session.exec(delete(CustomerInterest).where(CustomerInterest.customer_id == cid))
    interaction_ids = list(
        session.exec(select(Interaction.id).where(Interaction.customer_id == cid))
    )
    session.exec(
        update(Interaction)
        .where(Interaction.customer_id == cid)
        .values(summary="", source_message_id=None)
    )
    task_ids = list(session.exec(select(Task.id).where(Task.customer_id == cid)))
    session.exec(delete(Task).where(Task.customer_id == cid))
    nps_ids = list(session.exec(select(NpsAnswer.id).where(NpsAnswer.customer_id == cid)))
    session.exec(update(NpsAnswer).where(NpsAnswer.customer_id == cid).values(comment=None))
    _scrub_audit(session, own_entries, now=now)
    session.flush()
    redactor = Redactor(identity, region=region)
    _redact_elsewhere(session, redactor)
    _drop_mentions(session, redactor, cid)
    purchases = session.exec(select(Purchase.id).where(Purchase.customer_id == cid)).all()
    session.flush()
    session.add(
        AuditEntry(
            command_id=command_id,
            staff_id=staff_id,
            at=now,
            action="customer.forget",
            entity=Customer.__tablename__,
            entity_id=cid,
            before=None,  # nothing personal is kept; undo steps over erasures
            after=snapshot(customer),
            description=f"erased the personal data of #{cid}",
        )
    )
    return Erasure(len(interaction_ids), len(task_ids), len(nps_ids), len(purchases))


def _identity(session: Session, customer: Customer) -> tuple[Identity, list[int]]:
    """What names the person now and ever did, from the row and the audit trail, and the audit
    entries whose snapshots are theirs (their profile, contacts, tasks, NPS answers and tags)."""
    cid = customer.id
    identity = Identity()
    identity.add_record(snapshot(customer))
    for text in session.exec(select(Interaction.summary).where(Interaction.customer_id == cid)):
        identity.add_text(text)
    for text in session.exec(select(Task.text).where(Task.customer_id == cid)):
        identity.add_text(text)
    for text in session.exec(select(NpsAnswer.comment).where(NpsAnswer.customer_id == cid)):
        identity.add_text(text)
    own = []
    mentions = [  # a sieve on the stored JSON text; the snapshots decide below
        cast(snap, Text).like(f'%"customer_id":{space}{cid}{end}%')
        for snap in (AuditEntry.before, AuditEntry.after)
        for space in ("", " ")
        for end in (",", "}")
    ]
    entries = session.exec(
        select(
            AuditEntry.id,
            AuditEntry.entity,
            AuditEntry.entity_id,
            AuditEntry.before,
            AuditEntry.after,
        ).where(
            or_(
                (AuditEntry.entity == Customer.__tablename__) & (AuditEntry.entity_id == cid),
                col(AuditEntry.entity).in_(ABOUT_ONE_CUSTOMER) & or_(*mentions),
            )
        )
    )
    for entry_id, entity, entity_id, before, after in entries:
        if entity == Customer.__tablename__:
            if entity_id != cid:
                continue
            identity.add_record(before)
            identity.add_record(after)
        elif cid not in ((before or {}).get("customer_id"), (after or {}).get("customer_id")):
            continue
        else:
            for snap in (before, after):
                for column in ("summary", "text", "comment"):
                    identity.add_text((snap or {}).get(column))
        own.append(entry_id)
    return identity, own


def _scrub_audit(session: Session, entry_ids: list[int], *, now: datetime) -> None:
    """Empty the audit snapshots that hold the person's data, and take them out of undo's reach."""
    for start in range(0, len(entry_ids), 500):
        session.exec(
            update(AuditEntry)
            .where(col(AuditEntry.id).in_(entry_ids[start : start + 500]))
            .values(
                before=None,
                after=None,
                description="(erased at the person's request)",
                undone_at=func.coalesce(AuditEntry.undone_at, now),
            )
            .execution_options(synchronize_session=False)
        )


def _redact_elsewhere(session: Session, redactor: Redactor) -> None:
    """Blank the person out of every other free text: notes on other customers, tasks not linked
    to them, NPS comments, and the descriptions and snapshots of every kind of audit entry."""
    dialect = session.get_bind().dialect.name
    for model, column in ((Interaction, "summary"), (Task, "text"), (NpsAnswer, "comment")):
        field = getattr(model, column)
        found = session.exec(select(model.id, field).where(_sieve(redactor, field, dialect))).all()
        for id_, text in found:
            if (redacted := redactor.text(text)) != text:
                session.exec(update(model).where(model.id == id_).values({column: redacted}))
    columns = (AuditEntry.description, AuditEntry.before, AuditEntry.after)
    entries = session.exec(
        select(AuditEntry.id, *columns).where(or_(*(_sieve(redactor, c, dialect) for c in columns)))
    ).all()
    for id_, description, before, after in entries:
        old = {"description": description, "before": before, "after": after}
        new = {name: redactor.value(value) for name, value in old.items()}
        if new != old:
            session.exec(
                update(AuditEntry)
                .where(AuditEntry.id == id_)
                .values(new)
                .execution_options(synchronize_session=False)
            )


def _sieve(redactor: Redactor, column: Any, dialect: str) -> Any:
    """Rows of `column` that may mention the person (JSON columns are read as their text)."""
    patterns = redactor.like_patterns()
    if dialect == "postgresql" and patterns:  # lower-cases each value once, not per pattern
        return func.lower(cast(column, Text)).like(any_(postgresql.array(patterns)))
    text = cast(column, Text)  # SQLite's LIKE ignores ASCII case itself
    return or_(*(text.like(pattern) for pattern in patterns), false())


def _drop_mentions(session: Session, redactor: Redactor, cid: int) -> None:
    """Questions awaiting an answer and stored button commands are only ever re-run, never read:
    the ones that name the person or point at their record go."""
    points_at = re.compile(rf"#{cid}(?!\d)")
    for question in session.exec(select(PendingQuestion)).all():
        payload = json.dumps(question.payload, ensure_ascii=False)
        if redactor.mentions(question.payload) or points_at.search(payload):
            session.delete(question)
    for button in session.exec(select(ButtonValue)).all():
        if redactor.mentions(button.value) or points_at.search(button.value):
            session.delete(button)
