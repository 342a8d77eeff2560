"""Tasks beyond one reminder: one on each customer of a list ("a task for sam to call each of
them friday"), what was just suggested made a task, a task moved, handed over or deleted, and a
task's own button label typed back."""

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from bot.identity import enrol
from bot.messages import plain_text
from crm_store.models import Customer, CustomerTag, Interaction, NpsAnswer, Purchase, Staff, Task


def _assignees(chat) -> dict[int, str]:
    with Session(chat.engine) as session:
        names = dict(session.exec(select(Staff.id, Staff.name)).all())
    return {task.customer_id: names[task.assignee_id] for task in chat.rows(Task)}


def test_a_task_for_a_rep_on_each_customer_listed_is_previewed_then_set_and_undone(chat):
    chat.say("list sam's customers", who="Alex")
    written = chat.written()
    preview = chat.say("create a task for sam to call each of them friday", who="Alex")
    assert preview.text.startswith("Set the task “call”, due ")
    assert ", for Sam, on 3 customers?" in preview.text
    assert {row["Change"] for row in preview.rows} == {"+ task for Sam"}
    assert chat.written() == written  # a preview writes nothing
    done = chat.say("yes", who="Alex")
    assert done.text.startswith("Set the task “call”, due ")
    every = {chat.customer(name).id for name in ("Jane Cooper", "Jane Smith", "Hans Müller")}
    assert _assignees(chat) == dict.fromkeys(every, "Sam")
    assert {task.text for task in chat.rows(Task)} == {"call"}
    assert chat.say("undo", who="Alex").text.startswith("Undone")
    assert chat.rows(Task) == []


@pytest.mark.parametrize(
    ("asked", "task"),
    [
        ("create a recovery call task for each of them, for their owner, due friday",
         "recovery call"),
        ("ok each owner gets a task for those: re-engage before xmas", "re-engage before xmas"),
    ],
)  # fmt: skip
def test_a_task_on_each_for_their_owner_goes_to_each_customers_owner(chat, asked, task):
    chat.run("customer.update", customer="Globex", field="owner", value="Alex", who="Alex")
    chat.say("list the team's customers", who="Alex")
    preview = chat.say(asked, who="Alex")
    assert preview.text.startswith(f"Set the task “{task}”")
    assert "for each one's owner" in preview.text
    chat.say("yes", who="Alex")
    assigned = _assignees(chat)
    assert assigned[chat.customer("Jane Smith").id] == "Alex"
    assert assigned[chat.customer("Jane Cooper").id] == "Sam"


def test_a_rep_reminding_themselves_to_chase_a_list_is_asked_first_and_can_cancel(chat):
    chat.say("my customers in berlin")
    written = chat.written()
    preview = chat.say("remind me wed to chase them")
    assert preview.text.startswith("Set the task “chase”, due ")
    assert preview.rows[0]["Customer"].startswith("Hans Müller")
    chat.say("no")
    assert chat.written() == written


def test_a_change_after_a_bulk_move_is_about_the_customers_moved(chat):
    chat.say("move sam's customers in london to alex", who="Alex")
    chat.say("yes", who="Alex")
    preview = chat.say("tag them vip", who="Alex")
    assert [row["Customer"] for row in preview.rows] == ["Jane Smith (Globex Ltd)"]
    chat.say("yes", who="Alex")
    assert [row.tag for row in chat.rows(CustomerTag)] == ["vip"]


def test_what_was_just_suggested_becomes_a_task_for_the_rep_named(chat):
    with Session(chat.engine) as session:  # a buyer gone quiet: there is something to do
        for months_ago in (14, 11, 8):
            session.add(
                Purchase(
                    customer_id=chat.customer("Jane Smith").id,
                    product="CRM Pro",
                    amount=900,
                    currency="USD",
                    purchased_on=(chat.now - timedelta(days=30 * months_ago)).date(),
                )
            )
        session.commit()
    advice = chat.say("what should I do with Jane Smith?", who="Alex")
    first = advice.rows[0]["Do"]
    reply = chat.say("make that a task for sam due friday", who="Alex")
    assert reply.text.startswith("Task #")
    assert f" for Sam: {first}: " in reply.text
    [task] = chat.rows(Task)
    assert task.customer_id == chat.customer("Jane Smith").id
    assert _assignees(chat) == {task.customer_id: "Sam"}


def test_make_that_a_task_with_no_next_steps_just_shown_is_asked_not_guessed(chat):
    chat.say("tell me about Jane Smith")
    chat.say("emailed jane cooper the deck")
    written = chat.written()
    reply = chat.say("can you make that a task for tomorrow")
    assert "Up-sell" not in reply.text and "Task #" not in reply.text
    assert chat.written() == written


