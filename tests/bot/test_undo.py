"""Undo takes back only what its command wrote, while it still holds, and says when it can't."""

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.identity import enrol
from crm_store.models import AuditEntry, Customer, Interaction, NpsAnswer, Staff, Task


def jane(chat) -> Customer:
    with Session(chat.engine) as session:
        return session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()


def test_undo_reverts_only_the_field_the_command_wrote(chat):
    chat.say("change Jane Cooper's phone to +1 212 555 0199")
    chat.say("change Jane Cooper's city to Boston", who="Alex")
    reply = chat.say("undo")
    assert reply.text.startswith("Undone: phone of Jane Cooper")
    assert (jane(chat).phone, jane(chat).city) == ("+12125550100", "Boston")


def test_undo_refuses_once_when_a_colleague_changed_the_same_field_since(chat):
    chat.say("change Jane Cooper's phone to +1 212 555 0199")
    chat.say("change Jane Cooper's phone to +1 212 555 0177", who="Alex")
    reply = chat.say("undo")
    assert reply.text.startswith("I can't undo “phone of Jane Cooper")
    assert "its phone is now +12125550177 (changed since by Alex)" in reply.text
    assert "Nothing was undone" in reply.text
    assert jane(chat).phone == "+12125550177"
    assert chat.say("undo").text == "There is nothing of yours to undo."


def test_undo_does_not_remove_a_customer_a_colleague_has_since_worked_with(chat):
    with Session(chat.engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    chat.say("add customer Zed Zulu at Zeta Corp, zed@zeta.io")
    chat.say("called Zed Zulu, wants a demo", who="Dana")
    reply = chat.say("undo")
    assert reply.text.startswith("I can't undo “added Zed Zulu (Zeta Corp)”: 1 contacts were")
    assert [c.name for c in chat.rows(Customer) if c.email == "zed@zeta.io"] == ["Zed Zulu"]
    assert [i.summary for i in chat.rows(Interaction)] == ["wants a demo"]
    assert chat.say("undo").text == "There is nothing of yours to undo."


def test_an_undo_the_store_now_refuses_is_said_once_and_dropped(chat):
    chat.say("change Jane Cooper's city to Boston")
    with Session(chat.engine) as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "customer.update")).one()
        entry.before = {**entry.before, "stage": ""}  # a value the schema does not allow
        stage = entry.after["stage"]
        session.add(entry)
        session.commit()
    reply = chat.say("undo")
    assert "the store no longer accepts what was there before" in reply.text
    assert (jane(chat).city, jane(chat).stage) == ("Boston", stage)
    assert chat.say("undo").text == "There is nothing of yours to undo."


def test_undo_of_a_logged_call_with_its_follow_up_still_works(chat):
    chat.say("called Jane Cooper, she wants a quote for 20 seats, follow up friday")
    reply = chat.say("undo")
    assert reply.text.startswith("Undone: call with Jane Cooper")
    assert chat.rows(Interaction) == []


def test_undo_of_a_new_customer_a_colleague_since_moved_on_says_what_changed(chat):
    chat.say("add customer Zed Zulu at Zeta Corp, zed@zeta.io")
    assert "qualified" in chat.say("set Zed Zulu's stage to qualified", who="Alex").text
    reply = chat.say("undo")
    assert "its stage is now qualified (changed since by Alex)" in reply.text
    assert [c.name for c in chat.rows(Customer) if c.email == "zed@zeta.io"] == ["Zed Zulu"]


def test_an_undo_confirmed_later_undoes_only_the_change_it_named(chat):
    chat.say("change Jane Cooper's city to Boston")
    chat.say("change Jane Cooper's phone to +1 212 555 0199")
    reply = chat.run("undo", __undo_of="the command asked about before")
    assert reply.text.startswith("Your last change is now “phone of Jane Cooper")
    assert "Nothing was undone" in reply.text
    assert (jane(chat).city, jane(chat).phone) == ("Boston", "+12125550199")


def test_an_undo_naming_an_older_change_undoes_nothing_and_says_which_is_last(chat):
    chat.say("tag Jane Cooper vip")
    chat.say("change Jane Cooper's city to Boston")
    reply = chat.say("undo the vip tagging from earlier")
    assert reply.text.startswith("Your last change is “city of Jane Cooper")
    assert "Nothing was undone" in reply.text
    assert jane(chat).city == "Boston"
    assert chat.say("undo the city change").text.startswith("Undone: city of Jane Cooper")


def test_an_undo_with_a_reason_after_it_undoes_the_last_change(chat):
    chat.say("change Jane Cooper's city to Boston")
    reply = chat.say("hmm no, undo that - i'll talk to sam first")
    assert reply.text.startswith("Undone: city of Jane Cooper")
    assert jane(chat).city != "Boston"


