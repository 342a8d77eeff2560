"""A write names exactly one customer: when several fit the words, the bot asks; reads may pick."""

import pytest
from sqlmodel import Session, select

from crm_store.models import Customer, Purchase, Staff


@pytest.fixture
def northstar(chat):
    """Three companies share the word "Northstar" — "Northstar Ltd" is even named by it alone —
    one is Alex's, one Sam's, one nobody's."""
    with Session(chat.engine) as session:
        alex = session.exec(select(Staff).where(Staff.name == "Alex")).one()
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        session.add_all(
            [
                Customer(company="Northstar Systems", city="Oslo", owner_id=alex.id, stage="lead"),
                Customer(company="Northstar Foods", city="Lyon", owner_id=sam.id, stage="lead"),
                Customer(company="Northstar Ltd", city="Porto", stage="lead"),
                Customer(company="Initech", city="Austin", owner_id=alex.id),
                Customer(company="Intel", city="Santa Clara", owner_id=alex.id),
            ]
        )
        session.commit()
    return chat


def company(chat, name: str) -> Customer:
    with Session(chat.engine) as session:
        return session.exec(select(Customer).where(Customer.company == name)).one()


def test_a_sale_to_a_shared_company_word_asks_with_owner_and_city_and_writes_nothing(northstar):
    before = northstar.written()
    reply = northstar.say("sold 2 CRM Pro to northstar for $1,800")
    assert reply.text.startswith("Several customers match “northstar”. Which one?")
    assert reply.rows[0] == {
        "#": "1",
        "Customer": "Northstar Foods",
        "Owner": "you",
        "City": "Lyon",
    }
    assert {(row["Customer"], row["Owner"], row["City"]) for row in reply.rows[1:]} == {
        ("Northstar Systems", "Alex", "Oslo"),
        ("Northstar Ltd", "nobody", "Porto"),
    }
    assert "Lyon" in reply.buttons[0].label and "you" in reply.buttons[0].label
    assert northstar.written() == before
    assert company(northstar, "Northstar Systems").stage == "lead"


def test_answering_the_question_records_the_sale_on_the_customer_chosen(northstar):
    systems = northstar.say("sold 2 CRM Pro to northstar for $1,800").rows[1]
    done = northstar.say(systems["#"])
    assert done.text.startswith(f"Recorded 2 × CRM Pro for {systems['Customer']}")
    [sale] = northstar.rows(Purchase)
    assert sale.customer_id == company(northstar, systems["Customer"]).id
    assert company(northstar, systems["Customer"]).stage == "customer"


@pytest.mark.parametrize(
    ("answer", "chosen"),
    [
        ("the oslo one", "Northstar Systems"),
        ("the one in Porto please", "Northstar Ltd"),
        ("mine", "Northstar Foods"),
        ("mine, 1", "Northstar Foods"),
    ],
)
def test_the_question_can_be_answered_in_words_from_the_choices(northstar, answer, chosen):
    northstar.say("sold 2 CRM Pro to northstar for $1,800")
    done = northstar.say(answer)
    assert done.text.startswith(f"Recorded 2 × CRM Pro for {chosen}")
    [sale] = northstar.rows(Purchase)
    assert sale.customer_id == company(northstar, chosen).id


def test_a_command_with_a_number_is_not_taken_for_the_answer(northstar):
    northstar.say("sold 2 CRM Pro to northstar for $1,800")
    reply = northstar.say("done 1")
    assert not reply.text.startswith("Recorded")
    assert northstar.rows(Purchase) == []


def test_words_that_fit_no_choice_or_several_pick_none(northstar):
    northstar.say("sold 2 CRM Pro to northstar for $1,800")
    reply = northstar.say("the one in Paris")
    assert not reply.text.startswith("Recorded")
    assert northstar.rows(Purchase) == []


