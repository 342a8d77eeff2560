"""Who matters and who is slipping: RFM scores and segments, lifetime value and its forecast.

Everything is computed as of a given day from SQL aggregates (one row per customer and purchase
day), then scored with pandas. Money stays in integer cents of the store's currency (purchases in
other currencies count as orders but not as value), so no sum is ever a float. `compute` works
it all out; `refresh` stores it (customer_figures, store_figures) and `snapshot`, `standing` and
the answers built on them read the stored rows when they are current. A customer's own row is
kept current by `refresh_customers` in the transaction that changes their purchases.

RFM. Over all customers with purchases up to `today`: R = days since the last order (fewer is
better), F = order days (purchases on one day count once), M = lifetime value. Each is scored 1–5
by quintile of rank with ties broken by the other two figures (F ties by recency, then value),
so the fifths are equal and all five scores are used even when half the store has one order;
customers equal on all three share a score. The segment is read from R and FM = the average of
F and M, rounded half up:

    R \\ FM   1               2                   3                   4          5
    5        new             potential_loyalist  potential_loyalist  champions  champions
    4        promising       potential_loyalist  loyal               loyal      champions
    3        about_to_sleep  need_attention      need_attention      loyal      loyal
    2        hibernating     hibernating         at_risk             at_risk    cant_lose
    1        lost            lost                at_risk             cant_lose  cant_lose

Value. Lifetime value = the sum of all purchases; AOV = value / orders; frequency = order days
per year of the customer's history (at least 90 days, so a first order does not look like a
habit); `high_value` = the top decile by lifetime value.

Forecast: BG/NBD and Gamma-Gamma, fitted per store (crm_store/forecast.py): the chance each
customer is still buying, and their expected order days and value over the horizon. `at_risk`
and `likely_gone` read that chance (below even odds; below one in five) where the store has a
fitted model and the customer has come back at least once, else the RFM segments.

Lapsing: a customer whose last purchase is more than `lapsed_days` old is lapsed. That is a figure,
not a pipeline stage: `stage` is the stored one, whatever the purchases say.

NPS: each customer's latest answer makes them a promoter (9–10), passive (7–8) or detractor (0–6).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
from sqlalchemy import (
    BigInteger,
    Select,
    String,
    case,
    cast,
    delete,
    func,
    insert,
    select,
    text,
    type_coerce,
    update,
)
from sqlmodel import Session, col

from crm_store import forecast
from crm_store.models import (
    Customer,
    CustomerFigures,
    Interaction,
    NpsAnswer,
    Purchase,
    StoreFigures,
)
from crm_store.segment_names import NPS_CATEGORIES, SEGMENTS  # noqa: F401  (re-exported)

GRID = {  # R score → segment for FM = 1..5
    5: ("new", "potential_loyalist", "potential_loyalist", "champions", "champions"),
    4: ("promising", "potential_loyalist", "loyal", "loyal", "champions"),
    3: ("about_to_sleep", "need_attention", "need_attention", "loyal", "loyal"),
    2: ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    1: ("lost", "lost", "at_risk", "cant_lose", "cant_lose"),
}
AT_RISK_BELOW = 0.5  # a repeat buyer with less than even odds of still buying is at risk
GONE_BELOW = 0.2  # and one with less than one chance in five is likely gone
MIN_HISTORY_DAYS = 90
HORIZON_DAYS = 365


@dataclass(frozen=True)
class Snapshot:
    """Every customer's figures as of one day; reused by the segment, suggestion and digest code.

    `customers` is indexed by customer id, one row per customer neither erased nor in the bin, with
    columns: name, company, email, phone, city, country, owner_id, stage, stage_changed_at (UTC),
    stage_days, lapsed, created_at, orders, value (cents),
    aov (cents), first_order, last_order, recency_days, frequency (orders a year), r, f, m, fm,
    segment (None without purchases), high_value, predicted (cents), last_contact (UTC),
    contact_days (None if never), quiet_days (since the last contact, else since added), nps,
    nps_on, nps_category.
    """

    today: date
    currency: str
    customers: pd.DataFrame
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # derived once, reused

    def money(self, cents: int | float) -> Decimal:
        return cents_to_money(cents)


def cents_to_money(cents: int | float) -> Decimal:
    return (Decimal(int(round(cents))) / 100).quantize(Decimal("0.01"))


def orders_said(n: int) -> str:
    """'1 order', '14 orders': how a reason counts a customer's orders."""
    return f"{n} order{'' if n == 1 else 's'}"


