"""A metric over a period, grouped: the table behind "revenue by month this year", and its chart.

The database sums at the finest grain needed (per day and group key), pandas does the rest, so
SQLite and PostgreSQL run the same queries. Days are the reader's local days; money is summed in
integer cents of the store's currency; NPS is % promoters − % detractors of the answers given.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session, col

from crm_store.analytics import cents, cents_to_money, snapshot
from crm_store.models import (
    Customer,
    CustomerFigures,
    CustomerInterest,
    CustomerTag,
    Interaction,
    NpsAnswer,
    Purchase,
    Role,
    Staff,
)

METRICS = ("revenue", "customers", "interactions", "purchases", "nps")
PERIODS = (
    "today",
    "yesterday",
    "this_week",
    "last_week",
    "this_month",
    "last_month",
    "this_quarter",
    "last_quarter",
    "this_year",
    "last_year",
)
OVER_TIME = ("day", "week", "month")
GROUPINGS = (*OVER_TIME, "owner", "product", "segment", "channel", "city")
DEFAULT_PERIOD = {"day": "last_30_days", "week": "last_12_weeks", "month": "last_12_months"}
# "how many customers does each rep have?": customers with no period said are all of them to date
TO_DATE = "to_date"
LABELS = {
    "revenue": "Revenue",
    "customers": "New customers",
    "interactions": "Interactions",
    "purchases": "Purchases",
    "nps": "NPS",
}

CHANNEL_LABELS = {"call": "Calls", "email": "E-mails", "meeting": "Meetings", "chat": "Chats",
                  "sms": "Texts", "visit": "Visits", "note": "Notes"}  # fmt: skip

# what customers are counted by: a customer counts under each of their tags or interests, and
# under their one stage
LABELLINGS = {
    "tag": (CustomerTag, CustomerTag.tag),
    "interest": (CustomerInterest, CustomerInterest.interest),
    "stage": (Customer, Customer.stage),
}


class ReportError(ValueError):
    """A combination that has no meaning, e.g. interactions by product."""


@dataclass(frozen=True)
class Report:
    metric: str
    period: str
    group_by: str | None
    start: date
    end: date
    rows: list[tuple[str, Decimal | int]]  # label → value; money as Decimal
    total: Decimal | int
    answers: int = 0  # NPS: how many answers the score rests on
    # revenue in currencies other than the store's, left out of the figures: currency → amount
    elsewhere: dict[str, Decimal] = field(default_factory=dict)
    channel: str | None = None  # interactions of one kind only: calls, e-mails…

    @property
    def over_time(self) -> bool:
        return self.group_by in OVER_TIME

    @property
    def to_date(self) -> bool:
        """Everything up to today, not a period."""
        return self.period == TO_DATE

    @property
    def label(self) -> str:
        """What the figures count: all customers to date are "Customers", not new ones."""
        if self.channel is not None:
            return CHANNEL_LABELS.get(self.channel, self.channel.capitalize())
        return "Customers" if self.to_date and self.metric == "customers" else LABELS[self.metric]

    @property
    def title(self) -> str:
        grouped = f" by {self.group_by}" if self.group_by else ""
        return f"{self.label}{grouped}, {period_label(self.period)}"


def period_label(period: str) -> str:
    if month := _month(period):
        return month.strftime("in %B %Y")
    if found := _SINCE.fullmatch(period):
        return f"since {_said(date.fromisoformat(found['start']))}"
    if found := _BETWEEN.fullmatch(period):
        start, end = (date.fromisoformat(found[side]) for side in ("start", "end"))
        months = _whole_months(found)
        if months == 3 and start.month % 3 == 1:
            return f"in Q{start.month // 3 + 1} {start.year}"
        if months:
            return f"from {start:%B %Y} to {end:%B %Y}"
        return f"from {_said(start)} to {_said(end)}"
    return period.replace("_", " ")


# periods beyond the named ones: "last 45 days", "since 3 nov", "from 3 nov to 20 nov"
_LAST_DAYS = re.compile(r"last_(?P<n>\d{1,3})_days")
_SINCE = re.compile(r"since_(?P<start>\d{4}-\d{2}-\d{2})")
_BETWEEN = re.compile(r"(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2})")


def _whole_months(span: re.Match) -> int:
    """How many whole months a span of dates covers ("2026-07-01..2026-09-30": 3), else 0."""
    start, end = (date.fromisoformat(span[side]) for side in ("start", "end"))
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _said(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _month(period: str) -> date | None:
    """The first day of a month named as a period ("2026-10": "revenue in october")."""
    if re.fullmatch(r"\d{4}-(?:0[1-9]|1[0-2])", period):
        return date.fromisoformat(f"{period}-01")
    return None


def period_bounds(period: str, today: date) -> tuple[date, date]:
    """The first and last day of a named period around `today` (weeks start on Monday)."""
    if month := _month(period):
        following = (pd.Timestamp(month) + pd.DateOffset(months=1)).date()
        return month, min(following - timedelta(days=1), today)
    if period == "today":
        return today, today
    if period == "yesterday":
        return today - timedelta(days=1), today - timedelta(days=1)
    if period in ("this_week", "last_week"):
        start = today - timedelta(days=today.weekday())
        if period == "last_week":
            return start - timedelta(days=7), start - timedelta(days=1)
        return start, today
    if period in ("this_month", "last_month"):
        start = today.replace(day=1)
        if period == "last_month":
            end = start - timedelta(days=1)
            return end.replace(day=1), end
        return start, today
    if period in ("this_quarter", "last_quarter"):
        start = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
        if period == "last_quarter":
            end = start - timedelta(days=1)
            return end.replace(month=3 * ((end.month - 1) // 3) + 1, day=1), end
        return start, today
    if period == "this_year":
        return today.replace(month=1, day=1), today
    if period == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if period == "last_12_months":
        first = (pd.Timestamp(today.replace(day=1)) - pd.DateOffset(months=11)).date()
        return first, today
    if period == "last_12_weeks":
        return today - timedelta(days=today.weekday() + 77), today
    if found := _LAST_DAYS.fullmatch(period):
        return today - timedelta(days=int(found["n"]) - 1), today
    if found := _SINCE.fullmatch(period):
        start = date.fromisoformat(found["start"])
        if start > today:
            raise ReportError(f"{_said(start)} is still to come: name a day gone by.")
        return start, today
    if found := _BETWEEN.fullmatch(period):
        start, end = (date.fromisoformat(found[side]) for side in ("start", "end"))
        if start > end:
            raise ReportError(f"{_said(start)} is after {_said(end)}: say the earlier day first.")
        return start, min(end, today)
    if period == TO_DATE:
        return date(1970, 1, 1), today
    raise ReportError(f"unknown period {period!r}")


def period_end(period: str, today: date) -> date | None:
    """The last day of a period still running ("this_quarter": 31 Dec), for a forecast to it;
    None for a period already over."""
    stamp = pd.Timestamp(today)
    ends = {
        "this_week": today + timedelta(days=6 - today.weekday()),
        "this_month": (stamp + pd.offsets.MonthEnd(0)).date(),
        "this_quarter": (stamp + pd.offsets.QuarterEnd(0)).date(),
        "this_year": date(today.year, 12, 31),
    }
    return ends.get(period)


def forecast_window(period: str, today: date) -> tuple[date, date] | None:
    """The days a forecast for `period` covers: the rest of a period under way ("this_quarter"),
    or a span still to come ("2027-01-01..2027-03-31", from its first day); None when it is over."""
    if (end := period_end(period, today)) is not None:
        return today + timedelta(days=1), end
    first, sep, last = period.partition("..")
    if not sep:
        return None
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None
    return (max(start, today + timedelta(days=1)), end) if end > today else None


# How far back the period before a named period starts: "last week" is compared with the week
# before it, "this month" so far with the same days of last month.
_STEP = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(days=7),
         "month": pd.DateOffset(months=1), "quarter": pd.DateOffset(months=3),
         "year": pd.DateOffset(years=1), "12_months": pd.DateOffset(years=1),
         "12_weeks": pd.DateOffset(days=84)}  # fmt: skip


def previous_bounds(period: str, today: date, *, a_year: bool = False) -> tuple[date, date]:
    """The first and last day of the period before a named period: the whole of it, or for a
    period under way ("this month"), its same days ("1–4 Nov" beside "1–4 Dec"); `a_year`: the
    same days a year before ("this quarter vs the same quarter last year")."""
    if period == TO_DATE:
        raise ReportError("Name the period to compare, e.g. “new customers this month vs last”.")
    start, end = period_bounds(period, today)
    if a_year:
        year = pd.DateOffset(years=1)
        return (pd.Timestamp(start) - year).date(), (pd.Timestamp(end) - year).date()
    if _month(period):
        before = (pd.Timestamp(start) - pd.DateOffset(months=1)).date()
        return before, start - timedelta(days=1)
    if (found := _BETWEEN.fullmatch(period)) and (months := _whole_months(found)):
        # "q3 vs q2", "jul to sep vs the months before": as many whole months, just before
        before = pd.Timestamp(start) - pd.DateOffset(months=months)
        return before.date(), start - timedelta(days=1)
    if _LAST_DAYS.fullmatch(period) or _SINCE.fullmatch(period) or _BETWEEN.fullmatch(period):
        days = (end - start).days + 1  # as many days, just before
        return start - timedelta(days=days), start - timedelta(days=1)
    unit = "day" if period in ("today", "yesterday") else period.split("_", 1)[1]
    before = (pd.Timestamp(start) - _STEP[unit]).date()
    if period.startswith("this_"):  # a period under way: the same days of the one before
        return before, min((pd.Timestamp(end) - _STEP[unit]).date(), start - timedelta(days=1))
    return before, start - timedelta(days=1)


def build(
    session: Session,
    *,
    metric: str,
    today: date,
    tz: ZoneInfo,
    currency: str = "USD",
    period: str | None = None,
    group_by: str | None = None,
    owner_id: int | None = None,
    channel: str | None = None,
    before: bool = False,
    a_year_before: bool = False,
) -> Report:
    """The report over the whole store, or over one rep's book (`owner_id`): the customers they
    own, or for interactions the contacts they made; `channel` counts one kind of contact only;
    `before`: over the period before the one named, to compare with (`a_year_before`: the same
    period a year earlier)."""
    if metric not in METRICS:
        raise ReportError(f"I can report {', '.join(METRICS)}, not {metric}.")
    if group_by is not None and group_by not in GROUPINGS:
        raise ReportError(f"I can group by {', '.join(GROUPINGS)}, not {group_by}.")
    if group_by == "channel" and metric != "interactions":
        raise ReportError("Only interactions have a channel; try “interactions by channel”.")
    if channel is not None and metric != "interactions":
        channel = None  # "revenue from calls" has no meaning: the revenue is the figure asked for
    if group_by == "product" and metric not in ("revenue", "purchases"):
        raise ReportError("Only revenue and purchases can be split by product.")
    if period is None and metric == "customers" and group_by not in OVER_TIME:
        period = TO_DATE
    period = period or DEFAULT_PERIOD.get(group_by or "", "this_month")
    if before or a_year_before:
        start, end = previous_bounds(period, today, a_year=a_year_before)
    else:
        start, end = period_bounds(period, today)
    facts = _facts(
        session,
        metric,
        group_by,
        start,
        end,
        tz=tz,
        currency=currency,
        owner_id=owner_id,
        channel=channel,
    )
    if group_by == "segment":
        facts["key"] = _segments(session, facts["key"], today=today, currency=currency)
    elif group_by == "owner":
        names = dict(session.execute(select(Staff.id, Staff.name)).all())
        facts["key"] = facts["key"].map(lambda i: names.get(i, "unassigned"))
    elif group_by in OVER_TIME:
        facts["key"] = _buckets(facts["day"], group_by)
    if group_by is not None:
        facts["key"] = facts["key"].fillna("unknown")
    rows, total, answers = _summarise(facts, metric, group_by, start, end)
    if group_by == "owner" and owner_id is None and metric != "nps":
        # "who hasn't logged anything today": a rep with none is a row of its own, at nought
        shown = {key for key, _ in rows}
        nought = Decimal(0) if metric == "revenue" else 0
        rows += [(name, nought) for name in _rep_names(session) if name not in shown]
    elsewhere = (
        _other_currencies(session, start, end, currency=currency, owner_id=owner_id)
        if metric == "revenue"
        else {}
    )
    return Report(metric, period, group_by, start, end, rows, total, answers, elsewhere, channel)


def _other_currencies(
    session: Session, start: date, end: date, *, currency: str, owner_id: int | None
) -> dict[str, Decimal]:
    """Sales in the period in other currencies than the report's, which it cannot add up."""
    query = _sales(
        (Purchase.currency, func.sum(cents(Purchase.amount))), start, end, owner_id=owner_id
    ).where(Purchase.currency != currency)
    rows = session.execute(query.group_by(Purchase.currency).order_by(Purchase.currency)).all()
    return {code: cents_to_money(int(total)) for code, total in rows if total}


