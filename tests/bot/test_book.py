"""Whose book: "my", "the team's", "priya's" — honoured by every list, report and digest, and
said in the answer. A rep sees their own book; a manager anyone's and the team's."""

import pytest
from sqlmodel import Session, select

from bot.identity import enrol
from crm_store.models import Customer, Interaction, Staff, Task
from tests.crm_store.insight_builders import Store


@pytest.fixture
def team(chat):
    """Sam owns the three known customers; Priya owns Initech, bought from this month."""
    with Session(chat.engine) as session:
        priya = enrol(session, "Priya Shah", role="rep", tz="UTC")
        initech = Customer(company="Initech", city="Austin", owner_id=priya.id, stage="customer")
        session.add(initech)
        session.flush()
        store = Store(session)
        store.buy(initech, 3, 500)
        jane = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        store.buy(jane, 2, 70)
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        session.add(Task(assignee_id=priya.id, customer_id=initech.id, text="renewal call"))
        session.add(Task(assignee_id=sam.id, text="send the deck"))
        session.add(
            Interaction(
                customer_id=initech.id,
                channel="call",
                summary="asked about pricing",
                occurred_at=chat.now,
                staff_id=priya.id,
            )
        )
        store.commit()
    return chat


def test_a_manager_lists_one_rep_s_tasks_and_the_answer_says_whose(team):
    reply = team.run("task.list", who="Alex", owner="priya's")
    assert reply.text == "Priya Shah's 1 open task:"
    assert [row["Task"] for row in reply.rows] == ["renewal call"]


def test_the_team_s_tasks_show_who_has_each(team):
    reply = team.run("task.list", who="Alex", owner="the team")
    assert reply.text == "The team's 2 open tasks (Priya Shah 1, Sam 1):"
    assert {(row["Task"], row["Who"]) for row in reply.rows} == {
        ("renewal call", "Priya Shah"),
        ("send the deck", "Sam"),
    }


def test_my_tasks_are_the_sender_s_own(team):
    reply = team.run("task.list", owner="me")
    assert reply.text == "Your 1 open task:" and reply.rows[0]["Task"] == "send the deck"
    assert team.say("my tasks").text == "Your 1 open task:"


@pytest.mark.parametrize(
    "intent",
    ["task.list", "segment.list", "report.show", "next_action.suggest", "digest.show"],
)
@pytest.mark.parametrize("owner", ["priya", "team"])
def test_a_rep_may_not_see_another_book(team, intent, owner):
    reply = team.run(intent, owner=owner)
    assert reply.text.startswith("Reps see their own book;")
    assert "Initech" not in str(reply.rows) and not reply.files


def test_a_rep_naming_themselves_gets_their_own_book(team):
    assert team.run("task.list", owner="Sam").text == "Your 1 open task:"


def test_segments_cover_the_book_asked_for(team):
    priya = team.run("segment.list", who="Alex", owner="for priya")
    assert priya.text.startswith("1 of Priya Shah's customers matches: all customers")
    assert [row["Customer"] for row in priya.rows] == ["Initech"]
    everyone = team.run("segment.list", who="Alex")
    assert everyone.text == (
        "4 of the team's customers match: all customers. Together they spent $570 to date. "
        "By owner: Sam 3, Priya Shah 1."
    )
    mine = team.run("segment.list")
    assert mine.text == "3 of your customers match: all customers. Together they spent $70 to date."
    assert "Initech" not in {row["Customer"] for row in mine.rows}


def test_a_report_covers_the_book_asked_for_and_says_whose(team):
    revenue = {"metric": "revenue", "period": "this_month"}
    priya = team.run("report.show", who="Alex", owner="priya", **revenue)
    assert priya.title == "Revenue, this month — Priya Shah's customers"
    assert priya.text.startswith("Total $500 (")
    whole = team.run("report.show", who="Alex", **revenue)
    assert whole.title == "Revenue, this month — the team's customers"
    assert whole.text.startswith("Total $570 (")
    own = team.run("report.show", **revenue)
    assert own.text.startswith("Total $70 (")


def test_next_actions_cover_the_book_asked_for(team):
    reply = team.run("next_action.suggest", who="Alex", owner="priya")
    assert reply.text.startswith("The ") or reply.text.startswith("Nothing pressing")
    assert "Priya Shah's customers" in reply.text
    assert {row["Customer"] for row in reply.rows} <= {"Initech"}


def test_a_manager_reads_one_rep_s_digest(team):
    reply = team.run("digest.show", who="Alex", owner="priya")
    assert reply.title == "Priya Shah's digest for Wed 18 Nov 2026"
    assert reply.fields["Follow-ups"] == "0 due today, 0 overdue"
    team_digest = team.run("digest.show", who="Alex", owner="team")
    assert team_digest.title == "Team digest for Wed 18 Nov 2026"


def test_history_without_a_customer_covers_the_book_asked_for(team):
    reply = team.run("interaction.history", who="Alex", owner="priya")
    assert reply.text == "Last 1 contact logged by Priya Shah:"
    assert reply.rows[0]["Customer"] == "Initech"
    assert team.run("interaction.history").text == "No contacts logged by you yet."


def test_an_unknown_colleague_is_named_with_the_staff_list(team):
    reply = team.run("task.list", who="Alex", owner="dana")
    assert reply.text.startswith("No single colleague is called “dana”. Staff: Alex, Priya Shah")


def test_a_rep_lists_the_customers_just_handed_over_to_them(chat):
    with Session(chat.engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    chat.say("give Jane Smith to Dana", who="Alex")
    chat.say("yes", who="Alex")
    reply = chat.say("which customers did i just get from sam", who="Dana")
    assert [row["Customer"] for row in reply.rows] == ["Jane Smith (Globex Ltd)"]
    assert "handed over from sam in the last 7 days" in reply.text
    assert chat.say("which ones were moved to me today", who="Sam").text.startswith("None of")
