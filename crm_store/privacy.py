"""Data-protection requests: everything held on a person (access), and erasure (forget).

Erasure removes what identifies the person — name, company, title, contact details, city, external
id, tags, and every free text written about them (contact summaries, task texts, NPS comments, and
the before/after snapshots in the audit trail) — and keeps the anonymous figures (purchases,
contact dates and channels, NPS scores) so reports still add up. Keyed hashes of the e-mail, phone
and external id stay behind, so an import or a new customer that brings the person back is noticed
instead of silently accepted. The key keeps the hashes from being reversed by guessing addresses.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, update
from sqlmodel import Session, col, select

from crm_store import interests
from crm_store.audit import snapshot
from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerInterest,
    CustomerTag,
    ErasedIdentifier,
    Interaction,
    NpsAnswer,
    Purchase,
    Staff,
    Task,
)

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
    for entry in interactions:
        entry["staff"] = staff_names.get(entry.pop("staff_id"))
    history = session.exec(
        select(AuditEntry)
        .where(AuditEntry.entity == Customer.__tablename__, AuditEntry.entity_id == cid)
        .order_by(AuditEntry.at)
    )
    return {
        "customer": {**snapshot(customer), "owner": owner.name if owner else None},
        "tags": sorted(session.exec(select(CustomerTag.tag).where(CustomerTag.customer_id == cid))),
        "interests": interests.of(session, cid),
        "interactions": interactions,
        "purchases": rows(Purchase, Purchase.purchased_on),
        "tasks": rows(Task, Task.created_at),
        "nps_answers": rows(NpsAnswer, NpsAnswer.answered_on),
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


@dataclass(frozen=True)
class Erasure:
    interactions: int
    tasks: int
    nps_answers: int
    purchases_kept: int


def forget(
    session: Session,
    customer: Customer,
    *,
    key: str,
    staff_id: int | None,
    command_id: str,
    now: datetime,
) -> Erasure:
    """Erase the customer's personal data and record who did it and when. Irreversible."""
    if customer.forgotten_at is not None:
        raise ValueError(f"#{customer.id}'s personal data was already erased")
    cid = customer.id
    for kind in IDENTIFIERS:
        value = getattr(customer, kind)
        digest = value and identifier_digest(kind, value, key=key)
        if digest and session.get(ErasedIdentifier, digest) is None:
            session.add(ErasedIdentifier(digest=digest, kind=kind, erased_at=now))
    for field in PERSONAL:
        setattr(customer, field, None)
    customer.consent_marketing = False
    customer.forgotten_at = customer.updated_at = now
    session.add(customer)
    session.exec(delete(CustomerTag).where(CustomerTag.customer_id == cid))
    session.exec(delete(CustomerInterest).where(CustomerInterest.customer_id == cid))
    interaction_ids = session.exec(select(Interaction.id).where(Interaction.customer_id == cid))
    interaction_ids = list(interaction_ids)
    session.exec(
        update(Interaction)
        .where(Interaction.customer_id == cid)
        .values(summary="", source_message_id=None)
    )
    task_ids = list(session.exec(select(Task.id).where(Task.customer_id == cid)))
    session.exec(delete(Task).where(Task.customer_id == cid))
    nps_ids = list(session.exec(select(NpsAnswer.id).where(NpsAnswer.customer_id == cid)))
    session.exec(update(NpsAnswer).where(NpsAnswer.customer_id == cid).values(comment=None))
    _scrub_audit(session, cid, interaction_ids, task_ids, nps_ids, now=now)
    purchases = session.exec(select(Purchase.id).where(Purchase.customer_id == cid)).all()
    session.flush()
    after = snapshot(customer)
    session.add(
        AuditEntry(
            command_id=command_id,
            staff_id=staff_id,
            at=now,
            action="customer.forget",
            entity=Customer.__tablename__,
            entity_id=cid,
            before=None,  # nothing personal is kept; undo steps over erasures
            after=after,
            description=f"erased the personal data of #{cid}",
        )
    )
    return Erasure(len(interaction_ids), len(task_ids), len(nps_ids), len(purchases))


def _scrub_audit(
    session: Session,
    cid: int,
    interaction_ids: list[int],
    task_ids: list[int],
    nps_ids: list[int],
    *,
    now: datetime,
) -> None:
    """Empty the audit snapshots that hold the person's data, and take them out of undo's reach."""
    about = [
        (Customer.__tablename__, [cid]),
        (Interaction.__tablename__, interaction_ids),
        (Task.__tablename__, task_ids),
        (NpsAnswer.__tablename__, nps_ids),
    ]
    conditions = [
        (AuditEntry.entity == entity) & col(AuditEntry.entity_id).in_(ids)
        for entity, ids in about
        if ids
    ]
    tag_entries = session.exec(
        select(AuditEntry.id, AuditEntry.before, AuditEntry.after).where(
            col(AuditEntry.entity).in_([CustomerTag.__tablename__, CustomerInterest.__tablename__])
        )
    ).all()
    tag_ids = [
        id_
        for id_, before, after in tag_entries
        if (before or after or {}).get("customer_id") == cid
    ]
    if tag_ids:
        conditions.append(col(AuditEntry.id).in_(tag_ids))
    session.exec(
        update(AuditEntry)
        .where(or_(*conditions))
        .values(
            before=None,
            after=None,
            description="(erased at the person's request)",
            undone_at=func.coalesce(AuditEntry.undone_at, now),
        )
        .execution_options(synchronize_session=False)
    )