def labels_in_use(
    session: Session, kind: str, *, owner_id: int | None = None
) -> list[tuple[str, int]]:
    """Each tag, interest or stage of live customers, with how many have it, most first."""
    table, label = LABELLINGS[kind]
    query = select(label, func.count())
    if table is not Customer:
        query = query.join(Customer, Customer.id == table.customer_id)
    query = query.where(
        col(Customer.deleted_at).is_(None), col(Customer.forgotten_at).is_(None)
    ).group_by(label)
    if owner_id is not None:
        query = query.where(Customer.owner_id == owner_id)
    rows = [(str(name), int(count)) for name, count in session.execute(query).all()]
    return sorted(rows, key=lambda row: (-row[1], row[0].casefold()))


def _rep_names(session: Session) -> list[str]:
    query = select(Staff.name).where(Staff.role == Role.rep.value).order_by(Staff.name)
    return list(session.execute(query).scalars())


def stage_worth(session: Session, *, owner_id: int | None = None) -> dict[str, tuple[int, int]]:
    """What each stage's live customers have spent to date and are forecast to spend, in cents:
    deals carry no amount, so this is what a stage is worth."""
    query = (
        select(
            Customer.stage,
            func.coalesce(func.sum(CustomerFigures.value_cents), 0),
            func.coalesce(func.sum(CustomerFigures.expected_value_cents), 0),
        )
        .join(CustomerFigures, CustomerFigures.customer_id == Customer.id, isouter=True)
        .where(col(Customer.deleted_at).is_(None), col(Customer.forgotten_at).is_(None))
        .group_by(Customer.stage)
    )
    if owner_id is not None:
        query = query.where(Customer.owner_id == owner_id)
    return {stage: (int(spent), int(due)) for stage, spent, due in session.execute(query).all()}


