from datetime import timedelta
from decimal import Decimal

import pandas as pd
import pytest
from sqlmodel import Session

from crm_store import analytics, recommend
from crm_store.models import Task
from tests.crm_store.insight_builders import TODAY, Store, ladder


def money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def test_co_purchase_rules_have_support_confidence_and_lift():
    pairs = pd.DataFrame(
        [(c, "A") for c in range(1, 7)]
        + [(c, "B") for c in (3, 4, 5, 6, 7)]
        + [(c, "C") for c in (7, 8, 9, 10)],
        columns=["customer_id", "product"],
    )
    rules = recommend.co_purchase_rules(pairs, min_together=3)
    a_to_b = rules["A"][0]
    assert (a_to_b.consequent, a_to_b.together) == ("B", 4)
    assert a_to_b.support == pytest.approx(0.4)
    assert a_to_b.confidence == pytest.approx(4 / 6)
    assert a_to_b.lift == pytest.approx((4 / 6) / 0.5)
    assert rules["B"][0].confidence == pytest.approx(0.8)
    assert "C" not in rules  # C shares one buyer with B: below min_together


@pytest.fixture
def store(engine):
    with Session(engine) as session:
        yield Store(session)


def suggestions_for(store: Store, customer) -> dict[str, recommend.Suggestion]:
    snap = analytics.snapshot(store.session, today=TODAY)
    shelf = recommend.baskets(store.session, today=TODAY)
    found = recommend.suggest(store.session, snap, shelf, customer_ids=[customer.id], money=money)
    return {s.kind: s for s in found}


@pytest.fixture
def shop(store):
    """A catalogue in tiers, customers who buy Starter with Support, and a background ladder."""
    store.product("CRM Starter", "CRM", 1, "300")
    store.product("CRM Pro", "CRM", 2, "900")
    store.product("Support Basic", "Support", 1, "200")
    for n in range(6):
        buyer = store.customer(f"Pair {n}")
        store.buy(buyer, 20, 300, product="CRM Starter")
        store.buy(buyer, 19, 200, product="Support Basic")
    for n in range(4):
        store.buy(store.customer(f"Solo {n}"), 20, 900, product="CRM Pro")
    ladder(store)
    return store


def test_an_overdue_follow_up_a_colleague_holds_says_whose_it_is(shop):
    owner, colleague = shop.staff("Sam"), shop.staff("Jordan")
    customer = shop.customer("Handed", owner=owner)
    shop.session.add_all(
        Task(assignee_id=who.id, customer_id=customer.id, text=text, due=TODAY - timedelta(days=2))
        for who, text in ((owner, "call back"), (colleague, "send the quote"))
    )
    shop.commit()
    snap = analytics.snapshot(shop.session, today=TODAY)
    shelf = recommend.baskets(shop.session, today=TODAY)
    found = recommend.suggest(shop.session, snap, shelf, customer_ids=[customer.id], money=money)
    reasons = {s.reason for s in found if s.kind == "follow_up"}
    assert reasons == {
        "the follow-up “call back” was due 2 days ago",
        "the follow-up “send the quote” (Jordan's) was due 2 days ago",
    }


def test_a_customer_with_only_starter_gets_an_up_sell_and_a_cross_sell(shop):
    jane = shop.customer("Jane")
    shop.buy(jane, 10, 300, product="CRM Starter")
    shop.contact(jane, 2)
    shop.commit()
    found = suggestions_for(shop, jane)
    assert found["up_sell"].reason == (
        "they use CRM Starter; CRM Pro is the next tier up ($900.00 list price)"
    )
    assert found["cross_sell"].reason.startswith(
        "86% of customers who bought CRM Starter also bought Support Basic"
    )
    assert found["cross_sell"].priority == "medium"


def test_overdue_follow_up_and_detractor_recovery_come_first(shop):
    rep = shop.staff("Sam")
    unhappy = shop.customer("Unhappy", owner=rep)
    shop.buy(unhappy, 30, 300, product="CRM Starter")
    shop.contact(unhappy, 20)
    shop.nps(unhappy, 3, 5)
    shop.session.add(
        Task(
            assignee_id=rep.id,
            customer_id=unhappy.id,
            text="send the quote",
            due=TODAY - timedelta(days=3),
        )
    )
    shop.commit()
    snap = analytics.snapshot(shop.session, today=TODAY)
    shelf = recommend.baskets(shop.session, today=TODAY)
    found = recommend.suggest(shop.session, snap, shelf, customer_ids=[unhappy.id], money=money)
    assert [s.kind for s in found[:2]] == ["follow_up", "recovery"]
    assert found[0].reason == "the follow-up “send the quote” was due 3 days ago"
    assert found[0].task_id is not None
    assert found[1].reason == ("they gave us NPS 3 on 13 Nov and nobody has spoken to them since")
    assert all(s.priority == "high" for s in found[:2])


def test_lapsed_customers_get_reactivation_and_new_ones_onboarding(shop):
    lapsed = shop.customer("Lapsed", stage="lapsed")
    shop.buy(lapsed, 300, 450)
    shop.buy(lapsed, 320, 450)
    fresh = shop.customer("Fresh")
    shop.buy(fresh, 5, 900, product="CRM Pro")
    shop.commit()
    assert suggestions_for(shop, lapsed)["reactivation"].reason == (
        "no order for 300 days; before that they spent $900.00 over 2 orders"
    )
    assert suggestions_for(shop, fresh)["onboarding"].reason == (
        "first order 5 days ago ($900.00); check they are set up and happy"
    )


