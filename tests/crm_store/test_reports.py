from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session

from crm_store import reports
from tests.crm_store.insight_builders import TODAY, Store

UTC = ZoneInfo("UTC")


@pytest.fixture
def store(engine):
    with Session(engine) as session:
        yield Store(session)


def build(store: Store, metric: str, **options) -> reports.Report:
    return reports.build(store.session, metric=metric, today=TODAY, tz=UTC, **options)


def test_named_periods_have_the_calendar_bounds():
    today = date(2026, 11, 18)  # a Wednesday
    assert reports.period_bounds("this_week", today) == (date(2026, 11, 16), today)
    assert reports.period_bounds("last_week", today) == (date(2026, 11, 9), date(2026, 11, 15))
    assert reports.period_bounds("last_month", today) == (date(2026, 10, 1), date(2026, 10, 31))
    assert reports.period_bounds("this_quarter", today) == (date(2026, 10, 1), today)
    assert reports.period_bounds("last_quarter", today) == (date(2026, 7, 1), date(2026, 9, 30))
    assert reports.period_bounds("last_year", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert reports.period_bounds("last_12_months", today) == (date(2025, 12, 1), today)


def test_a_month_named_is_that_whole_month_and_compares_with_the_month_before():
    today = date(2026, 11, 18)
    assert reports.period_bounds("2026-09", today) == (date(2026, 9, 1), date(2026, 9, 30))
    assert reports.period_bounds("2026-02", today) == (date(2026, 2, 1), date(2026, 2, 28))
    assert reports.previous_bounds("2026-03", today) == (date(2026, 2, 1), date(2026, 2, 28))
    assert reports.period_label("2026-09") == "in September 2026"


def test_spans_of_days_have_their_bounds_labels_and_the_span_before():
    today = date(2026, 12, 3)
    assert reports.period_bounds("last_30_days", today) == (date(2026, 11, 4), today)
    assert reports.previous_bounds("last_30_days", today) == (date(2026, 10, 5), date(2026, 11, 3))
    assert reports.period_bounds("since_2026-11-03", today) == (date(2026, 11, 3), today)
    assert reports.period_label("since_2026-11-03") == "since 3 Nov 2026"
    between = "2026-11-03..2026-11-20"
    assert reports.period_bounds(between, today) == (date(2026, 11, 3), date(2026, 11, 20))
    assert reports.previous_bounds(between, today) == (date(2026, 10, 16), date(2026, 11, 2))
    assert reports.period_label(between) == "from 3 Nov 2026 to 20 Nov 2026"
    with pytest.raises(reports.ReportError, match="still to come"):
        reports.period_bounds("since_2026-12-10", today)
    with pytest.raises(reports.ReportError, match="say the earlier day first"):
        reports.period_bounds("2026-11-20..2026-11-03", today)


def test_a_quarter_or_run_of_whole_months_is_labelled_so_and_set_against_as_many_before():
    today = date(2026, 12, 3)
    q2 = "2026-04-01..2026-06-30"
    assert reports.period_label(q2) == "in Q2 2026"
    assert reports.previous_bounds(q2, today) == (date(2026, 1, 1), date(2026, 3, 31))
    two = "2026-05-01..2026-06-30"
    assert reports.period_label(two) == "from May 2026 to June 2026"
    assert reports.previous_bounds(two, today) == (date(2026, 3, 1), date(2026, 4, 30))


def test_the_same_period_a_year_before_is_its_same_days_then():
    today = date(2026, 12, 3)
    assert reports.previous_bounds("this_quarter", today, a_year=True) == (
        date(2025, 10, 1),
        date(2025, 12, 3),
    )
    assert reports.previous_bounds("last_month", today, a_year=True) == (
        date(2025, 11, 1),
        date(2025, 11, 30),
    )
    assert reports.period_end("this_quarter", today) == date(2026, 12, 31)
    assert reports.period_end("last_month", today) is None


def test_a_rep_with_nothing_in_the_period_is_a_row_at_nought(store):
    sam, kim = store.staff("Sam"), store.staff("Kim")
    store.staff("Alex", role="manager")
    jane = store.customer("Jane", owner=sam)
    store.contact(jane, 0, channel="call", staff=sam)
    store.commit()
    by_owner = build(store, "interactions", group_by="owner", period="today")
    assert by_owner.rows == [("Sam", 1), (kim.name, 0)]  # no row for the manager


def test_revenue_by_month_over_twelve_months_fills_empty_months(store):
    sam = store.staff("Sam")
    jane = store.customer("Jane", owner=sam)
    store.buy(jane, 2, "100.10")  # 16 Nov
    store.buy(jane, 17, "0.20")  # 1 Nov
    store.buy(jane, 40, 50)  # 9 Oct
    store.buy(jane, 40, 70, currency="EUR")
    store.buy(jane, 400, 999)  # outside the 12 months
    store.commit()
    report = build(store, "revenue", group_by="month")
    assert report.period == "last_12_months" and report.over_time
    assert len(report.rows) == 12
    assert report.rows[0] == ("Dec 2025", Decimal("0.00"))
    assert report.rows[-2:] == [("Oct 2026", Decimal("50.00")), ("Nov 2026", Decimal("100.30"))]
    assert report.total == Decimal("150.30")


def test_revenue_and_purchases_by_rep_product_and_city(store):
    sam, kim = store.staff("Sam"), store.staff("Kim")
    berlin = store.customer("B", owner=sam, city="Berlin")
    paris = store.customer("P", owner=kim, city="Paris")
    store.buy(berlin, 3, 300, product="Pro")
    store.buy(berlin, 4, 100, product="Basic", staff=kim)  # Kim made this sale
    store.buy(paris, 5, 50, product="Basic")
    store.commit()
    by_owner = build(store, "revenue", group_by="owner", period="this_month")
    assert by_owner.rows == [("Sam", Decimal("300.00")), ("Kim", Decimal("150.00"))]
    by_product = build(store, "purchases", group_by="product", period="this_month")
    assert by_product.rows == [("Basic", 2), ("Pro", 1)]
    by_city = build(store, "revenue", group_by="city", period="this_month")
    assert by_city.rows == [("Berlin", Decimal("400.00")), ("Paris", Decimal("50.00"))]


def test_interactions_by_channel_and_by_day_in_the_readers_time_zone(store):
    jane = store.customer("Jane")
    store.contact(jane, 1, channel="call", hour=23)  # 23:00 UTC = next day in Berlin
    store.contact(jane, 1, channel="email", hour=10)
    store.contact(jane, 2, channel="call", hour=10)
    store.commit()
    by_channel = build(store, "interactions", group_by="channel", period="this_week")
    assert by_channel.rows == [("call", 2), ("email", 1)]
    berlin = reports.build(
        store.session,
        metric="interactions",
        group_by="day",
        period="this_week",
        today=TODAY,
        tz=ZoneInfo("Europe/Berlin"),
    )
    assert berlin.rows == [("Mon 16 Nov", 1), ("Tue 17 Nov", 1), ("Wed 18 Nov", 1)]


def test_nps_is_promoters_minus_detractors(store):
    a, b, c, d = (store.customer(n) for n in "ABCD")
    store.nps(a, 10, 1)
    store.nps(b, 9, 1)
    store.nps(c, 7, 1)
    store.nps(d, 2, 1)
    store.commit()
    report = build(store, "nps", period="this_month")
    assert (report.total, report.answers) == (25, 4)  # (2 − 1) / 4


def test_new_customers_by_segment(store):
    fresh = store.customer("Fresh", created=TODAY)
    store.buy(fresh, 0, 100)
    store.customer("Lead", created=TODAY, stage="lead")
    store.customer("Old", created=date(2025, 1, 1))
    store.commit()
    report = build(store, "customers", group_by="segment", period="this_month")
    assert sorted(report.rows) == [("lost", 1), ("no purchases", 1)]  # one buyer scores 1-1-1
    assert report.total == 2


def test_meaningless_combinations_are_refused(store):
    with pytest.raises(reports.ReportError, match="channel"):
        build(store, "revenue", group_by="channel")
    with pytest.raises(reports.ReportError, match="product"):
        build(store, "nps", group_by="product")


def test_the_chart_is_a_png(store):
    store.buy(store.customer("Jane"), 2, 100)
    store.commit()
    png = reports.chart_png(build(store, "revenue", group_by="week"), money_format=str)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