def stages_by_owner(session: Session) -> dict[tuple[str, int | None], int]:
    """How many live customers each owner has at each stage: (stage, owner id) → count."""
    query = (
        select(Customer.stage, Customer.owner_id, func.count())
        .where(col(Customer.deleted_at).is_(None), col(Customer.forgotten_at).is_(None))
        .group_by(Customer.stage, Customer.owner_id)
    )
    return {(stage, owner): int(n) for stage, owner, n in session.execute(query).all()}


def chart_png(report: Report, *, money_format=None) -> bytes:
    """The report as a PNG: bars (a line for NPS over time), drawn without a display."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # heavy: only to draw a chart
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    figure = Figure(figsize=(8, 4.2), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [label for label, _ in report.rows]
    values = [float(value) for _, value in report.rows]
    if report.metric == "nps" and report.over_time:
        axes.plot(labels, values, marker="o", color="#2f6fb3")
        axes.axhline(0, color="#999999", linewidth=0.8)
    elif report.over_time or len(labels) <= 6:
        axes.bar(labels, values, color="#2f6fb3")
    else:
        axes.barh(labels[::-1], values[::-1], color="#2f6fb3")
    value_axis = axes.xaxis if (not report.over_time and len(labels) > 6) else axes.yaxis
    if report.metric == "revenue" and money_format is not None:
        value_axis.set_major_formatter(FuncFormatter(lambda v, _: money_format(Decimal(int(v)))))
    axes.set_title(report.title)
    axes.spines[["top", "right"]].set_visible(False)
    if report.over_time and len(labels) > 8:
        axes.tick_params(axis="x", labelrotation=45)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


@dataclass(frozen=True)
class Entry:
    """One sale, contact or new customer behind a report's figure: what "list the sales made
    today" shows."""

    when: datetime | date
    customer_id: int
    customer: str
    kind: str  # the contact's channel, or the product sold
    summary: str = ""
    quantity: int = 0
    amount: Decimal | None = None
    currency: str = ""
    by: str | None = None