def cents(column):
    """An SQL expression: an amount column as whole cents, exact on SQLite and PostgreSQL."""
    return cast(func.round(column * 100), BigInteger)


def snapshot(
    session: Session,
    *,
    today: date,
    currency: str = "USD",
    lapsed_days: int = 180,
    only: Select | None = None,
) -> Snapshot:
    """All customers' RFM, value, forecast, stage and NPS as of the end of `today` (UTC).

    The per-customer figures are read from the store when they were refreshed for today (or
    yesterday: recency is counted from today either way), else computed here. `only`, a query
    of customer ids over the stored figures, narrows what is read when they are current; it
    must keep every customer the caller could want (the caller still filters the frame).
    """
    if figures_current(session, today=today, currency=currency):
        figures = _stored_figures(session, only)
    else:
        figures = compute(session, today=today, currency=currency).customers
        only = None
    frame = _customers(session, only)
    frame = frame.join(figures, how="left")
    frame = frame.join(_last_contacts(session, today=today, only=only), how="left")
    frame = frame.join(_latest_nps(session, today=today, only=only), how="left")
    for column in ("orders", "days", "value"):
        frame[column] = frame[column].fillna(0).astype("int64")
    frame = _derived(frame, today=today)
    frame["lapsed"] = ((frame["orders"] > 0) & (frame["recency_days"] > lapsed_days)).astype(bool)
    frame["stage_days"] = _days_since(frame["stage_changed_at"], today)
    frame["contact_days"] = _days_since(frame["last_contact"], today)
    # a customer never contacted has gone without since they were added, no longer
    frame["quiet_days"] = frame["contact_days"].fillna(_days_since(frame["created_at"], today))
    frame["nps_category"] = frame["nps"].map(nps_category)
    return Snapshot(today=today, currency=currency, customers=frame)


def nps_category(score: float | int | None) -> str | None:
    if score is None or pd.isna(score):
        return None
    return "promoters" if score >= 9 else "passives" if score >= 7 else "detractors"


def rfm_segment(r: int, fm: int) -> str:
    return GRID[int(r)][int(fm) - 1]


def quintile_scores(frame: pd.DataFrame, by: list[str]) -> pd.Series:
    """1–5 by quintile of rank, all five used: customers are ordered by the columns in `by`
    (the first decides, the next break its ties) and cut into fifths of equal size, so a
    figure shared by half the store (one order) still spreads over the lower scores."""
    if frame.empty:
        return pd.Series(dtype="int64", index=frame.index)
    keys = [frame[c].to_numpy(float) for c in by]
    order = np.lexsort(keys[::-1])
    ordered = np.stack([k[order] for k in keys])
    starts = np.r_[True, (ordered[:, 1:] != ordered[:, :-1]).any(axis=0)]
    positions = np.arange(len(frame))
    ranks = np.empty(len(frame), dtype=np.int64)
    ranks[order] = np.maximum.accumulate(np.where(starts, positions, 0))  # equals share a rank
    return pd.Series(1 + (5 * ranks) // len(frame), index=frame.index, dtype="int64")


def score_of(value: float, cuts: list[float]) -> int:
    """The score a figure gets against stored boundaries (the lowest figure of scores 2–5)."""
    return 1 + sum(value >= cut for cut in cuts)


@dataclass(frozen=True)
class Backtest:
    customers: int
    predicted: Decimal
    actual: Decimal
    mae: Decimal
    naive_mae: Decimal
    correlation: float
    naive_correlation: float

    @property
    def total_error(self) -> float:
        return float((self.predicted - self.actual) / self.actual) if self.actual else 0.0

    @property
    def improvement(self) -> float:
        return float(1 - self.mae / self.naive_mae) if self.naive_mae else 0.0


def backtest(
    session: Session, *, cutoff: date, currency: str = "USD", horizon_days: int = HORIZON_DAYS
) -> Backtest:
    """The forecast made on `cutoff` against what customers then spent; the naive rival repeats
    each customer's previous `horizon_days` of spending."""
    frame = snapshot(session, today=cutoff, currency=currency).customers
    frame = frame[frame["orders"] > 0]
    after = _spend_between(session, cutoff, cutoff + timedelta(days=horizon_days), currency)
    before = _spend_between(session, cutoff - timedelta(days=horizon_days), cutoff, currency)
    actual = after.reindex(frame.index, fill_value=0)
    naive = before.reindex(frame.index, fill_value=0)
    return Backtest(
        customers=len(frame),
        predicted=cents_to_money(frame["predicted"].sum()),
        actual=cents_to_money(actual.sum()),
        mae=cents_to_money((frame["predicted"] - actual).abs().mean()),
        naive_mae=cents_to_money((naive - actual).abs().mean()),
        correlation=_correlation(frame["predicted"], actual),
        naive_correlation=_correlation(naive, actual),
    )


def _correlation(predicted: pd.Series, actual: pd.Series) -> float:
    if len(actual) < 2 or predicted.std() == 0 or actual.std() == 0:
        return 0.0
    return float(np.corrcoef(predicted.astype(float), actual.astype(float))[0, 1])


def _spend_between(session: Session, start: date, end: date, currency: str) -> pd.Series:
    """Cents spent per customer in (start, end]."""
    rows = session.execute(
        select(Purchase.customer_id, func.sum(cents(Purchase.amount)))
        .where(Purchase.purchased_on > start, Purchase.purchased_on <= end)
        .where(Purchase.currency == currency)
        .group_by(Purchase.customer_id)
    ).all()
    return pd.Series({customer: int(total) for customer, total in rows}, dtype="int64")


def table(session: Session, query, columns: list[str]) -> pd.DataFrame:
    """A query's rows as columns, straight from the driver's cursor: no row objects are built
    and no type conversion is made, so dates are read with `raw` and parsed by pandas."""
    result = session.connection().execute(query)
    rows = result.cursor.fetchall()
    result.close()
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=False)


