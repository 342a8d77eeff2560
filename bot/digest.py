"""The daily digest: yesterday's activity against the same weekday a week before, what is due,
who is slipping, and what to do first. A manager sees the team; a rep sees their own book."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session, col, select

from bot import format
from bot.books import Book, default_book
from bot.handlers.insights import KINDS, action_buttons, display_name
from bot.messages import Reply
from bot.settings import Settings
from crm_store import analytics, recommend
from crm_store.analytics import cents
from crm_store.models import Customer, Interaction, NpsAnswer, Purchase, Staff, Task, TaskStatus

TOP_ACTIONS = 5
AT_RISK = 5


@dataclass(frozen=True)
class Insights:
    """The store-wide figures of one day, computed once and shared by every digest of that day."""

    snapshot: analytics.Snapshot
    baskets: recommend.Baskets

    @classmethod
    def load(cls, session: Session, *, today: date, settings: Settings) -> Insights:
        snap = analytics.snapshot(
            session, today=today, currency=settings.currency, lapsed_days=settings.lapsed_days
        )
        return cls(snap, recommend.baskets(session, today=today))


@dataclass(frozen=True)
class DayFigures:
    contacts: int
    new_customers: int
    purchases: int
    revenue_cents: int


def local_today(staff: Staff, now: datetime, settings: Settings) -> date:
    return now.astimezone(ZoneInfo(staff.tz or settings.tz)).date()


def build(
    session: Session,
    staff: Staff,
    *,
    today: date,
    settings: Settings,
    insights: Insights | None = None,
    book: Book | None = None,
) -> Reply:
    """The digest `staff` gets on the morning of `today` (their local day): of `book`, by default
    the team's for a manager and their own for a rep."""
    if insights is None or insights.snapshot.today != today:
        insights = Insights.load(session, today=today, settings=settings)
    tz = ZoneInfo(staff.tz or settings.tz)
    book = book or default_book(staff)
    team = book.team
    owner = book.owner_id
    money = lambda amount: format.money(amount, settings.currency)  # noqa: E731
    yesterday = today - timedelta(days=1)
    before = yesterday - timedelta(days=7)
    now_figures = _day(session, yesterday, tz=tz, owner=owner, currency=settings.currency)
    then = _day(session, before, tz=tz, owner=owner, currency=settings.currency)
    weekday = f"the {before:%A} before"
    worth = lambda figures: money(analytics.cents_to_money(figures.revenue_cents))  # noqa: E731
    fields = {
        "Contacts yesterday": f"{now_figures.contacts} ({then.contacts} {weekday})",
        "New customers": f"{now_figures.new_customers} ({then.new_customers})",
        "Purchases": (
            f"{now_figures.purchases} worth {worth(now_figures)} "
            f"({then.purchases} worth {worth(then)})"
        ),
        "Follow-ups": _tasks(session, today, owner=owner),
        "NPS yesterday": _nps(session, yesterday, owner=owner),
    }
    lines = []
    if team:
        per_rep = _contacts_per_rep(session, yesterday, tz=tz)
        if per_rep:
            lines.append("Contacts by rep: " + ", ".join(f"{n} {c}" for n, c in per_rep) + ".")
    frame = insights.snapshot.customers
    customers = frame if owner is None else frame[frame["owner_id"] == owner]
    slipping = customers[
        customers["high_value"]
        & (
            (customers["p_alive"] < analytics.AT_RISK_BELOW).fillna(False)
            | (
                customers["p_alive"].isna()
                & customers["segment"].isin(
                    ["at_risk", "cant_lose", "about_to_sleep", "hibernating"]
                )
            )
        )
    ].nlargest(AT_RISK, "value")
    if len(slipping):
        names = [
            f"{display_name(row, i)} ({money(analytics.cents_to_money(row['value']))}, "
            f"last order {int(row['recency_days'])} days ago)"
            for i, row in slipping.iterrows()
        ]
        lines.append("High-value customers at risk: " + "; ".join(names) + ".")
    actions = recommend.suggest(
        session,
        insights.snapshot,
        insights.baskets,
        customer_ids=customers.index,
        money=money,
        per_customer=1,
        limit=TOP_ACTIONS,
    )
    if actions:
        lines.append("Top things to do today:")
    rows = [
        {
            "Customer": display_name(frame.loc[s.customer_id], s.customer_id),
            "Do": KINDS[s.kind],
            "Why": s.reason,
        }
        for s in actions
    ]
    whose = "Team digest" if team else f"{book.whose} digest"
    return Reply(
        title=f"{whose} for {today:%a %-d %b %Y}",
        fields=fields,
        text="\n".join(lines),
        rows=rows,
        buttons=[b for s in actions[:2] for b in action_buttons(s)],
        note=f"Yesterday is {yesterday:%a %-d %b} in {tz.key}; say “stop the digest” to stop it.",
    )