def entries(
    session: Session, report: Report, *, tz: ZoneInfo, owner_id: int | None, limit: int
) -> tuple[list[Entry], int]:
    """The newest `limit` sales, contacts or new customers a report counts (sales of every
    currency: they are shown one by one), and how many it counts in all."""
    if report.metric in ("revenue", "purchases"):
        query = _sales(
            (Purchase, Customer.name), report.start, report.end, owner_id=owner_id, join=True
        )
        order = (Purchase.purchased_on.desc(), Purchase.id.desc())
    elif report.metric == "interactions":
        query = _contacts(
            (Interaction, Customer.name),
            report.start,
            report.end,
            tz=tz,
            owner_id=owner_id,
            channel=report.channel,
            join=True,
        )
        order = (Interaction.occurred_at.desc(), Interaction.id.desc())
    elif report.metric == "customers":
        query = _added(
            (Customer, Customer.name), report.start, report.end, tz=tz, owner_id=owner_id
        )
        order = (Customer.created_at.desc(), Customer.id.desc())
    elif report.metric == "nps":
        query = _answers((NpsAnswer, Customer.name), report.start, report.end, owner_id=owner_id)
        order = (NpsAnswer.answered_on.desc(), NpsAnswer.id.desc())
    else:
        return [], 0
    count = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    staff = dict(session.execute(select(Staff.id, Staff.name)).all())
    found = []
    for row, name in session.execute(query.order_by(*order).limit(limit)).all():
        if isinstance(row, Customer):  # a customer added: their stage, and whose they are
            owner = staff.get(row.owner_id)
            entry = Entry(row.created_at, row.id, row.display_name, "added", row.stage, by=owner)
        elif isinstance(row, NpsAnswer):  # who answered, their score and what they said
            entry = Entry(
                row.answered_on,
                row.customer_id,
                name,
                f"NPS {row.score}",
                summary=row.comment or "",
                by=staff.get(row.staff_id),
            )
        elif isinstance(row, Purchase):
            entry = Entry(
                row.purchased_on,
                row.customer_id,
                name,
                row.product,
                quantity=row.quantity,
                amount=row.amount,
                currency=row.currency,
                by=staff.get(row.staff_id),
            )
        else:
            entry = Entry(
                row.occurred_at,
                row.customer_id,
                name,
                row.channel,
                summary=row.summary,
                by=staff.get(row.staff_id),
            )
        found.append(entry)
    return found, count


