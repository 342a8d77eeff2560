"""Customers, purchases and interactions out as CSV, in the same columns the importer reads.

A customer export can be imported again unchanged, and purchases and interactions name their
customer by e-mail (else external id, phone or name), so they find the same record on the way back.
Erased customers are left out of the customer list; their anonymous purchases and contacts stay in
the other exports under "#id (erased)", so totals still agree with the reports.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Select
from sqlmodel import Session, col, select

from crm_store.models import Customer, CustomerTag, Interaction, Purchase, Staff, customer_label

KINDS = ("customers", "purchases", "interactions")
COLUMNS = {
    "customers": (
        "external_id",
        "name",
        "company",
        "title",
        "email",
        "phone",
        "city",
        "country",
        "owner",
        "stage",
        "tags",
        "created_at",
    ),
    "purchases": ("customer", "customer_name", "date", "product", "quantity", "amount", "currency"),
    "interactions": ("customer", "customer_name", "date", "channel", "summary", "staff"),
}
CHUNK = 2000


def export_csv(session: Session, kind: str, *, customer_ids: Iterable[int] | None = None) -> str:
    """The CSV text of `kind`, limited to `customer_ids` when given (a segment's members)."""
    out = io.StringIO()
    write_csv(session, kind, out, customer_ids=customer_ids)
    return out.getvalue()


def write_csv(
    session: Session, kind: str, out: Any, *, customer_ids: Iterable[int] | None = None
) -> int:
    """Write `kind` as CSV to the text stream `out`; the number of rows written."""
    if kind not in KINDS:
        raise ValueError(f"can't export “{kind}”; choose one of {', '.join(KINDS)}")
    wanted = None if customer_ids is None else sorted(set(customer_ids))
    writer = csv.DictWriter(out, fieldnames=COLUMNS[kind], lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in ROWS[kind](session, wanted):
        writer.writerow(row)
        count += 1
    return count


def _chunks(ids: list[int] | None) -> Iterator[list[int] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _limit(query: Select, column, ids: list[int] | None) -> Select:
    return query if ids is None else query.where(col(column).in_(ids))


def _customers(session: Session, wanted: list[int] | None) -> Iterator[dict[str, str]]:
    staff = dict(session.exec(select(Staff.id, Staff.name)).all())
    for ids in _chunks(wanted):
        live = col(Customer.forgotten_at).is_(None) & col(Customer.deleted_at).is_(None)
        query = select(Customer).where(live).order_by(Customer.id)
        customers = session.exec(_limit(query, Customer.id, ids)).all()
        tags: dict[int, list[str]] = {}
        tag_query = _limit(
            select(CustomerTag.customer_id, CustomerTag.tag).order_by(CustomerTag.tag),
            CustomerTag.customer_id,
            ids,
        )
        for customer_id, tag in session.exec(tag_query):
            tags.setdefault(customer_id, []).append(tag)
        for c in customers:
            yield {
                "external_id": c.external_id or "",
                "name": c.name or "",
                "company": c.company or "",
                "title": c.title or "",
                "email": c.email or "",
                "phone": c.phone or "",
                "city": c.city or "",
                "country": c.country or "",
                "owner": staff.get(c.owner_id, "") if c.owner_id else "",
                "stage": c.stage,
                "tags": ", ".join(tags.get(c.id, [])),
                "created_at": c.created_at.isoformat(timespec="seconds"),
            }


def _references(session: Session, ids: list[int] | None) -> dict[int, tuple[str, str]]:
    """Customer id → (how the importer finds them again, how a person reads them)."""
    query = select(
        Customer.id,
        Customer.email,
        Customer.external_id,
        Customer.phone,
        Customer.name,
        Customer.company,
        Customer.forgotten_at,
    )
    found = {}
    for id_, email, external_id, phone, name, company, forgotten in session.exec(
        _limit(query, Customer.id, ids)
    ):
        shown = customer_label(id_, name, company, erased=forgotten is not None)
        if forgotten is not None:
            found[id_] = (shown, shown)
            continue
        found[id_] = (email or external_id or phone or name or company, shown)
    return found


def _purchases(session: Session, wanted: list[int] | None) -> Iterator[dict[str, str]]:
    for ids in _chunks(wanted):
        refs = _references(session, ids)
        query = select(Purchase).order_by(Purchase.purchased_on, Purchase.id)
        for p in session.exec(_limit(query, Purchase.customer_id, ids)):
            ref, shown = refs[p.customer_id]
            yield {
                "customer": ref,
                "customer_name": shown,
                "date": p.purchased_on.isoformat(),
                "product": p.product,
                "quantity": str(p.quantity),
                "amount": f"{p.amount:.2f}",
                "currency": p.currency,
            }


def _interactions(session: Session, wanted: list[int] | None) -> Iterator[dict[str, str]]:
    staff = dict(session.exec(select(Staff.id, Staff.name)).all())
    for ids in _chunks(wanted):
        refs = _references(session, ids)
        query = select(Interaction).order_by(Interaction.occurred_at, Interaction.id)
        for i in session.exec(_limit(query, Interaction.customer_id, ids)):
            ref, shown = refs[i.customer_id]
            yield {
                "customer": ref,
                "customer_name": shown,
                "date": i.occurred_at.isoformat(timespec="seconds"),
                "channel": i.channel,
                "summary": i.summary,
                "staff": staff.get(i.staff_id, "") if i.staff_id else "",
            }


ROWS = {"customers": _customers, "purchases": _purchases, "interactions": _interactions}
