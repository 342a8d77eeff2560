"""How good the forecast is: a calibration/holdout test on generated stores whose truth is known.

    python bench/forecast.py [--customers 20000] [--fit-customers 100000]

The way the field checks such models (Fader, Hardie & Lee 2005): customers arrive over the
first 12 weeks, the model is fitted on the next year of purchases (calibration), and what it
predicts for the year after (holdout) is compared with what the generated customers then did.
Two worlds: one made by BG/NBD's own story (buy at a Poisson rate, may drop out after each
order) and one it was not made for (a fixed exponential lifetime, as in Pareto/NBD, with a
second purchase on the same day now and then). Next to it the naive run rate: each customer's
calibration order days per week, repeated. Prints aggregate error, MAE, RMSE and correlation
for orders and value, mean holdout order days by calibration frequency, the RFM segment shares,
and the time to fit the models on --fit-customers customers (about ten purchases each).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crm_store import analytics, forecast  # noqa: E402

START = date(2024, 1, 1)
ARRIVALS_DAYS = 84
CALIBRATION_DAYS = 365
HOLDOUT_DAYS = 365


def generate(customers: int, world: str, seed: int = 1) -> pd.DataFrame:
    """One row per purchase: customer_id, day (offset from START), cents."""
    rng = np.random.default_rng(seed)
    rate = rng.gamma(0.6, 1 / 20, customers)  # purchases a day while active: mean ~ 11 a year
    spend = rng.gamma(6.0, 1 / rng.gamma(3.7, 1 / 1500, customers))  # per customer, cents
    arrive = rng.integers(0, ARRIVALS_DAYS, customers)
    dropout = rng.beta(0.8, 2.4, customers)
    lifetime = rng.exponential(500, customers)
    end = ARRIVALS_DAYS + CALIBRATION_DAYS + HOLDOUT_DAYS
    ids, days, cents = [], [], []
    for n in range(customers):
        day = float(arrive[n])
        death = arrive[n] + lifetime[n] if world == "lifetime" else np.inf
        while day < end and day < death:
            ids.append(n)
            days.append(int(day))
            cents.append(rng.gamma(6.0, spend[n] / 6.0))
            if world == "lifetime" and rng.random() < 0.05:  # a second order the same day
                ids.append(n)
                days.append(int(day))
                cents.append(rng.gamma(6.0, spend[n] / 6.0))
            if world == "bg_nbd" and rng.random() < dropout[n]:
                break
            day += rng.exponential(1 / rate[n])
    return pd.DataFrame({"customer_id": ids, "day": days, "cents": np.round(cents)})


def per_day(purchases: pd.DataFrame) -> pd.DataFrame:
    """Customer-days, as the store counts them: same-day purchases merged."""
    merged = purchases.groupby(["customer_id", "day"], as_index=False)["cents"].sum()
    merged["day"] = pd.to_datetime(START) + pd.to_timedelta(merged["day"], unit="D")
    return merged


def measures(predicted: pd.Series, actual: pd.Series) -> str:
    error = predicted.sum() / actual.sum() - 1
    mae = (predicted - actual).abs().mean()
    rmse = float(np.sqrt(((predicted - actual) ** 2).mean()))
    correlation = float(np.corrcoef(predicted, actual)[0, 1])
    return (
        f"aggregate {error:+6.1%}  MAE {mae:9.2f}  RMSE {rmse:9.2f}  correlation {correlation:.2f}"
    )


def check(customers: int, world: str) -> None:
    purchases = generate(customers, world)
    cut = ARRIVALS_DAYS + CALIBRATION_DAYS
    calibration = per_day(purchases[purchases["day"] < cut])
    holdout = per_day(purchases[purchases["day"] >= cut])
    today = START + timedelta(days=cut - 1)
    summary = forecast.summarise(calibration, today=today)
    started = time.perf_counter()
    model = forecast.fit(summary)
    took = time.perf_counter() - started
    predicted = forecast.predict(model, summary, horizon_days=HOLDOUT_DAYS)
    actual_orders = holdout.groupby("customer_id").size().reindex(summary.index, fill_value=0)
    actual_value = (
        holdout.groupby("customer_id")["cents"].sum().reindex(summary.index, fill_value=0)
    )
    weeks = summary["T"].clip(lower=1 / 7)
    naive_orders = summary["days"] / weeks * HOLDOUT_DAYS / 7
    naive_value = summary["value"] / weeks * HOLDOUT_DAYS / 7
    print(f"\n{world} world: {len(summary):,} customers, fitted in {took:.1f} s ({model.kind})")
    shown = {k: round(v, 3) for k, v in model.params.items() if not k.endswith("penalizer")}
    print(f"  parameters {shown}")
    print(f"  holdout order days  model {measures(predicted['expected_orders'], actual_orders)}")
    print(f"                      naive {measures(naive_orders, actual_orders)}")
    value = predicted["expected_value"] / 100
    print(f"  holdout value ($)   model {measures(value, actual_value / 100)}")
    print(f"                      naive {measures(naive_value / 100, actual_value / 100)}")
    table = pd.DataFrame(
        {
            "frequency": summary["frequency"].clip(upper=7),
            "actual": actual_orders,
            "model": predicted["expected_orders"],
            "naive": naive_orders,
        }
    )
    by = table.groupby("frequency").agg(
        customers=("actual", "size"),
        actual=("actual", "mean"),
        model=("model", "mean"),
        naive=("naive", "mean"),
    )
    print("  mean holdout order days by calibration repeat days (7 = 7 or more):")
    print("    " + by.round(2).to_string().replace("\n", "\n    "))
    scores = summary.assign(recency_days=(pd.Timestamp(today) - summary["last_order"]).dt.days)
    r = analytics.quintile_scores(
        pd.DataFrame({"a": -scores["recency_days"], "b": scores["days"], "c": scores["value"]}),
        ["a", "b", "c"],
    )
    f = analytics.quintile_scores(
        pd.DataFrame({"a": scores["days"], "b": -scores["recency_days"], "c": scores["value"]}),
        ["a", "b", "c"],
    )
    m = analytics.quintile_scores(
        pd.DataFrame({"a": scores["value"], "b": scores["days"], "c": -scores["recency_days"]}),
        ["a", "b", "c"],
    )
    segments = pd.Series(
        [analytics.rfm_segment(a, (b + c + 1) // 2) for a, b, c in zip(r, f, m, strict=True)]
    )
    shares = segments.value_counts(normalize=True).reindex(analytics.SEGMENTS, fill_value=0)
    print("  RFM segment shares: " + ", ".join(f"{k} {v:.0%}" for k, v in shares.items()))
    print(
        "  F scores used: "
        + ", ".join(f"{k}: {v:.0%}" for k, v in f.value_counts(normalize=True).sort_index().items())
    )


def fit_time(customers: int) -> None:
    purchases = generate(customers, "lifetime", seed=7)
    days = per_day(purchases)
    today = START + timedelta(days=ARRIVALS_DAYS + CALIBRATION_DAYS + HOLDOUT_DAYS)
    started = time.perf_counter()
    summary = forecast.summarise(days, today=today)
    model = forecast.fit(summary)
    forecast.predict(model, summary, horizon_days=365)
    took = time.perf_counter() - started
    print(
        f"\nfit + predict on {customers:,} customers / {len(purchases):,} purchases: {took:.1f} s "
        f"({model.kind})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--fit-customers", type=int, default=100_000)
    args = parser.parse_args()
    for world in ("bg_nbd", "lifetime"):
        check(args.customers, world)
    if args.fit_customers:
        fit_time(args.fit_customers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