def sales_by_customer(
    session: Session, period: str, today: date, *, currency: str
) -> dict[int, Decimal]:
    """Each customer's sales in a named period, in one currency: who bought most this year."""
    start, end = period_bounds(period, today)
    total = func.sum(Purchase.amount)
    query = _sales((Purchase.customer_id, total), start, end, owner_id=None)
    rows = session.exec(
        query.where(Purchase.currency == currency).group_by(Purchase.customer_id)
    ).all()
    return {int(customer_id): Decimal(str(sold)) for customer_id, sold in rows if sold}


def utc_midnight(day: date, tz: ZoneInfo) -> datetime:
    """When a local day starts, in UTC, as the store keeps moments."""
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def _not_binned(customer_id):
    """Rows of customers who are not in the delete bin: a deleted customer leaves the figures."""
    return customer_id.not_in(select(Customer.id).where(col(Customer.deleted_at).is_not(None)))


def _sales(columns, start: date, end: date, *, owner_id: int | None, join: bool = False):
    """A query of sales in the period, of customers not in the bin: of one book when `owner_id`
    is given, with their customers joined then or when `join` asks for them."""
    query = select(*columns).where(
        Purchase.purchased_on >= start,
        Purchase.purchased_on <= end,
        _not_binned(Purchase.customer_id),
    )
    if join or owner_id is not None:
        query = query.join(Customer, Customer.id == Purchase.customer_id)
    if owner_id is not None:
        query = query.where(Customer.owner_id == owner_id)
    return query