def raw(expression):
    """The column as the driver returns it: pandas parses dates and times in bulk, faster."""
    return type_coerce(expression, String)


def _customers(session: Session, only: Select | None = None) -> pd.DataFrame:
    columns = [
        Customer.id,
        Customer.name,
        Customer.company,
        Customer.email,
        Customer.phone,
        Customer.city,
        Customer.country,
        Customer.owner_id,
        Customer.stage,
        raw(Customer.stage_changed_at),
        raw(Customer.created_at),
    ]
    live = col(Customer.forgotten_at).is_(None) & col(Customer.deleted_at).is_(None)
    query = select(*columns).where(live)
    if only is not None:
        query = query.where(col(Customer.id).in_(only))
    names = [*(c.key for c in columns[:-2]), "stage_changed_at", "created_at"]
    frame = table(session, query, names).set_index("id")
    frame.index = frame.index.astype("int64")
    frame["owner_id"] = frame["owner_id"].astype("Int64")
    for moment in ("stage_changed_at", "created_at"):
        frame[moment] = pd.to_datetime(frame[moment], utc=True, format="ISO8601")
    return frame


def _customer_days(session: Session, *, today: date, currency: str) -> pd.DataFrame:
    """One row per customer and day they bought: purchase rows, and cents in `currency`."""
    value = func.sum(case((Purchase.currency == currency, cents(Purchase.amount)), else_=0))
    query = (
        select(Purchase.customer_id, raw(Purchase.purchased_on), func.count(), value)
        .where(Purchase.purchased_on <= today)
        .group_by(Purchase.customer_id, Purchase.purchased_on)
    )
    frame = table(session, query, ["customer_id", "day", "orders", "cents"])
    frame["customer_id"] = frame["customer_id"].astype("int64")
    frame["day"] = pd.to_datetime(frame["day"])
    frame["orders"] = frame["orders"].astype("int64")
    frame["cents"] = frame["cents"].map(int).astype("int64")
    return frame


def _last_contacts(session: Session, *, today: date, only: Select | None = None) -> pd.DataFrame:
    end = datetime.combine(today + timedelta(days=1), time(), tzinfo=UTC)
    query = (
        select(Interaction.customer_id, raw(func.max(Interaction.occurred_at)))
        .where(Interaction.occurred_at < end)
        .group_by(Interaction.customer_id)
    )
    if only is not None:
        query = query.where(col(Interaction.customer_id).in_(only))
    frame = table(session, query, ["id", "last_contact"]).set_index("id")
    frame["last_contact"] = pd.to_datetime(frame["last_contact"], utc=True, format="ISO8601")
    return frame


