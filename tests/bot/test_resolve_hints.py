"""Namesakes told apart by what the user adds: "Hugo Novak (Munich)" is one customer, even for a
write; a hint that fits several or none still asks, and a question writes nothing."""

import pytest
from sqlmodel import Session, select

from crm_store.models import Customer, Interaction, NpsAnswer, Purchase

NAMESAKES = [
    {"name": "Hugo Novak", "company": "Wonka Consulting", "city": "New York"},
    {"name": "Hugo Novak", "city": "Munich"},
    {"name": "Hugo Novak", "company": "Tyrell Systems", "city": "Zürich"},
    {"name": "Lukas Nakamura", "company": "Tyrell Systems", "city": "Toronto"},
    {"name": "Léa Nakamura", "company": "Soylent Foods", "city": "Paris"},
    {"name": "Zoë Martin", "company": "Dunder Mifflin Systems", "city": "Austin"},
    {"name": "Zoë Martin", "company": "Bluebird Labs", "city": "Austin"},
    {"name": "Zoë Martin", "city": "Madrid"},
]


@pytest.fixture
def namesakes(chat):
    with Session(chat.engine) as session:
        session.add_all(Customer(**fields) for fields in NAMESAKES)
        session.commit()
    return chat


def the(chat, name: str, city: str) -> int:
    with Session(chat.engine) as session:
        return session.exec(
            select(Customer.id).where(Customer.name == name, Customer.city == city)
        ).one()


@pytest.mark.parametrize(
    "typed",
    [
        "Hugo Novak (munich)",
        "hugo novak in munich",
        "hugo novak from munich",
        "Hugo Novak, Munich",
        "hugo novak munich",
        "HUGO NOVÁK (MUNICH)",
    ],
)
def test_a_city_after_the_name_picks_the_one_there_for_a_sale(namesakes, typed):
    reply = namesakes.run("purchase.log", customer=typed, product="CRM Pro", amount=900)
    assert reply.text.startswith("Recorded 1 × CRM Pro for Hugo Novak")
    [sale] = namesakes.rows(Purchase)
    assert sale.customer_id == the(namesakes, "Hugo Novak", "Munich")


@pytest.mark.parametrize(
    "typed",
    ["Hugo Novak (Tyrell)", "hugo novak of tyrell systems", "Hugo Novak (Tyrell, Zurich)"],
)
def test_a_company_or_company_and_city_pick_the_one_that_has_both(namesakes, typed):
    reply = namesakes.run("nps.record", customer=typed, score=9)
    assert reply.text.startswith("Recorded NPS 9")
    [answer] = namesakes.rows(NpsAnswer)
    assert answer.customer_id == the(namesakes, "Hugo Novak", "Zürich")


@pytest.mark.parametrize("typed", ["tyrell hugo novak", "munich hugo novak"])
def test_a_company_or_city_said_before_the_name_picks_the_one_there(namesakes, typed):
    namesakes.run("nps.record", customer=typed, score=9)
    [answer] = namesakes.rows(NpsAnswer)
    city = "Zürich" if typed.startswith("tyrell") else "Munich"
    assert answer.customer_id == the(namesakes, "Hugo Novak", city)


def test_a_call_logged_with_the_city_in_the_message_goes_to_that_customer(namesakes):
    reply = namesakes.say("called hugo novak from munich about the renewal")
    assert reply.text.startswith("Logged a call with Hugo Novak")
    [call] = namesakes.rows(Interaction)
    assert call.customer_id == the(namesakes, "Hugo Novak", "Munich")


def test_a_name_followed_by_the_company_logs_the_call_without_asking(namesakes):
    reply = namesakes.say("log call w lukas nakamura tyrell systems: onboarding rough")
    assert reply.text.startswith("Logged a call with Lukas Nakamura (Tyrell Systems)")
    [call] = namesakes.rows(Interaction)
    assert call.customer_id == the(namesakes, "Lukas Nakamura", "Toronto")


def test_a_profile_asked_for_with_a_city_is_that_customer(namesakes):
    shown = namesakes.say("tell me about hugo novak from munich")
    assert shown.title == f"Hugo Novak · #{the(namesakes, 'Hugo Novak', 'Munich')}"


