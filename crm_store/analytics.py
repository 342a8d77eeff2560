"""Who matters and who is slipping: RFM scores and segments, lifetime value and its forecast.

Everything is computed as of a given day from SQL aggregates (one row per customer), then scored
with pandas. Money stays in integer cents of the store's currency (purchases in other currencies
count as orders but not as value), so no sum is ever a float.

RFM. Over all customers with purchases up to `today`: R = days since the last order (fewer is
better), F = number of orders, M = lifetime value. Each is scored 1–5 by quintile of its rank
(ties share the lowest rank, so equal values always get the same score):
score = 1 + floor(5 · (rank − 1) / n).
The segment is read from R and FM = the average of F and M, rounded half up:

    R \\ FM   1               2                   3                   4          5
    5        new             potential_loyalist  potential_loyalist  champions  champions
    4        promising       potential_loyalist  loyal               loyal      champions
    3        about_to_sleep  need_attention      need_attention      loyal      loyal
    2        hibernating     hibernating         at_risk             at_risk    cant_lose
    1        lost            lost                at_risk             cant_lose  cant_lose

Value. Lifetime value = the sum of all purchases; AOV = value / orders; frequency = orders per
year of the customer's history (at least 90 days, so a first order does not look like a habit);
`high_value` = the top decile by lifetime value.

Predicted 12-month value: a run-rate with survival, no fitted model (BG/NBD-free). A customer
who is still buying keeps buying at their own pace: expected orders = 365 × rate × p_alive, value
= that × AOV. The rate is orders / (days since the first order + one typical gap), the typical gap
being 1 / the average repeat rate of all buyers: a gamma-Poisson style shrinkage that keeps a
customer with one or two orders from looking like a frantic buyer. p_alive = 1 while the silence
since the last order is within the customer's own usual gap (1 / rate), then halves with each
further usual gap of silence. Back-tested by `backtest` (history cut 365 days before `today`,
forecasting the following 365 days), against repeating each customer's previous 12 months:
on bench/insights.py's generated history (Poisson buyers who churn; 100,000 customers, 55,407
with purchases at the cut) the total is 12% over the actual, the per-customer mean absolute error
13% lower than the naive rival's and the correlation with what was spent 0.79 (naive 0.68); on
the demo data (2,000 customers, whose purchase dates are random within each archetype's span)
the total is 29% under, the error within 1% of the naive rival's and the correlation 0.19 (naive
0.12).

Lapsing: a customer whose last purchase is more than `lapsed_days` old is lapsed. That is a figure,
not a pipeline stage: `stage` is the stored one, whatever the purchases say.

NPS: each customer's latest answer makes them a promoter (9–10), passive (7–8) or detractor (0–6).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
from sqlalchemy import BigInteger, String, case, cast, func, select, type_coerce
from sqlmodel import Session, col

from crm_store.models import Customer, Interaction, NpsAnswer, Purchase

SEGMENTS = (
    "champions",
    "loyal",
    "potential_loyalist",
    "new",
    "promising",
    "need_attention",
    "about_to_sleep",
    "at_risk",
    "cant_lose",
    "hibernating",
    "lost",
)
GRID = {  # R score → segment for FM = 1..5
    5: ("new", "potential_loyalist", "potential_loyalist", "champions", "champions"),
    4: ("promising", "potential_loyalist", "loyal", "loyal", "champions"),
    3: ("about_to_sleep", "need_attention", "need_attention", "loyal", "loyal"),
    2: ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    1: ("lost", "lost", "at_risk", "cant_lose", "cant_lose"),
}
NPS_CATEGORIES = ("promoters", "passives", "detractors")
MIN_HISTORY_DAYS = 90
HORIZON_DAYS = 365


@dataclass(frozen=True)
class Snapshot:
    """Every customer's figures as of one day; reused by the segment, suggestion and digest code.

    `customers` is indexed by customer id, one row per customer neither erased nor in the bin, with
    columns: name, company, email, phone, city, owner_id, stage, stage_changed_at (UTC),
    stage_days, lapsed, created_at, orders, value (cents),
    aov (cents), first_order, last_order, recency_days, frequency (orders a year), r, f, m, fm,
    segment (None without purchases), high_value, predicted (cents), last_contact (UTC),
    contact_days (None if never), nps, nps_on, nps_category.
    """

    today: date
    currency: str
    customers: pd.DataFrame

    def money(self, cents: int | float) -> Decimal:
        return cents_to_money(cents)


def cents_to_money(cents: int | float) -> Decimal:
    return (Decimal(int(round(cents))) / 100).quantize(Decimal("0.01"))


def cents(column):
    """An SQL expression: an amount column as whole cents, exact on SQLite and PostgreSQL."""
    return cast(func.round(column * 100), BigInteger)


def snapshot(
    session: Session, *, today: date, currency: str = "USD", lapsed_days: int = 180
) -> Snapshot:
    """All customers' RFM, value, forecast, stage and NPS as of the end of `today` (UTC)."""
    frame = _customers(session)
    frame = frame.join(_purchase_totals(session, today=today, currency=currency), how="left")
    frame = frame.join(_last_contacts(session, today=today), how="left")
    frame = frame.join(_latest_nps(session, today=today), how="left")
    frame["orders"] = frame["orders"].fillna(0).astype("int64")
    frame["value"] = frame["value"].fillna(0).astype("int64")
    frame = _score(frame, today=today)
    frame["lapsed"] = ((frame["orders"] > 0) & (frame["recency_days"] > lapsed_days)).astype(bool)
    frame["stage_days"] = _days_since(frame["stage_changed_at"], today)
    frame["contact_days"] = _days_since(frame["last_contact"], today)
    frame["nps_category"] = frame["nps"].map(nps_category)
    return Snapshot(today=today, currency=currency, customers=frame)


