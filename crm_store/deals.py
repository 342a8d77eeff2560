"""Deals closed in a period: the customers who moved to the won stage or to lost in it.

Read from where each customer stands now and when their stage last changed, so a customer lost
and then won back counts once, as won; customers in the delete bin or erased are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from crm_store.models import Customer
from crm_store.pipeline import Pipeline

LOST = "lost"


@dataclass(frozen=True)
class Closed:
    won: list[Customer]
    lost: list[Customer]

    @property
    def rate(self) -> float | None:
        """The share of closed deals that were won; None when none closed."""
        closed = len(self.won) + len(self.lost)
        return len(self.won) / closed if closed else None


def closed(
    session: Session,
    start: datetime,
    end: datetime,
    *,
    pipeline: Pipeline,
    owner_id: int | None = None,
) -> Closed:
    """The deals won and lost from `start` (inclusive) to `end` (exclusive), newest first, of one
    owner's book or (owner_id None) the whole store's."""
    stages = [pipeline.won, *([LOST] if LOST in pipeline.stages else [])]
    query = select(Customer).where(
        col(Customer.stage).in_(stages),
        col(Customer.stage_changed_at) >= start,
        col(Customer.stage_changed_at) < end,
        col(Customer.deleted_at).is_(None),
        col(Customer.forgotten_at).is_(None),
    )
    if owner_id is not None:
        query = query.where(Customer.owner_id == owner_id)
    rows = session.exec(query.order_by(col(Customer.stage_changed_at).desc(), Customer.id)).all()
    return Closed(
        won=[c for c in rows if c.stage == pipeline.won],
        lost=[c for c in rows if c.stage == LOST],
    )
