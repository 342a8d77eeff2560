"""How the bot behaves when it reads a message: unsure, small talk, questions left waiting, names
from its own store, and values that cannot be right."""

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from bot.handlers.help import reading_label
from bot.messages import Message
from crm_store.models import (
    Customer,
    CustomerInterest,
    Interaction,
    NpsAnswer,
    Product,
    Purchase,
    Task,
)
from intents import Parsed


def test_an_unclear_message_gets_one_line_and_likely_readings_as_buttons(chat):
    before = chat.written()
    reply = chat.say("acme things")
    assert "didn't understand “acme things”" in reply.text
    assert "\n" not in reply.text and not reply.rows  # one line, not the ten-line help
    assert 1 <= len(reply.buttons) <= 3
    picked = chat.say(reply.buttons[0].value)
    assert "didn't understand" not in picked.text
    assert chat.written() == before


def test_small_talk_gets_a_one_line_answer(chat):
    for said in ("hello", "thanks!", "ok cool"):
        reply = chat.say(said)
        assert reply.text and "\n" not in reply.text and not reply.rows and not reply.buttons


def test_a_greeting_in_front_of_a_request_answers_the_request(chat):
    chat.say("remind me to call acme today")
    reply = chat.say("gm! what's due today")
    assert reply.rows and "call acme" in reply.rows[0]["Task"]


def test_a_pending_question_survives_one_unrelated_message(chat):
    question = chat.say("called jane, left a voicemail")
    assert "Which one?" in question.text
    aside = chat.say("hello")
    assert "still open" in (aside.note or "")
    answer = chat.say("1")
    assert answer.text.startswith("Logged")
    assert chat.count(Interaction) == 1


def test_a_second_unrelated_message_drops_the_question_and_says_so(chat):
    chat.say("called jane, left a voicemail")
    chat.say("hello")
    dropped = chat.say("thanks")
    assert "dropped" in (dropped.note or "")
    chat.say("1")
    assert chat.count(Interaction) == 0


def test_a_low_confidence_write_waits_for_a_yes(chat):
    question = chat.say("acme 3")
    assert chat.count(NpsAnswer) == 0 and chat.count(Interaction) == 0
    assert chat.count(Task) == 0
    assert question.buttons  # either likely readings or a yes/no, never a silent write


def test_a_value_that_cannot_be_right_is_refused_in_one_sentence(chat):
    before = chat.written()
    reply = chat.say("remind me on 31/02 to call acme")
    assert "“31/02” is not a valid date" in reply.text
    assert chat.written() == before


def test_a_bare_customer_name_from_the_store_shows_that_customer(chat):
    reply = chat.say("acme corporation")
    assert reply.title.startswith("Jane Cooper (Acme Corporation)")


def test_a_customer_added_later_is_known_by_name_at_once(chat):
    chat.say("add customer Zed Quill at Quillworks Ltd")
    assert chat.count(Customer) == 4
    reply = chat.say("quillworks")
    assert reply.title and "Quillworks" in reply.title


def test_parse_with_a_store_reads_its_names(tmp_path):
    db = f"sqlite:///{tmp_path / 'crm.db'}"
    command = [sys.executable, "-m", "bot.cli"]
    seeded = subprocess.run([*command, "demo", "--db", db], capture_output=True, text=True)
    assert seeded.returncode == 0, seeded.stderr
    lines = "initek systems\nacme bought 2 training workshops\n"
    read = subprocess.run(
        [*command, "parse", "--tz", "UTC", "--db", db], input=lines, capture_output=True, text=True
    )
    typo, sale = (json.loads(line) for line in read.stdout.splitlines())
    assert (typo["intent"], typo["slots"]) == ("customer.show", {"customer": "initek systems"})
    assert sale["slots"]["product"] == "Training Workshop"


def test_a_person_named_with_their_company_word_shows_that_customer(chat):
    reply = chat.say("jane smith globex")
    assert reply.title.startswith("Jane Smith (Globex Ltd)")


def test_words_after_a_new_value_are_not_stored_with_it(chat):
    chat.say("jane cooper's title is CTO now")
    [jane] = [c for c in chat.rows(Customer) if c.name == "Jane Cooper"]
    assert jane.title == "CTO"