@pytest.mark.parametrize("read", [False, True])
def test_a_city_two_namesakes_share_asks_between_only_those_and_writes_nothing(namesakes, read):
    before = namesakes.written()
    if read:
        reply = namesakes.say("tell me about zoe martin from austin")
    else:
        reply = namesakes.run("nps.record", customer="Zoë Martin (Austin)", score=9)
    assert "Which one?" in reply.text
    assert sorted(row["Customer"] for row in reply.rows) == [
        "Zoë Martin (Bluebird Labs)",
        "Zoë Martin (Dunder Mifflin Systems)",
    ]
    assert namesakes.written() == before


def test_answering_the_narrowed_question_writes_to_the_customer_chosen(namesakes):
    asked = namesakes.run("nps.record", customer="zoe martin in austin", score=9)
    bluebird = next(row for row in asked.rows if row["Customer"] == "Zoë Martin (Bluebird Labs)")
    assert namesakes.say(bluebird["#"]).text.startswith("Recorded NPS 9")
    [answer] = namesakes.rows(NpsAnswer)
    with Session(namesakes.engine) as session:
        assert session.get(Customer, answer.customer_id).company == "Bluebird Labs"


@pytest.mark.parametrize(
    "typed",
    ["hugo novak from paris", "Hugo Novak (Tyrell, Munich)", "hugo novak munchen"],
)
def test_a_hint_that_fits_no_namesake_still_asks_and_writes_nothing(namesakes, typed):
    before = namesakes.written()
    reply = namesakes.run("interaction.log", customer=typed, channel="call", summary="pricing")
    assert "Which one?" in reply.text
    assert {row["City"] for row in reply.rows if row["Customer"].startswith("Hugo Novak")} == {
        "New York",
        "Munich",
        "Zürich",
    }
    assert namesakes.written() == before


def test_a_namesake_is_found_by_its_city_however_many_share_the_name(namesakes):
    with Session(namesakes.engine) as session:
        session.add_all(Customer(name="Hugo Novak", city=f"Town {n}") for n in range(8))
        session.add(Customer(name="Hugo Novak", city="Lisbon"))
        session.commit()
    reply = namesakes.run("nps.record", customer="hugo novak (lisbon)", score=7)
    assert reply.text.startswith("Recorded NPS 7")
    [answer] = namesakes.rows(NpsAnswer)
    assert answer.customer_id == the(namesakes, "Hugo Novak", "Lisbon")


def test_words_that_are_another_customers_whole_name_are_not_a_hint(namesakes):
    with Session(namesakes.engine) as session:
        session.add(Customer(name="Anna Maria", company="Lopez Foods", city="Seville"))
        session.add(Customer(name="Anna Maria Lopez", city="Valencia"))
        session.add(Customer(name="Anna Maria Lopez", city="Bilbao"))
        session.commit()
    before = namesakes.written()
    reply = namesakes.run("nps.record", customer="anna maria lopez", score=9)
    assert "Which one?" in reply.text
    assert namesakes.written() == before


def test_a_person_at_a_company_and_a_company_alone_still_work(namesakes):
    reply = namesakes.say("called hugo novak at wonka, wants a demo")
    assert reply.text.startswith("Logged a call with Hugo Novak (Wonka Consulting)")
    assert namesakes.say("soylent gave us a 10").text.startswith("Recorded NPS 10")


def test_an_answer_that_fits_several_choices_keeps_the_question_and_asks_for_the_number(namesakes):
    asked = namesakes.run("nps.record", customer="zoe martin", score=9)
    assert len(asked.rows) == 3
    before = namesakes.written()
    again = namesakes.say("the austin one")  # two of the three are in Austin
    assert again.text.startswith("Choices ") and "both fit “the austin one”" in again.text
    assert namesakes.written() == before
    madrid = next(row["#"] for row in asked.rows if row["Customer"] == "Zoë Martin")
    assert namesakes.say(madrid).text.startswith("Recorded NPS 9")


def test_a_company_said_right_after_the_name_picks_that_one_for_an_nps_answer(namesakes):
    namesakes.say("nps hugo novak tyrell 6 - onboarding was slow")
    [answer] = namesakes.rows(NpsAnswer)
    with Session(namesakes.engine) as session:
        assert session.get(Customer, answer.customer_id).company == "Tyrell Systems"
