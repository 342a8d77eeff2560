"""A day's activity for every book at once: contacts, new customers, purchases, follow-ups and NPS.

Each figure is one query grouped by owner, run once per (day, time zone) and kept, so the fifty
digests of a morning cost a handful of queries instead of a few each. A book's figure is its
owner's group; the team's is the sum of every group (customers without an owner included).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from crm_store.analytics import cents
from crm_store.models import Customer, Interaction, NpsAnswer, Purchase, Staff, Task, TaskStatus


@dataclass(frozen=True)
class DayFigures:
    contacts: int
    new_customers: int
    purchases: int
    revenue_cents: int


def bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC start and end of a local day."""
    start = datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)
    return start, datetime.combine(day + timedelta(days=1), time(), tzinfo=tz).astimezone(UTC)


def _binned():
    return select(Customer.id).where(col(Customer.deleted_at).is_not(None))


@dataclass
class Activity:
    """Grouped figures, read on first use and kept for every later digest of the same tick."""

    currency: str
    _kept: dict = field(default_factory=dict)

    def day(self, session: Session, day: date, *, tz: ZoneInfo, owner: int | None) -> DayFigures:
        contacts = self._once(("contacts", day, tz.key), lambda: _contacts(session, day, tz))
        new = self._once(("new", day, tz.key), lambda: _new_customers(session, day, tz))
        sold = self._once(("sold", day), lambda: _sold(session, day, self.currency))
        purchases, revenue = _pick(sold, owner, (0, 0))
        return DayFigures(
            contacts=_pick(contacts, owner, 0),
            new_customers=_pick(new, owner, 0),
            purchases=purchases,
            revenue_cents=revenue,
        )

    def tasks(self, session: Session, today: date, *, owner: int | None) -> tuple[int, int]:
        """Open follow-ups due today and overdue, of the assignee (everyone's for the team)."""
        grouped = self._once(("tasks", today), lambda: _tasks(session, today))
        return _pick(grouped, owner, (0, 0))

    def nps(self, session: Session, day: date, *, owner: int | None) -> list[int]:
        answers = self._once(("nps", day), lambda: _nps(session, day))
        if owner is None:
            return [score for scores in answers.values() for score in scores]
        return answers.get(owner, [])

    def contacts_per_rep(
        self, session: Session, day: date, *, tz: ZoneInfo
    ) -> list[tuple[str, int]]:
        return self._once(("per rep", day, tz.key), lambda: _contacts_per_rep(session, day, tz))

    def _once(self, key, load):
        if key not in self._kept:
            self._kept[key] = load()
        return self._kept[key]


def _pick(grouped: dict, owner: int | None, empty):
    """One owner's figure, or for the team the sum over every owner."""
    if owner is not None:
        return grouped.get(owner, empty)
    if isinstance(empty, tuple):
        return tuple(sum(values) for values in zip(empty, *grouped.values(), strict=True))
    return sum(grouped.values(), empty)


def _contacts(session: Session, day: date, tz: ZoneInfo) -> dict:
    start, end = bounds(day, tz)
    rows = session.execute(
        select(Customer.owner_id, func.count())
        .select_from(Interaction)
        .join(Customer, Customer.id == Interaction.customer_id)
        .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
        .where(col(Interaction.customer_id).not_in(_binned()))
        .group_by(Customer.owner_id)
    )
    return dict(rows.all())


def _new_customers(session: Session, day: date, tz: ZoneInfo) -> dict:
    start, end = bounds(day, tz)
    rows = session.execute(
        select(Customer.owner_id, func.count())
        .where(
            Customer.created_at >= start,
            Customer.created_at < end,
            col(Customer.forgotten_at).is_(None),
            col(Customer.deleted_at).is_(None),
        )
        .group_by(Customer.owner_id)
    )
    return dict(rows.all())


def _sold(session: Session, day: date, currency: str) -> dict:
    rows = session.execute(
        select(
            Customer.owner_id,
            func.count(),
            func.coalesce(
                func.sum(cents(Purchase.amount)).filter(Purchase.currency == currency), 0
            ),
        )
        .select_from(Purchase)
        .join(Customer, Customer.id == Purchase.customer_id)
        .where(Purchase.purchased_on == day, col(Purchase.customer_id).not_in(_binned()))
        .group_by(Customer.owner_id)
    )
    return {owner: (count, int(revenue or 0)) for owner, count, revenue in rows}


def _tasks(session: Session, today: date) -> dict:
    rows = session.execute(
        select(
            Task.assignee_id,
            func.count().filter(Task.due == today),
            func.count().filter(col(Task.due) < today),
        )
        .where(Task.status == TaskStatus.open.value, col(Task.due) <= today)
        .where(col(Task.customer_id).is_(None) | col(Task.customer_id).not_in(_binned()))
        .group_by(Task.assignee_id)
    )
    return {assignee: (due, overdue) for assignee, due, overdue in rows}


def _nps(session: Session, day: date) -> dict[int | None, list[int]]:
    rows = session.execute(
        select(Customer.owner_id, NpsAnswer.score)
        .join(Customer, Customer.id == NpsAnswer.customer_id)
        .where(NpsAnswer.answered_on == day)
    )
    answers: dict[int | None, list[int]] = {}
    for owner, score in rows:
        answers.setdefault(owner, []).append(score)
    return answers


def _contacts_per_rep(session: Session, day: date, tz: ZoneInfo) -> list[tuple[str, int]]:
    start, end = bounds(day, tz)
    rows = session.execute(
        select(Staff.name, func.count())
        .join(Interaction, Interaction.staff_id == Staff.id)
        .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
        .group_by(Staff.name)
        .order_by(func.count().desc(), Staff.name)
    ).all()
    return [(name, count) for name, count in rows]
