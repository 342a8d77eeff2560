"""How many more orders and how much value each customer will bring: the field's standard models.

Orders follow BG/NBD (Fader, Hardie & Lee 2005): while a customer is active they buy at their own
Poisson rate (gamma distributed across customers) and after each purchase may drop out for good
(beta distributed chance). Spend per order follows Gamma-Gamma (Fader, Hardie & Lee 2005b). Both
come from `lifetimes` and are fitted per store on customer-days: purchases on the same day are
one order, the first day is the start of the relationship and the later ones are repeats. Time
is counted in weeks. Only this module knows the library, so it can be swapped (e.g. for
pymc-marketing's CLV models) without touching its callers.

A store too small or too young to fit (or whose fit fails) gets plain averages instead, and says
so: every customer is given the store's repeat rate and no probability of being active.
"""

from __future__ import annotations

import contextlib
import io
import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

UNIT_DAYS = 7  # the models count time in weeks
MIN_REPEAT_BUYERS = 20  # fewer customers who came back than this is too little to fit
MIN_HISTORY_DAYS = 90  # a store younger than this has not seen anyone come back yet
PENALIZERS = (0.0, 0.001, 0.01)  # tried in turn until the optimiser converges
BG_NBD = "bg_nbd+gamma_gamma"
AVERAGES = "averages"


@dataclass(frozen=True)
class Model:
    """A fitted forecast (or the averages that stand in for one), storable as JSON."""

    kind: str
    params: dict[str, float] = field(default_factory=dict)
    reason: str = ""

    @property
    def fitted(self) -> bool:
        return self.kind == BG_NBD


def summarise(days: pd.DataFrame, *, today: date) -> pd.DataFrame:
    """Per customer, from one row per customer-day (columns customer_id, day, cents):

    days, value (cents), first_order, last_order, frequency (repeat days), recency and T (weeks
    from the first order to the last, and to `today`), monetary (mean cents of a repeat day).
    """
    days = days.sort_values(["customer_id", "day"])
    grouped = days.groupby("customer_id", sort=True)
    summary = pd.DataFrame(
        {
            "days": grouped.size(),
            "value": grouped["cents"].sum(),
            "first_order": grouped["day"].min(),
            "last_order": grouped["day"].max(),
            "first_cents": grouped["cents"].first(),
        }
    )
    summary["frequency"] = summary["days"] - 1
    first = pd.to_datetime(summary["first_order"])
    summary["recency"] = (pd.to_datetime(summary["last_order"]) - first).dt.days / UNIT_DAYS
    summary["T"] = (pd.Timestamp(today) - first).dt.days / UNIT_DAYS
    repeat_value = summary["value"] - summary["first_cents"]
    summary["monetary"] = (
        repeat_value / summary["frequency"].where(summary["frequency"] > 0)
    ).fillna(0)
    return summary.drop(columns="first_cents")


def fit(summary: pd.DataFrame) -> Model:
    """BG/NBD and Gamma-Gamma fitted on the summary, or the store's averages with the reason."""
    repeaters = summary[(summary["frequency"] > 0) & (summary["monetary"] > 0)]
    span = float(summary["T"].max() * UNIT_DAYS) if len(summary) else 0.0
    if span < MIN_HISTORY_DAYS:
        return averages(summary, f"the purchase history is {span:.0f} days old")
    if len(repeaters) < MIN_REPEAT_BUYERS:
        return averages(summary, f"only {len(repeaters)} customers have ordered on a second day")
    from lifetimes import BetaGeoFitter, GammaGammaFitter  # heavy: only when a store is fitted
    from lifetimes.utils import ConvergenceError

    params: dict[str, float] = {}
    try:
        with np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
            for penalizer in PENALIZERS:  # the library's advice when a fit does not converge
                try:
                    orders = BetaGeoFitter(penalizer_coef=penalizer).fit(
                        summary["frequency"].to_numpy(float),
                        summary["recency"].to_numpy(float),
                        summary["T"].to_numpy(float),
                    )
                    break
                except ConvergenceError:
                    if penalizer == PENALIZERS[-1]:
                        raise
            for penalizer in PENALIZERS:
                try:
                    spend = GammaGammaFitter(penalizer_coef=penalizer).fit(
                        repeaters["frequency"].to_numpy(float),
                        repeaters["monetary"].to_numpy(float) / 100,  # in whole units
                    )
                    break
                except ConvergenceError:
                    if penalizer == PENALIZERS[-1]:
                        raise
    except Exception as error:  # the optimiser's failures are many and not ours to list
        return averages(summary, f"the model could not be fitted ({type(error).__name__})")
    params["bg_penalizer"] = orders.penalizer_coef
    params["gg_penalizer"] = spend.penalizer_coef
    params |= {f"bg_{k}": float(v) for k, v in orders.params_.items()}
    params |= {f"gg_{k}": float(v) for k, v in spend.params_.items()}
    if not all(math.isfinite(v) and v >= 0 for v in params.values()):
        return averages(summary, "the fitted parameters are not usable")
    return Model(BG_NBD, params)