def test_a_tasks_button_label_typed_back_completes_that_task(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    [task] = chat.rows(Task)
    for typed in (f"Done #{task.id}", f"Done: task #{task.id}"):
        reply = chat.say(typed)
        assert reply.text.startswith(("Done: #", "Task #")), reply.text
    [task] = chat.rows(Task)
    assert task.status == "done"


def test_a_manager_moves_a_reps_task_and_hands_it_over_and_undo_puts_it_back(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    [task] = chat.rows(Task)
    reply = chat.say(f"reassign task {task.id} to alex and make it due monday", who="Alex")
    assert reply.text == f"Task #{task.id} call Jane Cooper: due Mon 23 Nov, now Alex's."
    [moved] = chat.rows(Task)
    assert (moved.due.isoformat(), _assignees(chat)[moved.customer_id]) == ("2026-11-23", "Alex")
    chat.say("undo", who="Alex")
    [back] = chat.rows(Task)
    assert (back.due, _assignees(chat)[back.customer_id]) == (task.due, "Sam")


def test_a_deleted_task_is_gone_until_undo(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    [task] = chat.rows(Task)
    assert chat.say(f"delete task {task.id}").text == f"Deleted: #{task.id} call Jane Cooper."
    assert chat.rows(Task) == []
    chat.say("undo")
    assert [t.text for t in chat.rows(Task)] == ["call Jane Cooper"]


def test_a_task_is_renamed_and_undo_gives_its_words_back(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    [task] = chat.rows(Task)
    reply = chat.say(f"rename task {task.id} to call jane about the renewal")
    assert reply.text == f"Task #{task.id} call Jane Cooper: now “call jane about the renewal”."
    assert [t.text for t in chat.rows(Task)] == ["call jane about the renewal"]
    chat.say("undo")
    assert [t.text for t in chat.rows(Task)] == ["call Jane Cooper"]


@pytest.mark.parametrize(
    "said", ["link task {n} to Globex", "task {n} - link it to globex", "attach task {n} to Globex"]
)
def test_a_numbered_task_is_linked_to_the_customer_named_and_undo_unlinks_it(chat, said):
    chat.say("remind me to send the deck tomorrow")
    [task] = chat.rows(Task)
    reply = chat.say(said.format(n=task.id))
    assert reply.text == f"Task #{task.id} send the deck: for Jane Smith (Globex Ltd)."
    assert [t.customer_id for t in chat.rows(Task)] == [chat.customer("Jane Smith").id]
    chat.say("undo")
    assert [t.customer_id for t in chat.rows(Task)] == [None]


def test_it_after_a_task_is_set_or_changed_is_that_task(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    [task] = chat.rows(Task)
    assert (
        chat.say("push it to monday").text == f"Task #{task.id} call Jane Cooper: due Mon 23 Nov."
    )
    chat.say("actually make it due tuesday")
    chat.say("rename it to send Jane the quote")
    [changed] = chat.rows(Task)
    assert (changed.due.isoformat(), changed.text) == ("2026-11-24", "send Jane the quote")
    chat.say("tell me about Globex")
    written = chat.written()
    chat.say("push it to friday")  # "it" is Globex now, which has no date to move
    assert [t.due.isoformat() for t in chat.rows(Task)] == ["2026-11-24"]
    assert chat.written() == written


def test_numbers_said_after_a_task_list_are_its_task_numbers(chat):
    chat.say("remind me to call Jane Cooper tomorrow", who="Alex")
    chat.say("remind me to send Globex the deck friday", who="Alex")
    first, second = sorted(chat.rows(Task), key=lambda t: t.id)
    chat.say("show my tasks", who="Alex")
    assert chat.say(f"give {first.id} to sam", who="Alex").text.endswith("now Sam's.")
    assert chat.say(f"delete {second.id}", who="Alex").text.startswith(f"Deleted: #{second.id}")
    assert [(t.id, _assignees(chat)[t.customer_id]) for t in chat.rows(Task)] == [(first.id, "Sam")]


def test_a_rep_changes_only_their_own_tasks_and_hands_them_to_no_one(chat):
    chat.say("new task for alex: send the Globex deck friday", who="Alex")
    chat.say("remind me to call Jane Cooper tomorrow")
    alexs, sams = sorted(chat.rows(Task), key=lambda t: t.id)
    written = chat.written()
    assert chat.say(f"move task {alexs.id} to friday").text.startswith(
        f"Task #{alexs.id} is Alex's, so only they or a manager can change it."
    )
    refused = chat.say(f"give task {sams.id} to alex")
    assert refused.text.startswith("You can set tasks only for yourself")
    assert chat.written() == written


def test_a_reminder_after_a_call_in_one_message_is_about_that_customer(chat):
    reply = chat.say("called jane cooper, left a voicemail. remind me friday to try again")
    assert "Task #" in reply.text
    [task] = chat.rows(Task)
    assert task.customer_id == chat.customer("Jane Cooper").id
    chat.say("undo")
    assert (chat.rows(Task), chat.rows(Interaction)) == ([], [])  # both parts undone as one


def test_a_task_for_that_call_is_about_the_customer_just_called(chat):
    chat.say("called jane cooper, wants a catch up call next week")
    chat.say("add a task for that call monday")
    task = next(t for t in chat.rows(Task) if "that call" in t.text)
    assert task.customer_id == chat.customer("Jane Cooper").id


def test_those_four_when_the_list_holds_three_changes_nothing(chat):
    chat.say("list sam's customers", who="Alex")
    written = chat.written()
    reply = chat.say("set a task for sam to call those 4 by friday", who="Alex")
    assert reply.text.startswith("You said 4, but 3 customers match")
    assert chat.written() == written


def test_a_handover_offers_the_customers_open_tasks_to_the_new_owner_in_one_tap(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    reply = chat.run(
        "customer.update", who="Alex", customer="Jane Cooper", field="owner", value="Alex"
    )
    [offer] = [b for b in reply.buttons if b.label == "Their 1 open task too"]
    assert _assignees(chat) == {chat.customer("Jane Cooper").id: "Sam"}  # not moved unasked
    chat.say(offer.value, who="Alex")
    assert _assignees(chat) == {chat.customer("Jane Cooper").id: "Alex"}


def test_tick_off_that_task_after_a_contact_closes_that_customers_task(chat):
    chat.say("remind me to send Jane Cooper the contract tomorrow")
    chat.say("remind me to call Globex tomorrow")
    chat.say(f"emailed jane cooper #{chat.customer('Jane Cooper').id} the contract")
    assert chat.say("and tick off that task").text == "Done: #1 send Jane Cooper the contract."
    assert sorted((t.text, t.status) for t in chat.rows(Task)) == [
        ("call Globex", "open"),
        ("send Jane Cooper the contract", "done"),
    ]


def test_a_contact_and_tick_that_off_in_one_message_closes_that_customers_task(chat):
    chat.say("remind me to send Jane Cooper the contract tomorrow")
    chat.say("remind me to call Globex tomorrow")
    reply = chat.say("emailed jane cooper the contract, tick that off")
    assert reply.text.splitlines() == [
        "Logged an email with Jane Cooper (Acme Corporation) (today): the contract",
        "Done: #1 send Jane Cooper the contract.",
    ]
    assert sorted((t.text, t.status) for t in chat.rows(Task)) == [
        ("call Globex", "open"),
        ("send Jane Cooper the contract", "done"),
    ]
    chat.say("undo")
    assert {t.status for t in chat.rows(Task)} == {"open"} and chat.rows(Interaction) == []


def test_so_that_task_is_done_after_what_was_done_closes_the_customers_task(chat):
    chat.say("remind me to book a QBR with Jane Cooper friday")
    chat.say("remind me to book a QBR with Globex friday")
    chat.say("show me jane cooper")
    reply = chat.say("booked the QBR with her for the 15th, so that task is done")
    assert reply.text == "Done: #1 book a QBR with Jane Cooper."
    assert sorted((t.text, t.status) for t in chat.rows(Task)) == [
        ("book a QBR with Globex", "open"),
        ("book a QBR with Jane Cooper", "done"),
    ]


def test_a_second_request_waits_with_the_which_one_question_of_the_first(chat):
    asked = chat.say("called jane about the renewal. remind me friday to send her the deck")
    assert asked.text.startswith("Several customers match “jane”")
    smith = next(row["#"] for row in asked.rows if row["Customer"].startswith("Jane Smith"))
    reply = chat.say(smith)
    assert reply.text.startswith("Logged a call with Jane Smith")
    [task] = chat.rows(Task)
    assert (task.text, task.customer_id) == ("send her the deck", chat.customer("Jane Smith").id)


def test_both_done_after_two_customers_closes_each_ones_task(chat):
    jane, hans = chat.customer("Jane Cooper"), chat.customer("Hans Müller")
    with Session(chat.engine) as session:
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        for customer in (jane, hans):
            session.add(Task(assignee_id=sam.id, customer_id=customer.id, text="send the quote"))
        session.commit()
    reply = chat.say("sent the quotes to jane cooper and hans müller, both done")
    if "not sure" in reply.text:
        assert "Complete the tasks for jane cooper and hans müller" in reply.text
        reply = chat.say("yes")
    assert reply.text.startswith("Done: #")
    assert [t.status for t in chat.rows(Task)] == ["done", "done"]
    assert chat.say("undo").text.startswith("Undone")
    assert [t.status for t in chat.rows(Task)] == ["open", "open"]


def test_a_task_named_by_its_words_is_moved_and_the_other_stays(chat):
    chat.say("remind me to send Jane Cooper the renewal quote tomorrow")
    chat.say("remind me to call Jane Cooper about the demo tomorrow")
    reply = chat.say("push the renewal quote for jane cooper to monday")
    assert reply.text.startswith("Task #1 send Jane Cooper the renewal quote: due ")
    moved, other = sorted(chat.rows(Task), key=lambda t: t.id)
    assert moved.due.weekday() == 0 and other.due != moved.due
    chat.say("undo")
    assert len({t.due for t in chat.rows(Task)}) == 1


def test_a_no_to_a_question_followed_by_a_change_to_a_task_makes_that_change(chat):
    chat.say("remind me to call Globex tomorrow")
    chat.say("tell me about Hans Müller")  # no Jane just talked about
    assert "Which one?" in chat.say("called jane, left a voicemail").text
    reply = chat.say("no. move task 1 to monday")
    assert reply.text.startswith("Task #1 call Globex: due ")
    assert chat.rows(Interaction) == []


def _task_on(chat, customer: str, what: str, due: str) -> None:
    chat.run("task.create", customer=customer, text=what, due=due)


def test_the_overdue_task_of_a_customer_is_the_one_closed_when_said(chat):
    _task_on(chat, "Globex", "send the pricing", "2026-11-19")
    _task_on(chat, "Globex", "book the demo", "2026-11-25")
    chat.now += timedelta(days=3)  # the pricing is overdue now, the demo still to come
    chat.say("close the overdue globex task")
    assert {t.text: t.status for t in chat.rows(Task)} == {
        "send the pricing": "done", "book the demo": "open"
    }  # fmt: skip


def test_a_task_described_on_the_customer_just_shown_is_closed_and_the_next_request_done(chat):
    _task_on(chat, "Globex", "send the pricing", "2026-11-20")
    _task_on(chat, "Globex", "book the demo", "2026-11-25")
    chat.say("show jane smith")
    reply = chat.say("close my demo task on her and tag her vip")
    assert "Done: " in reply.text and "Tagged Jane Smith" in reply.text
    assert {t.text: t.status for t in chat.rows(Task)} == {
        "send the pricing": "open", "book the demo": "done"
    }  # fmt: skip
    assert {tag.tag for tag in chat.rows(CustomerTag)} == {"vip"}


@pytest.mark.parametrize("said", ["reopen task {n}", "task {n} isnt done"])
def test_a_task_ticked_off_by_mistake_is_reopened_never_closed_again(chat, said):
    chat.say("remind me to send the deck tomorrow")
    [task] = chat.rows(Task)
    chat.say(f"done {task.id}")
    reply = chat.say(said.format(n=task.id))
    assert reply.text == f"Open again: #{task.id} send the deck."
    assert chat.rows(Task)[0].status == "open"
    assert chat.say(said.format(n=task.id)).text.endswith("still open, nothing changed.")
    chat.say("undo")
    assert chat.rows(Task)[0].status == "done"


def test_a_question_about_a_numbered_task_answers_and_closes_nothing(chat):
    chat.say("remind me to send the deck tomorrow")
    [task] = chat.rows(Task)
    reply = chat.say(f"who has task {task.id}")
    assert reply.text == f"#{task.id} send the deck: Sam's, open, due tomorrow."
    assert chat.rows(Task)[0].status == "open"


def test_two_numbered_tasks_handed_to_two_colleagues_in_one_message_go_to_each(chat):
    first, second = (
        int(chat.say(f"remind me to {what} tomorrow", who="Alex").text.split(":")[0][6:])
        for what in ("send the deck", "book the room")
    )
    chat.say(f"give {first} to sam and {second} to alex", who="Alex")
    assert _assignees_by_task(chat) == {first: "Sam", second: "Alex"}
    chat.say(f"give task {first} to alex and task {second} to sam", who="Alex")
    assert _assignees_by_task(chat) == {first: "Alex", second: "Sam"}


def _assignees_by_task(chat) -> dict[int, str]:
    with Session(chat.engine) as session:
        names = dict(session.exec(select(Staff.id, Staff.name)).all())
    return {task.id: names[task.assignee_id] for task in chat.rows(Task)}


def test_a_stage_said_after_a_call_moves_the_customer_called(chat):
    chat.say("called jane smith, she wants the pro tier. move to proposal")
    assert chat.customer("Jane Smith").stage == "proposal"
    assert len(chat.rows(Interaction)) == 1


def test_their_task_pushed_after_their_profile_is_theirs_never_the_task_with_their_number(chat):
    _task_on(chat, "Globex", "send the pricing", "2026-11-19")  # task 1, for customer 2
    _task_on(chat, "Acme", "book the demo", "2026-11-19")  # task 2, for customer 1
    chat.say("show jane smith")
    chat.say("push the task to friday")
    due = {t.customer_id: str(t.due) for t in chat.rows(Task)}
    assert due[chat.customer("Jane Smith").id] == "2026-11-20"
    assert due[chat.customer("Jane Cooper").id] == "2026-11-19"


def test_whose_task_a_number_is_is_answered_not_closed(chat):
    chat.say("remind me to send the deck tomorrow")
    [task] = chat.rows(Task)
    assert chat.say(f"whose task is {task.id}").text.startswith(f"#{task.id} send the deck: Sam's")
    assert chat.rows(Task)[0].status == "open"


def test_one_customers_tasks_are_listed_for_them_alone(chat):
    _task_on(chat, "Globex", "send the pricing", "2026-11-20")
    _task_on(chat, "Acme", "book the demo", "2026-11-20")
    reply = chat.say("tasks for jane smith", who="Alex")
    assert reply.text.startswith("1 open task for Jane Smith (Globex Ltd)")
    assert [row["Task"] for row in reply.rows] == ["send the pricing"]
    mine = chat.say("open tasks for acme")
    assert mine.text.startswith("Your 1 open task for Jane Cooper (Acme Corporation)")


def test_a_managers_handover_of_a_reps_open_tasks_is_confirmed_then_undone_in_one_step(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    chat.say("remind me to send Globex the deck friday")
    chat.say("remind me to chase Initech monday")
    done = chat.rows(Task)[-1]
    chat.say(f"done {done.id}")
    asked = chat.say("give all of Sam's open tasks to Alex", who="Alex")
    assert asked.text.startswith("Give 2 open tasks (#")
    assert asked.text.endswith("to Alex? (yes/no)")
    assert set(_assignees(chat).values()) == {"Sam"}
    chat.say("yes", who="Alex")
    handed = {task.text: _assignee_of(chat, task) for task in chat.rows(Task)}
    assert handed == {
        "call Jane Cooper": "Alex",
        "send Globex the deck": "Alex",
        "chase Initech": "Sam",  # done already: stays with who did it
    }
    chat.say("undo", who="Alex")
    assert {_assignee_of(chat, task) for task in chat.rows(Task)} == {"Sam"}


def test_a_rep_cannot_hand_a_colleagues_tasks_or_their_own_to_someone_else(chat):
    chat.say("new task for alex: send the Globex deck friday", who="Alex")
    chat.say("remind me to call Jane Cooper tomorrow")
    written = chat.written()
    assert chat.say("move all tasks from alex to sam").text == (
        "You can hand over or move only your own tasks. Nothing was changed."
    )
    assert chat.say("give my open tasks to alex").text.startswith(
        "You can set tasks only for yourself"
    )
    assert chat.written() == written


def _assignee_of(chat, task: Task) -> str:
    with Session(chat.engine) as session:
        return session.get(Staff, task.assignee_id).name


def test_and_another_number_to_someone_after_a_handover_hands_that_task_over_too(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    chat.say("remind me to send Globex the deck friday")
    first, second = sorted(task.id for task in chat.rows(Task))
    chat.say(f"give task {first} to Alex", who="Alex")
    reply = chat.say(f"and {second} to Alex", who="Alex")
    assert reply.text.startswith(f"Task #{second} send Globex the deck: now Alex's")
    assert set(_assignees(chat).values()) == {"Alex"}


def test_a_task_for_each_rep_is_confirmed_then_set_for_every_rep_and_undone_at_once(chat):
    with Session(chat.engine) as session:
        enrol(session, "Priya Shah", role="rep", tz="UTC")
        session.commit()
    written = chat.written()
    said = "create a task for each rep: update your pipeline notes, due friday"
    asked = chat.say(said, who="Alex")
    assert asked.text == (
        "Set the task “update your pipeline notes”, due Fri 20 Nov for each rep "
        "(Priya Shah, Sam)? (yes/no)"
    )
    assert chat.written() == written
    chat.say("yes", who="Alex")
    with Session(chat.engine) as session:
        names = dict(session.exec(select(Staff.id, Staff.name)).all())
    assert sorted(names[task.assignee_id] for task in chat.rows(Task)) == ["Priya Shah", "Sam"]
    chat.say("undo", who="Alex")
    assert chat.rows(Task) == []
    refused = chat.say("remind everyone on the team to update their pipeline notes by friday")
    assert refused.text.startswith("You can set tasks only for yourself")


def test_a_reps_tasks_due_next_week_are_the_ones_handed_over(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    chat.say("remind me to send Globex the deck on tuesday")
    chat.say("give Sam's tasks due next week to Alex", who="Alex")
    chat.say("yes", who="Alex")
    handed = {task.text: _assignee_of(chat, task) for task in chat.rows(Task)}
    assert handed == {"call Jane Cooper": "Sam", "send Globex the deck": "Alex"}


def test_a_task_set_on_a_selection_said_in_the_message_is_one_task_on_each(chat):
    chat.run("customer.update", customer="Globex", field="owner", value="Alex", who="Alex")
    chat.run("customer.update", customer="Jane Cooper", field="tag", value="winback", who="Alex")
    chat.run("customer.update", customer="Globex", field="tag", value="winback", who="Alex")
    written = chat.written()
    preview = chat.say("add a task 'recovery call' due next tuesday to all winback customers",
                       who="Alex")  # fmt: skip
    assert preview.text.startswith("Set the task “recovery call”, due Tue 24 Nov, for Alex, on 2")
    assert chat.written() == written
    chat.say("no", who="Alex")
    preview = chat.say("set the task recovery call due tuesday on the winback customers, for each "
                       "owner", who="Alex")  # fmt: skip
    assert preview.text.startswith("Set the task “recovery call”, due Tue 24 Nov, for each one's")
    chat.say("yes", who="Alex")
    assigned = _assignees(chat)
    assert assigned == {
        chat.customer("Jane Smith").id: "Alex",
        chat.customer("Jane Cooper").id: "Sam",
    }
    assert {task.text for task in chat.rows(Task)} == {"recovery call"}


def test_a_task_that_says_his_or_just_follow_up_is_about_the_customer_just_talked_about(chat):
    chat.say("tell me about Hans Müller")
    sure(chat, "make a task to check with support about his tickets by wed")
    chat.say("tell me about Jane Smith")
    sure(chat, "ok create a task to follow up on the discount friday")
    linked = {task.text: task.customer_id for task in chat.rows(Task)}
    assert linked == {
        "check with support about his tickets": chat.customer("Hans Müller").id,
        "follow up on the discount": chat.customer("Jane Smith").id,
    }


def test_what_came_of_a_task_ticked_off_is_noted_on_its_customer(chat):
    sure(chat, "remind me to call Hans Müller about the new tier friday")
    (task,) = chat.rows(Task)
    reply = chat.say(f"done {task.id} - not interested in the new tier for now")
    assert reply.text.endswith(
        "(noted on Hans Müller (Müller & Söhne GmbH): not interested in the new tier for now)."
    )
    (note,) = chat.rows(Interaction)
    assert (note.channel, note.summary) == ("note", "not interested in the new tier for now")
    chat.say("undo")
    assert chat.rows(Interaction) == [] and chat.rows(Task)[0].status == "open"


def sure(chat, said: str, who: str | None = None):
    reply = chat.say(said, who=who)
    return chat.say("yes", who=who) if "not sure" in reply.text else reply


def test_a_task_for_each_of_them_with_no_list_is_refused_not_set_on_the_last_customer(chat):
    chat.say("tell me about Hans Müller", who="Alex")
    written = chat.written()
    reply = chat.say("create a task for each of them: follow up on proposal, due next tuesday",
                     who="Alex")  # fmt: skip
    assert reply.text.startswith("A task on each customer goes on a list")
    assert chat.written() == written


def test_a_task_for_the_owner_on_each_customer_listed_goes_to_each_owner(chat):
    chat.run("customer.update", customer="Globex", field="owner", value="Alex", who="Alex")
    chat.say("list the team's customers", who="Alex")
    preview = chat.say("task for the owner on each: offer the onboarding package, due friday",
                       who="Alex")  # fmt: skip
    assert preview.text.startswith("Set the task “offer the onboarding package”")
    assert "for each one's owner" in preview.text


def test_a_reminder_after_closing_a_customers_task_is_about_that_customer_in_the_month_said(chat):
    _task_on(chat, "Globex", "call about the new tier", "2026-11-19")
    [task] = chat.rows(Task)
    chat.say(f"close {task.id}")
    chat.say("remind me to ping him in march")
    reminder = next(t for t in chat.rows(Task) if t.id != task.id)
    assert reminder.customer_id == task.customer_id
    assert reminder.due == date(2027, 3, 1)


def test_a_reps_overdue_tasks_handed_over_are_only_the_overdue_ones(chat):
    _task_on(chat, "Globex", "send the pricing", "2026-11-19")
    _task_on(chat, "Globex", "book the demo", "2026-11-25")
    chat.now += timedelta(days=3)  # the pricing is overdue now, the demo still to come
    preview = chat.say("give all of Sam's overdue tasks to Alex", who="Alex")
    assert "send the pricing" in preview.text and "book the demo" not in preview.text


def test_a_rep_may_ask_who_has_a_colleagues_task_but_not_change_it(chat):
    chat.say("new task for alex: send the Globex deck friday", who="Alex")
    [alexs] = chat.rows(Task)
    reply = chat.say(f"who has task {alexs.id}?")
    assert reply.text.startswith(f"#{alexs.id} send the Globex deck: Alex's, open")
    assert chat.say("who has task 999?").text.startswith("There is no task #999.")


def test_a_task_named_by_its_words_alone_is_ticked_off_when_no_customer_has_them(chat):
    chat.say("remind me to call Jane Cooper about the new tier on friday")
    chat.say("remind me to send Hans Müller the renewal quote on monday")
    reply = chat.say("mark the tier task done")
    assert reply.text.startswith("Done: #")
    assert "new tier" in reply.text
    [open_task] = [t for t in chat.rows(Task) if t.status == "open"]
    assert "renewal quote" in open_task.text


def test_and_another_number_too_does_the_same_to_that_task(chat):
    first = chat.say("remind me to call acme tomorrow", who="Alex")
    second = chat.say("remind me to email globex tomorrow", who="Alex")
    ids = sorted(task.id for task in chat.rows(Task))
    assert first.text.startswith(f"Task #{ids[0]}") and second.text.startswith(f"Task #{ids[1]}")
    chat.say(f"give task {ids[0]} to sam", who="Alex")
    assert chat.say(f"and #{ids[1]} too", who="Alex").text.startswith(f"Task #{ids[1]}")
    holders = {task.id: task.assignee_id for task in chat.rows(Task)}
    sam = next(s.id for s in chat.rows(Staff) if s.name == "Sam")
    assert holders == {ids[0]: sam, ids[1]: sam}


def test_the_tasks_just_listed_are_handed_over_as_them(chat):
    chat.say("remind me to call acme tomorrow")
    chat.say("remind me to email globex friday")
    listed = chat.say("sam's tasks", who="Alex")
    assert len(listed.rows) == 2
    chat.say("give both of those to alex", who="Alex")
    chat.say("yes", who="Alex")
    alex = next(s.id for s in chat.rows(Staff) if s.name == "Alex")
    assert {task.assignee_id for task in chat.rows(Task)} == {alex}


def test_a_number_then_done_completes_that_task_and_to_me_takes_one(chat):
    chat.say("remind me to call acme tomorrow", who="Alex")
    chat.say("remind me to email globex friday", who="Alex")
    first, second = sorted(task.id for task in chat.rows(Task))
    chat.say(f"give task {first} to sam", who="Alex")
    chat.say(f"give task {first} to me", who="Alex")
    chat.say(f"#{second} done", who="Alex")
    tasks = {task.id: task for task in chat.rows(Task)}
    alex = next(s.id for s in chat.rows(Staff) if s.name == "Alex")
    assert tasks[first].assignee_id == alex
    assert tasks[second].status == "done"


def test_a_colleagues_tasks_about_one_thing_are_handed_over_and_no_others(chat):
    chat.say("remind me to book a QBR with acme tomorrow")
    chat.say("remind me to email globex friday")
    preview = chat.say("reassign all of sam's QBR tasks to alex", who="Alex")
    assert "book a QBR with acme" in preview.text and "globex" not in preview.text
    chat.say("yes", who="Alex")
    alex = next(s.id for s in chat.rows(Staff) if s.name == "Alex")
    held = {task.text: task.assignee_id == alex for task in chat.rows(Task)}
    assert held == {"book a QBR with acme": True, "email globex": False}
    refused = chat.say("give sam's invoice tasks to alex", who="Alex")
    assert refused.text == "Sam has no open tasks about “invoice”. Nothing was changed."


def test_the_tasks_done_today_are_listed_with_whose_they_were(chat):
    chat.say("remind me to call acme tomorrow")
    chat.say("remind me to email globex friday")
    first, _ = sorted(task.id for task in chat.rows(Task))
    assert chat.say("how many tasks did the team complete today", who="Alex").text == (
        "No tasks done today in the team's list yet."
    )
    chat.say(f"done {first}")
    done = chat.say("how many tasks did the team complete today", who="Alex")
    assert done.text == "The team's 1 task done today:"
    assert [(row["Task"], row["Who"]) for row in done.rows] == [("call acme", "Sam")]
    assert len(chat.say("what did i get done this week").rows) == 1
    assert chat.say("which tasks got done today", who="Alex").text == done.text


def test_a_task_for_each_owner_on_their_own_selection_is_previewed(chat):
    smith = chat.customer("Jane Smith").id
    with Session(chat.engine) as session:
        session.add(NpsAnswer(customer_id=smith, score=3, answered_on=date(2026, 11, 10)))
        session.commit()
    preview = chat.say("add a task for each owner to call their detractors, due friday", who="Alex")
    assert preview.text.startswith(
        "Set the task “call”, due Fri 20 Nov, for each one's owner, on 1 customer?"
    )
    assert [row["Customer"] for row in preview.rows] == ["Jane Smith (Globex Ltd)"]


def test_and_another_number_too_with_a_reason_after_it_closes_that_task(chat):
    chat.say("remind me to call acme tomorrow")
    chat.say("remind me to email globex friday")
    first, second = sorted(task.id for task in chat.rows(Task))
    chat.say(f"close {first}")
    assert chat.say(f"and {second} too, globex signed").text.startswith(f"Done: #{second}")
    assert {task.status for task in chat.rows(Task)} == {"done"}


def test_a_task_on_each_customer_listed_for_a_colleague_named_at_its_end_is_theirs(chat):
    chat.say("list sam's customers", who="Alex")
    preview = chat.say("retention call task for each of those for sam, due friday", who="Alex")
    assert preview.text.startswith("Set the task “retention call”, due Fri 20 Nov, for Sam, on 3")


def test_a_task_is_taken_off_a_customer_it_is_not_about(chat):
    reply = chat.say("remind me to chase jane cooper friday")
    number = reply.text.split()[1].strip("#:")
    reply = chat.say(f"task {number} isnt about jane cooper, unlink it from her")
    assert reply.text.endswith("no longer linked to a customer.")
    [task] = chat.rows(Task)
    assert task.customer_id is None
    chat.say("undo")
    [task] = chat.rows(Task)
    assert task.customer_id == chat.customer("Jane Cooper").id


def test_a_task_for_a_colleague_about_their_own_accounts_is_on_no_customer(chat):
    chat.say("tell me about jane cooper", who="Alex")
    asked = "task for sam: write handover notes for his last accounts, due friday"
    reply = chat.say(asked, who="Alex")
    [task] = chat.rows(Task)
    assert task.customer_id is None and "for Sam" in reply.text


def test_tasks_for_two_named_reps_are_one_each_once_confirmed(chat):
    with Session(chat.engine) as session:
        enrol(session, "Priya Shah", role="rep", tz="UTC")
        session.commit()
    written = chat.written()
    asked = chat.say("tasks for sam and priya: clean up your proposals, due friday", who="Alex")
    assert asked.text == (
        "Set the task “clean up your proposals”, due Fri 20 Nov for Sam, Priya Shah? (yes/no)"
    )
    assert chat.written() == written
    chat.say("yes", who="Alex")
    assert sorted(_assignee_of(chat, task) for task in chat.rows(Task)) == ["Priya Shah", "Sam"]


def test_the_same_task_again_is_set_for_the_colleague_or_customer_named_next(chat):
    chat.say("task for me: call Jane Cooper friday", who="Alex")
    assert " for Sam: call Jane Cooper, due Fri 20 Nov" in chat.say("same for sam", who="Alex").text
    chat.say("same for Hans Müller", who="Alex")
    with Session(chat.engine) as session:
        names = dict(session.exec(select(Staff.id, Staff.name)).all())
        customers = dict(session.exec(select(Customer.id, Customer.name)).all())
    set_ = sorted((t.text, names[t.assignee_id], customers[t.customer_id]) for t in chat.rows(Task))
    assert set_ == [
        ("call Hans Müller", "Sam", "Hans Müller"),
        ("call Jane Cooper", "Alex", "Jane Cooper"),
        ("call Jane Cooper", "Sam", "Jane Cooper"),
    ]


def test_a_bare_name_after_a_task_sets_no_second_task(chat):
    chat.say("remind me to call Jane Cooper tomorrow")
    chat.say("to alex")
    assert len(chat.rows(Task)) == 1


@pytest.mark.parametrize(
    ("said", "whose", "on", "due"),
    [
        ("give alex the same task for Hans Müller", "Alex", "Hans Müller", "2026-11-20"),
        ("same for alex with Hans Müller", "Alex", "Hans Müller", "2026-11-20"),
        ("create the same task for Alex too", "Alex", "Jane Cooper", "2026-11-20"),
        ("Alex should have that one too", "Alex", "Jane Cooper", "2026-11-20"),
        ("same task for alex when he's back, due 5 jan", "Alex", "Jane Cooper", "2027-01-05"),
    ],
)
def test_the_same_task_again_said_in_other_words(chat, said, whose, on, due):
    chat.say("task for sam: chase Jane Cooper for the signed proposal, due friday", who="Alex")
    chat.say(said, who="Alex")
    with Session(chat.engine) as session:
        names = dict(session.exec(select(Staff.id, Staff.name)).all())
        customers = dict(session.exec(select(Customer.id, Customer.name)).all())
    *_, again = sorted(chat.rows(Task), key=lambda t: t.id)
    assert (names[again.assignee_id], customers[again.customer_id], again.due.isoformat()) == (
        whose,
        on,
        due,
    )
    assert again.text == f"chase {on} for the signed proposal"


def test_a_task_number_said_alone_shows_the_task_and_never_ticks_it_off(chat):
    set_ = chat.say("remind me tomorrow to call Jane Cooper about the renewal")
    (task,) = chat.rows(Task)
    shown = chat.say(f"task {task.id}")
    assert "call Jane Cooper about the renewal" in plain_text(shown)
    (still,) = chat.rows(Task)
    assert still.status == task.status == "open"
    assert set_.text.startswith(f"Task #{task.id}")
