"""Values are checked before anything is written: one sentence naming the value, nothing stored."""

from decimal import Decimal

import pytest
from sqlmodel import Session

from bot.dispatch import APOLOGY, Bot
from bot.settings import Settings
from crm_store.models import NpsAnswer, Product, Purchase, Task

ACME = "acme"


def refused(chat, intent: str, words: str, **slots) -> None:
    """The write is refused in a sentence that names the value, and nothing is written."""
    before = chat.written()
    reply = chat.run(intent, customer=ACME, **slots)
    assert words in reply.text, reply.text
    assert "Nothing was saved" in reply.text or "can't store" in reply.text
    assert chat.written() == before
    for question in ("tell me about acme", "revenue by month this year", "digest", "my tasks"):
        assert chat.say(question).text != APOLOGY


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("12345678901234567890", "12345678901234567890 is more than"),
        (-500, "more than zero, not -500"),
        (0, "more than zero, not 0"),
        ("0.001", "rounds to zero"),
        ("NaN", "can't read the amount “NaN”"),
        ("10000000.01", "10000000.01 is more than the 10,000,000.00"),
    ],
)
def test_an_impossible_amount_is_refused(chat, amount, words):
    refused(chat, "purchase.log", words, product="CRM Pro", quantity=1, amount=amount)


def test_the_amount_ceiling_is_a_setting(chat, engine):
    chat.bot = Bot(engine, Settings(database_url="unused", tz="UTC", max_amount=Decimal(1000)))
    refused(chat, "purchase.log", "5000 is more than the 1,000.00", product="X", amount=5000)
    assert chat.run("purchase.log", customer=ACME, product="X", amount=999).text.startswith(
        "Recorded 1 × X"
    )


def test_a_catalog_price_times_a_huge_quantity_is_refused(chat):
    with Session(chat.engine) as session:
        session.add(Product(name="CRM Pro", family="CRM", price=Decimal(900)))
        session.commit()
    refused(
        chat, "purchase.log", "is more than the 10,000,000.00", product="CRM Pro", quantity=99999
    )


@pytest.mark.parametrize(
    ("quantity", "words"),
    [
        (-2, "quantity must be at least 1, not -2"),
        (0, "quantity must be at least 1, not 0"),
        (2.5, "quantity must be a whole number, not “2.5”"),
        ("three", "quantity must be a whole number, not “three”"),
        (10**12, "quantity must be at most 2,147,483,647"),
    ],
)
def test_a_quantity_is_a_positive_whole_number(chat, quantity, words):
    refused(chat, "purchase.log", words, product="CRM Pro", quantity=quantity, amount=100)


@pytest.mark.parametrize(
    ("score", "words"),
    [(-3, "from 0 to 10, not -3"), (11, "from 0 to 10, not 11"), (7.5, "whole number, not “7.5”")],
)
def test_an_nps_score_is_a_whole_number_from_0_to_10(chat, score, words):
    refused(chat, "nps.record", words, score=score)


@pytest.mark.parametrize(
    ("intent", "slots", "words"),
    [
        (
            "task.create",
            {"text": "call", "invalid": {"due": "31/02"}},
            "“31/02” is not a valid date",
        ),
        ("nps.record", {"invalid": {"score": "nps -3"}}, "“nps -3” is not a valid NPS score"),
        (
            "purchase.log",
            {"product": "X", "invalid": {"amount": "-$500"}},
            "“-$500” is not a valid",
        ),
        ("purchase.log", {"product": "X", "invalid": {"quantity": "-2"}}, "“-2” is not a valid"),
        ("task.create", {"text": "call", "due": "2026-02-30"}, "“2026-02-30” is not a due date"),
    ],
)
def test_a_value_the_parser_heard_but_cannot_be_right_is_refused_in_the_users_words(
    chat, intent, slots, words
):
    refused(chat, intent, words, **slots)


def test_the_parser_s_invalid_slot_is_refused_through_chat_where_it_reads_it(chat):
    before = chat.written()
    reply = chat.run("interaction.log", customer=ACME, invalid={"follow_up": "feb 30"})
    assert reply.text == "“feb 30” is not a valid follow-up date. Nothing was saved."
    assert chat.written() == before


@pytest.mark.parametrize(
    ("intent", "slots", "words"),
    [
        ("task.create", {"text": "x" * 1001}, "reminder is 1,001 characters long"),
        ("interaction.log", {"summary": "y" * 4001}, "summary is 4,001 characters long"),
        ("nps.record", {"score": 5, "comment": "z" * 2001}, "comment is 2,001 characters"),
        ("purchase.log", {"product": "p" * 121, "amount": 5}, "product name is 121 characters"),
        ("customer.update", {"field": "city", "value": "c" * 121}, "city is 121 characters"),
        ("customer.update", {"field": "title", "value": "Boss\x00"}, "title contains a NUL"),
        ("interaction.log", {"summary": "hi\x00there"}, "summary contains a NUL"),
    ],
)
def test_text_is_checked_against_the_schema_so_postgres_never_refuses_it(
    chat, intent, slots, words
):
    refused(chat, intent, words, **slots)


def test_a_new_customer_s_name_is_checked_against_the_schema(chat):
    before = chat.written()
    reply = chat.run("customer.create", name="N" * 201, company="Big Co")
    assert reply.text.startswith("The name is 201 characters long; the most I can keep is 200.")
    assert chat.written() == before


def test_a_due_date_in_the_past_asks_and_keeps_it_once_confirmed(chat):
    before = chat.written()
    asked = chat.run("task.create", text="send the invoice", due="2026-11-02")
    assert asked.text == "Mon 2 Nov has already passed. Set the date anyway? (yes/no)"
    assert chat.written() == before
    assert chat.say("yes").text.startswith("Task #")
    [task] = chat.rows(Task)
    assert str(task.due) == "2026-11-02"


def test_a_past_follow_up_asks_too(chat):
    asked = chat.run("interaction.log", customer=ACME, channel="call", follow_up="2026-11-01")
    assert "has already passed" in asked.text
    assert chat.say("no").text.startswith("OK, cancelled")
    assert chat.count(Task) == 0


def test_an_impossible_date_in_a_question_is_named_too(chat):
    reply = chat.run("digest.show", date="2026-02-30", invalid={"date": "feb 30"})
    assert reply.text == "“feb 30” is not a valid date."


def test_good_values_still_go_in(chat):
    assert chat.say("sold 3 CRM Pro to acme for $2,700").text.startswith("Recorded 3 × CRM Pro")
    [sale] = chat.rows(Purchase)
    assert sale.amount == Decimal("2700.00") and sale.quantity == 3
    assert chat.run("nps.record", customer=ACME, score=0).text.startswith("Recorded NPS 0")
    assert [a.score for a in chat.rows(NpsAnswer)] == [0]
