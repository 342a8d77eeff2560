"""A question about a change already made is answered from the audit trail, never taken for the
change itself: "who moved Acme to lost?" must not move Acme to lost."""

import pytest


@pytest.fixture
def changed(chat):
    chat.say("move Jane Cooper to lost", who="Alex")
    chat.say("give Jane Smith to Alex", who="Alex")
    return chat


@pytest.mark.parametrize(
    "asked",
    [
        "who moved acme to lost?",
        "when was Jane Cooper marked lost",
        "who changed acme's stage",
        "jane cooper - who changed her stage to lost today?",
        "why is jane cooper showing as lost??",
    ],
)
def test_who_changed_a_stage_is_answered_and_changes_nothing(changed, asked):
    written = changed.written()
    reply = changed.say(asked)
    assert "Alex" in reply.text
    assert "stage customer → lost" in reply.text
    assert "owner" not in reply.text  # only the stage was asked about
    assert changed.written() == written
    assert changed.customer("Jane Cooper").stage == "lost"


@pytest.mark.parametrize(
    "asked",
    [
        "jane smith - who changed her stage to lost today?",
        "why is jane smith showing as lost??",
        "why is globex in lost",
        "globex: who moved her to lost?",
    ],
)
def test_asking_why_a_customer_is_in_a_stage_never_puts_them_there(changed, asked):
    written = changed.written()
    changed.say(asked)
    assert changed.written() == written
    assert changed.customer("Jane Smith").stage == "qualified"


def test_who_took_over_a_customer_names_the_colleague_who_handed_it_over(changed):
    reply = changed.say("who gave globex to alex?")
    assert "owner Sam → Alex" in reply.text
    assert changed.customer("Jane Smith").stage == "qualified"


def test_who_deleted_a_customer_is_answered_for_a_customer_in_the_bin(changed):
    changed.say("delete Hans Müller", who="Alex")
    reply = changed.say("who deleted hans müller?")
    assert "Alex" in reply.text and "deleted (to the bin)" in reply.text
    assert changed.customer("Hans Müller").deleted_at is not None


def test_an_undone_change_is_shown_as_undone(chat):
    chat.say("move Jane Cooper to lost")
    chat.say("undo")
    reply = chat.say("who moved jane cooper to lost?")
    assert "stage customer → lost (undone)" in reply.text


def test_who_added_a_customer_names_who_did(chat):
    chat.say("new lead: Chris Park at Lumen Dental, give it to Sam", who="Alex")
    reply = chat.say("who added Chris Park?")
    assert "Alex: added" in reply.text


def test_where_did_my_customers_go_lists_who_handed_them_on(chat):
    chat.say("give Jane Cooper to Alex", who="Alex")
    chat.say("delete Hans Müller", who="Alex")
    written = chat.written()
    reply = chat.say("where did my customers go??")
    assert "Alex: Jane Cooper (#" in reply.text and "to Alex" in reply.text
    assert "Hans Müller (#" in reply.text and "deleted (to the bin)" in reply.text
    assert "Jane Smith" not in reply.text  # still Sam's
    assert chat.written() == written


def test_a_sale_put_right_shows_among_the_customers_changes(chat):
    chat.say("sold 20 seats of CRM Pro to acme for $3,400")
    chat.say("sorry i meant 34000")
    chat.say("yes")
    reply = chat.say("what changed on acme today")
    assert "sale amount 3400.00 → 34000.00" in reply.text
    assert "sale logged: sale of 20 × CRM Pro" in reply.text


def test_who_moved_her_is_about_the_customer_just_talked_about(changed):
    changed.say("tell me about Jane Cooper", who="Alex")
    reply = changed.say("who moved her", who="Alex")
    assert "Jane Cooper" in reply.text and "stage customer → lost" in reply.text


def test_the_days_changes_are_listed_for_the_team_or_for_one_person(chat):
    chat.say("move Jane Cooper to lost", who="Alex")
    chat.say("called Hans Müller, he wants a quote")
    written = chat.written()
    team = chat.say("who changed what today", who="Alex").text
    assert "Alex: Jane Cooper (#" in team and "stage customer → lost" in team
    assert "Sam: contact logged" in team
    mine = chat.say("what did I change this morning", who="Alex").text
    assert "Jane Cooper" in mine and "Hans" not in mine
    assert chat.written() == written


def test_who_brought_a_customer_back_from_the_bin_is_answered(chat):
    chat.say("delete Hans Müller", who="Alex")
    chat.say("restore Hans Müller", who="Alex")
    reply = chat.say("who brought hans müller back from the bin?")
    assert "Alex: restored from the bin" in reply.text
