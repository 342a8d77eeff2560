from datetime import time, timedelta

import pytest
from sqlmodel import Session, select

from bot import digest
from bot.settings import Settings
from crm_store.models import Customer, Staff, Task
from tests.crm_store.insight_builders import TODAY, Store

SETTINGS = Settings(database_url="unused", tz="UTC")


@pytest.fixture
def day(chat):
    """Yesterday: Sam called Jane twice and sold her $1,000; Alex called his own client, who
    bought $100 and answered NPS 3. The Tuesday before: one call. Sam has a task due today and
    one overdue."""
    with Session(chat.engine) as session:
        store = Store(session)
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        alex = session.exec(select(Staff).where(Staff.name == "Alex")).one()
        jane = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        client = store.customer("Alex's client", owner=alex)
        store.contact(jane, 1, staff=sam, hour=9)
        store.contact(jane, 1, staff=sam, hour=15)
        store.contact(client, 1, staff=alex)
        store.contact(jane, 8, staff=sam)
        store.buy(jane, 1, "1000")
        store.buy(client, 1, "100")
        store.nps(client, 3, 1)
        for due in (TODAY, TODAY - timedelta(days=2)):
            session.add(Task(assignee_id=sam.id, customer_id=jane.id, text="call", due=due))
        store.commit()
    return chat


def build_for(chat, name: str):
    with Session(chat.engine) as session:
        staff = session.exec(select(Staff).where(Staff.name == name)).one()
        return digest.build(session, staff, today=TODAY, settings=SETTINGS)


def test_a_managers_digest_covers_the_team_against_the_same_weekday_last_week(day):
    reply = build_for(day, "Alex")
    assert reply.title == "Team digest for Wed 18 Nov 2026"
    assert reply.fields == {
        "Contacts yesterday": "3 (1 the Tuesday before)",
        "New customers": "0 (0)",
        "Purchases": "2 worth $1,100 (0 worth $0)",
        "Follow-ups": "1 due today, 1 overdue",
        "NPS yesterday": "1 answer (3); 1 detractor",
    }
    assert "Contacts by rep: Sam 2, Alex 1." in reply.text
    assert reply.rows and all(len(b.value.encode()) < 64 for b in reply.buttons)


def test_a_reps_digest_covers_their_own_book(day):
    reply = build_for(day, "Sam")
    assert reply.title == "Your digest for Wed 18 Nov 2026"
    assert reply.fields["Contacts yesterday"] == "2 (1 the Tuesday before)"
    assert reply.fields["Purchases"] == "1 worth $1,000 (0 worth $0)"
    assert reply.fields["NPS yesterday"] == "no answers"
    assert "Contacts by rep" not in reply.text
    assert "Alex's client" not in {row["Customer"] for row in reply.rows}


def test_the_digest_asked_before_the_day_is_over_covers_today_so_far(day):
    day.say("called jane cooper, she wants a quote")
    day.say("emailed jane smith the brochure")
    reply = day.say("end of day digest pls")
    assert reply.fields["Contacts today so far"] == "2 (0 the Wednesday before)"
    assert reply.note.startswith("Today is Wed 18 Nov")
    assert day.say("digest").fields["Contacts yesterday"] == "2 (1 the Tuesday before)"


def test_the_same_digest_again_for_today_so_far(day):
    day.say("called jane cooper, she wants a quote")
    assert day.say("digest").fields["Contacts yesterday"] == "2 (1 the Tuesday before)"
    again = day.say("same but for today so far")
    assert again.fields["Contacts today so far"] == "1 (0 the Wednesday before)"


def sam_of(chat) -> Staff:
    return next(s for s in chat.rows(Staff) if s.name == "Sam")


def test_asking_for_the_digest_and_subscribing_to_it_in_chat(day):
    assert day.say("digest").title == "Your digest for Wed 18 Nov 2026"
    assert day.say("digest for yesterday").title == "Your digest for Tue 17 Nov 2026"
    reply = day.say("send me the digest at 8:30")
    assert reply.text.startswith("You'll get the digest every day at 08:30 (UTC)")
    sam = sam_of(day)
    subscription = (sam.digest_time, sam.digest_platform, sam.digest_chat)
    assert subscription == (time(8, 30), "console", "test")
    assert day.say("undo").text
    assert sam_of(day).digest_time is None
    day.say("send me the digest at 7:00")
    weekdays = day.say("only weekdays pls, no digest on sat/sun")
    assert weekdays.text.startswith(
        "You'll get the digest every weekday (Monday to Friday) at 07:00"
    )
    assert sam_of(day).digest_weekdays_only
    assert day.say("send me the digest every day at 7:30").text.startswith(
        "You'll get the digest every day at 07:30"
    )
    assert not sam_of(day).digest_weekdays_only
    refused = day.say("stop the digest on fridays, I want it mon-thu only")
    assert refused.text.startswith("I can send the digest every day or on weekdays only")
    assert sam_of(day).digest_time == time(7, 30)
    assert day.say("stop the digest").text == "The daily digest is stopped."
    assert sam_of(day).digest_time is None


def test_digests_sharing_one_ticks_insights_equal_each_built_alone(day):
    """The scheduler shares one day's insights (activity, books, rankings) among its digests;
    none may leak one book's figures into another, whatever each reader's time zone."""
    with Session(day.engine) as session:
        everyone = session.exec(select(Staff).order_by(Staff.id)).all()
        everyone[0].tz = "America/New_York"
        alone = [digest.build(session, s, today=TODAY, settings=SETTINGS) for s in everyone]
        shared = digest.Insights.load(session, today=TODAY, settings=SETTINGS)
        together = [
            digest.build(session, s, today=TODAY, settings=SETTINGS, insights=shared)
            for s in reversed(everyone)
        ]
    assert list(reversed(together)) == alone
    assert len({reply.fields["Contacts yesterday"] for reply in alone}) > 1


def test_the_digest_settings_asked_are_said_not_the_digest(chat):
    assert chat.say("what are my digest settings").text.startswith("You aren't getting the digest")
    chat.say("send me the digest every weekday at 7:30")
    assert chat.say("what are my digest settings").text.startswith(
        "You get the digest every weekday (Monday to Friday) at 07:30 (UTC) on console."
    )


def test_no_digest_on_weekends_keeps_it_on_weekdays_never_stops_it(chat):
    chat.say("send me the digest at 7:30")
    chat.say("stop the digest on weekends")
    sam = sam_of(chat)
    assert (sam.digest_time, sam.digest_weekdays_only) == (time(7, 30), True)


@pytest.mark.parametrize(
    ("said", "refused"),
    [("send me the digest at 7:30, only alex", "can't be limited to some reps"),
     ("move my digest to 8am and send it by email", "can't send it by e-mail")],
)  # fmt: skip
def test_what_a_digest_cannot_be_is_said_and_nothing_is_set(chat, said, refused):
    reply = chat.say(said)
    assert refused in reply.text
    assert sam_of(chat).digest_time is None


def test_my_digest_for_a_manager_is_the_team_digest_they_receive(day):
    assert day.say("give me my morning digest", who="Alex").title == (
        "Team digest for Wed 18 Nov 2026"
    )
