"""The role matrix: reps read everyone but change only their own book; managers handle personal-data
requests; every export is recorded."""

import csv
import io

import pytest
from sqlmodel import Session, select

from bot import permissions
from bot.identity import enrol
from crm_store.models import AuditEntry, Customer, CustomerTag, Interaction, Staff, Task


@pytest.fixture
def dana(chat):
    """Dana, another rep, owns Globex's Jane Smith; Hans Müller belongs to nobody."""
    with Session(chat.engine) as session:
        dana = enrol(session, "Dana", role="rep", tz="UTC")
        smith = session.exec(select(Customer).where(Customer.name == "Jane Smith")).one()
        smith.owner_id = dana.id
        hans = session.exec(select(Customer).where(Customer.name == "Hans Müller")).one()
        hans.owner_id = None
        session.add_all([smith, hans])
        session.commit()
        return dana.id


def test_a_rep_cannot_change_another_reps_customer_or_take_it(chat, dana):
    before = chat.written()
    for attempt in (
        "change Jane Smith's phone to +44 20 7946 0000",
        "set Jane Smith's owner to Sam",
        "tag Jane Smith as vip",
    ):
        reply = chat.say(attempt)
        assert "Jane Smith (Globex Ltd) is Dana's" in reply.text, attempt
    assert chat.written() == before
    assert chat.customer("Jane Smith").owner_id == dana
    assert chat.rows(CustomerTag) == []


def test_a_rep_changes_their_own_and_unowned_customers(chat, dana):
    assert "is now" in chat.say("change Jane Cooper's city to Boston").text
    assert "is now Sam" in chat.say("set Hans Müller's owner to Sam").text
    assert chat.customer("Hans Müller").owner_id == chat.customer("Jane Cooper").owner_id


def test_a_manager_changes_anyones_customer(chat, dana):
    reply = chat.say("set Jane Smith's owner to Sam", who="Alex")
    assert "is now Sam" in reply.text


def test_a_rep_logs_a_call_on_a_colleagues_lead_but_leaves_its_stage_to_the_owner(chat, dana):
    with Session(chat.engine) as session:
        smith = session.exec(select(Customer).where(Customer.name == "Jane Smith")).one()
        smith.stage = "lead"
        session.add(smith)
        session.commit()
    reply = chat.say("called Jane Smith, she asked for references")
    assert reply.text.startswith("Logged a call with Jane Smith")
    assert [i.summary for i in chat.rows(Interaction)] == ["she asked for references"]
    assert chat.customer("Jane Smith").stage == "lead"


def test_a_rep_ticks_off_only_their_own_tasks(chat, dana):
    with Session(chat.engine) as session:
        task = Task(assignee_id=dana, text="send Globex the contract")
        session.add(task)
        session.commit()
        task_id = task.id
    assert f"Task #{task_id} is Dana's" in chat.say(f"done {task_id}").text
    assert chat.rows(Task)[0].status == "open"
    assert chat.say(f"done {task_id}", who="Alex").text.startswith("Done:")


def test_a_reps_csv_holds_only_their_own_book_and_every_csv_is_recorded(chat, dana):
    reply = chat.say("all customers sorted by value")
    [file] = reply.files
    names = {row["name"] for row in csv.DictReader(io.StringIO(file.content.decode()))}
    assert names == {"Jane Cooper"}
    assert reply.text.startswith("1 of your customers")
    [manager_file] = chat.say("all customers sorted by value", who="Alex").files
    rows = list(csv.DictReader(io.StringIO(manager_file.content.decode())))
    assert {row["name"] for row in rows} == {"Jane Cooper", "Jane Smith", "Hans Müller"}
    exports = [e for e in chat.rows(AuditEntry) if e.action == "segment.export"]
    staff = {s.id: s.name for s in chat.rows(Staff)}
    assert [staff[e.staff_id] for e in exports][-2:] == ["Sam", "Alex"]
    assert all(e.at == chat.now for e in exports)


def test_personal_data_requests_are_for_managers_and_are_recorded(chat):
    before = chat.written()
    refused = chat.say("export all data on Jane Cooper")
    assert refused.text.startswith("Only a manager or an admin can export")
    assert refused.files == []
    assert chat.written() == before
    assert chat.say("export all data on Jane Cooper", who="Alex").files
    [entry] = [e for e in chat.rows(AuditEntry) if e.action == "customer.export"]
    alex = next(s for s in chat.rows(Staff) if s.name == "Alex")
    assert (entry.staff_id, entry.at, entry.entity_id) == (
        alex.id,
        chat.now,
        chat.customer("Jane Cooper").id,
    )
    assert chat.say("undo", who="Alex").text == "There is nothing of yours to undo."


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("rep", set()),
        ("manager", {"access_request", "erasure"}),
        ("admin", set(permissions.Permission)),
    ],
)
def test_the_matrix_gives_staff_and_settings_to_admins_only(role, allowed):
    staff = Staff(name="X", role=role)
    assert {p for p in permissions.Permission if permissions.allows(staff, p)} == allowed


def test_a_rep_takes_on_a_colleagues_task_on_a_customer_now_their_own(chat, dana):
    with Session(chat.engine) as session:
        cooper = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        smith = session.exec(select(Customer).where(Customer.name == "Jane Smith")).one()
        mine = Task(assignee_id=dana, customer_id=cooper.id, text="send Acme the renewal quote")
        theirs = Task(assignee_id=dana, customer_id=smith.id, text="send Globex the contract")
        session.add_all([mine, theirs])
        session.commit()
        mine_id, theirs_id = mine.id, theirs.id
    assert "now Sam's" in chat.say(f"give task {mine_id} to me").text
    refused = chat.say(f"give task {theirs_id} to me").text
    assert f"Task #{theirs_id} is Dana's" in refused and "Nothing was changed" in refused
    holders = {t.id: t.assignee_id for t in chat.rows(Task)}
    assert holders[theirs_id] == dana and holders[mine_id] != dana