def nps_category(score: float | int | None) -> str | None:
    if score is None or pd.isna(score):
        return None
    return "promoters" if score >= 9 else "passives" if score >= 7 else "detractors"


def rfm_segment(r: int, fm: int) -> str:
    return GRID[int(r)][int(fm) - 1]


def quintile_scores(values: pd.Series, *, higher_is_better: bool = True) -> pd.Series:
    """1–5 by quintile of rank; equal values share the lowest rank and so the same score."""
    ranked = values.rank(method="min", ascending=higher_is_better)
    scores = (1 + np.floor(5 * (ranked - 1) / len(values))).clip(1, 5)
    return scores.astype("int64")


def predict_value(frame: pd.DataFrame, *, today: date) -> pd.Series:
    """Expected value (cents) of the next 12 months, by the run-rate with survival above."""
    span = (pd.Timestamp(today) - frame["first_order"]).dt.days
    orders = frame["orders"].where(frame["orders"] > 0)
    repeat_rates = ((orders - 1) / span.clip(lower=1)).dropna()
    typical = repeat_rates.mean() if len(repeat_rates) else 0.0
    prior_gap = 1 / typical if typical > 0 else HORIZON_DAYS
    rate = orders / (span + prior_gap)  # orders a day
    usual_gap = 1 / rate
    overdue_gaps = ((frame["recency_days"] - usual_gap) / usual_gap).clip(lower=0)
    alive = np.power(0.5, overdue_gaps.astype(float))
    expected_orders = rate * HORIZON_DAYS * alive
    return (expected_orders * frame["value"] / orders).fillna(0).round().astype("int64")


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
    """A query's rows as columns, read through the core connection (no ORM rows to build)."""
    rows = session.connection().execute(query).fetchall()
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
    return pd.DataFrame(dict(zip(columns, map(list, zip(*rows, strict=True)), strict=True)))


def raw(expression):
    """The column as the driver returns it: pandas parses dates and times in bulk, faster."""
    return type_coerce(expression, String)


def _customers(session: Session) -> pd.DataFrame:
    columns = [
        Customer.id,
        Customer.name,
        Customer.company,
        Customer.email,
        Customer.phone,
        Customer.city,
        Customer.owner_id,
        Customer.stage,
        raw(Customer.stage_changed_at),
    ]
    live = col(Customer.forgotten_at).is_(None) & col(Customer.deleted_at).is_(None)
    names = [*(c.key for c in columns[:-1]), "stage_changed_at"]
    frame = table(session, select(*columns).where(live), names).set_index("id")
    frame.index = frame.index.astype("int64")
    frame["owner_id"] = frame["owner_id"].astype("Int64")
    frame["stage_changed_at"] = pd.to_datetime(
        frame["stage_changed_at"], utc=True, format="ISO8601"
    )
    return frame


