"""Short follow-ups refine the question just asked ("by rep?", "vs last year?", "just sam's",
"just the berlin ones"); a bare number presses a button; a manager sets tasks for a rep."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from crm_store.models import (
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    Purchase,
    Staff,
    Task,
)


def _sales(chat) -> None:
    with Session(chat.engine) as session:
        for name, day, amount in (
            ("Jane Cooper", date(2026, 3, 2), 1000),
            ("Jane Smith", date(2025, 6, 1), 400),
        ):
            who = session.exec(select(Customer).where(Customer.name == name)).one()
            session.add(
                Purchase(
                    customer_id=who.id,
                    product="CRM Pro",
                    amount=amount,
                    currency="USD",
                    purchased_on=day,
                )
            )
        session.commit()


def test_a_report_is_refined_by_rep_compared_and_widened_to_all_time(chat):
    _sales(chat)
    assert chat.say("revenue this year", who="Alex").text.startswith("Total $1,000")
    by_rep = chat.say("by rep?", who="Alex")
    assert by_rep.title.startswith("Revenue by owner, this year")
    assert by_rep.rows == [{"Owner": "Sam", "Revenue": "$1,000"}]
    compared = chat.say("vs last year?", who="Alex")
    assert compared.title.startswith("Revenue by owner, this year")
    assert "Before: $400" in compared.text
    widened = chat.say("no, all time", who="Alex")
    assert widened.text.startswith("Total $1,400 (to date).")
    assert "Before" not in widened.text


def test_how_a_report_splits_by_rep_is_that_report_by_owner(chat):
    _sales(chat)
    chat.say("revenue this year", who="Alex")
    split = chat.say("how does that split by rep?", who="Alex")
    assert split.rows == [{"Owner": "Sam", "Revenue": "$1,000"}]


def test_a_new_question_after_a_report_is_not_taken_for_a_refinement(chat):
    _sales(chat)
    chat.say("revenue by rep this year", who="Alex")
    assert chat.say("nps this quarter", who="Alex").title.startswith("NPS, this quarter")


def test_the_teams_tasks_narrowed_to_one_rep(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    with Session(chat.engine) as session:
        alex = session.exec(select(Staff).where(Staff.name == "Alex")).one()
        session.add(Task(assignee_id=alex.id, text="board pack"))
        session.commit()
    assert len(chat.say("the team's tasks", who="Alex").rows) == 2
    narrowed = chat.say("just sam's", who="Alex")
    assert narrowed.text.startswith("Sam's 1 open task")
    assert [r["Task"] for r in narrowed.rows] == ["call Jane Cooper"]


def test_a_list_narrowed_to_a_city_and_shown_again_when_nothing_changes(chat):
    assert len(chat.say("sam's customers", who="Alex").rows) == 3
    berlin = chat.say("just the berlin ones", who="Alex")
    assert [r["Customer"] for r in berlin.rows] == ["Hans Müller (Müller & Söhne GmbH)"]
    again = chat.say("only berlin", who="Alex")
    assert [r["Customer"] for r in again.rows] == ["Hans Müller (Müller & Söhne GmbH)"]


@pytest.mark.parametrize(
    "asked", ["how many of those are in berlin", "which of them are in berlin"]
)
def test_a_question_of_the_list_just_shown_narrows_that_list(chat, asked):
    assert len(chat.say("sam's customers", who="Alex").rows) == 3
    berlin = chat.say(asked, who="Alex")
    assert berlin.text.startswith("1 of Sam's customers match")
    assert [r["Customer"] for r in berlin.rows] == ["Hans Müller (Müller & Söhne GmbH)"]


def test_his_book_right_after_a_reps_figures_is_that_reps(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    chat.say("sam's revenue this month", who="Alex")
    assert chat.say("his open tasks", who="Alex").text.startswith("Sam's 1 open task")
    berlin = chat.say("his customers in berlin", who="Alex")
    assert [r["Customer"] for r in berlin.rows] == ["Hans Müller (Müller & Söhne GmbH)"]
    chat.say("sam's revenue this month", who="Alex")
    sales = chat.say("and his sales?", who="Alex")
    assert sales.title.startswith("Revenue, this month — Sam's customers")


def test_a_bare_number_presses_the_button_it_numbers(chat):
    preview = chat.say("tag everyone in Berlin vip", who="Alex")
    assert [b.label for b in preview.buttons] == ["Confirm", "Cancel"]
    written = chat.written()
    assert chat.say("2", who="Alex").text.startswith("OK, cancelled")
    assert chat.written() == written
    chat.say("tag everyone in Berlin vip", who="Alex")
    assert chat.say("1", who="Alex").text.startswith("Tagged 1 customer vip")


def test_a_bare_number_with_no_question_asks_before_completing_a_task(chat):
    task = chat.say("remind me to call Jane Cooper tomorrow").text.split(":")[0]
    number = task.removeprefix("Task #")
    written = chat.written()
    asked = chat.say(number)
    assert asked.text == f"I'm not sure I understood. Complete task {number}? (yes/no)"
    assert chat.written() == written


def test_a_manager_sets_a_task_for_a_rep_and_a_rep_only_for_themselves(chat):
    reply = chat.say(
        "new task for sam: call Jane Cooper about the renewal, due tomorrow", who="Alex"
    )
    assert reply.text.startswith("Task #")
    assert " for Sam: call Jane Cooper about the renewal, due " in reply.text
    [task] = chat.rows(Task)
    assert task.customer_id == chat.customer("Jane Cooper").id
    with Session(chat.engine) as session:
        assert session.get(Staff, task.assignee_id).name == "Sam"
    written = chat.written()
    refused = chat.say("remind alex to call Jane Smith tomorrow")
    assert refused.text.startswith("You can set tasks only for yourself")
    assert chat.written() == written


def test_a_question_about_a_reminder_sets_none(chat):
    written = chat.written()
    chat.say("did that set a reminder for jan?")
    assert chat.written() == written


def test_who_is_on_the_team_and_the_value_of_a_book(chat):
    _sales(chat)
    with Session(chat.engine) as session:
        for known in session.exec(select(Customer)):
            known.created_at = datetime(2025, 1, 6, tzinfo=UTC)  # signed up before the test's today
        session.commit()
    team = chat.say("who's on the team?", who="Alex")
    assert [(row["Name"], row["Customers"]) for row in team.rows] == [("Sam", "3"), ("Alex", "0")]
    book = chat.say("value of sam's book", who="Alex")
    assert book.title.startswith("Revenue, to date — Sam's customers")
    assert book.text.startswith("Total $1,400 (to date).")


def test_a_report_of_calls_counts_the_calls_a_rep_made(chat):
    chat.say("called Jane Cooper about the renewal")
    chat.say("emailed Jane Smith the deck")
    calls = chat.say("how many calls did sam make this week", who="Alex")
    assert calls.title.startswith("Calls, this week — made by Sam")
    assert calls.text.startswith("Total 1 ")


def test_tasks_due_tomorrow(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    chat.say("remind me to email Jane Smith next week")
    reply = chat.say("my tasks for tomorrow")
    assert [r["Task"] for r in reply.rows] == ["call Jane Cooper"]


def test_several_customers_named_in_one_change_are_previewed_together(chat):
    written = chat.written()
    preview = chat.say("move jane smith, hans müller and jane cooper to proposal", who="Alex")
    assert preview.text.startswith("Move 3 customers to the stage proposal?")
    assert chat.written() == written
    chat.say("yes", who="Alex")
    stages = {c.name: c.stage for c in chat.rows(Customer)}
    assert stages == {
        "Jane Cooper": "proposal",
        "Jane Smith": "proposal",
        "Hans Müller": "proposal",
    }
    chat.say("undo", who="Alex")
    assert chat.customer("Hans Müller").stage != "proposal"


def test_a_name_among_several_that_says_no_one_changes_nothing(chat):
    written = chat.written()
    reply = chat.say("move jane smith and nobody real to lost", who="Alex")
    assert "“nobody real” (no one)" in reply.text and "Nothing was changed" in reply.text
    assert chat.written() == written


def test_the_last_change_again_on_more_customers(chat):
    chat.say("tag jane smith vip", who="Alex")
    chat.say("yes", who="Alex")
    asked = chat.say("same for hans müller and jane cooper", who="Alex")
    assert asked.text.startswith("Tag 2 customers vip?")
    chat.say("yes", who="Alex")
    assert len([t for t in chat.rows(CustomerTag) if t.tag == "vip"]) == 3


def test_two_requests_in_one_message_are_both_done(chat):
    task = (
        chat.say("remind me to call Jane Cooper tomorrow").text.split(":")[0].removeprefix("Task #")
    )
    reply = chat.say(f"done {task}. and remind me to send Jane Smith the contract tomorrow")
    assert reply.text.startswith(f"Done: #{task} call Jane Cooper.")
    assert "Task #" in reply.text and "send Jane Smith the contract" in reply.text
    assert [t.text for t in chat.rows(Task) if t.status == "open"] == [
        "send Jane Smith the contract"
    ]


def test_the_second_request_points_back_to_the_customer_of_the_first(chat):
    reply = chat.say("called Jane Smith about the renewal and move her to proposal")
    assert reply.text.startswith("Logged a call with Jane Smith")
    assert "stage is now proposal" in reply.text
    assert len(chat.rows(Interaction)) == 1
    assert chat.customer("Jane Smith").stage == "proposal"


def test_a_second_request_that_cannot_be_done_leaves_the_first_done_and_says_so(chat):
    reply = chat.say("called Jane Smith about the renewal. done 999")
    assert reply.text.startswith("Logged a call with Jane Smith")
    assert "I did only the first part. “done 999” was not done" in (reply.note or "")
    assert len(chat.rows(Interaction)) == 1
    assert all(c.deleted_at is None for c in chat.rows(Customer))


def test_one_contact_told_in_sentences_is_one_request(chat):
    reply = chat.say("called Jane Smith. she wants a quote for 20 seats. follow up friday")
    assert reply.text.startswith("Logged a call with Jane Smith")
    assert "stage" not in reply.text
    assert len(chat.rows(Interaction)) == 1


def test_a_list_just_shown_less_one_customer(chat):
    chat.say("sam's customers", who="Alex")
    preview = chat.say("give those to alex except jane smith", who="Alex")
    assert preview.text.startswith("Move 2 customers to Alex?")
    assert "Jane Smith (Globex Ltd)" not in {r["Customer"] for r in preview.rows}


def test_another_period_instead_keeps_what_was_counted(chat):
    chat.say("called Jane Cooper about the renewal")
    chat.say("emails by rep this week", who="Alex")
    reply = chat.say("last month instead", who="Alex")
    assert reply.title.startswith("E-mails by owner, last month")


def test_a_manager_sets_a_task_for_a_rep_in_other_words(chat):
    chat.say("give sam a task to call Jane Cooper by friday", who="Alex")
    chat.say("yes", who="Alex")
    [task] = chat.rows(Task)
    with Session(chat.engine) as session:
        assert session.get(Staff, task.assignee_id).name == "Sam"
    assert task.customer_id == chat.customer("Jane Cooper").id


def test_a_hyphenated_tag_is_a_tag_not_a_stage(chat):
    chat.say("tag jane smith stale-proposal", who="Alex")
    chat.say("yes", who="Alex")
    assert [t.tag for t in chat.rows(CustomerTag)] == ["stale-proposal"]
    assert chat.customer("Jane Smith").stage == "qualified"


def test_a_new_customer_typed_in_lower_case_is_stored_as_a_name(chat):
    chat.say("new lead: ben carter at carter media")
    assert chat.customer("Ben Carter").company == "Carter Media"


def test_where_a_new_lead_was_met_is_not_what_they_want(chat):
    chat.say("new lead: Priya Shah at Bluewave Tech, met her at the fintech meetup")
    [priya] = [c for c in chat.rows(Customer) if c.name == "Priya Shah"]
    assert priya.company == "Bluewave Tech"
    assert chat.rows(CustomerInterest) == []


def test_a_voicemail_is_logged_as_one(chat):
    chat.say("left vm for Jane Cooper re the renewal, try again thurs")
    [call] = chat.rows(Interaction)
    assert call.summary.startswith("left a voicemail")


@pytest.mark.parametrize(
    "said",
    [
        "remind me to prep the demo for her next tuesday",
        "remind me to send jane the contract on friday",
    ],
)
def test_a_reminder_about_the_customer_just_shown_is_linked_to_her(chat, said):
    chat.say("tell me about Jane Smith")
    chat.say(said)
    [task] = chat.rows(Task)
    assert task.customer_id == chat.customer("Jane Smith").id


def test_never_contacted_is_none_ever_not_a_quiet_month(chat):
    chat.say("called Jane Smith about the renewal")
    reply = chat.say("customers never contacted", who="Alex")
    assert reply.text.startswith("2 of the team's customers match: never contacted")
    assert "Jane Smith (Globex Ltd)" not in {r["Customer"] for r in reply.rows}


def test_a_task_for_a_rep_named_in_full_is_theirs_and_about_the_customer(chat):
    with Session(chat.engine) as session:
        session.exec(select(Staff).where(Staff.name == "Sam")).one().name = "Sam Patel"
        session.commit()
    chat.say(
        "new task for Sam Patel: call Jane Cooper (Acme) about the proposal, due friday", who="Alex"
    )
    chat.say("yes", who="Alex")
    [task] = chat.rows(Task)
    with Session(chat.engine) as session:
        assert session.get(Staff, task.assignee_id).name == "Sam Patel"
    assert task.customer_id == chat.customer("Jane Cooper").id


def test_a_reminder_for_mid_january(chat):
    chat.say("remind me to call Jane Cooper again mid january")
    [task] = chat.rows(Task)
    assert task.due == date(2027, 1, 15)
    assert task.text == "call Jane Cooper again"


def test_the_hour_of_a_reminder_is_kept_with_it(chat):
    chat.say("remind me friday at 2pm to call Jane Cooper")
    [task] = chat.rows(Task)
    assert (task.text, task.due) == ("call Jane Cooper at 2pm", date(2026, 11, 20))


def test_a_reminder_just_set_moved_with_oops_make_that(chat):
    chat.say("remind me to call Jane Cooper next thursday")
    chat.say("oops make that friday")  # the friday of that week, the day after
    [task] = chat.rows(Task)
    assert task.due == date(2026, 11, 27)


def test_ok_and_a_new_question_is_no_yes_to_the_change_waiting(chat):
    chat.say("move Jane Cooper and Jane Smith to proposal", who="Alex")
    chat.say("ok what about Berlin", who="Alex")
    assert {chat.customer(n).stage for n in ("Jane Cooper", "Jane Smith")} == {
        "customer",
        "qualified",
    }


def test_a_customer_looked_for_after_a_delete_is_said_to_be_in_the_bin(chat):
    chat.say("delete Hans Müller", who="Alex")
    reply = chat.say("tell me about hans müller", who="Alex")
    hans = chat.customer("Hans Müller")
    assert f"In the delete bin: {hans.display_name} (#{hans.id})" in f"{reply.text} {reply.note}"


def test_a_task_moved_or_reassigned_is_never_completed(chat):
    task = chat.say("remind me to call Jane Cooper tomorrow").text.split(":")[0]
    number = task.removeprefix("Task #")
    chat.say(f"move task {number} to monday")
    refused = chat.say(f"reassign task {number} to alex")  # a rep hands a task to no one
    assert "Complete" not in " ".join(b.label for b in refused.buttons)
    [task] = chat.rows(Task)
    assert (task.status, task.due) == ("open", date(2026, 11, 23))


def test_a_reps_biggest_customers_are_a_list_by_value(chat):
    _sales(chat)
    reply = chat.say("who are sams biggest customers", who="Alex")
    assert [r["Customer"] for r in reply.rows][:2] == [
        "Jane Cooper (Acme Corporation)",
        "Jane Smith (Globex Ltd)",
    ]


def test_how_does_that_compare_keeps_the_period_asked_and_adds_the_one_before(chat):
    _sales(chat)
    chat.say("revenue this year", who="Alex")
    compared = chat.say("how does that compare to last year", who="Alex")
    assert compared.title.startswith("Revenue, this year")
    assert compared.text.startswith("Total $1,000")
    assert "Before: $400" in compared.text


def test_top_customers_in_a_period_are_ranked_by_what_they_bought_then(chat):
    _sales(chat)
    this_year = chat.say("top 5 customers by revenue this year", who="Alex")
    assert [(r["Customer"], r["Why"]) for r in this_year.rows] == [
        ("Jane Cooper (Acme Corporation)", "$1,000 this year")
    ]
    last_year = chat.say("top 5 customers by revenue last year", who="Alex")
    assert [r["Customer"] for r in last_year.rows] == ["Jane Smith (Globex Ltd)"]


def test_three_requests_in_one_message_are_each_done_in_turn_and_undone_as_one(chat):
    reply = chat.say(
        "called Jane Smith about the renewal. move her to proposal. remind me to send her the "
        "contract tomorrow"
    )
    assert reply.text.startswith("Logged a call with Jane Smith")
    assert "stage is now proposal" in reply.text and "Task #" in reply.text
    smith = chat.customer("Jane Smith").id
    assert [(t.text, t.customer_id) for t in chat.rows(Task)] == [("send her the contract", smith)]
    assert chat.customer("Jane Smith").stage == "proposal"
    chat.say("undo")
    assert chat.rows(Task) == [] and chat.rows(Interaction) == []
    assert chat.customer("Jane Smith").stage == "qualified"


def test_several_requests_not_each_read_for_sure_write_nothing_and_say_so(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    written = chat.written()
    reply = chat.say(
        "called Jane Smith, pitched analytics. close task 1 and the dup one for 18 dec, "
        "and remind me to send pricing next tue"
    )
    assert reply.text.startswith("That message holds 3 requests")
    assert chat.written() == written


def test_her_tasks_and_what_he_spent_are_about_the_customer_just_talked_about(chat):
    chat.say("remind me to call jane smith tomorrow")
    chat.say("remind me to call acme friday")
    chat.say("tell me about jane smith")
    tasks = chat.say("her tasks?")
    assert [row["Customer"] for row in tasks.rows] == ["Jane Smith (Globex Ltd)"]
    chat.say("tell me about hans müller")
    assert chat.say("whats the total he spent with us now").title.startswith("Hans Müller")


def test_a_customer_then_a_colon_then_news_is_a_note_on_them(chat):
    reply = chat.say("jane cooper: support fixed the sso thing, she's happy now")
    assert reply.text.startswith("Logged a note with Jane Cooper (Acme Corporation)")
    [note] = chat.rows(Interaction)
    assert note.summary == "support fixed the sso thing, she's happy now"


def test_a_report_over_the_last_days_or_since_a_day_says_its_span(chat):
    _sales(chat)
    reply = chat.say("revenue last 30 days", who="Alex")
    assert reply.title.startswith("Revenue, last 30 days")
    since = chat.say("how many calls since 3 nov", who="Alex")
    assert since.title.startswith("Calls, since 3 Nov 2026")