def _answers(columns, start: date, end: date, *, owner_id: int | None):
    """A query of NPS answers given in the period by customers not in the bin, of one book when
    `owner_id` is given."""
    query = (
        select(*columns)
        .join(Customer, Customer.id == NpsAnswer.customer_id)
        .where(NpsAnswer.answered_on >= start, NpsAnswer.answered_on <= end)
        .where(col(Customer.deleted_at).is_(None))
    )
    return query if owner_id is None else query.where(Customer.owner_id == owner_id)


def _added(columns, start: date, end: date, *, tz: ZoneInfo, owner_id: int | None):
    """Customers added in the days from `start` to `end` (local), still in the store."""
    begin, finish = utc_midnight(start, tz), utc_midnight(end + timedelta(days=1), tz)
    query = select(*columns).where(
        Customer.created_at >= begin,
        Customer.created_at < finish,
        col(Customer.forgotten_at).is_(None),
        col(Customer.deleted_at).is_(None),
    )
    return query if owner_id is None else query.where(Customer.owner_id == owner_id)


def _contacts(
    columns,
    start: date,
    end: date,
    *,
    tz: ZoneInfo,
    owner_id: int | None,
    channel: str | None,
    join: bool = False,
):
    """A query of contacts on the reader's local days of the period, with customers not in the
    bin: only those one rep made when `owner_id` is given (a rep's calls are the calls they
    made), of one kind when `channel` is, with their customers joined when `join` asks."""
    begin, finish = utc_midnight(start, tz), utc_midnight(end + timedelta(days=1), tz)
    query = select(*columns).where(
        Interaction.occurred_at >= begin,
        Interaction.occurred_at < finish,
        _not_binned(Interaction.customer_id),
    )
    if join:
        query = query.join(Customer, Customer.id == Interaction.customer_id)
    if owner_id is not None:
        query = query.where(Interaction.staff_id == owner_id)
    if channel is not None:
        query = query.where(Interaction.channel == channel)
    return query


def _facts(
    session: Session,
    metric: str,
    group_by: str | None,
    start: date,
    end: date,
    *,
    tz: ZoneInfo,
    currency: str,
    owner_id: int | None = None,
    channel: str | None = None,
) -> pd.DataFrame:
    """Rows of (day, key, amount[, score]) at the finest grain the grouping needs."""
    if metric in ("revenue", "purchases"):
        key = {
            "owner": func.coalesce(Purchase.staff_id, Customer.owner_id),
            "product": Purchase.product,
            "segment": Purchase.customer_id,
            "city": Customer.city,
        }.get(group_by or "")
        amount = func.sum(cents(Purchase.amount)) if metric == "revenue" else func.count()
        query = _sales(
            (Purchase.purchased_on, *_maybe(key), amount),
            start,
            end,
            owner_id=owner_id,
            join=group_by in ("owner", "city"),
        )
        if metric == "revenue":
            query = query.where(Purchase.currency == currency)
        query = query.group_by(Purchase.purchased_on, *([key] if key is not None else []))
        return _frame(session.execute(query).all(), ("day", *_maybe(key, "key"), "amount"))
    if metric == "interactions":
        key = {
            "owner": Interaction.staff_id,
            "channel": Interaction.channel,
            "segment": Interaction.customer_id,
            "city": Customer.city,
        }.get(group_by or "")
        query = _contacts(
            (Interaction.occurred_at, *_maybe(key)),
            start,
            end,
            tz=tz,
            owner_id=owner_id,
            channel=channel,
            join=group_by == "city",
        )
        frame = _frame(session.execute(query).all(), ("at", *_maybe(key, "key")))
        return _local_days(frame, tz).assign(amount=1)
    if metric == "customers":
        key = {"owner": Customer.owner_id, "segment": Customer.id, "city": Customer.city}.get(
            group_by or ""
        )
        query = _added((Customer.created_at, *_maybe(key)), start, end, tz=tz, owner_id=owner_id)
        frame = _frame(session.execute(query).all(), ("at", *_maybe(key, "key")))
        return _local_days(frame, tz).assign(amount=1)
    key = {"owner": Customer.owner_id, "segment": NpsAnswer.customer_id, "city": Customer.city}.get(
        group_by or ""
    )
    query = _answers(
        (NpsAnswer.answered_on, *_maybe(key), NpsAnswer.score), start, end, owner_id=owner_id
    )
    rows = session.execute(query).all()
    return _frame(rows, ("day", *_maybe(key, "key"), "score")).assign(amount=1)


