"""A message may point back at what the conversation just talked about: "her" is the customer
just shown or changed, "those" the list just shown, "same for …" the last bulk change again."""

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.identity import enrol
from crm_store.models import AuditEntry, Customer, CustomerTag, Interaction, Purchase, Staff, Task


def sure(chat, said: str, who: str | None = None):
    reply = chat.say(said, who=who)
    return chat.say("yes", who=who) if "not sure" in reply.text else reply


def test_her_is_the_customer_just_shown(chat):
    chat.say("tell me about Jane Smith")
    assert sure(chat, "and tag her hot").text == "Tagged Jane Smith (Globex Ltd) as hot."
    assert sure(chat, "move her to proposal").text == (
        "Jane Smith (Globex Ltd): stage is now proposal (was qualified)."
    )
    assert chat.customer("Jane Smith").stage == "proposal"


def test_him_is_the_customer_just_written_to(chat):
    chat.say("called Hans Müller about the renewal")
    reply = sure(chat, "what should I do with him")
    assert "Hans Müller" in reply.text or "Hans Müller" in (reply.title or "")


def test_a_pronoun_with_nothing_said_before_is_not_guessed(chat):
    written = chat.written()
    reply = chat.say("set her back to lead")
    assert "Jane" not in reply.text
    assert chat.written() == written


@pytest.mark.parametrize("named", ["Hugo Silva Lisbon", "tell me about Hugo Silva"])
def test_him_after_a_customer_not_found_is_not_the_one_talked_about_before(chat, named):
    chat.say("tell me about Jane Smith")
    chat.say(named)  # no one of that name: "him" next is not Jane Smith
    written = chat.written()
    reply = chat.say("give him to Alex", who="Sam")
    assert "Jane Smith" not in reply.text
    assert chat.written() == written


def test_what_does_he_usually_order_is_about_the_customer_just_shown(chat):
    chat.say("tell me about Hans Müller")
    reply = chat.say("what does he usually order")
    assert "Hans Müller" in (reply.title or "") + reply.text


def test_a_task_about_her_with_no_one_talked_about_is_asked_not_saved(chat):
    written = chat.written()
    reply = chat.say("add a task for me to call her monday")
    assert reply.text.startswith("Who is “her”? Say the customer's name")
    assert chat.written() == written
    chat.say("tell me about Jane Cooper")
    assert chat.say("add a task for me to call her monday").text.endswith(
        "for Jane Cooper (Acme Corporation)."
    )


