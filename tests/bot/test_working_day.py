"""What a working day of a manager and reps asked that had gone wrong: each exchange as a user
meets it, checked in the store."""

from datetime import timedelta
from decimal import Decimal

from sqlmodel import Session, select

from crm_store.models import (
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    NpsAnswer,
    Product,
    Purchase,
    Staff,
    Task,
)


def _staff_id(chat, name: str) -> int:
    with Session(chat.engine) as session:
        return session.exec(select(Staff.id).where(Staff.name == name)).one()


def _task(chat, text: str) -> Task:
    return next(task for task in chat.rows(Task) if task.text == text)


def test_a_task_deleted_as_a_duplicate_is_gone_not_ticked_off(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    chat.say(f"delete task {task.id}, its a duplicate")
    assert chat.rows(Task) == []


def test_a_task_removed_completely_is_no_request_to_erase_a_customer(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    chat.say(f"remove task #{task.id} completely pls")
    assert chat.rows(Task) == []
    assert chat.customer("Jane Cooper").forgotten_at is None


def test_tasks_ticked_off_today_are_listed_as_done_today(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    chat.say(f"done {task.id}")
    reply = chat.say("what tasks did i finish today")
    assert [row["Task"] for row in reply.rows] == ["call jane cooper"]


def test_a_day_put_right_after_tasks_were_moved_moves_them_again(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("remind me to email hans müller friday")
    first, second = (task.id for task in chat.rows(Task))
    chat.say(f"move {first} and {second} to mon")
    monday = {task.due for task in chat.rows(Task)}
    chat.say("no, tuesday")
    assert {(task.due - day).days for task in chat.rows(Task) for day in monday} == {1}


def test_a_colleagues_digest_is_never_set_on_the_senders_own(chat):
    reply = chat.say("set up alex's digest too, weekdays 8:15 her time")
    assert "only start or stop your own digest" in reply.text
    with Session(chat.engine) as session:
        assert {s.digest_time for s in session.exec(select(Staff))} == {None}


def test_restoring_him_after_being_told_he_is_in_the_bin_restores_that_one(chat):
    chat.say("delete jane smith", who="Alex")
    chat.say("yes", who="Alex")
    chat.say("delete hans müller", who="Alex")
    chat.say("yes", who="Alex")  # the last one deleted is Hans
    told = chat.say("what about jane smith", who="Alex")
    assert "is in the delete bin" in told.text
    chat.say("restore him then", who="Alex")
    assert chat.customer("Jane Smith").deleted_at is None
    assert chat.customer("Hans Müller").deleted_at is not None


def test_bringing_back_a_deleted_customer_with_a_reason_restores_them(chat):
    chat.say("delete jane smith", who="Alex")
    chat.say("yes", who="Alex")
    chat.say("oh wait, bring back jane smith, sam has a call booked with her", who="Alex")
    assert chat.customer("Jane Smith").deleted_at is None
    assert chat.count(Interaction) == 0


def test_the_same_contact_for_a_second_customer_is_logged_for_both(chat):
    chat.say("emailed jane cooper the pricing sheet, and same for hans müller")
    logged = {(i.customer_id, i.channel, i.summary) for i in chat.rows(Interaction)}
    assert logged == {
        (chat.customer(name).id, "email", "the pricing sheet")
        for name in ("Jane Cooper", "Hans Müller")
    }


def test_a_contact_put_right_by_its_summary_changes_it_and_logs_no_other(chat):
    chat.say("emailed jane cooper the pricing sheet and the deck")
    asked = chat.say(
        "the email to jane cooper just now - change the summary to: sent the pricing sheet"
    )
    for _ in range(2):  # confirmed as a user would, each question asked about it
        asked = chat.say("yes") if "(yes/no)" in asked.text else asked
    [email] = chat.rows(Interaction)
    assert email.summary == "sent the pricing sheet"


def test_a_call_then_a_stage_change_then_log_it_does_both(chat):
    chat.say(
        "jane smith - just had the call, went well, she wants a demo. bump her to proposal and "
        "log it"
    )
    [call] = chat.rows(Interaction)
    assert (call.channel, call.summary) == ("call", "went well, she wants a demo")
    assert chat.customer("Jane Smith").stage == "proposal"


def test_a_score_told_after_a_sale_is_recorded_with_it(chat):
    chat.say("Jane Cooper @ Acme signed: 25 seats CRM Pro, 12,500. she rated us 9 btw")
    [sale] = chat.rows(Purchase)
    assert (sale.customer_id, sale.quantity) == (chat.customer("Jane Cooper").id, 25)
    [answer] = chat.rows(NpsAnswer)
    assert (answer.customer_id, answer.score) == (chat.customer("Jane Cooper").id, 9)


def test_her_open_task_handed_on_moves_the_task_and_leaves_her_owner(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("tell me about jane cooper", who="Alex")
    chat.say("move her open task to alex", who="Alex")
    with Session(chat.engine) as session:
        alex = session.exec(select(Staff).where(Staff.name == "Alex")).one()
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        assert session.exec(select(Task)).one().assignee_id == alex.id
        jane = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        assert jane.owner_id == sam.id


def test_the_nps_of_a_period_lists_who_answered_and_their_score(chat):
    chat.say("jane cooper gave us a 9")
    chat.say("hans müller scored us 4, says support is slow")
    reply = chat.say("list this month's nps responses", who="Alex")
    shown = {(row["Customer"].split(" (#")[0], row["What"]) for row in reply.rows}
    assert shown == {("Jane Cooper", "NPS 9"), ("Hans Müller", "NPS 4: support is slow")}


def test_the_team_asked_for_calls_meetings_and_sales_gets_each_reps_card(chat):
    chat.say("called jane cooper about the renewal")
    chat.say("met hans müller at the fair")
    reply = chat.say("how did the team do today - calls, meetings, sales?", who="Alex")
    sam = next(row for row in reply.rows if row["Rep"] == "Sam")
    assert (sam["Calls"], sam["Meetings"], sam["Contacts"]) == ("1", "1", "2")


def test_left_out_by_a_tag_and_a_name_with_an_aside_in_brackets(chat):
    chat.say("tag hans müller partner")
    chat.say("list sam's customers", who="Alex")
    preview = chat.say(
        "mark those as lost, except anything tagged partner and jane smith (just moved to alex)",
        who="Alex",
    )
    assert "Move 1 customer" in preview.text
    chat.say("yes", who="Alex")
    stages = {name: chat.customer(name).stage for name in ("Jane Cooper", "Jane Smith")}
    assert stages == {"Jane Cooper": "lost", "Jane Smith": "qualified"}
    assert chat.customer("Hans Müller").stage != "lost"


def test_one_left_with_their_rep_in_a_handover_stays_theirs(chat):
    chat.say("list sam's customers", who="Alex")
    preview = chat.say(
        "hand them to alex, but leave hans with sam, he just talked to him", who="Alex"
    )
    assert "2 customers" in preview.text
    chat.say("yes", who="Alex")
    with Session(chat.engine) as session:
        owners = dict(session.exec(select(Staff.id, Staff.name)).all())
    moved = {name: owners[chat.customer(name).owner_id] for name in ("Jane Cooper", "Hans Müller")}
    assert moved == {"Jane Cooper": "Alex", "Hans Müller": "Sam"}


def test_a_customers_note_put_right_changes_their_contact_not_the_last_one_logged(chat):
    chat.say("called jane cooper about the renewal")
    chat.say("emailed hans müller the deck")
    asked = chat.say("that was 2 calls. jane cooper's note should just say renewal agreed")
    for _ in range(2):  # confirmed as a user would, each question asked about it
        asked = chat.say("yes") if "(yes/no)" in asked.text else asked
    said = {i.customer_id: i.summary for i in chat.rows(Interaction)}
    assert said == {
        chat.customer("Jane Cooper").id: "renewal agreed",
        chat.customer("Hans Müller").id: "the deck",
    }


def test_the_same_for_a_day_is_no_second_customer(chat):
    chat.say("emailed jane cooper the deck, same for tomorrow")
    assert {i.customer_id for i in chat.rows(Interaction)} <= {chat.customer("Jane Cooper").id}


def _catalogue(chat) -> None:
    with Session(chat.engine) as session:
        session.add(Product(name="Analytics Pro", family="Analytics", price=Decimal(1100)))
        session.add(Product(name="Support Premium", family="Support", tier=2, price=600))
        session.add(Product(name="Onboarding Package", family="Services", price=2000))
        session.commit()


def _sales(chat) -> set[tuple[str, int, Decimal]]:
    return {(sale.product, sale.quantity, sale.amount) for sale in chat.rows(Purchase)}


def test_a_price_said_with_at_near_the_list_price_is_the_price_of_each(chat):
    _catalogue(chat)
    chat.say("sold jane cooper 3 analytics pro at 1050")
    assert _sales(chat) == {("Analytics Pro", 3, Decimal(3150))}


def test_two_products_each_with_its_price_are_two_sales(chat):
    _catalogue(chat)
    chat.say("sold jane cooper 3 analytics pro at 1050, and 2 support premium 600 each")
    assert _sales(chat) == {
        ("Analytics Pro", 3, Decimal(3150)),
        ("Support Premium", 2, Decimal(1200)),
    }


def test_a_second_product_said_without_a_price_is_at_its_list_price(chat):
    _catalogue(chat)
    chat.say("jane cooper bought 10 analytics pro at 1000 each and 1 onboarding package")
    assert _sales(chat) == {
        ("Analytics Pro", 10, Decimal(10000)),
        ("Onboarding Package", 1, Decimal(2000)),
    }


def test_a_sale_put_right_by_its_product_changes_that_sale_not_the_last(chat):
    _catalogue(chat)
    chat.say("sold jane cooper 3 analytics pro for 3000")
    chat.say("sold jane cooper 2 support premium for 1200")
    preview = chat.say("the Analytics Pro sale to Jane Cooper today should be $3,300")
    assert "3 × Analytics Pro" in preview.text
    chat.say("yes")
    assert _sales(chat) == {
        ("Analytics Pro", 3, Decimal(3300)),
        ("Support Premium", 2, Decimal(1200)),
    }


def test_a_task_deleted_as_a_copy_of_another_leaves_the_other(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("remind me to call jane cooper friday")
    kept, copy = sorted(task.id for task in chat.rows(Task))
    chat.say(f"delete task {copy}, its a duplicate of {kept}")
    assert [task.id for task in chat.rows(Task)] == [kept]


def test_a_score_said_in_a_call_is_recorded_with_the_call(chat):
    chat.say("rang jane smith, unhappy w/ setup, promised a training session. nps now 5. f/u thurs")
    answers = chat.rows(NpsAnswer)
    assert [(a.customer_id, a.score) for a in answers] == [(chat.customer("Jane Smith").id, 5)]
    assert [i.channel for i in chat.rows(Interaction)] == ["call"]


def test_done_right_after_the_one_task_shown_closes_it(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    chat.say("my tasks for jane cooper")
    chat.say("done, booked it")
    assert chat.rows(Task)[0].status == "done" and chat.rows(Task)[0].id == task.id


def test_a_customers_tasks_asked_with_a_pronoun_are_that_customers(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("tell me about jane cooper")
    reply = chat.say("my tasks for him?")
    assert [row["Task"] for row in reply.rows] == ["call jane cooper"]


def test_a_follow_up_is_not_made_when_the_message_moves_the_task_itself(chat):
    chat.say("remind me to chase jane cooper for the contract friday")
    chat.say(
        "called jane cooper re contract, she says legal signs off thurs. push the chase task to mon"
    )
    assert len(chat.rows(Task)) == 1
    assert chat.rows(Task)[0].due.weekday() == 0


def test_a_change_to_a_list_and_a_handover_in_one_message_are_each_done_once_confirmed(chat):
    chat.say("customers in berlin and new york", who="Alex")
    asked = chat.say(
        "tag these winback and give hans müller to alex so he has all of them", who="Alex"
    )
    assert asked.text.startswith("Tag 2 customers winback?")
    assert chat.customer("Hans Müller").owner_id == chat.customer("Jane Cooper").owner_id
    chat.say("yes", who="Alex")
    assert [_tags(chat, name) for name in ("Hans Müller", "Jane Cooper")] == [{"winback"}] * 2
    assert chat.customer("Hans Müller").owner_id != chat.customer("Jane Cooper").owner_id


def _tags(chat, name: str) -> set[str]:
    with Session(chat.engine) as session:
        found = session.exec(
            select(CustomerTag.tag).where(CustomerTag.customer_id == chat.customer(name).id)
        )
        return set(found)


def test_a_customer_added_to_that_tag_gets_the_tag_just_used(chat):
    chat.say("tag everyone in new york key-account", who="Alex")
    chat.say("yes", who="Alex")
    chat.say("actually also add hans müller to that tag", who="Alex")
    assert _tags(chat, "Hans Müller") == {"key-account"}


def test_that_tag_with_no_tag_just_used_is_asked_for_never_written(chat):
    reply = chat.say("add hans müller to that tag", who="Alex")
    assert "What should the tag be?" in reply.text
    assert _tags(chat, "Hans Müller") == set()


def test_a_tag_removed_unnamed_is_the_one_the_customer_has(chat):
    chat.say("tag jane cooper vip")
    chat.say("remove the tag from jane cooper, she's not strategic")
    assert _tags(chat, "Jane Cooper") == set()


def test_a_tag_removed_unnamed_from_a_customer_with_several_is_asked_about(chat):
    with Session(chat.engine) as session:  # tagged before this conversation
        jane = chat.customer("Jane Cooper").id
        session.add_all(CustomerTag(customer_id=jane, tag=tag) for tag in ("vip", "partner"))
        session.commit()
    reply = chat.say("remove the tag from jane cooper")
    assert "Which tag?" in reply.text
    assert _tags(chat, "Jane Cooper") == {"vip", "partner"}


def test_a_numbered_task_with_an_arrow_is_handed_over(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    chat.say(f"task {task.id} -> sam", who="Alex")
    with Session(chat.engine) as session:
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
    assert [(t.text, t.assignee_id) for t in chat.rows(Task)] == [("call jane cooper", sam.id)]


def test_a_count_put_right_with_the_same_total_keeps_the_sum(chat):
    _catalogue(chat)
    chat.say("jane cooper took 5 analytics pro seats, 4250 all in")
    chat.say("oops no it was 6 seats not 5")
    chat.say("no, same total, 4250 for 6")
    chat.say("yes")
    assert _sales(chat) == {("Analytics Pro", 6, Decimal(4250))}


def test_a_sale_said_to_be_a_count_keeping_its_total_is_put_right(chat):
    _catalogue(chat)
    chat.say("jane cooper took 5 analytics pro seats, 4250 all in")
    chat.say("the jane cooper sale was 6 seats, keep the total at 4250")
    chat.say("yes")
    assert _sales(chat) == {("Analytics Pro", 6, Decimal(4250))}


def test_that_task_named_after_a_call_is_closed_not_the_follow_up_just_made(chat):
    chat.say("remind me to do the intro call with jane smith friday")
    chat.say(
        "rang jane smith, nice chat, she wants a demo, set one up for wed next wk. "
        "also mark that intro call task done"
    )
    status = {task.text: task.status for task in chat.rows(Task)}
    assert status.pop("do the intro call with jane smith") == "done"
    assert set(status.values()) == {"open"}  # the follow-up to the call stays to do


def test_a_follow_up_day_put_right_moves_the_follow_up_just_set(chat):
    chat.say("called jane smith, she'll decide by end of month, follow up friday")
    chat.say("no the follow up should be on the 28th not the friday")
    assert [task.due.day for task in chat.rows(Task)] == [28]


def test_a_list_then_mark_them_lost_previews_the_change(chat):
    reply = chat.say("any customers in berlin? mark them lost", who="Alex")
    assert "Confirm" in reply.text or "(yes/no)" in reply.text or "Confirm (yes)" in reply.text
    chat.say("yes", who="Alex")
    assert chat.customer("Hans Müller").stage == "lost"


def test_a_task_for_each_owner_on_their_customers_is_previewed_per_customer(chat):
    preview = chat.say("have each owner call their customers in berlin by friday", who="Alex")
    assert "for each one's owner" in preview.text
    chat.say("yes", who="Alex")
    tasks = chat.rows(Task)
    assert [(t.customer_id, t.due.weekday()) for t in tasks] == [
        (chat.customer("Hans Müller").id, 4)
    ]


def test_all_of_ones_overdue_tasks_are_pushed_to_a_day(chat):
    chat.say("remind me to call jane cooper monday")
    chat.say("remind me to email hans müller tuesday")
    with Session(chat.engine) as session:  # both left undone since
        for task in session.exec(select(Task)):
            task.due = chat.now.date() - timedelta(days=2)
            session.add(task)
        session.commit()
    chat.say("my own overdue ones - push them all to friday")
    assert {task.due.weekday() for task in chat.rows(Task)} == {4}


def test_that_task_of_the_customer_shown_is_handed_over_by_a_manager(chat):
    chat.say("remind me to book a qbr with jane smith friday")
    chat.say("tell me about jane smith", who="Alex")
    chat.say("give that qbr task to alex, it's his account now", who="Alex")
    with Session(chat.engine) as session:
        alex = session.exec(select(Staff).where(Staff.name == "Alex")).one()
    assert [task.assignee_id for task in chat.rows(Task)] == [alex.id]


def test_a_company_then_its_person_in_brackets_is_that_customer(chat):
    chat.say("acme corporation (jane) ordered 3 widgets for 900")
    assert [p.customer_id for p in chat.rows(Purchase)] == [chat.customer("Jane Cooper").id]


def test_the_count_of_a_list_said_again_is_checked_before_a_change(chat):
    chat.say("customers in berlin and new york", who="Alex")
    reply = chat.say("tag all 5 winback", who="Alex")
    assert "You said 5" in reply.text
    assert _tags(chat, "Hans Müller") == set()


def test_a_second_product_after_a_plus_is_a_sale_of_its_own_at_list_price(chat):
    _catalogue(chat)
    asked = chat.say("sold jane cooper 10x analytics pro at 1050 + onboarding pkg")
    assert "the price of each of the 10" in asked.text
    chat.say("each")
    assert _sales(chat) == {
        ("Analytics Pro", 10, Decimal(10500)),
        ("Onboarding Package", 1, Decimal(2000)),
    }


def test_one_sum_for_two_products_is_asked_apart_never_put_on_one(chat):
    _catalogue(chat)
    reply = chat.say("sold jane cooper 10x analytics pro + 1 onboarding package, 12000 total")
    assert "sale of its own" in reply.text
    assert chat.rows(Purchase) == []


def test_put_it_back_after_a_change_undoes_that_change(chat):
    chat.say("move jane smith to proposal")
    chat.say("omg sorry, ignore that last change I made, please put it back")
    assert chat.customer("Jane Smith").stage == "qualified"


def test_both_of_them_after_a_list_of_two_is_that_list(chat):
    chat.say("customers in new york and london", who="Alex")
    chat.say("move both of them back to lead", who="Alex")
    chat.say("yes", who="Alex")
    stages = {name: chat.customer(name).stage for name in ("Jane Cooper", "Jane Smith")}
    assert stages == {"Jane Cooper": "lead", "Jane Smith": "lead"}


def test_both_after_a_longer_list_changes_nothing(chat):
    chat.say("customers in new york, london and berlin", who="Alex")
    reply = chat.say("move both of them back to lead", who="Alex")
    assert "You said 2" in reply.text
    assert chat.customer("Jane Cooper").stage == "customer"


def test_a_task_for_a_customer_named_before_its_words_is_on_that_customer(chat):
    chat.say("add a task for jane smith: QBR meeting jan 14")
    assert [(t.text, t.customer_id) for t in chat.rows(Task)] == [
        ("QBR meeting", chat.customer("Jane Smith").id)
    ]


def test_the_one_of_a_list_named_by_a_word_shared_with_others_is_the_one_listed(chat):
    chat.say("customers in london", who="Alex")
    reply = chat.say("the jane one, mark it lost", who="Alex")
    assert "Jane Smith" in reply.text
    assert chat.customer("Jane Smith").stage == "lost"
    assert chat.customer("Jane Cooper").stage == "customer"


def test_a_change_to_a_name_shared_by_two_asks_which_without_a_list(chat):
    reply = chat.say("jane, mark her lost", who="Alex")
    assert "Which one" in reply.text
    assert {chat.customer(n).stage for n in ("Jane Smith", "Jane Cooper")} == {
        "qualified",
        "customer",
    }


def test_a_contact_said_to_be_with_someone_else_is_moved_to_them_once_confirmed(chat):
    chat.say("called jane cooper, she wants a quote")
    reply = chat.say("today's call with jane cooper was actually with hans müller, pls fix")
    assert "Move the call with Jane Cooper" in reply.text and "to Hans Müller" in reply.text
    chat.say("yes")
    (call,) = chat.rows(Interaction)
    assert call.customer_id == chat.customer("Hans Müller").id


def test_the_customer_picked_for_a_contact_moved_is_the_one_it_goes_to(chat):
    chat.say("called hans müller, wants a quote")
    asked = chat.say("oops that was jane not hans")
    assert "Which one" in asked.text
    number = next(b.value for b in asked.buttons if "Jane Smith" in b.label)
    confirm = chat.say(number)
    assert "to Jane Smith" in confirm.text
    chat.say("yes")
    (call,) = chat.rows(Interaction)
    assert call.customer_id == chat.customer("Jane Smith").id


def test_any_in_a_city_after_a_list_narrows_that_list(chat):
    chat.say("customers in new york and london", who="Alex")
    reply = chat.say("any in london?", who="Alex")
    assert [row["Customer"] for row in reply.rows] == ["Jane Smith (Globex Ltd)"]
    chat.say("move all of them to lead", who="Alex")
    chat.say("yes", who="Alex")
    assert [chat.customer(n).stage for n in ("Jane Smith", "Jane Cooper")] == ["lead", "customer"]


def test_the_one_of_a_task_list_named_by_its_customer_is_that_task(chat):
    chat.say("remind me to book a QBR with hans müller friday", who="Alex")
    chat.say("remind me to send jane cooper the renewal quote monday", who="Alex")
    chat.say("my tasks", who="Alex")
    chat.say("push the acme one to thursday", who="Alex")
    chat.say("and give the müller one to sam", who="Alex")
    quote = _task(chat, "send jane cooper the renewal quote")
    qbr = _task(chat, "book a QBR with hans müller")
    assert quote.due.isoformat() == "2026-11-19"
    with Session(chat.engine) as session:
        assert session.get(Staff, qbr.assignee_id).name == "Sam"


def test_and_the_one_named_after_a_task_was_moved_moves_that_task_too(chat):
    chat.say("remind me to call hans müller about the new tier friday")
    chat.say("remind me to send jane cooper the renewal quote monday")
    chat.say("push the hans call to thursday")
    chat.say("and the acme one to friday")
    assert _task(chat, "send jane cooper the renewal quote").due.isoformat() == "2026-11-20"
    assert _task(chat, "call hans müller about the new tier").due.isoformat() == "2026-11-19"


def test_what_a_list_spent_together_is_said_and_asked_again_after_it(chat):
    chat.say("sold 2 analytics pro to jane cooper for 2200")
    chat.say("sold 1 support premium to jane smith for 600")
    listed = chat.say("customers in new york and london", who="Alex")
    assert "Together they spent $2,800 to date." in listed.text
    again = chat.say("how much have they spent in total", who="Alex")
    assert again.text == listed.text


def test_whose_are_the_top_few_is_the_owners_of_those_few(chat):
    chat.say("sold 2 analytics pro to jane cooper for 2200")
    chat.say("top 1 customers in new york and london", who="Alex")
    reply = chat.say("who owns them", who="Alex")
    assert [row["Customer"] for row in reply.rows] == ["Jane Cooper (Acme Corporation)"]
    assert "By owner: Sam 1." in reply.text


def test_that_tag_after_a_list_chosen_by_a_tag_is_that_tag(chat):
    chat.say("tag jane cooper vip")
    chat.say("tag jane cooper winback")
    chat.say("tag jane smith winback")
    chat.say("customers tagged winback", who="Alex")
    chat.say("remove that tag from jane cooper, she ordered last week per sam", who="Alex")
    assert _tags(chat, "Jane Cooper") == {"vip"}
    assert _tags(chat, "Jane Smith") == {"winback"}
    chat.say("customers tagged winback", who="Alex")
    chat.say("remove that tag from all of them", who="Alex")
    chat.say("yes", who="Alex")
    assert _tags(chat, "Jane Smith") == set()
    assert chat.customer("Jane Smith").deleted_at is None


def test_who_still_has_overdue_tasks_is_the_teams_for_a_manager(chat):
    chat.say("remind me to call jane cooper monday")
    with Session(chat.engine) as session:  # left undone since
        for task in session.exec(select(Task)):
            task.due = chat.now.date() - timedelta(days=2)
            session.add(task)
        session.commit()
    reply = chat.say("whos still got overdue tasks", who="Alex")
    assert [(row["Task"], row["Who"]) for row in reply.rows] == [("call jane cooper", "Sam")]


def test_the_catalogue_and_a_products_list_price_are_answered_in_chat(chat):
    _catalogue(chat)
    listed = chat.say("what products have we got")
    assert [row["Product"] for row in listed.rows] == [
        "Analytics Pro",
        "Onboarding Package",
        "Support Premium",
    ]
    assert chat.say("what's the list price of analytics pro").text == (
        "Analytics Pro: $1,100 list price."
    )
    for asked in ("whats analytics pro list price", "price of analytics pro?",
                  "what does analytics pro cost"):  # fmt: skip
        assert chat.say(asked).text.startswith("Analytics Pro: $1,100")
    assert chat.say("how much is jane cooper worth").title.startswith("Jane Cooper")


def test_a_count_put_right_with_what_she_took_changes_the_sale_just_recorded(chat):
    _catalogue(chat)
    chat.say("sold jane cooper 2 support premium for 1200")
    asked = chat.say("no wait she only took 1 support premium, not 2")
    assert "to 1 × Support Premium and $600" in asked.text
    chat.say("yes")
    assert _sales(chat) == {("Support Premium", 1, Decimal("600"))}


def test_i_mean_the_team_after_a_question_asks_it_of_the_team(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("my tasks this week", who="Alex")
    reply = chat.say("i mean the team", who="Alex")
    assert [(row["Task"], row["Who"]) for row in reply.rows] == [("call jane cooper", "Sam")]


def test_the_task_about_calling_her_is_never_the_follow_up_just_set(chat):
    chat.say("remind me to call jane cooper about the renewal friday")
    chat.say("emailed jane cooper the deck, follow up tuesday")
    chat.say("and close the task about calling her")
    status = {task.text: task.status for task in chat.rows(Task)}
    assert status["call jane cooper about the renewal"] == "done"
    assert [text for text, s in status.items() if s == "open"] == [
        next(t for t in status if t != "call jane cooper about the renewal")
    ]


def test_untag_them_after_a_list_chosen_by_a_tag_takes_that_tag_off_them(chat):
    chat.say("tag jane cooper winback")
    chat.say("tag jane smith winback")
    chat.say("tag jane smith vip")
    chat.say("customers tagged winback", who="Alex")
    preview = chat.say("untag them", who="Alex")
    assert preview.text.startswith("Remove the tag winback from 2 customers?")
    chat.say("yes", who="Alex")
    assert (_tags(chat, "Jane Cooper"), _tags(chat, "Jane Smith")) == (set(), {"vip"})


def test_what_a_list_or_she_is_worth_is_asked_back_in_other_words(chat):
    chat.say("sold 2 analytics pro to jane cooper for 2200")
    chat.say("sold 1 support premium to jane smith for 600")
    listed = chat.say("customers in new york and london", who="Alex")
    for asked in (
        "how much are they worth",
        "what are they worth together",
        "whats that list worth",
        "total value of that list?",
        "what's the total",
    ):
        assert chat.say(asked, who="Alex").text == listed.text
    chat.say("tell me about jane cooper")
    assert chat.say("whats she worth now in total").title.startswith("Jane Cooper")


def test_his_city_fixed_with_its_country_in_words_is_the_town_and_the_country(chat):
    chat.say("tell me about hans müller")
    chat.say("fix his city, it's hamburg germany")
    hans = chat.customer("Hans Müller")
    assert (hans.city, hans.country) == ("Hamburg", "DE")
    chat.say("tell me about jane cooper")
    chat.say("her city is now atlanta georgia")
    assert chat.customer("Jane Cooper").city == "Atlanta Georgia"


def test_the_tasks_on_the_customers_just_listed_are_those_tasks_only(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("remind me to email hans müller friday")
    chat.say("customers in new york and london", who="Alex")
    reply = chat.say("show open tasks for those customers", who="Alex")
    assert [row["Task"] for row in reply.rows] == ["call jane cooper"]
    chat.say("customers in new york and london", who="Alex")
    reply = chat.say("which tasks does sam still have on those customers?", who="Alex")
    assert [row["Task"] for row in reply.rows] == ["call jane cooper"]


def test_a_move_to_a_town_abroad_takes_its_country_and_one_at_home_keeps_it(chat):
    chat.say("tell me about hans müller")
    chat.say("fix his city, it's hamburg germany")
    assert chat.say("oh and he moved to london").text.startswith(
        "Hans Müller (Müller & Söhne GmbH): city is now London, GB (was Hamburg)"
    )
    hans = chat.customer("Hans Müller")
    assert (hans.city, hans.country) == ("London", "GB")
    chat.say("undo")
    chat.say("he moved to munich")
    hans = chat.customer("Hans Müller")
    assert (hans.city, hans.country) == ("Munich", "DE")


def test_none_of_those_then_a_number_answers_with_that_customer(chat):
    assert "Which one?" in chat.say("tell me about jane").text
    hans = chat.customer("Hans Müller")
    reply = chat.say(f"none of those. #{hans.id}")
    assert hans.name in f"{reply.title} {reply.text}"
    assert "cancelled my earlier question" in str(reply.note)


def test_a_task_number_said_after_a_task_list_hands_over_that_task_not_a_customer(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    chat.say("sam's tasks", who="Alex")
    chat.say(f"the jane cooper one (#{task.id}) should be alex's now, he owns her", who="Alex")
    assert _task(chat, "call jane cooper").assignee_id != task.assignee_id
    assert chat.customer("Jane Cooper").owner_id == task.assignee_id  # the customer stays Sam's


def test_a_task_put_right_by_its_number_is_that_task_not_the_customer_of_that_number(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    owners = {c.id: c.owner_id for c in chat.rows(Customer)}
    chat.say(f"move task {task.id} to monday", who="Alex")
    chat.say(f"i meant give #{task.id} to alex", who="Alex")
    assert _task(chat, "call jane cooper").assignee_id != task.assignee_id
    assert {c.id: c.owner_id for c in chat.rows(Customer)} == owners


def test_which_of_them_bought_a_product_narrows_the_list_just_shown(chat):
    with Session(chat.engine) as session:
        session.add(Product(name="Support Plan", family="Support", price=Decimal(900)))
        session.commit()
    chat.say("sold 1 support plan to jane smith, 900")
    chat.say("customers in london or new york", who="Alex")
    reply = chat.say("which of them bought support plan", who="Alex")
    assert "Jane Smith" in str(reply.rows) and "Jane Cooper" not in str(reply.rows)


def test_a_first_name_unlike_the_customers_is_asked_about_not_logged_on_them(chat):
    with Session(chat.engine) as session:
        owner = chat.customer("Jane Cooper").owner_id
        session.add(Customer(name="Jonas Smith", company="Black Mesa", owner_id=owner))
        session.commit()
    chat.say("called john smith, left a vm")
    assert chat.count(Interaction) == 0


def test_a_follow_up_already_set_as_a_task_is_not_set_twice(chat):
    chat.say("remind me to send the renewal quote to jane cooper today")
    reply = chat.say("called jane cooper, she's fine with the new tier, sending the quote tmrw")
    assert chat.count(Interaction) == 1
    assert chat.count(Task) == 1
    assert "covers it" in reply.text


def test_a_follow_up_about_something_else_is_still_set(chat):
    chat.say("remind me to send the renewal quote to jane cooper today")
    chat.say("called jane cooper, wants a demo of analytics, follow up tomorrow")
    assert chat.count(Task) == 2


def test_what_a_rep_did_today_lists_the_sales_and_closed_tasks_too(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say(f"done {chat.rows(Task)[0].id}")
    chat.say("called jane smith, wants a quote")
    chat.say("sold 2 crm pro to jane cooper, 1800")
    reply = chat.say("what did sam do today", who="Alex")
    said = f"{reply.text} {reply.rows} {reply.note}"
    assert "Jane Smith" in said
    assert "2 × crm pro to jane cooper" in said.lower()
    assert "call jane cooper" in said


def test_everyone_at_a_stage_after_a_narrower_list_is_a_list_of_its_own(chat):
    chat.say("top 10 customers by lifetime value in qualified", who="Alex")
    reply = chat.say("ok just list everyone in qualified then", who="Alex")
    assert "Jane Smith" in str(reply.rows) or "Jane Smith" in reply.text


def test_my_task_for_that_after_a_profile_closes_their_task(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("tell me about jane cooper")
    chat.say("close my task for that")
    assert [task.status for task in chat.rows(Task)] == ["done"]


def test_the_others_of_a_list_less_one_named_are_moved_and_that_one_stays(chat):
    chat.say("sam's customers", who="Alex")
    asked = chat.say("ok now move the other 2 to alex, not jane cooper", who="Alex")
    assert "Jane Cooper" not in str(asked.rows)
    chat.say("yes", who="Alex")
    sam = chat.customer("Jane Cooper").owner_id
    assert {chat.customer(n).owner_id != sam for n in ("Jane Smith", "Hans Müller")} == {True}


def test_a_task_number_a_customer_has_is_the_task_deleted_never_the_customer(chat):
    chat.say("remind me to call jane cooper friday")
    task = chat.rows(Task)[0]
    chat.say("tell me about jane cooper")
    chat.say(f"she also has #{task.id} for the same thing, delete that one")
    assert chat.rows(Task) == []
    assert chat.customer("Jane Cooper").deleted_at is None


def test_a_call_put_right_by_its_day_and_customer_changes_its_note(chat):
    chat.say("called jane cooper, legal review pending")
    asked = chat.say("change today's call with jane cooper to say legal review done by thursday")
    for _ in range(2):  # confirmed as a user would, each question asked about it
        asked = chat.say("yes") if "(yes/no)" in asked.text else asked
    [call] = chat.rows(Interaction)
    assert call.summary == "legal review done by thursday"


def test_them_after_a_top_list_are_the_customers_shown(chat):
    chat.say("sold 2 crm pro to jane cooper, 1800")
    chat.say("sold 1 crm pro to jane smith, 900")
    chat.say("top 2 customers by lifetime value", who="Alex")
    asked = chat.say("tag them vip", who="Alex")
    assert "Tag 2 customers vip" in asked.text


def test_any_of_them_in_a_town_narrows_the_list_just_shown(chat):
    chat.say("sam's customers", who="Alex")
    reply = chat.say("any of them in london?", who="Alex")
    assert "Jane Smith" in str(reply.rows) and "Jane Cooper" not in str(reply.rows)


def test_her_after_a_duplicate_left_unadded_is_the_customer_who_exists(chat):
    chat.say("tell me about hans müller")
    asked = chat.say("new lead jane smith, globex, london. met her at the webinar")
    assert "already exists" in asked.text
    chat.say("no")
    chat.say("ok then just log that i met her at the webinar last thurs, she wants pricing")
    [meeting] = chat.rows(Interaction)
    assert meeting.customer_id == chat.customer("Jane Smith").id


def test_a_contact_said_to_be_someone_elses_is_moved_to_them_once_confirmed(chat):
    chat.say("met jane cooper at the webinar, she wants pricing")
    asked = chat.say("no that wasnt jane, it was hans müller")
    assert "to Hans Müller" in asked.text
    chat.say("yes")
    [meeting] = chat.rows(Interaction)
    assert meeting.customer_id == chat.customer("Hans Müller").id


def test_one_of_two_tasks_closed_together_said_not_done_is_the_only_one_open_again(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("remind me to email hans müller friday")
    first, second = (task.id for task in chat.rows(Task))
    chat.say(f"done {first} and {second}")
    chat.say(f"actually {second} isnt done yet, undo")
    assert {task.id: task.completed_at is None for task in chat.rows(Task)} == {
        first: False,
        second: True,
    }


def test_a_question_about_a_stage_then_a_request_to_put_it_back_does_both(chat):
    chat.say("move jane cooper to lost", who="Alex")
    reply = chat.say(
        "why is jane cooper marked lost?? im calling her tmrw, put her back to customer"
    )
    assert "stage lost" in reply.text or "→ lost" in reply.text
    assert chat.customer("Jane Cooper").stage == "customer"
    chat.say("and add a note that she asked for a demo of analytics pro")
    [note] = chat.rows(Interaction)
    assert (note.customer_id, note.channel) == (chat.customer("Jane Cooper").id, "note")


def test_a_rep_said_to_have_too_much_has_his_leads_previewed_for_another(chat):
    chat.say("move jane smith to lead", who="Alex")
    asked = chat.say("sam's got too much on, move his leads to alex", who="Alex")
    assert asked.text.startswith("Move 2 customers to Alex?")
    chat.say("yes", who="Alex")
    moved = {c.name for c in chat.rows(Customer) if c.owner_id == _staff_id(chat, "Alex")}
    assert moved == {"Jane Smith", "Hans Müller"}  # the leads, not Jane Cooper, a customer


def test_a_customer_perhaps_entered_twice_is_shown_beside_the_other_record(chat):
    chat.say("new lead K. Brandt, Nimbus Robotics GmbH, k.brandt@nimbus.de", who="Alex")
    chat.say("new lead Kai Brandt, Nimbus Robotics, kai@nimbusrobotics.com", who="Alex")
    reply = chat.say("looks like kai brandt got entered twice, can you check", who="Alex")
    assert sorted(row["E-mail"] for row in reply.rows) == [
        "k.brandt@nimbus.de",
        "kai@nimbusrobotics.com",
    ]


def test_whose_of_the_tasks_just_listed_narrows_that_list_to_theirs(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("remind me to call hans müller friday", who="Alex")
    chat.say("team tasks due this week", who="Alex")
    reply = chat.say("which of those are sam's", who="Alex")
    assert [row["Task"] for row in reply.rows] == ["call jane cooper"]


def test_the_month_before_asked_after_a_months_sales_compares_that_month(chat):
    chat.say("revenue last month", who="Alex")
    reply = chat.say("and compared to the month before?", who="Alex")
    assert "(Thu 1 Oct – Sat 31 Oct). Before:" in reply.text
    assert "(Tue 1 Sep – Wed 30 Sep)" in reply.text


def test_him_given_a_task_on_a_reps_customers_is_that_rep(chat):
    chat.say("sam's customers", who="Alex")
    asked = chat.say("set him a task to call each of those", who="Alex")
    assert "for Sam," in asked.text
    chat.say("yes", who="Alex")
    assert {task.text for task in chat.rows(Task)} == {"call"}
    assert {task.assignee_id for task in chat.rows(Task)} == {_staff_id(chat, "Sam")}


def test_a_list_tagged_and_handed_over_in_one_message_is_both(chat):
    chat.say("sam's customers", who="Alex")
    chat.say("tag them winback and give them all to alex", who="Alex")
    chat.say("yes", who="Alex")
    chat.say("yes", who="Alex")
    assert {tag.tag for tag in chat.rows(CustomerTag)} == {"winback"}
    assert chat.count(CustomerTag) == 3
    assert {c.owner_id for c in chat.rows(Customer)} == {_staff_id(chat, "Alex")}


def test_that_note_fixed_right_after_a_call_changes_the_calls_words(chat):
    chat.say("called jane cooper, she wants a demo")
    asked = chat.say("actually fix that note - she wants a demo next week")
    assert "to say “she wants a demo next week”" in asked.text
    chat.say("yes")
    [call] = chat.rows(Interaction)
    assert (call.channel, call.summary) == ("call", "she wants a demo next week")


def test_a_new_email_and_where_they_are_now_change_both(chat):
    chat.say("new email for jane cooper: jc@acme.io, and shes now in austin")
    jane = chat.customer("Jane Cooper")
    assert (jane.email, jane.city) == ("jc@acme.io", "Austin")


def test_more_towns_said_to_a_preview_widen_it(chat):
    chat.say("tag customers in berlin as dach", who="Alex")
    asked = chat.say("actually include london and new york as well", who="Alex")
    assert asked.text.startswith("Tag 3 customers dach?")
    chat.say("yes", who="Alex")
    assert chat.count(CustomerTag) == 3


def test_a_task_put_on_her_after_her_profile_is_on_her(chat):
    chat.say("remind me to call hans müller friday")
    task = chat.rows(Task)[0]
    chat.say("tell me about jane cooper")
    chat.say(f"put task {task.id} on her too")
    assert chat.rows(Task)[0].customer_id == chat.customer("Jane Cooper").id


def test_a_sum_put_right_with_why_is_previewed_on_the_sale_just_logged(chat):
    chat.say("sold 2 crm pro to jane cooper for 24000")
    asked = chat.say("actually make that 24,500, forgot the setup fee")
    assert "to $24,500? (yes/no)" in asked.text
    chat.say("yes")
    [sale] = chat.rows(Purchase)
    assert sale.amount == Decimal("24500")


def test_a_whole_question_after_a_list_is_asked_of_everyone(chat):
    chat.say("customers in berlin", who="Alex")
    reply = chat.say("who hasnt bought anything in 6 months", who="Alex")
    assert "in berlin" not in reply.text


def test_an_interest_and_a_stage_told_of_the_one_just_added_are_both_set(chat):
    chat.say("new lead daniel kim, kim & co, daniel@kimco.com")
    chat.say("he's interested in crm starter, put him in qualified")
    daniel = chat.customer("Daniel Kim")
    assert daniel.stage == "qualified"
    with Session(chat.engine) as session:
        interests = session.exec(
            select(CustomerInterest.interest).where(CustomerInterest.customer_id == daniel.id)
        ).all()
    assert [i.lower() for i in interests] == ["crm starter"]


def test_a_us_town_said_with_its_state_is_the_town_in_the_us(chat):
    chat.say("new lead kwame asante, northwind freight, kwame@nwfreight.com, austin tx")
    kwame = chat.customer("Kwame Asante")
    assert (kwame.city, kwame.country) == ("Austin", "US")


def test_why_one_is_left_out_of_a_change_to_a_list_leaves_out_only_them(chat):
    chat.say("sam's customers", who="Alex")
    asked = chat.say("mark those as lost except jane smith, sam's calling her today", who="Alex")
    assert asked.text.startswith("Move 2 customers to the stage lost?")


def test_a_count_put_right_just_after_a_sale_with_the_same_total_keeps_its_sum(chat):
    chat.say("sold 5 crm pro to jane cooper for 4500")
    asked = chat.say("actually make that 6 licenses, same total")
    assert "to 6 × crm pro and the same $4,500 in all? (yes/no)" in asked.text
    chat.say("yes")
    [sale] = chat.rows(Purchase)
    assert (sale.quantity, sale.amount) == (6, Decimal("4500"))