def _maybe(key, name=None) -> tuple:
    """The grouping column (or its name) when there is one."""
    if key is None:
        return ()
    return (name if name is not None else key,)


def _frame(rows, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    if "key" not in frame:
        frame["key"] = None
    if "day" in frame:
        frame["day"] = pd.to_datetime(frame["day"])
    return frame


def _local_days(frame: pd.DataFrame, tz: ZoneInfo) -> pd.DataFrame:
    moments = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(tz)
    return frame.assign(day=moments.dt.tz_localize(None).dt.normalize()).drop(columns="at")


def _buckets(days: pd.Series, group_by: str) -> pd.Series:
    if group_by == "day":
        return days.dt.normalize()
    if group_by == "week":
        return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()
    return days.dt.to_period("M").dt.to_timestamp()


def _all_buckets(start: date, end: date, group_by: str) -> list[pd.Timestamp]:
    days = pd.Series(pd.date_range(start, end, freq="D"))
    return sorted(set(_buckets(days, group_by)))


def _bucket_label(bucket: pd.Timestamp, group_by: str) -> str:
    if group_by == "month":
        return f"{bucket:%b %Y}"
    if group_by == "week":
        return f"week of {bucket:%-d %b}"
    return f"{bucket:%a %-d %b}"


def _segments(session: Session, ids: pd.Series, *, today: date, currency: str) -> pd.Series:
    frame = snapshot(session, today=today, currency=currency).customers
    named = frame["segment"].fillna("no purchases")
    return ids.map(named).fillna("erased")


def _nps(scores: pd.Series) -> int:
    if scores.empty:
        return 0
    promoters = (scores >= 9).sum()
    detractors = (scores <= 6).sum()
    return round(100 * (promoters - detractors) / len(scores))


def _summarise(
    facts: pd.DataFrame, metric: str, group_by: str | None, start: date, end: date
) -> tuple[list[tuple[str, Decimal | int]], Decimal | int, int]:
    def value(part: pd.DataFrame) -> Decimal | int:
        if metric == "nps":
            return _nps(part["score"])
        total = int(part["amount"].map(int).sum()) if len(part) else 0
        return cents_to_money(total) if metric == "revenue" else total

    total = value(facts)
    answers = len(facts) if metric == "nps" else 0
    if group_by is None:
        return [(LABELS[metric], total)], total, answers
    groups = dict(iter(facts.groupby("key"))) if len(facts) else {}
    empty = facts.iloc[0:0]
    if group_by in OVER_TIME:
        rows = [
            (_bucket_label(bucket, group_by), value(groups.get(bucket, empty)))
            for bucket in _all_buckets(start, end, group_by)
        ]
        return rows, total, answers
    rows = [(str(key), value(part)) for key, part in groups.items()]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows, total, answers