def test_promoters_are_asked_for_referrals_and_quiet_big_accounts_get_a_call(shop):
    fan = shop.customer("Fan")
    shop.buy(fan, 10, 300, product="CRM Starter")
    shop.contact(fan, 1)
    shop.nps(fan, 10, 4)
    whale = shop.customer("Whale")
    shop.buy(whale, 12, 50000)
    shop.contact(whale, 60)
    shop.commit()
    assert suggestions_for(shop, fan)["referral"].reason == (
        "they gave us a 10 on 14 Nov: a good moment to ask for a referral"
    )
    retention = suggestions_for(shop, whale)["retention"]
    assert retention.reason == (
        "a top-10% customer ($50,000.00 so far) who has had no contact for 60 days"
    )
    assert retention.priority == "high"


def test_at_risk_customers_who_used_to_buy_often_get_a_retention_call(store):
    customers = ladder(store)
    slipping = store.customer("Slipping")
    for n in range(12):
        store.buy(slipping, 150 + 10 * n, 300)
    store.commit()
    frame = analytics.snapshot(store.session, today=TODAY).customers
    assert frame.loc[slipping.id, "segment"] in ("at_risk", "cant_lose")
    found = suggestions_for(store, slipping)
    assert found["retention"].reason.startswith("12 orders worth $3,600.00, but the last was 150")
    assert customers


def test_a_book_ranks_one_suggestion_per_customer(shop):
    shop.commit()
    snap = analytics.snapshot(shop.session, today=TODAY)
    shelf = recommend.baskets(shop.session, today=TODAY)
    found = recommend.suggest(shop.session, snap, shelf, money=money, per_customer=1, limit=5)
    assert len(found) == 5
    assert len({s.customer_id for s in found}) == 5
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_an_open_deal_nobody_has_spoken_to_gets_a_nudge_by_its_stage(store):
    proposal = store.customer("Quiet Proposal", stage="proposal", stage_days_ago=30)
    store.contact(proposal, 20)
    prospect = store.customer(
        "Silent Prospect", stage="qualified", stage_days_ago=40, created=TODAY - timedelta(days=40)
    )
    busy = store.customer("Busy Lead", stage="lead", stage_days_ago=5)
    store.contact(busy, 2)
    won = store.customer("Won", stage="customer", stage_days_ago=90)
    store.contact(won, 80)
    store.commit()
    nudge = suggestions_for(store, proposal)["advance"]
    assert nudge.reason.startswith("proposal since ")
    assert nudge.reason.endswith(", no contact for 20 days: get back in touch to move them on")
    assert nudge.priority == "high"
    assert suggestions_for(store, prospect)["advance"].reason.endswith(
        ", never contacted: get in touch to move them on"
    )
    moving = suggestions_for(store, busy)["advance"]  # asked about, a deal still moving
    assert moving.reason.endswith("last contact 2 days ago: agree the next step while it is fresh")
    assert moving.score < nudge.score
    assert "advance" not in suggestions_for(store, won)


def test_a_detractor_spoken_to_once_since_is_called_again_after_a_month_of_silence(shop):
    rep = shop.staff("Sam")
    unhappy = shop.customer("Unhappy", owner=rep)
    shop.buy(unhappy, 90, 300, product="CRM Starter")
    shop.nps(unhappy, 2, 70)
    shop.contact(unhappy, 38)  # one call after the answer, then silence
    calm = shop.customer("Calm", owner=rep)
    shop.buy(calm, 90, 300, product="CRM Starter")
    shop.nps(calm, 2, 70)
    shop.contact(calm, 10)  # spoken to recently: nothing to do yet
    shop.commit()
    snap = analytics.snapshot(shop.session, today=TODAY)
    shelf = recommend.baskets(shop.session, today=TODAY)
    found = recommend.suggest(
        shop.session, snap, shelf, customer_ids=[unhappy.id, calm.id], money=money
    )
    recoveries = [s for s in found if s.kind == "recovery"]
    assert [s.customer_id for s in recoveries] == [unhappy.id]
    assert recoveries[0].reason.endswith(
        "and were last spoken to 38 days ago: check the problem is solved"
    )


def test_a_lead_interested_in_a_product_line_is_pitched_its_entry_product(shop):
    lead = shop.customer("Lena Lead", stage="lead", interests=("support",))
    shop.commit()
    pitch = suggestions_for(shop, lead)["cross_sell"]
    assert pitch.reason == "they are interested in support; Support Basic fits ($200.00 list price)"


def test_an_interest_they_already_bought_is_not_pitched_again(shop):
    buyer = shop.customer("Bea Buyer", interests=("CRM",))
    shop.buy(buyer, 10, 300, product="CRM Starter")
    shop.buy(buyer, 11, 900, product="CRM Pro")
    shop.commit()
    assert "interested in" not in getattr(
        suggestions_for(shop, buyer).get("cross_sell"), "reason", ""
    )