@pytest.mark.parametrize(
    ("intent", "slots"),
    [
        ("interaction.log", {"channel": "call", "summary": "renewal"}),
        ("purchase.log", {"product": "CRM Pro", "amount": 900}),
        ("nps.record", {"score": 9}),
        ("task.create", {"text": "call them", "due": "2026-11-20"}),
        ("customer.update", {"field": "city", "value": "Bergen"}),
    ],
)
def test_every_write_asks_rather_than_picks(northstar, intent, slots):
    before = northstar.written()
    reply = northstar.run(intent, customer="northstar", **slots)
    assert "Which one?" in reply.text and len(reply.rows) == 3
    assert northstar.written() == before


def test_a_name_that_only_one_customer_has_exactly_is_taken_without_asking(northstar):
    reply = northstar.say("called northstar foods, they want a demo")
    assert reply.text.startswith("Logged a call with Northstar Foods")


def test_a_legal_suffix_said_names_the_one_company_with_it(northstar):
    assert "Which one?" in northstar.say("called northstar, they want a demo").text
    reply = northstar.say("called northstar ltd, they want a demo")
    assert reply.text.startswith("Logged a call with Northstar Ltd")


def test_a_read_takes_a_clear_winner_that_a_write_asks_about(northstar):
    shown = northstar.say("tell me about initec")
    assert shown.title.startswith("Initech · #")
    before = northstar.written()
    asked = northstar.run("nps.record", customer="initec", score=8)
    assert "Which one?" in asked.text
    assert [row["Customer"] for row in asked.rows] == ["Initech", "Intel"]
    assert northstar.written() == before


def test_an_exact_id_email_or_phone_names_one_customer(northstar):
    systems = company(northstar, "Northstar Systems")
    assert northstar.run("nps.record", customer=f"#{systems.id}", score=7).text.startswith(
        "Recorded NPS 7 (passive) for Northstar Systems"
    )
    assert northstar.say("acme gave us a 10").text.startswith("Recorded NPS 10")
    assert northstar.say("called jane@acme.com, left a message").text.startswith(
        "Logged a call with Jane Cooper"
    )


def test_an_id_beyond_any_customer_is_no_match_on_either_database(northstar):
    before = northstar.written()
    reply = northstar.run("nps.record", customer="#99999999999999", score=7)
    assert reply.text.startswith("No customer matches “#99999999999999”")
    assert northstar.written() == before


def test_a_name_typed_without_its_apostrophe_is_that_customer_not_a_question(chat):
    chat.run("customer.create", name="Hannah O'Brien", company="Polaris Media")
    chat.run("customer.create", name="Hannah Hughes", company="Oscorp")
    reply = chat.say("emailed hannah obrien the renewal quote")
    assert reply.text.startswith("Logged an email with Hannah O'Brien (Polaris Media)")


def test_a_customer_of_the_list_just_shown_is_taken_only_when_the_words_name_them(chat):
    with Session(chat.engine) as session:
        session.add_all(
            [
                Customer(name="Emma Müller", city="Madrid"),
                Customer(name="Emma Müller", company="Evergreen Industries", city="Munich"),
                Customer(name="Emma Nguyen", company="Zenith Media", city="Lyon"),
            ]
        )
        session.commit()
    listed = chat.say("customers in Lyon", who="Alex")
    assert [row["Customer"] for row in listed.rows] == ["Emma Nguyen (Zenith Media)"]
    asked = chat.say("show Emma Müller", who="Alex")
    assert asked.text.startswith("Several customers match “Emma Müller”. Which one?")
    assert "Emma Nguyen" not in asked.rows[0]["Customer"]
    chat.say("cancel", who="Alex")
    chat.say("customers in Lyon", who="Alex")
    assert chat.say("show emma", who="Alex").title.startswith("Emma Nguyen (Zenith Media) · #")