def _purchase_totals(session: Session, *, today: date, currency: str) -> pd.DataFrame:
    value = func.sum(case((Purchase.currency == currency, cents(Purchase.amount)), else_=0))
    query = (
        select(
            Purchase.customer_id,
            func.count(),
            value,
            raw(func.min(Purchase.purchased_on)),
            raw(func.max(Purchase.purchased_on)),
        )
        .where(Purchase.purchased_on <= today)
        .group_by(Purchase.customer_id)
    )
    frame = table(session, query, ["id", "orders", "value", "first_order", "last_order"])
    frame = frame.set_index("id")
    frame["orders"] = frame["orders"].astype("int64")
    frame["value"] = frame["value"].map(int).astype("int64")
    for column in ("first_order", "last_order"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def _last_contacts(session: Session, *, today: date) -> pd.DataFrame:
    end = datetime.combine(today + timedelta(days=1), time(), tzinfo=UTC)
    query = (
        select(Interaction.customer_id, raw(func.max(Interaction.occurred_at)))
        .where(Interaction.occurred_at < end)
        .group_by(Interaction.customer_id)
    )
    frame = table(session, query, ["id", "last_contact"]).set_index("id")
    frame["last_contact"] = pd.to_datetime(frame["last_contact"], utc=True, format="ISO8601")
    return frame


def _latest_nps(session: Session, *, today: date) -> pd.DataFrame:
    query = (
        select(NpsAnswer.customer_id, NpsAnswer.score, NpsAnswer.answered_on)
        .where(NpsAnswer.answered_on <= today)
        .order_by(NpsAnswer.answered_on, NpsAnswer.id)
    )
    frame = table(session, query, ["id", "nps", "nps_on"])
    return frame.drop_duplicates("id", keep="last").set_index("id")


def _days_since(moments: pd.Series, today: date) -> pd.Series:
    if moments.dt.tz is not None:
        moments = moments.dt.tz_convert(None)
    days = (pd.Timestamp(today) - moments.dt.normalize()).dt.days
    return days.astype("Int64")


def _score(frame: pd.DataFrame, *, today: date) -> pd.DataFrame:
    frame["recency_days"] = _days_since(frame["last_order"], today)
    buyers = frame["orders"] > 0
    scored = frame[buyers]
    frame["r"] = quintile_scores(-scored["recency_days"].astype("int64"))
    frame["f"] = quintile_scores(scored["orders"])
    frame["m"] = quintile_scores(scored["value"])
    fm = np.floor((frame["f"] + frame["m"] + 1) / 2)
    frame["fm"] = fm
    for column in ("r", "f", "m", "fm"):
        frame[column] = frame[column].astype("Int64")
    frame["segment"] = [
        rfm_segment(r, fm) if buyer else None
        for r, fm, buyer in zip(frame["r"], frame["fm"], buyers, strict=True)
    ]
    frame["aov"] = (frame["value"] / frame["orders"].where(buyers)).round().astype("Int64")
    history = (pd.Timestamp(today) - frame["first_order"]).dt.days.clip(lower=MIN_HISTORY_DAYS)
    frame["frequency"] = (frame["orders"] / history * 365).where(buyers)
    frame["predicted"] = predict_value(frame, today=today)
    frame["high_value"] = _top_decile(frame["value"].where(buyers))
    return frame


def _top_decile(values: pd.Series) -> pd.Series:
    """The customers whose value ranks in the top tenth (at least one, ties included)."""
    present = values.dropna()
    if present.empty:
        return pd.Series(False, index=values.index)
    top = max(1, math.ceil(len(present) / 10))
    threshold = present.sort_values(ascending=False).iloc[top - 1]
    return (values >= threshold).fillna(False).astype(bool)