def averages(summary: pd.DataFrame, reason: str) -> Model:
    """The store's repeat days per week of history and value per day: the plain fallback."""
    weeks = float(summary["T"].sum()) if len(summary) else 0.0
    repeats = float(summary["frequency"].sum()) if len(summary) else 0.0
    value = float(summary["value"].sum()) if len(summary) else 0.0
    days = float(summary["days"].sum()) if len(summary) else 0.0
    params = {
        "repeat_rate": repeats / weeks if weeks > 0 else 0.0,
        "day_value": value / days if days > 0 else 0.0,
    }
    return Model(AVERAGES, params, reason)


def predict(model: Model, summary: pd.DataFrame, *, horizon_days: int) -> pd.DataFrame:
    """p_alive (None for averages), expected_orders and expected_value (cents) per customer."""
    weeks = horizon_days / UNIT_DAYS
    if not len(summary):
        return pd.DataFrame(
            {"p_alive": [], "expected_orders": [], "expected_value": []}, index=summary.index
        )
    if not model.fitted:
        orders = pd.Series(model.params.get("repeat_rate", 0.0) * weeks, index=summary.index)
        own = (summary["value"] / summary["days"]).where(summary["days"] > 0)
        per_day = own.fillna(model.params.get("day_value", 0.0))
        return pd.DataFrame(
            {"p_alive": np.nan, "expected_orders": orders, "expected_value": orders * per_day}
        )
    orders, spend = _fitters(model)
    frequency = summary["frequency"].to_numpy(float)
    recency = summary["recency"].to_numpy(float)
    age = summary["T"].to_numpy(float)
    with np.errstate(all="ignore"):
        alive = np.asarray(orders.conditional_probability_alive(frequency, recency, age))
        expected = np.asarray(
            orders.conditional_expected_number_of_purchases_up_to_time(
                weeks, frequency, recency, age
            )
        )
        per_order = 100 * np.asarray(  # fitted in whole units, returned in cents
            spend.conditional_expected_average_profit(
                summary["frequency"].to_numpy(float), summary["monetary"].to_numpy(float) / 100
            )
        )
    return pd.DataFrame(
        {
            "p_alive": np.where(frequency > 0, alive, np.nan),
            "expected_orders": expected,
            "expected_value": expected * per_order,
        },
        index=summary.index,
    )


def _fitters(model: Model):
    """The library's fitters holding a stored model's parameters."""
    from lifetimes import BetaGeoFitter, GammaGammaFitter

    orders, spend = BetaGeoFitter(), GammaGammaFitter()
    orders.params_ = pd.Series({k[3:]: v for k, v in model.params.items() if k.startswith("bg_")})[
        ["r", "alpha", "a", "b"]
    ]
    spend.params_ = pd.Series({k[3:]: v for k, v in model.params.items() if k.startswith("gg_")})[
        ["p", "q", "v"]
    ]
    return orders, spend