def test_a_reading_offered_back_reads_as_english():
    said = Parsed("interaction.log", {"channel": "email", "customer": "omar jensen"})
    assert reading_label(said) == "Log an email with omar jensen"
    assert reading_label(Parsed("interaction.log", {"channel": "call", "customer": "acme"})) == (
        "Log a call with acme"
    )


def test_a_goodbye_gets_a_goodbye(chat):
    assert chat.say("thx, night all").text == "Bye for now."
    assert chat.say("cheers, off home").text == "Bye for now."


def test_no_reading_offered_back_shows_a_customer_no_one_is_called(chat):
    unsure = Parsed(
        "unknown",
        {},
        0.3,
        alternatives=(
            Parsed("customer.show", {"customer": "pipeline"}, 0.3),
            Parsed("customer.show", {"customer": "jane smith"}, 0.2),
            Parsed("report.show", {"metric": "customers", "group_by": "stage"}, 0.2),
        ),
    )
    message = Message("console", "Sam", "test", "pipeline again?", chat.now, "e-unsure")
    offered = chat.bot.run_intent(message, unsure)
    assert [button.label for button in offered.buttons] == [
        "Show jane smith",
        "Report: customers",
    ]


def test_customers_who_share_a_name_are_listed_when_asked_about_duplicates(chat):
    assert chat.say("any duplicate customers?").text == "No two of your customers share a name."
    with Session(chat.engine) as session:
        session.add(
            Customer(name="Jane Smith", city="Leeds", owner_id=chat.customer("Jane Smith").owner_id)
        )
        session.commit()
    reply = chat.say("do we have duplicate customers?")
    assert reply.text.startswith("1 name is shared by more than one customer (2 customers).")
    assert {row["Customer"] for row in reply.rows} == {"Jane Smith (Globex Ltd)", "Jane Smith"}
    assert {row["Stage"] for row in reply.rows} == {"qualified", "lead"}
    assert chat.say("any duplicate leads?").rows == reply.rows  # the new one is a lead
    assert chat.say("any duplicate proposals?").text == (
        "No two of your customers share a name at stage proposal."
    )


def test_a_large_price_at_which_several_were_sold_is_asked_about(chat):
    written = chat.written()
    question = chat.say("acme signed 40 seats of crm pro at $18,000")
    assert question.text == (
        "Was $18,000 the price of each of the 40 ($720,000 in all), or of all 40 together?"
    )
    assert chat.written() == written
    assert chat.say("in all").text.startswith("Recorded 40 × crm pro for Jane Cooper")
    [sale] = chat.rows(Purchase)
    assert sale.amount == Decimal("18000.00")


def test_a_small_price_at_which_several_were_sold_is_each(chat):
    chat.say("acme bought 20 seats of crm pro at $50")
    [sale] = chat.rows(Purchase)
    assert sale.amount == Decimal("1000.00")


def test_a_sale_in_cedis_is_recorded_in_cedis(chat):
    chat.say("acme bought 25 bags of npk blend, GH₵ 14,500")
    [sale] = chat.rows(Purchase)
    assert (sale.amount, sale.currency) == (Decimal("14500.00"), "GHS")


def test_a_call_to_make_on_a_day_is_a_task_never_a_call_logged(chat):
    reply = chat.say("call jane smith friday abt the renewal")
    assert chat.rows(Interaction) == []
    if reply.text.endswith("(yes/no)"):  # asked first when the reading is less than sure
        assert "Remind me: call jane smith abt the renewal?" in reply.text
        chat.say("yes")
    [task] = chat.rows(Task)
    assert (task.text, str(task.due)) == ("call jane smith abt the renewal", "2026-11-20")
    assert chat.rows(Interaction) == []


def test_two_contacts_on_their_own_days_in_one_message_are_logged_apart(chat):
    reply = chat.say(
        "Jane Cooper at Acme: met her monday, and emailed her the updated proposal this morning"
    )
    assert "Logged a meeting" in reply.text and "Logged an email" in reply.text
    kinds = sorted((i.channel, i.occurred_at.date().isoformat()) for i in chat.rows(Interaction))
    assert kinds == [("email", "2026-11-18"), ("meeting", "2026-11-16")]


