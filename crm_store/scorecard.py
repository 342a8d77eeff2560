"""Each rep's figures side by side: the answer to "how are the reps doing".

The period's figures are the reports' own (`reports.build` grouped by owner), so a rep's revenue
here is the same number as in "revenue by rep"; tasks are counted as they stand today.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlmodel import Session

from crm_store import reports
from crm_store.models import Role, Staff, Task, TaskStatus


@dataclass(frozen=True)
class RepLine:
    name: str
    revenue: Decimal
    orders: int
    new_customers: int
    contacts: int
    calls: int
    meetings: int
    open_tasks: int
    overdue_tasks: int


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    tz: str
    customers: int
    open_tasks: int
    overdue_tasks: int


@dataclass(frozen=True)
class Scorecard:
    period: str
    start: date
    end: date
    lines: list[RepLine]  # most revenue first


def team(session: Session, *, period: str, today: date, tz: ZoneInfo, currency: str) -> Scorecard:
    """Every rep, and anyone else with figures in the period, ranked by revenue."""
    asked = {
        "revenue": ("revenue", None),
        "purchases": ("purchases", None),
        "customers": ("customers", None),
        "interactions": ("interactions", None),
        "calls": ("interactions", "call"),
        "meetings": ("interactions", "meeting"),
    }
    per = {
        figure: reports.build(
            session,
            metric=metric,
            period=period,
            group_by="owner",
            today=today,
            tz=tz,
            currency=currency,
            channel=channel,
        )
        for figure, (metric, channel) in asked.items()
    }
    figures = {metric: dict(report.rows) for metric, report in per.items()}
    open_tasks, overdue = _tasks_by_assignee(session, today)
    names = set(session.exec(select(Staff.name).where(Staff.role == Role.rep.value)).scalars())
    names |= {name for rows in figures.values() for name in rows} | set(open_tasks)
    lines = [
        RepLine(
            name=name,
            revenue=figures["revenue"].get(name, Decimal(0)),
            orders=figures["purchases"].get(name, 0),
            new_customers=figures["customers"].get(name, 0),
            contacts=figures["interactions"].get(name, 0),
            calls=figures["calls"].get(name, 0),
            meetings=figures["meetings"].get(name, 0),
            open_tasks=open_tasks.get(name, 0),
            overdue_tasks=overdue.get(name, 0),
        )
        for name in names
    ]
    lines.sort(key=lambda line: (-line.revenue, -line.orders, line.name))
    revenue = per["revenue"]
    return Scorecard(revenue.period, revenue.start, revenue.end, lines)


def roster(session: Session, *, today: date) -> list[Member]:
    """Everyone on the staff, managers too, with the live customers they own and their tasks
    as they stand today: the answer to "who's on the team", most customers first."""
    owned: Counter[int | None] = Counter()
    for (_, owner_id), count in reports.stages_by_owner(session).items():
        owned[owner_id] += count
    open_tasks, overdue = _tasks_by_assignee(session, today)
    members = [
        Member(
            name=person.name,
            role=person.role,
            tz=person.tz,
            customers=owned.get(person.id, 0),
            open_tasks=open_tasks.get(person.name, 0),
            overdue_tasks=overdue.get(person.name, 0),
        )
        for person in session.exec(select(Staff)).scalars()
    ]
    return sorted(members, key=lambda member: (-member.customers, member.name.casefold()))


def _tasks_by_assignee(session: Session, today: date) -> tuple[dict[str, int], dict[str, int]]:
    """Open tasks, and those of them past due, per person they are assigned to."""
    overdue = func.sum(case((Task.due < today, 1), else_=0))
    rows = session.exec(
        select(Staff.name, func.count(Task.id), overdue)
        .join(Staff, Staff.id == Task.assignee_id)
        .where(Task.status == TaskStatus.open.value)
        .group_by(Staff.name)
    ).all()
    open_tasks = {name: count for name, count, _ in rows}
    return open_tasks, {name: int(late or 0) for name, _, late in rows}