def _bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)
    return start, datetime.combine(day + timedelta(days=1), time(), tzinfo=tz).astimezone(UTC)


def _day(
    session: Session, day: date, *, tz: ZoneInfo, owner: int | None, currency: str
) -> DayFigures:
    start, end = _bounds(day, tz)
    binned = select(Customer.id).where(col(Customer.deleted_at).is_not(None))
    contacts = (
        select(func.count())
        .select_from(Interaction)
        .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
        .where(col(Interaction.customer_id).not_in(binned))
    )
    new = select(func.count()).where(
        Customer.created_at >= start,
        Customer.created_at < end,
        col(Customer.forgotten_at).is_(None),
        col(Customer.deleted_at).is_(None),
    )
    sold = (
        select(
            func.count(),
            func.coalesce(
                func.sum(cents(Purchase.amount)).filter(Purchase.currency == currency), 0
            ),
        )
        .select_from(Purchase)
        .where(Purchase.purchased_on == day, col(Purchase.customer_id).not_in(binned))
    )
    if owner is not None:
        contacts = contacts.join(Customer, Customer.id == Interaction.customer_id).where(
            Customer.owner_id == owner
        )
        new = new.where(Customer.owner_id == owner)
        sold = sold.join(Customer, Customer.id == Purchase.customer_id).where(
            Customer.owner_id == owner
        )
    purchases, revenue = session.execute(sold).one()
    return DayFigures(
        contacts=session.execute(contacts).scalar_one(),
        new_customers=session.execute(new).scalar_one(),
        purchases=purchases,
        revenue_cents=int(revenue or 0),
    )


def _contacts_per_rep(session: Session, day: date, *, tz: ZoneInfo) -> list[tuple[str, int]]:
    start, end = _bounds(day, tz)
    rows = session.execute(
        select(Staff.name, func.count())
        .join(Interaction, Interaction.staff_id == Staff.id)
        .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
        .group_by(Staff.name)
        .order_by(func.count().desc(), Staff.name)
    ).all()
    return [(name, count) for name, count in rows]


def _tasks(session: Session, today: date, *, owner: int | None) -> str:
    query = select(
        func.count().filter(Task.due == today), func.count().filter(col(Task.due) < today)
    ).where(Task.status == TaskStatus.open.value, col(Task.due) <= today)
    binned = select(Customer.id).where(col(Customer.deleted_at).is_not(None))
    query = query.where(col(Task.customer_id).is_(None) | col(Task.customer_id).not_in(binned))
    if owner is not None:
        query = query.where(Task.assignee_id == owner)
    due, overdue = session.execute(query).one()
    return f"{due} due today, {overdue} overdue"


def _nps(session: Session, day: date, *, owner: int | None) -> str:
    query = (
        select(NpsAnswer.score)
        .join(Customer, Customer.id == NpsAnswer.customer_id)
        .where(NpsAnswer.answered_on == day)
    )
    if owner is not None:
        query = query.where(Customer.owner_id == owner)
    scores = pd.Series(session.execute(query).scalars().all(), dtype="int64")
    if scores.empty:
        return "no answers"
    detractors = int((scores <= 6).sum())
    listed = ", ".join(str(s) for s in sorted(scores, reverse=True))
    return (
        f"{len(scores)} answer{'s' * (len(scores) != 1)} ({listed}); "
        f"{detractors} detractor{'s' * (detractors != 1)}"
    )
