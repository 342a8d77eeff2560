"""Bad input gets a clear sentence, and a failed command writes nothing."""

import pytest
from sqlmodel import Session

from bot.dispatch import APOLOGY
from bot.identity import enrol
from crm_store.models import Customer, Interaction


def test_an_unknown_customer_is_named_in_the_answer(chat):
    before = chat.written()
    reply = chat.say("called zyxwv industries, no answer")
    assert "No customer matches “zyxwv industries”" in reply.text
    assert chat.written() == before


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("add customer Bob Builder, bob@@builder", "not a valid e-mail address"),
        ("change acme's email to not-an-email", "not a valid e-mail address"),
        ("change acme's phone to 12", "not a valid phone number"),
        ("acme gave us a 12", "0 to 10"),
        ("customers with no purchase in -30 days", "“-30” is not a valid number of days"),
        ("sold -3 seats of CRM Pro to acme for $450", "“-3” is not a valid quantity"),
    ],
)
def test_malformed_details_are_refused_and_nothing_is_written(chat, text, complaint):
    before = chat.written()
    reply = chat.say(text)
    assert complaint in reply.text
    assert chat.written() == before


def test_an_empty_message_gets_a_hint(chat):
    assert "help" in chat.say("   ").text


def test_a_huge_message_is_refused_politely(chat):
    before = chat.written()
    reply = chat.say("called acme " + "blah " * 2000)
    assert "10,01" in reply.text and "Nothing was saved" in reply.text
    assert chat.written() == before


def test_sql_and_markup_are_just_text(chat):
    added = chat.say("add customer Bobby <b>Tables</b> OR 1=1")
    assert "Added" in added.text
    assert "<b>Tables</b>" in " ".join(c.name or "" for c in chat.rows(Customer))
    chat.say("called acme, '); DELETE FROM interactions; -- <script>x</script>")
    [call] = chat.rows(Interaction)
    assert "DELETE FROM interactions" in call.summary and "<script>" in call.summary
    assert chat.count(Customer) == 4


def test_off_topic_text_is_never_a_write(chat):
    before = chat.written()
    for text in ("what's the weather", "lol", "book me a flight to Paris"):
        reply = chat.say(text)
        assert "didn't understand" in reply.text
    assert chat.written() == before


def test_a_retried_event_is_applied_once(chat):
    first = chat.say("called acme, discussed renewal", event_id="Ev1")
    again = chat.say("called acme, discussed renewal", event_id="Ev1")
    assert first.text.startswith("Logged") and again is None
    assert chat.count(Interaction) == 1


def test_a_stranger_gets_no_data(chat):
    before = chat.written()
    reply = chat.say("tell me about acme", who="mallory")
    assert "not enabled" in reply.text
    assert "Acme" not in reply.text and not reply.fields and not reply.rows
    assert chat.written() == before


def test_a_store_failure_is_an_apology_not_a_traceback(chat, engine, caplog):
    from sqlalchemy import text

    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE tasks RENAME TO tasks_elsewhere"))
    try:
        reply = chat.say("called acme, renewal at 41 percent off, follow up friday")
    finally:
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE tasks_elsewhere RENAME TO tasks"))
    assert reply.text == APOLOGY
    assert chat.count(Interaction) == 0
    assert "Traceback" in caplog.text
    assert "41 percent" not in caplog.text and "Jane Cooper" not in caplog.text


def test_a_value_the_database_refuses_leaves_no_personal_data_in_the_log(chat, caplog):
    """PostgreSQL refuses a title over 120 characters; the log says what failed, where, and
    nothing of what was typed or stored (SQLite accepts it, and nothing is logged)."""
    title = "Head of Procurement for jane@acme.com " + "and more " * 12
    reply = chat.say(f"change Jane Cooper's title to {title}")
    if reply.text == APOLOGY:
        assert "sqlstate 22001" in caplog.text and "bot/handlers/customers.py" in caplog.text
    for trace in ("jane@acme.com", "Procurement", "+12125550100", "Jane Cooper"):
        assert trace not in caplog.text


def test_a_command_typed_as_fields_is_done_and_a_field_that_is_none_is_refused(chat):
    jane = chat.customer("Jane Smith").id
    before = chat.written()
    refused = chat.say(f"log customer=#{jane} channel=call mood=great")
    assert refused.text == "“mood=great” is not a valid field. Nothing was saved."
    assert chat.written() == before
    done = chat.say(f'log customer=#{jane} channel=call summary="discussed renewal terms"')
    assert done.text.startswith("Logged a call with Jane Smith (Globex Ltd)")
    [call] = chat.rows(Interaction)
    assert (call.customer_id, call.summary) == (jane, "discussed renewal terms")


def test_a_local_number_is_read_where_the_sender_works_when_the_stores_way_cannot_read_it(chat):
    with Session(chat.engine) as session:
        enrol(session, "Olivia", role="rep", tz="Europe/London")
        session.commit()
    chat.say("add customer Anna Kowalski, Brightsmile Dental, 0161 496 0321", who="Olivia")
    assert chat.customer("Anna Kowalski").phone == "+441614960321"
    chat.say("add customer Bo Berg, 212 555 0199", who="Olivia")  # the store's way first: US
    assert chat.customer("Bo Berg").phone == "+12125550199"
    written = chat.written()
    refused = chat.run("customer.create", name="Cy Cole", phone="0161 49", who="Olivia")
    assert "not a valid phone number" in refused.text
    assert chat.written() == written
