"""Product interest: what a customer wants to buy, named as people name it ("hardware", "CRM Pro").

Each interest is kept as typed, beside a key that filters compare: folded, each word singular, so
"Hardware", "hardware" and "HARDWARES" are one interest, and "CRM" finds "CRM Suite" (a query
matches an interest whose words contain the query's words in order).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from crm_store import normalize
from crm_store.models import CustomerInterest

LENGTH = 120


def interest_key(typed: str) -> str:
    return normalize.singular_key(typed)[:LENGTH]


def split(typed: str) -> list[str]:
    """Several interests in one cell or phrase: "Hardware; CRM Pro" → two."""
    if not typed or typed.isspace():
        return []
    parts = [" ".join(p.split()) for p in typed.replace(";", ",").replace("|", ",").split(",")]
    return [p[:LENGTH] for p in parts if interest_key(p)]


def matching_keys(session: Session, typed: str) -> list[str]:
    """The stored interest keys a query names."""
    wanted = interest_key(typed).split()
    if not wanted:
        return []
    keys = session.exec(select(CustomerInterest.key).distinct()).all()
    return [key for key in keys if normalize.has_words(key.split(), wanted)]


def interested(session: Session, typed: str) -> list[int]:
    """The ids of the customers interested in what `typed` names."""
    keys = matching_keys(session, typed)
    if not keys:
        return []
    query = select(CustomerInterest.customer_id).where(col(CustomerInterest.key).in_(keys))
    return sorted(set(session.exec(query)))


def of(session: Session, customer_id: int) -> list[str]:
    rows = session.exec(
        select(CustomerInterest.interest)
        .where(CustomerInterest.customer_id == customer_id)
        .order_by(CustomerInterest.interest)
    )
    return list(rows)


def existing(session: Session, customer_id: int, typed: str) -> CustomerInterest | None:
    """The customer's interest with the same key as `typed`, if they have it already."""
    return session.exec(
        select(CustomerInterest).where(
            CustomerInterest.customer_id == customer_id,
            CustomerInterest.key == interest_key(typed),
        )
    ).first()