def test_a_customer_deleted_by_name_is_said_to_be_in_the_bin_not_taken_for_a_namesake(chat):
    chat.run("customer.delete", customer="Jane Cooper", who="Alex")
    cooper = chat.customer("Jane Cooper")
    reply = chat.say("whered jane cooper go? cant find her")
    assert reply.text == (
        f"Jane Cooper (Acme Corporation) (#{cooper.id}) is in the delete bin; “restore "
        f"#{cooper.id}” brings them back."
    )
    assert chat.say("tell me about jane smith").title.startswith("Jane Smith")


@pytest.fixture
def namesakes(chat):
    """Two Rafael Browns, at Harbor in New York and at Brightwave in Berlin, and a Noah Schneider
    among other Noahs."""
    with Session(chat.engine) as session:
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        session.add_all(
            [
                Customer(name="Rafael Brown", company="Harbor Consulting", city="New York",
                         owner_id=sam.id),
                Customer(name="Rafael Brown", company="Brightwave", city="Berlin",
                         owner_id=sam.id),
                Customer(name="Noah Schneider", city="London", owner_id=sam.id),
                Customer(name="Noah Nguyen", city="Madrid", owner_id=sam.id),
                Customer(name="Noah Rossi", city="Toronto", owner_id=sam.id),
            ]
        )  # fmt: skip
        session.commit()
    return chat


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("lft vm for noah schnieder, will try again monday", "Noah Schneider"),
        ("spoke to rafel brown harbor abt new tier", "Rafael Brown (Harbor Consulting)"),
    ],
)
def test_a_typo_of_one_customers_name_is_that_customer_not_a_question(namesakes, said, meant):
    reply = namesakes.say(said)
    assert reply.text.startswith(f"Logged a call with {meant} (today)")


def test_a_typo_that_fits_two_namesakes_still_asks(namesakes):
    before = namesakes.written()
    reply = namesakes.say("called rafel brown, wants a quote")
    assert reply.text.startswith("Several customers match “rafel brown”. Which one?")
    assert namesakes.written() == before


def test_a_name_two_customers_have_exactly_offers_those_two_not_every_look_alike(namesakes):
    namesakes.run("customer.create", name="Rafael Browne", city="Lisbon", who="Alex")
    reply = namesakes.say("called rafael brown, wants a quote")
    assert reply.text.startswith("Several customers match “rafael brown”. Which one?")
    assert [r["Customer"] for r in reply.rows] == [
        "Rafael Brown (Harbor Consulting)",
        "Rafael Brown (Brightwave)",
    ]


def test_a_namesake_placed_where_only_a_deleted_one_was_is_said_to_be_in_the_bin(namesakes):
    berlin = next(c for c in namesakes.rows(Customer) if c.company == "Brightwave")
    namesakes.run("customer.delete", customer=f"#{berlin.id}", who="Alex")
    reply = namesakes.say("pull up rafael brown in berlin")
    assert reply.text == (
        f"Rafael Brown (Brightwave) (#{berlin.id}, Berlin) is in the delete bin; "
        f"“restore #{berlin.id}” brings them back."
    )


def test_the_customer_just_shown_is_never_taken_for_a_name_that_is_not_theirs(chat):
    assert chat.say("tell me about jane cooper").title.startswith("Jane Cooper")
    asked = chat.say("tell me about jane wilson")
    assert asked.text.startswith("No customer is called “jane wilson”; the closest is this one.")


def test_a_read_of_a_namesake_takes_the_senders_own_and_a_write_still_asks(chat):
    with Session(chat.engine) as session:
        alex = session.exec(select(Staff).where(Staff.name == "Alex")).one()
        session.add(
            Customer(name="Jane Cooper", company="Initrode", city="Austin", owner_id=alex.id)
        )
        session.commit()
    asked = chat.say("called jane cooper about the renewal")
    assert asked.text.startswith("Several customers match “jane cooper”")
    chat.say("cancel")
    advice = chat.say("what should i do with jane cooper? want to close her before i go")
    assert "Jane Cooper (Acme Corporation)" in advice.text
