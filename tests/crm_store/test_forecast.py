"""Forecasts the field trusts: the standard models, fitted per store, and honest RFM scores."""

import random
from datetime import timedelta

import pandas as pd
import pytest
from lifetimes.datasets import load_cdnow_summary, load_cdnow_summary_data_with_monetary_value
from sqlmodel import Session

from crm_store import analytics, forecast
from crm_store.models import CustomerFigures, Purchase
from tests.crm_store.insight_builders import TODAY, Store


@pytest.fixture
def store(engine):
    with Session(engine) as session:
        yield Store(session)


def test_the_cdnow_sample_gives_the_published_estimates():
    orders = load_cdnow_summary(index_col=[0])
    spend = load_cdnow_summary_data_with_monetary_value()
    summary = orders.assign(
        monetary=100 * spend["monetary_value"].to_numpy(),  # in cents, as the store keeps it
        days=orders["frequency"] + 1,
        value=0.0,
    )
    model = forecast.fit(summary)
    assert model.fitted
    published = {
        "bg_r": 0.243,
        "bg_alpha": 4.414,
        "bg_a": 0.793,
        "bg_b": 2.426,
        "gg_p": 6.25,
        "gg_q": 3.74,
        "gg_v": 15.44,
    }
    for name, value in published.items():
        assert model.params[name] == pytest.approx(value, rel=0.01), name


def buyers(store: Store, count: int, seed: int = 5) -> None:
    """Customers who buy at their own pace for a while, some of them stopping."""
    rng = random.Random(seed)
    for n in range(count):
        customer = store.customer(f"Buyer {n}")
        day = rng.randint(200, 700)
        stop = rng.randint(0, day) if n % 3 == 0 else -1
        gap = rng.choice((20, 45, 90, 200))
        while day > stop and day >= 0:
            store.buy(customer, day, rng.choice((80, 120, 200)))
            day -= gap + rng.randint(0, gap)


def test_a_regular_buyer_is_likelier_still_buying_than_one_gone_quiet(store):
    buyers(store, 120)
    steady, quiet = store.customer("Steady"), store.customer("Quiet")
    for month in range(24):
        store.buy(steady, 10 + 30 * month, 100)
        store.buy(quiet, 300 + 30 * month, 100)  # the same pace, silent for ten months
    store.commit()
    figures = analytics.compute(store.session, today=TODAY)
    assert figures.model.fitted
    frame = figures.customers
    assert frame.loc[steady.id, "p_alive"] > 0.8 > 0.3 > frame.loc[quiet.id, "p_alive"]
    assert 6 <= frame.loc[steady.id, "expected_orders"] <= 14
    assert frame.loc[quiet.id, "predicted"] < frame.loc[steady.id, "predicted"] / 3


def test_a_store_too_small_to_fit_says_so_and_uses_averages(store):
    jane = store.customer("Jane")
    for month in range(12):
        store.buy(jane, 15 + 30 * month, 100)
    store.commit()
    figures = analytics.compute(store.session, today=TODAY)
    assert figures.model.kind == forecast.AVERAGES
    assert "second day" in figures.model.reason
    assert pd.isna(figures.customers.loc[jane.id, "p_alive"])
    assert figures.customers.loc[jane.id, "expected_orders"] > 0


def test_same_day_purchases_are_one_order_day_and_ties_spread_over_all_five_scores(store):
    twice = store.customer("Twice in a day")
    store.buy(twice, 30, 100)
    store.buy(twice, 30, 50)
    ones = [store.customer(f"Once {n}") for n in range(10)]
    for n, customer in enumerate(ones):
        store.buy(customer, 10 + n, 100)
    store.commit()
    frame = analytics.compute(store.session, today=TODAY).customers
    assert frame.loc[twice.id, "days"] == 1 and frame.loc[twice.id, "orders"] == 2
    assert set(frame["f"]) == {1, 2, 3, 4, 5}  # everyone has one order-day: recency decides


def test_stored_figures_follow_a_purchase_in_the_same_transaction(store):
    buyers(store, 60)
    newcomer = store.customer("Newcomer")
    store.buy(newcomer, 400, 100)
    store.commit()
    analytics.refresh(store.session, today=TODAY)
    store.commit()
    before = store.session.get(CustomerFigures, newcomer.id)
    assert (before.days, before.value_cents) == (1, 10000)
    store.session.add(
        Purchase(
            customer_id=newcomer.id,
            product="Widget",
            amount=5000,
            purchased_on=TODAY - timedelta(days=1),
        )
    )
    store.session.flush()
    store.session.expire_all()
    after = store.session.get(CustomerFigures, newcomer.id)
    assert (after.days, after.value_cents) == (2, 510000)
    assert after.r_score == 5 and after.p_alive is not None
    snap = analytics.snapshot(store.session, today=TODAY).customers
    assert snap.loc[newcomer.id, "value"] == 510000
    assert snap.loc[newcomer.id, "recency_days"] == 1


def test_answers_from_stored_figures_are_the_answers_computed_afresh(store):
    from crm_store import recommend, segments

    buyers(store, 80)
    owner = store.staff("Owner")
    for n in range(5):
        store.buy(store.customer(f"Owned {n}", owner=owner), 3 * n + 1, 500)
    store.commit()
    asked = [
        segments.Criteria(segment="at_risk"),
        segments.Criteria(segment="high_value"),
        segments.Criteria(no_purchase_days=200),
        segments.Criteria(owner_id=owner.id, sort="recency"),
    ]

    def answers() -> tuple[list, list]:
        found = []
        for criteria in asked:
            snap = analytics.snapshot(
                store.session, today=TODAY, only=segments.narrowing(criteria, today=TODAY)
            )
            found.append(list(segments.find(store.session, snap, criteria).index))
        snap = analytics.snapshot(store.session, today=TODAY)
        shelf = recommend.baskets(store.session, today=TODAY)
        ideas = recommend.suggest(store.session, snap, shelf, money=str, limit=10)
        return found, [(s.customer_id, s.kind, s.reason) for s in ideas]

    afresh = answers()
    analytics.refresh(store.session, today=TODAY)
    store.commit()
    assert analytics.figures_current(store.session, today=TODAY, currency="USD")
    assert answers() == afresh


def test_a_profile_says_the_forecast_in_rounded_words():
    from bot import format

    def said(p_alive, orders, cents, model="bg_nbd+gamma_gamma", reason=""):
        figures = analytics.Standing("loyal", False, p_alive, orders, cents, 365, model, reason)
        return format.forecast(figures, "USD")

    assert said(0.34, 2.2, 43_712) == "likely still buying: 35%; next 12 months ≈ 2 orders, ≈ $440"
    assert (
        said(0.99, 0.4, 3_120)
        == "likely still buying: over 95%; next 12 months ≈ 0.4 orders, ≈ $31"
    )
    assert said(
        None, 1.0, 1_882_000, "averages", "only 3 customers have ordered on a second day"
    ) == (
        "next 12 months ≈ 1 order, ≈ $19,000 "
        "(store averages: only 3 customers have ordered on a second day)"
    )
