import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlmodel import Session

from crm_store import analytics, segments
from tests.crm_store.insight_builders import TODAY, Store, ladder


def money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


@pytest.fixture
def store(engine):
    with Session(engine) as session:
        yield Store(session)


def find(store: Store, **criteria):
    snap = analytics.snapshot(store.session, today=TODAY)
    return segments.find(store.session, snap, segments.Criteria(**criteria))


def test_every_criterion_narrows_the_list(store):
    sam, kim = store.staff("Sam"), store.staff("Kim")
    wanted = store.customer("Wanted", owner=sam, city="Berlin", tags=("vip",))
    for n in range(14):
        store.buy(wanted, 212 + n, "244.29")
    store.contact(wanted, 75)
    store.customer("Other town", owner=sam, city="Paris", tags=("vip",))
    untagged = store.customer("Untagged", owner=sam, city="berlin")
    store.buy(untagged, 300, 5000)
    kims = store.customer("Kim's", owner=kim, city="Berlin", tags=("vip",))
    store.buy(kims, 300, 5000)
    recent = store.customer("Recent", owner=sam, city="Berlin", tags=("vip",))
    store.buy(recent, 3, 5000)
    cheap = store.customer("Cheap", owner=sam, city="Berlin", tags=("vip",))
    store.buy(cheap, 300, 10)
    talked = store.customer("Talked to", owner=sam, city="Berlin", tags=("vip",))
    store.buy(talked, 300, 5000)
    store.contact(talked, 5)
    store.commit()
    found = find(
        store,
        no_purchase_days=180,
        no_contact_days=60,
        city="BERLIN",
        tag="VIP",
        owner_id=sam.id,
        segment="lapsed",
        stage="customer",
        min_value=Decimal(1000),
    )
    assert list(found.index) == [wanted.id]
    reason = segments.reason(found.iloc[0], segments.Criteria(no_contact_days=60), money=money)
    assert reason == "last order 212 days ago, 14 orders, $3,420.06, last contact 75 days ago"


def test_rfm_segments_high_value_and_nps_categories_are_segments(store):
    customers = ladder(store)
    store.nps(customers[0], 2, 3)
    store.nps(customers[9], 10, 3)
    store.commit()
    assert list(find(store, segment="champions").index) == [customers[9].id, customers[8].id]
    assert list(find(store, segment="high_value").index) == [customers[9].id]
    assert list(find(store, segment="detractors").index) == [customers[0].id]
    assert list(find(store, segment="promoters").index) == [customers[9].id]
    assert len(find(store, segment="lapsed")) == 0


def test_sorting_by_value_recency_and_frequency(store):
    big = store.customer("Big")
    store.buy(big, 100, 9000)
    often = store.customer("Often")
    for n in range(5):
        store.buy(often, 50 + n, 100)
    fresh = store.customer("Fresh")
    store.buy(fresh, 1, 600)
    store.commit()
    assert list(find(store, sort="value").index) == [big.id, fresh.id, often.id]
    assert list(find(store, sort="recency").index)[:2] == [fresh.id, often.id]
    assert list(find(store, sort="frequency").index)[0] == often.id


def test_never_contacted_customers_count_as_not_contacted_since_they_were_added(store):
    silent = store.customer("Silent", stage="qualified", created=TODAY - timedelta(days=40))
    store.customer("Added today", stage="lead", created=TODAY)
    store.commit()
    found = find(store, no_contact_days=30)
    assert list(found.index) == [silent.id]
    why = segments.reason(found.iloc[0], segments.Criteria(no_contact_days=30), money=money)
    assert why == "no orders yet, never contacted, added 9 Oct 2026"