@pytest.mark.parametrize(
    "said", ["oops that sale was 2 seats not 12, undo", "undo the call I logged"]
)
def test_an_undo_that_names_another_kind_of_change_undoes_nothing(chat, said):
    chat.say("sold 12 CRM Pro to Jane Cooper for $2,400")
    chat.say("Jane Cooper gave us a 9")
    reply = chat.say(said)
    assert reply.text.startswith("Your last change is “NPS 9 from Jane Cooper (Acme Corporation)”")
    assert "Nothing was undone" in reply.text
    assert [a.score for a in chat.rows(NpsAnswer)] == [9]


def test_a_last_change_made_a_while_ago_is_undone_only_once_confirmed(chat):
    chat.say("change Jane Cooper's city to Boston")
    chat.now += timedelta(minutes=12)
    asked = chat.say("undo")
    assert asked.text.startswith(
        "Your last change, “city of Jane Cooper (Acme Corporation)”, was made 12 minutes ago"
    )
    assert jane(chat).city == "Boston"
    assert chat.say("yes").text == "Undone: city of Jane Cooper (Acme Corporation)."
    assert jane(chat).city != "Boston"


def test_undo_naming_a_sale_by_its_product_undoes_nothing_when_the_last_sale_is_another(chat):
    chat.say("sold 2 seats of CRM Pro to acme for $800")
    chat.say("sold 1 Onboarding Package to acme for $1,200")
    written = chat.written()
    reply = chat.say("undo the analytics pro sale")
    assert reply.text.startswith("Your last change is “sale of 1 × Onboarding Package to Jane")
    assert chat.written() == written
    assert chat.say("undo the onboarding package sale").text.startswith("Undone: sale of 1 ×")


def test_a_contact_logged_for_an_earlier_day_in_a_reps_own_zone_is_undone(chat):
    with Session(chat.engine) as session:
        enrol(session, "Rosa", role="rep", tz="America/Chicago")
        session.commit()
    logged = chat.say("called Jane Cooper yesterday, she wants a quote", who="Rosa")
    assert logged.text.startswith("Logged a call with Jane Cooper (Acme Corporation) (yesterday)")
    assert chat.say("undo", who="Rosa").text == "Undone: call with Jane Cooper (Acme Corporation)."
    assert chat.count(Interaction) == 0


def test_undo_said_to_a_question_cancels_it_and_names_the_change_before_it(chat):
    chat.say("remind me to send the renewal quote to acme friday", who="Alex")
    [task] = chat.rows(Task)
    chat.say(f'rename task {task.id} to "call about the holiday offer"', who="Alex")
    assert chat.say("move sam's customers to alex", who="Alex").text.startswith("Move 3 customers")
    reply = chat.say("no!! undo that, the task was fine", who="Alex")
    assert reply.text.startswith("OK, cancelled. Nothing was changed. Your last change, “task #")
    assert chat.rows(Task)[0].text == "call about the holiday offer"
    with Session(chat.engine) as session:
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
    assert {chat.customer(n).owner_id for n in ("Jane Smith", "Jane Cooper")} == {sam.id}


def test_who_deleted_her_then_bring_her_back_answers_and_restores(chat):
    chat.say("delete jane smith")
    reply = chat.say(
        "hey who deleted jane smith at globex?? i was about to call her, she's a real lead. "
        "bring her back pls"
    )
    assert "Sam: deleted (to the bin)" in reply.text
    assert "Restored Jane Smith (Globex Ltd)" in reply.text
    assert chat.customer("Jane Smith").deleted_at is None


@pytest.mark.parametrize(
    "between",
    ["tell me about Hans Müller", "give hans müller to the marketing team pls"],
)
def test_undo_after_a_message_that_changed_nothing_asks_before_undoing_the_change_before(
    chat, between
):
    chat.say("change Jane Cooper's city to Boston")
    chat.now += timedelta(minutes=1)
    chat.say(between)
    written = chat.written()
    asked = chat.say("undo that last one")
    assert asked.text.startswith(
        "Your last message changed nothing; your last change, “city of Jane Cooper"
    )
    assert chat.written() == written
    assert chat.say("yes").text == "Undone: city of Jane Cooper (Acme Corporation)."
    assert jane(chat).city != "Boston"


def test_undo_right_after_a_change_undoes_it_without_asking(chat):
    chat.say("tell me about Hans Müller")
    chat.say("change Jane Cooper's city to Boston")
    assert chat.say("undo").text == "Undone: city of Jane Cooper (Acme Corporation)."