def test_two_customers_interests_in_one_sentence_go_to_each(chat):
    chat.say("jane cooper is interested in robotics analytics, hans müller in fleet tracking")
    with Session(chat.engine) as session:
        said = {
            (session.get(Customer, i.customer_id).name, i.interest)
            for i in session.exec(select(CustomerInterest))
        }
    assert said == {("Jane Cooper", "robotics analytics"), ("Hans Müller", "fleet tracking")}
    chat.say("jane cooper is no longer interested in robotics analytics")
    assert [i.interest for i in chat.rows(CustomerInterest)] == ["fleet tracking"]


def test_which_customer_is_answered_by_a_name_and_the_request_goes_on(chat):
    question = chat.say("sold them 2 Analytics Pro for 990")
    assert question.text.startswith("Which customer?") and chat.rows(Purchase) == []
    chat.say("jane smith")
    [sale] = chat.rows(Purchase)
    assert (sale.customer_id, sale.quantity) == (chat.customer("Jane Smith").id, 2)


def test_a_yes_with_a_remark_after_it_is_a_yes(chat):
    chat.say("new lead Jane Cooper, Acme Corporation, j.c@other.com")
    chat.say("yes, different email, i'll sort it out later")
    assert [c.name for c in chat.rows(Customer)].count("Jane Cooper") == 2


@pytest.mark.parametrize(
    "said",
    [
        "create a task for each owner to chase their proposals with no contact in 21 days, "
        "due wednesday",
        # one task with all of a rep's customers in it is never set on one of them
        "sam should do an intro call with all his new york customers by next wednesday, set that "
        "up",
    ],
)
def test_a_task_for_each_owner_without_a_list_is_refused_and_nothing_is_saved(chat, said):
    written = chat.written()
    reply = chat.say(said, who="Alex")
    assert reply.text.startswith("A task on each customer goes on a list")
    assert chat.written() == written


def test_a_customer_whose_name_sounds_like_a_selection_is_deleted_by_that_name(chat):
    chat.say("new customer Test Customer, test@example.com")
    reply = chat.say("delete Test Customer")
    assert reply.text.startswith("Deleted Test Customer")
    assert chat.customer("Test Customer").deleted_at is not None
    assert chat.customer("Jane Cooper").deleted_at is None


def test_a_visit_and_then_a_video_call_with_someone_else_are_both_logged(chat):
    reply = chat.say(
        "visited Jane Cooper at Acme this morning and then had a zoom w/ Hans Müller - both keen"
    )
    assert "Logged a visit" in reply.text and "Logged a meeting" in reply.text
    kinds = {(chat_row.channel, chat_row.customer_id) for chat_row in chat.rows(Interaction)}
    assert kinds == {
        ("visit", chat.customer("Jane Cooper").id),
        ("meeting", chat.customer("Hans Müller").id),
    }


def test_a_price_each_put_right_after_a_sale_changes_its_sum(chat):
    chat.say("sold 10 licences of CRM Pro to jane cooper for 9000")
    question = chat.say("sorry CRM Pro was 850 each")
    assert question.text.endswith("to $8,500 ($850 each)? (yes/no)")
    chat.say("yes")
    [sale] = chat.rows(Purchase)
    assert (sale.quantity, sale.amount) == (10, Decimal("8500.00"))


@pytest.mark.parametrize("asked", ["what products do we sell?", "price list pls"])
def test_what_we_sell_is_the_catalogue_with_list_prices(chat, asked):
    with Session(chat.engine) as session:
        session.add_all(
            [
                Product(name="Hive Starter", family="Hives", tier=1, price=Decimal("120")),
                Product(name="Hive Pro", family="Hives", tier=2, price=Decimal("340.50")),
            ]
        )
        session.commit()
    reply = chat.say(asked)
    assert [(row["Product"], row["List price"]) for row in reply.rows] == [
        ("Hive Starter", "$120"),
        ("Hive Pro", "$340.50"),
    ]