def test_a_place_is_a_town_or_a_country_each_row_saying_where(store):
    munich = store.customer("Munich", city="Munich", country="DE")
    berlin = store.customer("Berlin", city="Berlin", country="DE")
    leeds = store.customer("Leeds", city="Leeds", country="GB")
    store.customer("Paris", city="Paris", country="FR")
    store.commit()
    assert set(find(store, city="germany").index) == {munich.id, berlin.id}
    assert set(find(store, city="the UK or Berlin").index) == {leeds.id, berlin.id}
    found = find(store, city="Leeds")
    why = segments.reason(found.iloc[0], segments.Criteria(city="Leeds"), money=money)
    assert list(found.index) == [leeds.id] and why == "no orders yet, in Leeds, GB"


def test_customers_with_any_of_several_tags(store):
    vip = store.customer("VIP", tags=("vip",))
    partner = store.customer("Partner", tags=("partner",))
    store.customer("Neither", tags=("cold",))
    store.commit()
    assert set(find(store, tag="vip or #partner").index) == {vip.id, partner.id}


def test_customers_by_when_they_were_added(store):
    old = store.customer("Old", stage="lead", created=TODAY - timedelta(days=200))
    june = store.customer("June", stage="lead", created=TODAY - timedelta(days=160))
    new = store.customer("New", stage="lead", created=TODAY - timedelta(days=3))
    store.commit()
    cut = TODAY - timedelta(days=180)
    assert list(find(store, added_before=cut).index) == [old.id]
    assert set(find(store, added_since=cut).index) == {june.id, new.id}
    both = find(store, added_since=cut, added_before=TODAY - timedelta(days=7))
    assert list(both.index) == [june.id]
    why = segments.reason(both.iloc[0], segments.Criteria(added_since=cut), money=money)
    assert why == f"no orders yet, added {TODAY - timedelta(days=160):%-d %b %Y}"


def test_the_csv_holds_every_match_with_its_figures(store):
    owner = store.staff("Sam")
    customers = ladder(store, owner=owner)
    store.commit()
    found = find(store)
    text = segments.to_csv(found, owners={owner.id: "Sam"}, currency="USD").decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 10
    top = rows[0]
    assert top["name"] == "Ladder 10" and top["owner"] == "Sam"
    assert top["lifetime_value_USD"] == "1000.00" and top["orders"] == "10"
    assert (top["r"], top["segment"]) == ("5", "champions")
    assert customers[9].id == int(top["id"])


def test_an_unknown_segment_is_refused():
    with pytest.raises(ValueError, match="unknown segment"):
        segments.Criteria(segment="whales")


def test_product_interest_narrows_the_list_whatever_the_case_or_plural(store):
    hardware = store.customer("Hardware Lead", stage="lead", interests=("Hardware",))
    suite = store.customer("Suite Lead", stage="lead", interests=("CRM Suite", "Training"))
    store.customer("No Interest", stage="lead")
    store.commit()
    assert list(find(store, interest="hardwares").index) == [hardware.id]
    assert list(find(store, interest="crm").index) == [suite.id]
    assert list(find(store, interest="CRM Suite", stage="lead").index) == [suite.id]
    assert find(store, interest="software").empty


def test_no_answer_to_a_proposal_in_three_weeks(store):
    waiting = store.customer(
        "Waiting", stage="proposal", stage_days_ago=30, created=TODAY - timedelta(days=60)
    )
    store.customer("Fresh proposal", stage="proposal", stage_days_ago=5)
    store.customer("Old lead", stage="lead", stage_days_ago=90)
    store.commit()
    found = find(store, stage="proposal", no_stage_change_days=21)
    assert list(found.index) == [waiting.id]
    why = segments.reason(found.iloc[0], segments.Criteria(stage="proposal"), money=money)
    assert why == "no orders yet, never contacted, added 19 Sep 2026, proposal since 19 Oct 2026"


def test_customers_in_the_bin_are_in_no_list(store):
    kept = store.customer("Kept", stage="lead")
    binned = store.customer("Binned", stage="lead")
    binned.deleted_at = analytics.datetime(2026, 11, 1, tzinfo=analytics.UTC)
    store.session.add(binned)
    store.commit()
    assert list(find(store, stage="lead").index) == [kept.id]
