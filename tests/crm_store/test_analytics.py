from datetime import timedelta
from decimal import Decimal

import pandas as pd
import pytest
from sqlmodel import Session, select

from crm_store import analytics
from crm_store.models import Customer
from tests.crm_store.insight_builders import TODAY, Store, ladder


@pytest.fixture
def store(engine):
    with Session(engine) as session:
        yield Store(session)


def snap(store: Store, **options) -> pd.DataFrame:
    return analytics.snapshot(store.session, today=TODAY, **options).customers


def test_rfm_scores_are_quintiles_and_equal_scores_make_the_diagonal_segments(store):
    customers = ladder(store)
    store.commit()
    frame = snap(store)
    scores = [tuple(frame.loc[c.id, ["r", "f", "m"]]) for c in customers]
    assert scores == [(s, s, s) for s in (1, 1, 2, 2, 3, 3, 4, 4, 5, 5)]
    assert [frame.loc[c.id, "segment"] for c in customers] == [
        "lost",
        "lost",
        "hibernating",
        "hibernating",
        "need_attention",
        "need_attention",
        "loyal",
        "loyal",
        "champions",
        "champions",
    ]


def test_customers_with_equal_figures_get_equal_scores(store):
    twins = [store.customer(f"Twin {n}") for n in range(4)]
    for twin in twins:
        store.buy(twin, 30, 250)
    store.commit()
    frame = snap(store)
    assert {tuple(frame.loc[t.id, ["r", "f", "m"]]) for t in twins} == {(1, 1, 1)}


def test_the_segment_grid_places_every_named_segment_where_documented():
    assert analytics.rfm_segment(5, 1) == "new"
    assert analytics.rfm_segment(4, 1) == "promising"
    assert analytics.rfm_segment(5, 2) == "potential_loyalist"
    assert analytics.rfm_segment(3, 2) == "need_attention"
    assert analytics.rfm_segment(3, 1) == "about_to_sleep"
    assert analytics.rfm_segment(2, 3) == "at_risk"
    assert analytics.rfm_segment(1, 5) == "cant_lose"
    assert analytics.rfm_segment(4, 5) == "champions"
    assert {analytics.rfm_segment(r, fm) for r in range(1, 6) for fm in range(1, 6)} == set(
        analytics.SEGMENTS
    )


def test_lifetime_value_average_order_and_frequency_are_exact(store):
    jane = store.customer("Jane")
    store.buy(jane, 100, "100.10")
    store.buy(jane, 10, "200.20")
    store.buy(jane, 5, "999", currency="EUR")  # an order, but not dollars
    store.customer("Lead Only", stage="lead")
    store.commit()
    frame = snap(store)
    row = frame.loc[jane.id]
    assert analytics.cents_to_money(row["value"]) == Decimal("300.30")
    assert row["orders"] == 3
    assert analytics.cents_to_money(row["aov"]) == Decimal("100.10")
    assert row["frequency"] == pytest.approx(3 / 100 * 365)  # 100 days of history, 3 orders
    assert row["recency_days"] == 5
    lead = frame[frame["name"] == "Lead Only"].iloc[0]
    assert lead["orders"] == 0 and pd.isna(lead["segment"]) and lead["predicted"] == 0


def test_a_steady_monthly_buyer_is_forecast_a_year_of_the_same(store):
    steady = store.customer("Steady")
    for month in range(24):
        store.buy(steady, 15 + 30 * month, 100)
    gone = store.customer("Gone quiet")
    for month in range(24):
        store.buy(gone, 150 + 30 * month, 100)  # the same pace, but silent for 5 months
    store.commit()
    frame = snap(store)
    assert 1150 <= frame.loc[steady.id, "predicted"] / 100 <= 1300
    assert frame.loc[gone.id, "predicted"] < frame.loc[steady.id, "predicted"] / 8


def test_high_value_is_the_top_decile_by_lifetime_value(store):
    customers = [store.customer(f"C{n}") for n in range(20)]
    for n, customer in enumerate(customers):
        store.buy(customer, 10, 100 * (n + 1))
    store.commit()
    frame = snap(store)
    assert set(frame.index[frame["high_value"]]) == {customers[18].id, customers[19].id}


def test_lapsing_is_a_figure_from_the_last_purchase_and_the_stage_stays_as_stored(store):
    quiet = store.customer("Quiet", stage="customer")
    store.buy(quiet, 200)
    back = store.customer("Back", stage="customer")
    store.buy(back, 400)
    store.buy(back, 10)
    edge = store.customer("Edge", stage="customer")
    store.buy(edge, 180)
    lead = store.customer("Lead", stage="lead")
    store.commit()
    frame = snap(store, lapsed_days=180)
    assert set(frame.index[frame["lapsed"]]) == {quiet.id}
    assert frame.loc[quiet.id, "stage"] == "customer"
    assert frame.loc[lead.id, "stage"] == "lead"
    stages = dict(store.session.exec(select(Customer.name, Customer.stage)).all())
    assert stages == {"Quiet": "customer", "Back": "customer", "Edge": "customer", "Lead": "lead"}


def test_nps_category_comes_from_the_latest_answer(store):
    fan = store.customer("Fan")
    store.nps(fan, 3, 60)
    store.nps(fan, 10, 5)
    meh = store.customer("Meh")
    store.nps(meh, 7, 5)
    cross = store.customer("Cross")
    store.nps(cross, 9, 60)
    store.nps(cross, 6, 1)
    store.commit()
    frame = snap(store)
    assert frame.loc[fan.id, "nps_category"] == "promoters"
    assert frame.loc[meh.id, "nps_category"] == "passives"
    assert frame.loc[cross.id, "nps_category"] == "detractors"


def test_the_snapshot_is_as_of_its_day_not_the_clock(store):
    jane = store.customer("Jane")
    store.buy(jane, 100)
    store.buy(jane, 2)
    store.commit()
    earlier = analytics.snapshot(store.session, today=TODAY - timedelta(days=50)).customers
    assert earlier.loc[jane.id, "orders"] == 1
    assert earlier.loc[jane.id, "recency_days"] == 50


def test_the_backtest_compares_the_forecast_with_what_was_then_spent(store):
    steady = store.customer("Steady")
    for month in range(36):
        store.buy(steady, 5 + 30 * month, 100)
    store.commit()
    result = analytics.backtest(store.session, cutoff=TODAY - timedelta(days=365))
    assert result.customers == 1
    assert result.actual == Decimal("1200.00")
    assert abs(result.total_error) < 0.1