def test_those_is_the_list_just_shown_and_the_change_is_previewed(chat):
    with Session(chat.engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    listed = chat.say("customers in London", who="Alex")
    assert [r["Customer"] for r in listed.rows] == ["Jane Smith (Globex Ltd)"]
    preview = chat.say("give those to Dana", who="Alex")
    assert preview.text.startswith("Move 1 customer to Dana? Selected: in London.")
    assert [r["Customer"] for r in preview.rows] == ["Jane Smith (Globex Ltd)"]
    assert chat.say("yes", who="Alex").text.startswith("Moved 1 customer to Dana.")
    assert chat.customer("Jane Cooper").owner_id == chat.customer("Hans Müller").owner_id


def test_tag_them_after_a_list_tags_exactly_that_list(chat):
    chat.say("customers in Berlin", who="Alex")
    preview = chat.say("tag them dach", who="Alex")
    assert [r["Customer"] for r in preview.rows] == ["Hans Müller (Müller & Söhne GmbH)"]
    chat.say("yes", who="Alex")
    assert [(t.customer_id, t.tag) for t in chat.rows(CustomerTag)] == [
        (chat.customer("Hans Müller").id, "dach")
    ]


def test_same_for_repeats_the_last_bulk_change_on_another_selection(chat):
    chat.say("tag everyone in Berlin vip", who="Alex")
    chat.say("yes", who="Alex")
    preview = chat.say("same for the customers in London", who="Alex")
    assert preview.text.startswith("Tag 1 customer vip?")
    assert [r["Customer"] for r in preview.rows] == ["Jane Smith (Globex Ltd)"]
    chat.say("yes", who="Alex")
    assert sorted(t.tag for t in chat.rows(CustomerTag)) == ["vip", "vip"]
    assert len([e for e in chat.rows(AuditEntry) if e.action == "customer.tag"]) == 2


def test_same_for_after_one_customer_repeats_that_change_on_another(chat):
    sure(chat, "move Jane Smith to proposal")
    reply = sure(chat, "same for Hans Müller")
    assert reply.text == "Hans Müller (Müller & Söhne GmbH): stage is now proposal (was lead)."


def test_a_pronoun_in_a_later_clause_is_the_customer_just_shown(chat):
    chat.say("tell me about Jane Smith")
    reply = sure(chat, "shes basically lost, set her stage to lost")
    assert reply.text == "Jane Smith (Globex Ltd): stage is now lost (was qualified)."


def test_a_no_that_asks_for_something_else_cancels_and_does_it(chat):
    chat.say("called jane, left a voicemail")  # which Jane?
    reply = chat.say("no - tell me about Hans Müller")
    assert reply.title.startswith("Hans Müller")
    assert reply.note == "I cancelled my earlier question first."
    assert chat.say("1").text  # the question is gone: "1" is a new message
    assert chat.count(Interaction) == 0


def test_a_no_with_a_reason_only_cancels(chat):
    chat.say("called jane, left a voicemail")
    assert chat.say("no - wrong jane, she was only added this morning").text == (
        "OK, cancelled. Nothing was changed."
    )


def test_just_some_of_those_narrows_the_list_and_an_unknown_narrowing_is_not_guessed(chat):
    chat.say("tag Jane Smith as vip", who="Alex")
    chat.say("tag Hans Müller as vip", who="Alex")
    chat.say("customers tagged vip", who="Alex")
    preview = chat.say("just the Berlin ones - tag them dach", who="Alex")
    assert [r["Customer"] for r in preview.rows] == ["Hans Müller (Müller & Söhne GmbH)"]
    chat.say("no", who="Alex")
    chat.say("customers tagged vip", who="Alex")
    written = chat.written()
    reply = chat.say("just the zzyzx ones - tag them dach", who="Alex")
    assert not reply.rows
    chat.say("yes", who="Alex")
    assert chat.written() == written


def test_a_shared_name_right_after_a_customer_is_that_customer_even_for_a_write(chat):
    chat.say("tell me about Jane Smith")
    assert chat.say("called jane, left a voicemail").text.startswith(
        "Logged a call with Jane Smith (Globex Ltd)"
    )


def test_a_read_of_a_shared_name_is_the_customer_in_view_and_a_write_asks_after_a_list(chat):
    chat.say("tell me about Jane Smith")
    assert chat.say("show jane").title.startswith("Jane Smith (Globex Ltd)")
    chat.say("list the customers in new york")
    assert "Which one?" in chat.say("called jane, left a voicemail").text
    chat.say("cancel")
    assert chat.say("show me jane").title.startswith("Jane Cooper (Acme Corporation)")
    assert chat.say("called jane, left a voicemail").text.startswith(
        "Logged a call with Jane Cooper (Acme Corporation)"
    )


def test_him_in_a_new_lead_is_the_new_lead_not_the_customer_before(chat):
    chat.say("tell me about Jane Smith")
    reply = sure(chat, "new lead Daniel Okafor from Brightline Robotics, give him to Alex")
    assert reply.text.startswith("Added Daniel Okafor (Brightline Robotics) as #")
    assert chat.customer("Jane Smith").owner_id == chat.customer("Jane Cooper").owner_id


def test_a_tag_said_with_her_and_too(chat):
    chat.say("tell me about Jane Smith")
    assert (
        sure(chat, "tag her enterprise too").text == "Tagged Jane Smith (Globex Ltd) as enterprise."
    )


def test_the_change_in_a_later_clause_wins_over_a_remark(chat):
    chat.say("tell me about Jane Smith")
    reply = sure(chat, "great she signed, make her a customer")
    assert reply.text == "Jane Smith (Globex Ltd): stage is now customer (was qualified)."


def test_forgot_to_log_is_a_contact_never_an_erasure(chat):
    reply = sure(chat, "forgot to log - met Hans Müller yesterday, they want 50 seats")
    assert reply.text.startswith("Logged a meeting with Hans Müller (Müller & Söhne GmbH)")
    assert chat.customer("Hans Müller").forgotten_at is None


def test_bring_him_back_after_a_delete_restores_that_customer(chat):
    chat.run("customer.delete", customer="Hans Müller")
    reply = sure(chat, "actually bring him back, wrong hans")
    assert reply.text.startswith("Restored Hans Müller (Müller & Söhne GmbH)")


def test_a_remark_about_her_never_becomes_a_new_customer(chat):
    chat.say("tell me about Jane Smith")
    customers = chat.count(Customer)
    reply = chat.say("shes interested in api access, add that")
    if "not sure" in reply.text:
        reply = chat.say("yes")
    assert chat.count(Customer) == customers


def test_the_ones_after_a_list_are_among_that_list(chat):
    with Session(chat.engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    chat.say("tag Jane Smith as vip", who="Alex")
    chat.say("customers tagged vip", who="Alex")
    preview = chat.say("give the ones in London to Dana", who="Alex")
    assert preview.text.startswith("Move 1 customer to Dana? Selected: in London, tagged vip.")


def test_the_third_one_is_that_row_of_the_list_just_shown(chat):
    with Session(chat.engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    listed = chat.say("top 3 customers by value", who="Alex")
    names = [r["Customer"] for r in listed.rows]
    assert len(names) == 3
    shown = chat.say("tell me about the 2nd one", who="Alex")
    assert shown.title.startswith(names[1].split(" (")[0])
    again = chat.say("the third one", who="Alex")  # the rows stay after a profile
    assert again.title.startswith(names[2].split(" (")[0])
    moved = sure(chat, "give the first one to Dana", who="Alex")
    assert moved.text.startswith(f"{names[0]}: owner is now Dana")


def test_a_row_the_list_did_not_have_is_not_guessed(chat):
    chat.say("top 3 customers by value", who="Alex")
    written = chat.written()
    reply = chat.say("give the 9th one to Sam", who="Alex")
    assert "owner is now" not in reply.text
    assert chat.written() == written


def test_next_steps_right_after_a_profile_are_that_customers(chat):
    chat.say("tell me about Jane Smith")
    reply = chat.say("next steps")
    assert "Jane Smith" in (reply.title or reply.text)


def test_his_record_and_her_chase_task_are_the_customer_just_shown(chat):
    chat.say("tell me about Hans Müller")
    assert "Hans Müller" in (chat.say("pull up his record").title or "")
    hans = chat.customer("Hans Müller")
    with Session(chat.engine) as session:
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        session.add(Task(assignee_id=sam.id, customer_id=hans.id, text="chase the contract"))
        session.commit()
    done = chat.say("he signed yesterday so close my chase task on him")
    assert done.text.startswith("Done: #") and "chase the contract" in done.text
    assert [t.status for t in chat.rows(Task)] == ["done"]


def _sams_tasks_on(chat, name: str, *texts: str) -> None:
    """Open tasks of Sam's on the customer named."""
    customer = chat.customer(name)
    with Session(chat.engine) as session:
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        session.add_all(Task(assignee_id=sam.id, customer_id=customer.id, text=t) for t in texts)
        session.commit()


def test_a_call_then_both_his_tasks_closed_logs_the_call_and_closes_every_task_on_him(chat):
    _sams_tasks_on(chat, "Hans Müller", "send the quote", "chase the contract")
    reply = chat.say("called hans müller, he'll take the new tier. close both his tasks")
    assert reply.text.startswith("Logged a call with Hans Müller")
    assert [t.status for t in chat.rows(Task)] == ["done", "done"]
    assert [c.channel for c in chat.rows(Interaction)] == ["call"]


def test_his_task_dropped_by_what_it_is_about_is_deleted_never_a_new_task(chat):
    _sams_tasks_on(chat, "Hans Müller", "apology call", "send the quote")
    chat.say("tell me about Hans Müller")
    reply = chat.say("drop his apology call task")
    assert reply.text.startswith("Deleted: #") and "apology call" in reply.text
    assert [t.text for t in chat.rows(Task)] == ["send the quote"]
    chat.say("undo")
    assert len(chat.rows(Task)) == 2


def test_a_customers_task_said_by_what_it_is_then_handed_on_goes_to_that_colleague(chat):
    _sams_tasks_on(chat, "Hans Müller", "chase the contract")
    chat.say("hans müller has a chase task from sam for friday, hand it to alex", who="Alex")
    with Session(chat.engine) as session:
        [task] = session.exec(select(Task)).all()
        assert session.get(Staff, task.assignee_id).name == "Alex"


def test_a_preview_is_narrowed_with_without_and_all_but(chat):
    preview = chat.say("tag all of sam's customers vip", who="Alex")
    assert preview.text.startswith("Tag 3 customers vip?")
    smith = chat.customer("Jane Smith").id
    fewer = chat.say("without Hans Müller", who="Alex")
    assert fewer.text.startswith("Tag 2 customers vip?")
    wrong = chat.say("all but #999", who="Alex")
    assert "can't leave them out" in wrong.text and "still open" in wrong.note
    fewest = chat.say(f"all but #{smith}", who="Alex")
    assert fewest.text.startswith("Tag 1 customer vip?")
    chat.say("yes", who="Alex")
    assert [t.customer_id for t in chat.rows(CustomerTag)] == [chat.customer("Jane Cooper").id]


def test_the_tag_taken_off_is_the_one_just_added(chat):
    chat.say("tag all of sam's customers vip", who="Alex")
    chat.say("yes", who="Alex")
    preview = chat.say("take the tag off the leads tho", who="Alex")
    assert preview.text.startswith("Remove the tag vip from 1 customer?"), preview.text
    chat.say("yes", who="Alex")
    tagged = {t.customer_id for t in chat.rows(CustomerTag)}
    assert tagged == {chat.customer("Jane Cooper").id, chat.customer("Jane Smith").id}


def test_the_first_one_never_reaches_back_past_another_answer(chat):
    listed = chat.say("top 2 customers by value", who="Alex")
    shown = {r["Customer"].split(" (")[0] for r in listed.rows}
    (other,) = {"Jane Cooper", "Jane Smith", "Hans Müller"} - shown
    chat.say(f"what should I do with {other}", who="Alex")
    written = chat.written()
    reply = chat.say("make a task for the first one, fri", who="Alex")
    assert not any(name in reply.text for name in shown)
    assert chat.written() == written or chat.rows(Task)[0].customer_id == chat.customer(other).id


def test_those_after_a_list_that_left_someone_out_still_leave_them_out(chat):
    listed = chat.say("sam's customers except Hans Müller", who="Alex")
    assert len(listed.rows) == 2
    preview = chat.say("tag them vip", who="Alex")
    assert preview.text.startswith("Tag 2 customers vip?")
    assert "Hans Müller" not in {r["Customer"].split(" (")[0] for r in preview.rows}


def test_the_adjective_ones_after_a_list_narrow_that_list(chat):
    chat.say("list the customers in berlin", who="Alex")
    preview = chat.say("tag the never contacted ones as cold-outreach", who="Alex")
    assert "never contacted" in preview.text
    assert [row["Customer"] for row in preview.rows] == ["Hans Müller (Müller & Söhne GmbH)"]
    assert chat.say("no", who="Alex").text.startswith("OK, cancelled")


def test_a_question_of_another_kind_after_a_report_is_asked_as_said(chat):
    chat.say("revenue by rep this year", who="Alex")
    reply = chat.say("the open tasks of the team", who="Alex")
    assert reply.text == "No open tasks in the team's list. Nice."


def test_an_nps_answer_told_after_her_profile_keeps_what_she_said(chat):
    chat.say("tell me about Jane Smith")
    reply = chat.say("she just emailed: NPS 4, support is still slow")
    assert reply.text.startswith("Logged an email with Jane Smith (Globex Ltd) (today)")
    assert "Recorded NPS 4 (detractor) for Jane Smith (Globex Ltd)" in reply.text
    assert "“support is still slow”" in reply.text


def _owner_and_stage(chat, name: str) -> tuple[str, str]:
    customer = chat.customer(name)
    with Session(chat.engine) as session:
        return session.get(Staff, customer.owner_id).name, customer.stage


@pytest.mark.parametrize(
    "said",
    [
        "move Jane Smith to proposal and give her to Dana",
        "jane smith hasnt been touched in 80 days, move her to proposal and give to dana",
    ],
)
def test_two_changes_to_one_customer_in_one_message_are_both_made_and_undone_together(chat, said):
    with Session(chat.engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    reply = chat.say(said, who="Alex")
    assert "stage is now proposal" in reply.text and "owner is now Dana" in reply.text
    assert _owner_and_stage(chat, "Jane Smith") == ("Dana", "proposal")
    assert chat.say("undo", who="Alex").text.startswith("Undone: stage of Jane Smith")
    assert _owner_and_stage(chat, "Jane Smith") == ("Sam", "qualified")


def test_a_follow_up_said_with_no_name_after_a_profile_is_with_that_customer(chat):
    chat.say("tell me about Jane Smith")
    reply = sure(chat, "fu call next tue")
    assert "Jane Smith" in reply.text
    (task,) = chat.rows(Task)
    assert (task.customer_id, str(task.due)) == (chat.customer("Jane Smith").id, "2026-11-24")


def test_a_voicemail_left_for_him_is_a_call_with_the_customer_just_shown(chat):
    chat.say("tell me about Hans Müller")
    sure(chat, "left him a voicemail")
    (call,) = chat.rows(Interaction)
    assert (call.customer_id, call.channel) == (chat.customer("Hans Müller").id, "call")


def test_put_her_back_restores_the_customer_just_deleted(chat):
    chat.say("delete Jane Smith, test record", who="Alex")
    chat.say("yes", who="Alex")
    assert chat.customer("Jane Smith").deleted_at is not None
    sure(chat, "oh wait sam says she's real, bring her back", who="Alex")
    assert chat.customer("Jane Smith").deleted_at is None


def test_and_another_customer_with_a_stage_of_its_own_gets_that_stage(chat):
    sure(chat, "jane smith is proposal now", who="Alex")
    sure(chat, "and hans müller -> qualified", who="Alex")
    assert chat.customer("Hans Müller").stage == "qualified"
    assert chat.customer("Jane Smith").stage == "proposal"


def test_his_leads_after_a_reps_list_are_that_reps(chat):
    with Session(chat.engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    chat.run("customer.update", customer="Hans Müller", field="stage", value="lead", who="Alex")
    chat.say("list sam's leads", who="Alex")
    preview = chat.say("move his leads in berlin to dana", who="Alex")
    assert [r["Customer"] for r in preview.rows] == ["Hans Müller (Müller & Söhne GmbH)"]


def test_two_details_of_her_in_one_message_are_two_changes_never_one_long_title(chat):
    chat.say("tell me about Jane Smith")
    chat.say("her title is Head of Operations and her phone is +44 20 7946 0958")
    jane = chat.customer("Jane Smith")
    assert jane.title == "Head of Operations"
    assert jane.phone == "+442079460958"


def test_a_new_city_said_with_its_country_sets_both(chat):
    chat.say("tell me about Jane Cooper")
    reply = chat.say("set her city to Hamburg, germany")
    assert reply.text.endswith("city is now Hamburg, DE (was New York).")
    jane = chat.customer("Jane Cooper")
    assert (jane.city, jane.country) == ("Hamburg", "DE")
    chat.say("undo")
    jane = chat.customer("Jane Cooper")
    assert jane.city == "New York" and jane.country != "DE"


def test_his_new_number_and_email_said_together_are_both_changed(chat):
    chat.say("tell me about Hans Müller")
    chat.say("his new number is +49 30 901820 and email hans@mueller-soehne.de")
    hans = chat.customer("Hans Müller")
    assert (hans.phone, hans.email) == ("+4930901820", "hans@mueller-soehne.de")


def test_a_move_said_after_a_new_address_changes_her_city_too(chat):
    chat.say("jane smith's email is now jane@globex.example and she moved to Leeds")
    jane = chat.customer("Jane Smith")
    assert (jane.email, jane.city) == ("jane@globex.example", "Leeds")


def test_those_three_right_after_one_customer_never_changes_that_customer_alone(chat):
    chat.say("tell me about Jane Smith")
    written = chat.written()
    chat.say("move those 3 back to lead")
    assert chat.written() == written


def test_a_call_with_something_to_send_tomorrow_sets_the_follow_up(chat):
    reply = chat.say("called jane smith, went fine. send her a quote tmrw")
    assert reply.text.startswith("Logged a call with Jane Smith (Globex Ltd)")
    assert "Follow-up task" in reply.text


def test_what_stage_is_he_at_is_the_customer_just_talked_about(chat):
    chat.say("called Hans Müller about the renewal")
    assert chat.say("what stage is he at now").title.startswith("Hans Müller")


def test_she_after_an_opening_word_is_the_customer_just_logged(chat):
    chat.say("met jane smith this morning, went through the rollout plan")
    reply = chat.say("oh and she gave us a 9 on the nps, said support is great")
    assert reply.text.startswith("Recorded NPS 9 (promoter) for Jane Smith (Globex Ltd).")


def test_a_request_of_its_own_after_a_handover_is_not_the_handover_again(chat):
    chat.say("give jane smith to alex", who="Alex")
    reply = sure(chat, "and add a task for sam to call her tomorrow", who="Alex")
    assert reply.text.startswith("Task #") and "for Sam" in reply.text
    assert chat.customer("Jane Smith").owner_id == _staff_id(chat, "Alex")
    [task] = chat.rows(Task)
    assert (task.assignee_id, task.customer_id) == (
        _staff_id(chat, "Sam"),
        chat.customer("Jane Smith").id,
    )


def test_the_ones_of_the_list_shown_keep_its_days_unless_others_are_said(chat):
    listed = chat.say("customers not contacted in 90 days", who="Alex")
    preview = chat.say("give the not contacted ones a tag 'reactivate'", who="Alex")
    assert "no contact for 90+ days" in preview.text
    assert len(preview.rows) == len(listed.rows)


def _staff_id(chat, name: str) -> int:
    return next(member.id for member in chat.rows(Staff) if member.name == name)


def test_hours_later_her_is_no_longer_the_customer_of_the_morning(chat):
    chat.say("tell me about Jane Smith")
    chat.now += timedelta(hours=3)
    written = chat.written()
    reply = chat.say("tag her hot")
    assert "Jane Smith" not in reply.text
    assert chat.written() == written


def test_a_sale_confirmed_by_her_is_counted_as_said_never_as_her_number(chat):
    chat.say("tell me about jane cooper")
    reply = chat.say("she just confirmed by mail: 10 x CRM Pro, 12.5k total")
    assert reply.text.startswith("Recorded 10 × CRM Pro for Jane Cooper")
    [sale] = chat.rows(Purchase)
    assert sale.quantity == 10


def test_a_question_with_a_change_in_it_changes_nothing(chat):
    chat.say("tell me about jane cooper")
    written = chat.written()
    chat.say("acme - also moved to customer? check her stage")
    assert chat.written() == written
    assert chat.customer("Jane Cooper").city == "New York"


def test_her_after_a_customer_named_in_the_same_message_is_that_customer(chat):
    chat.say("tell me about Jane Smith")
    reply = sure(chat, "the dupe is Hans Müller - bin him")
    assert reply.text.startswith("Deleted Hans Müller")
    assert chat.customer("Jane Smith").deleted_at is None


def test_him_brought_back_from_the_bin_is_the_one_named_in_the_message(chat):
    chat.say("delete Hans Müller", who="Alex")
    chat.say("tell me about Jane Smith", who="Alex")
    chat.say("delete her", who="Alex")
    chat.say("yes", who="Alex")
    said = "hang on, hans müller is real, sam says he's talking to him. bring him back"
    chat.say(said, who="Alex")
    assert chat.customer("Hans Müller").deleted_at is None
    assert chat.customer("Jane Smith").deleted_at is not None


def test_another_customer_said_with_too_after_a_change_is_asked_the_same_change(chat):
    chat.say("move Jane Smith to lost")
    asked = chat.say("Hans Müller too")
    assert "Hans Müller" in asked.text and "lost" in asked.text
    chat.say("yes")
    assert chat.customer("Hans Müller").stage == "lost"


def test_him_after_a_list_of_one_is_that_one(chat):
    listed = chat.say("customers in berlin")
    assert [r["Customer"] for r in listed.rows] == ["Hans Müller (Müller & Söhne GmbH)"]
    advice = chat.say("what should i do with him")
    assert advice.title.startswith("Next for Hans Müller")


def test_them_after_a_customer_named_in_a_heads_up_is_never_the_one_shown_before(chat):
    chat.say("tell me about jane cooper")
    written = chat.written()
    reply = chat.say(
        "Just a heads up for the records — Bruny Island Abalone told me on the phone they're "
        "switching suppliers, so mark them as lost I guess"
    )
    assert reply.text.startswith("No customer matches “Bruny Island Abalone”")
    assert chat.written() == written