def _latest_nps(session: Session, *, today: date, only: Select | None = None) -> pd.DataFrame:
    query = (
        select(NpsAnswer.customer_id, NpsAnswer.score, raw(NpsAnswer.answered_on))
        .where(NpsAnswer.answered_on <= today)
        .order_by(NpsAnswer.answered_on, NpsAnswer.id)
    )
    if only is not None:
        query = query.where(col(NpsAnswer.customer_id).in_(only))
    frame = table(session, query, ["id", "nps", "nps_on"])
    frame["nps_on"] = pd.to_datetime(frame["nps_on"])
    return frame.drop_duplicates("id", keep="last").set_index("id")


def _days_since(moments: pd.Series, today: date) -> pd.Series:
    if moments.dt.tz is not None:
        moments = moments.dt.tz_convert(None)
    days = (pd.Timestamp(today) - moments.dt.normalize()).dt.days
    return days.astype("Int64")


@dataclass(frozen=True)
class Figures:
    """Every buyer's stored figures as of `today`, the forecast model and the RFM boundaries."""

    today: date
    customers: pd.DataFrame  # indexed by customer id: FIGURE_COLUMNS
    model: forecast.Model
    boundaries: dict[str, list[float]]


FIGURE_COLUMNS = (
    "orders",
    "days",
    "value",
    "first_order",
    "last_order",
    "r",
    "f",
    "m",
    "segment",
    "high_value",
    "p_alive",
    "expected_orders",
    "predicted",
)


