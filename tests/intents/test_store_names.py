"""Reading a message against the store's names: the same answers on a store of any size."""

from datetime import datetime

import pytest

from intents import Lexicon, parse

NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday
NAMED = ("Jane Cooper", "Tom Becker", "Ethan Novak")
COMPANIES = ("Umbrella Corp", "Harbor Freight Lines", "Acme", "Acme Corporation")


def store(filler: int) -> Lexicon:
    """The names above among `filler` others that resemble none of them."""
    people = tuple(f"Quinn Zed{n}" for n in range(filler))
    companies = tuple(f"Xylo{n} Holdings" for n in range(filler // 2))
    return Lexicon(customers=NAMED + people, companies=COMPANIES + companies, staff=("Sam Patel",))


@pytest.fixture(params=[0, 50_000], ids=["small store", "big store"])
def lexicon(request):
    return store(request.param)


def read(text: str, lexicon: Lexicon):
    return parse(text, now=NOW, tz="Europe/London", lexicon=lexicon)


@pytest.mark.parametrize("text", ["umbrela corp", "j. cooper", "tom becker harbor", "ethan novak"])
def test_a_known_customer_typed_loosely_shows_them(text, lexicon):
    assert (read(text, lexicon).intent, read(text, lexicon).slots) == (
        "customer.show",
        {"customer": text},
    )


def test_a_reminder_names_the_longest_known_customer_inside_it(lexicon):
    parsed = read("remind me to send acme corporation the renewal friday", lexicon)
    assert parsed.intent == "task.create"
    assert parsed.slots["customer"] == "acme corporation"


def test_a_known_name_inside_a_longer_word_is_no_customer(lexicon):
    parsed = read("remind me to order acmeline cables friday", lexicon)
    assert parsed.intent == "task.create"
    assert "customer" not in parsed.slots


def test_a_sale_for_a_known_customer_then_a_product_with_no_comma_splits_at_the_name():
    known = Lexicon(customers=("Jane Cooper",), products=("CRM Pro",))
    parsed = read("log a sale for Jane Cooper CRM Pro $8400", known)
    assert (parsed.intent, parsed.slots) == (
        "purchase.log",
        {"amount": 8400, "currency": "USD", "customer": "Jane Cooper", "product": "CRM Pro"},
    )


@pytest.mark.parametrize(
    "said",
    [
        "dana vs sam",
        "Dana versus Sam Patel?",
        "compare dana against sam",
        "compare dana and sam for november",
    ],
)
def test_two_colleagues_set_against_each_other_are_their_figures_side_by_side(said):
    team = Lexicon(customers=("Jane Cooper",), staff=("Dana", "Sam Patel"))
    parsed = read(said, team)
    assert parsed.intent == "report.show"
    assert parsed.slots["group_by"] == "owner" and len(parsed.slots["reps"]) == 2


def test_a_word_of_the_company_after_a_namesakes_name_says_which(lexicon):
    parsed = read("nps from ethan novak harbor 9", lexicon)
    assert (parsed.intent, parsed.slots) == (
        "nps.record",
        {"customer": "ethan novak harbor", "score": 9},
    )


def test_a_tag_the_store_has_named_as_a_list_is_that_tag(lexicon):
    tagged = Lexicon(customers=NAMED, tags=("win-back",), staff=("Sam Patel",))
    parsed = read("my win-back list pls", tagged)
    assert (parsed.intent, parsed.slots) == ("segment.list", {"tag": "win-back", "owner": "me"})


def test_a_colleagues_proposals_are_their_list_never_a_customer_named_like_them(lexicon):
    parsed = read("show me sam's proposals", lexicon)
    assert (parsed.intent, parsed.slots) == ("segment.list", {"stage": "proposal", "owner": "sam"})


@pytest.mark.parametrize(
    ("said", "slots"),
    [
        ("jordan vs maria october",
         {"group_by": "owner", "reps": ["jordan", "maria"], "period": "last_month"}),
        ("sam vs jordan revenue last quarter",
         {"metric": "revenue", "period": "last_quarter", "group_by": "owner",
          "reps": ["sam", "jordan"]}),
        ("compare sam and maria on sales last 30 days",
         {"metric": "revenue", "period": "last_30_days", "group_by": "owner",
          "reps": ["sam", "maria"]}),
    ],
)  # fmt: skip
def test_two_reps_set_side_by_side_keep_the_period_said(said, slots):
    team = Lexicon(customers=NAMED, staff=("Sam Patel", "Jordan Lee", "Maria García"))
    parsed = read(said, team)
    assert (parsed.intent, parsed.slots) == ("report.show", slots)


def test_the_ones_carrying_a_tag_the_store_has_are_those_tagged_even_when_the_tag_is_a_word():
    store = Lexicon(customers=("Jane Cooper",), tags=("stale",))
    parsed = read("and the stale ones with no contact for 90+ days - move them to lost", store)
    assert parsed.intent == "customer.bulk_update"
    assert (parsed.slots["tag"], parsed.slots["no_contact_days"]) == ("stale", 90)


def test_a_tags_holders_counted_and_a_customer_described_before_a_delete():
    store = Lexicon(customers=("Fatima Nakamura", "Jane Cooper"), cities=("Austin",), tags=("vip",))
    assert read("how many have the vip tag now?", store).slots == {"tag": "vip"}
    binned = read("the fake signup fatima nakamura in austin, delete her", store)
    assert binned.intent == "customer.delete"
    assert binned.slots["customer"] == "fatima nakamura austin"