def compute(
    session: Session,
    *,
    today: date,
    currency: str = "USD",
    model: forecast.Model | None = None,
    horizon_days: int = HORIZON_DAYS,
) -> Figures:
    """Every buyer's RFM scores, segment, value and forecast as of the end of `today`; the
    forecast is fitted here unless a `model` is given."""
    days = _customer_days(session, today=today, currency=currency)
    summary = forecast.summarise(days, today=today)
    summary["orders"] = days.groupby("customer_id")["orders"].sum()
    if model is None:
        model = forecast.fit(summary)
    predicted = forecast.predict(model, summary, horizon_days=horizon_days)
    frame = summary[["orders", "days", "value", "first_order", "last_order"]].copy()
    frame["recency_days"] = (pd.Timestamp(today) - frame["last_order"]).dt.days
    frame["r"] = quintile_scores(
        pd.DataFrame({"a": -frame["recency_days"], "b": frame["days"], "c": frame["value"]}),
        ["a", "b", "c"],
    )
    frame["f"] = quintile_scores(
        pd.DataFrame({"a": frame["days"], "b": -frame["recency_days"], "c": frame["value"]}),
        ["a", "b", "c"],
    )
    frame["m"] = quintile_scores(
        pd.DataFrame({"a": frame["value"], "b": frame["days"], "c": -frame["recency_days"]}),
        ["a", "b", "c"],
    )
    frame["segment"] = [
        rfm_segment(r, (f + m + 1) // 2)
        for r, f, m in zip(frame["r"], frame["f"], frame["m"], strict=True)
    ]
    frame["high_value"] = _top_decile(frame["value"])
    frame["p_alive"] = predicted["p_alive"]
    frame["expected_orders"] = predicted["expected_orders"]
    frame["predicted"] = predicted["expected_value"].fillna(0).round().astype("int64")
    boundaries = {
        "r": _cuts(-frame["recency_days"], frame["r"]),
        "f": _cuts(frame["days"], frame["f"]),
        "m": _cuts(frame["value"], frame["m"]),
        "high_value": [float(frame.loc[frame["high_value"], "value"].min())]
        if frame["high_value"].any()
        else [],
    }
    return Figures(today, frame.drop(columns="recency_days"), model, boundaries)


def _cuts(values: pd.Series, scores: pd.Series) -> list[float]:
    """The lowest figure that earned each score 2–5 (for scoring one customer between refreshes)."""
    lowest = values.groupby(scores).min()
    return [float(lowest.get(score, _NEVER_REACHED)) for score in range(2, 6)]


# a score no customer earned yet (a small store): a figure none reaches, and one JSON can hold
# (PostgreSQL's json refuses Infinity)
_NEVER_REACHED = 1e300


def _derived(frame: pd.DataFrame, *, today: date) -> pd.DataFrame:
    """What follows from the figures on the day asked: recency, frequency a year, AOV, fm."""
    buyers = frame["orders"] > 0
    frame["recency_days"] = _days_since(frame["last_order"], today)
    fm = np.floor((frame["f"] + frame["m"] + 1) / 2)
    frame["fm"] = fm
    for column in ("r", "f", "m", "fm"):
        frame[column] = frame[column].astype("Int64")
    frame["segment"] = frame["segment"].where(buyers, None)
    frame["high_value"] = frame["high_value"].fillna(False).astype(bool)
    frame["predicted"] = frame["predicted"].fillna(0).astype("int64")
    frame["aov"] = (frame["value"] / frame["orders"].where(buyers)).round().astype("Int64")
    history = (pd.Timestamp(today) - frame["first_order"]).dt.days.clip(lower=MIN_HISTORY_DAYS)
    frame["frequency"] = (frame["days"] / history * 365).where(buyers)
    return frame


def figures_current(session: Session, *, today: date, currency: str) -> bool:
    """Whether the stored figures were refreshed for `today` (or the day before)."""
    stored = latest_store_figures(session)
    return (
        stored is not None and stored.currency == currency and 0 <= (today - stored.as_of).days <= 1
    )


def latest_store_figures(session: Session) -> StoreFigures | None:
    newest = select(StoreFigures).order_by(col(StoreFigures.id).desc()).limit(1)
    return session.execute(newest).scalars().first()


def _stored_figures(session: Session, only: Select | None = None) -> pd.DataFrame:
    columns = [
        CustomerFigures.customer_id,
        CustomerFigures.orders,
        CustomerFigures.days,
        CustomerFigures.value_cents,
        raw(CustomerFigures.first_order),
        raw(CustomerFigures.last_order),
        CustomerFigures.r_score,
        CustomerFigures.f_score,
        CustomerFigures.m_score,
        CustomerFigures.segment,
        CustomerFigures.high_value,
        CustomerFigures.p_alive,
        CustomerFigures.expected_orders,
        CustomerFigures.expected_value_cents,
    ]
    names = ["id", *FIGURE_COLUMNS]
    query = select(*columns).where(CustomerFigures.days > 0)
    if only is not None:
        query = query.where(col(CustomerFigures.customer_id).in_(only))
    frame = table(session, query, names).set_index("id")
    frame.index = frame.index.astype("int64")
    for column in ("first_order", "last_order"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("orders", "days", "value", "r", "f", "m", "predicted"):
        frame[column] = frame[column].astype("int64")
    frame["high_value"] = frame["high_value"].astype(bool)
    frame["p_alive"] = frame["p_alive"].astype(float)
    frame["expected_orders"] = frame["expected_orders"].astype(float)
    return frame


def lock_figures(session: Session) -> None:
    """Hold the store's figures for this transaction, so two processes never refresh at once."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(20260413)"))
    else:  # a write takes SQLite's lock at once, before anything is read
        session.execute(update(StoreFigures).where(StoreFigures.id == -1).values(reason=""))


def refresh(
    session: Session,
    *,
    today: date,
    currency: str = "USD",
    horizon_days: int = HORIZON_DAYS,
) -> Figures:
    """Refit the forecast, recompute every buyer's figures and store them (nightly, after an
    import, on demand), and bring the planner's statistics up to date."""
    figures = compute(session, today=today, currency=currency, horizon_days=horizon_days)
    connection = session.connection()
    connection.execute(delete(CustomerFigures))
    rows = _figure_rows(figures.customers, today)
    for start in range(0, len(rows), 5000):
        connection.execute(insert(CustomerFigures.__table__), rows[start : start + 5000])
    from crm_store import recommend  # it builds on these figures, so it is imported late

    session.add(
        StoreFigures(
            as_of=today,
            rules=recommend.store_rules(session, today=today),
            currency=currency,
            model=figures.model.kind,
            reason=figures.model.reason,
            params={**figures.model.params, "horizon_days": horizon_days},
            boundaries=figures.boundaries,
            customers=len(rows),
        )
    )
    session.flush()
    _update_statistics(session)
    return figures


def _update_statistics(session: Session) -> None:
    """Refresh the database's planner statistics with the figures, so that after an import the
    look-ups and reports use their indexes (SQLite samples; PostgreSQL's ANALYZE always does)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA analysis_limit = 1000"))
    session.execute(text("ANALYZE"))


def _figure_rows(frame: pd.DataFrame, today: date) -> list[dict]:
    """Every customer's row to store, the values `_figure_row` gives, built a column at a time:
    going row by row builds a Series per customer and took most of a refresh."""
    columns = {
        "customer_id": [int(i) for i in frame.index],
        "orders": [int(v) for v in frame["orders"].tolist()],
        "days": [int(v) for v in frame["days"].tolist()],
        "value_cents": [int(v) for v in frame["value"].tolist()],
        "first_order": [moment.date() for moment in frame["first_order"]],
        "last_order": [moment.date() for moment in frame["last_order"]],
        "r_score": [int(v) for v in frame["r"].tolist()],
        "f_score": [int(v) for v in frame["f"].tolist()],
        "m_score": [int(v) for v in frame["m"].tolist()],
        "segment": list(frame["segment"]),
        "high_value": [bool(v) for v in frame["high_value"].tolist()],
        "p_alive": [None if pd.isna(v) else float(v) for v in frame["p_alive"].tolist()],
        "expected_orders": [float(v) for v in frame["expected_orders"].tolist()],
        "expected_value_cents": [int(v) for v in frame["predicted"].tolist()],
    }
    names = [*columns, "as_of"]
    return [
        dict(zip(names, (*values, today), strict=True))
        for values in zip(*columns.values(), strict=True)
    ]


def _figure_row(customer_id: int, row, today: date) -> dict:
    return {
        "customer_id": int(customer_id),
        "orders": int(row["orders"]),
        "days": int(row["days"]),
        "value_cents": int(row["value"]),
        "first_order": row["first_order"].date(),
        "last_order": row["last_order"].date(),
        "r_score": int(row["r"]),
        "f_score": int(row["f"]),
        "m_score": int(row["m"]),
        "segment": row["segment"],
        "high_value": bool(row["high_value"]),
        "p_alive": None if pd.isna(row["p_alive"]) else float(row["p_alive"]),
        "expected_orders": float(row["expected_orders"]),
        "expected_value_cents": int(row["predicted"]),
        "as_of": today,
    }


def refresh_customers(connection, customer_ids: Iterable[int]) -> None:
    """Bring these customers' stored figures up to date with their purchases, against the
    store's last refresh (its boundaries and model); called in the transaction that changed
    the purchases. Nothing is stored before the first refresh."""
    store = StoreFigures.__table__
    stored = connection.execute(select(store).order_by(store.c.id.desc()).limit(1)).first()
    if stored is None:
        return
    ids = sorted(set(customer_ids))
    today = max(stored.as_of, date.today())
    value = func.sum(case((Purchase.currency == stored.currency, cents(Purchase.amount)), else_=0))
    query = (
        select(Purchase.customer_id, raw(Purchase.purchased_on), func.count(), value)
        .where(col(Purchase.customer_id).in_(ids))
        .group_by(Purchase.customer_id, Purchase.purchased_on)
    )
    rows = connection.execute(query).all()
    connection.execute(delete(CustomerFigures).where(col(CustomerFigures.customer_id).in_(ids)))
    if not rows:
        return
    days = pd.DataFrame(rows, columns=["customer_id", "day", "orders", "cents"])
    days["day"] = pd.to_datetime(days["day"])
    days["cents"] = days["cents"].map(int).astype("int64")
    summary = forecast.summarise(days, today=today)
    summary["orders"] = days.groupby("customer_id")["orders"].sum()
    model = _stored_model(stored)
    horizon = int(stored.params.get("horizon_days", HORIZON_DAYS))
    predicted = forecast.predict(model, summary, horizon_days=horizon)
    cuts = stored.boundaries
    out = []
    for customer_id, row in summary.iterrows():
        recency = (pd.Timestamp(today) - row["last_order"]).days
        r = score_of(-recency, cuts["r"])
        f = score_of(row["days"], cuts["f"])
        m = score_of(row["value"], cuts["m"])
        record = dict(row)
        record.update(
            r=r,
            f=f,
            m=m,
            segment=rfm_segment(r, (f + m + 1) // 2),
            high_value=bool(cuts["high_value"]) and row["value"] >= cuts["high_value"][0],
            p_alive=predicted.loc[customer_id, "p_alive"],
            expected_orders=predicted.loc[customer_id, "expected_orders"],
            predicted=round(predicted.loc[customer_id, "expected_value"]),
        )
        out.append(_figure_row(customer_id, record, stored.as_of))
    connection.execute(insert(CustomerFigures.__table__), out)


def forecast_until(
    session: Session,
    *,
    today: date,
    until: date,
    currency: str,
    only: Select | None = None,
    start: date | None = None,
) -> pd.DataFrame:
    """Each buyer's expected orders and value (cents) from tomorrow (or `start`) to `until`, by
    the model of the last refresh (fitted now when there is none); `only`, a query of customer
    ids, narrows whose. The stored figures look a fixed horizon ahead; a quarter or a month is
    asked here, and a window to come ("next quarter") is what is expected to its end less what
    is expected before it."""
    summary = forecast.summarise(
        _customer_days(session, today=today, currency=currency), today=today
    )
    stored = latest_store_figures(session)
    fitted = stored is not None and stored.currency == currency
    model = _stored_model(stored) if fitted else forecast.fit(summary)
    if only is not None:
        summary = summary[summary.index.isin(set(session.exec(only).all()))]
    ahead = forecast.predict(model, summary, horizon_days=max((until - today).days, 0))
    if start is None or start <= today + timedelta(days=1):
        return ahead
    before = forecast.predict(model, summary, horizon_days=(start - today).days - 1)
    for column in ("expected_orders", "expected_value"):
        ahead[column] = ahead[column] - before[column]
    return ahead


def _stored_model(stored: StoreFigures) -> forecast.Model:
    params = {k: v for k, v in stored.params.items() if k != "horizon_days"}
    return forecast.Model(stored.model, params, stored.reason)


def _top_decile(values: pd.Series) -> pd.Series:
    """The customers whose value ranks in the top tenth (at least one, ties included)."""
    present = values.dropna()
    if present.empty:
        return pd.Series(False, index=values.index)
    top = max(1, math.ceil(len(present) / 10))
    threshold = present.sort_values(ascending=False).iloc[top - 1]
    return (values >= threshold).fillna(False).astype(bool)


@dataclass(frozen=True)
class Standing:
    """One customer's place in the store and their forecast, for a profile."""

    segment: str | None
    high_value: bool
    p_alive: float | None
    expected_orders: float
    expected_value_cents: int
    horizon_days: int
    model: str
    reason: str


def standing(
    session: Session, customer_id: int, *, today: date, currency: str = "USD"
) -> Standing | None:
    """The customer's stored figures (one row read), or from a snapshot when none are current;
    None for a customer without purchases."""
    stored = latest_store_figures(session)
    if figures_current(session, today=today, currency=currency):
        row = session.get(CustomerFigures, customer_id)
        if row is None or not row.days:
            return None
        return Standing(
            row.segment,
            row.high_value,
            row.p_alive,
            row.expected_orders or 0.0,
            row.expected_value_cents or 0,
            int(stored.params.get("horizon_days", HORIZON_DAYS)),
            stored.model,
            stored.reason,
        )
    figures = compute(session, today=today, currency=currency)
    if customer_id not in figures.customers.index:
        return None
    row = figures.customers.loc[customer_id]
    return Standing(
        row["segment"],
        bool(row["high_value"]),
        None if pd.isna(row["p_alive"]) else float(row["p_alive"]),
        float(row["expected_orders"]),
        int(row["predicted"]),
        HORIZON_DAYS,
        figures.model.kind,
        figures.model.reason,
    )


def forecast_horizon(session: Session, *, today: date, currency: str) -> int:
    """How many days ahead the forecasts in today's `snapshot` look."""
    if figures_current(session, today=today, currency=currency):
        return int(latest_store_figures(session).params.get("horizon_days", HORIZON_DAYS))
    return HORIZON_DAYS


def at_risk(frame: pd.DataFrame) -> pd.Series:
    """Buyers worth a retention call: from the forecast's chance they still buy when it has one
    (repeat buyers of a fitted store), else from their RFM segment."""
    alive = frame["p_alive"]
    by_chance = (alive < AT_RISK_BELOW) & (alive >= GONE_BELOW) & (frame["m"] >= 3)
    by_segment = alive.isna() & frame["segment"].isin(["at_risk", "cant_lose"])
    return (by_chance.fillna(False) | by_segment).astype(bool)


def likely_gone(frame: pd.DataFrame) -> pd.Series:
    """Buyers who have probably stopped: the forecast's chance under GONE_BELOW, or without one
    lapsed or in the hibernating and lost segments."""
    alive = frame["p_alive"]
    by_chance = (alive < GONE_BELOW).fillna(False)
    by_segment = alive.isna() & (frame["lapsed"] | frame["segment"].isin(["hibernating", "lost"]))
    return ((frame["orders"] > 0) & (by_chance | by_segment)).astype(bool)
