"""Conversations a rep has with the bot, end to end through parser, handlers and store."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from crm_store.models import (
    Customer,
    CustomerTag,
    Interaction,
    NpsAnswer,
    Product,
    Purchase,
    Staff,
    Task,
)


def test_a_rep_logs_a_call_and_the_follow_up_shows_in_their_tasks(chat):
    reply = chat.say("called jane at acme, she wants a quote for 20 seats, follow up friday")
    assert "Logged a call with Jane Cooper (Acme Corporation)" in reply.text
    [call] = chat.rows(Interaction)
    assert (call.channel, call.summary) == ("call", "she wants a quote for 20 seats")
    [task] = chat.rows(Task)
    assert task.due == date(2026, 11, 20)  # the coming Friday
    tasks = chat.say("my tasks")
    assert tasks.rows[0]["#"] == str(task.id)
    assert "Acme" in tasks.rows[0]["Customer"]


def test_the_profile_has_what_a_rep_needs_before_a_call(chat):
    chat.say("sold 20 seats of CRM Pro to acme for $4,000")
    chat.say("emailed jane at acme, sent the proposal")
    chat.say("remind me to call acme about the renewal tomorrow")
    profile = chat.say("tell me about acme")
    assert profile.title.startswith("Jane Cooper (Acme Corporation)")
    assert profile.fields["E-mail"] == "jane@acme.com"
    assert profile.fields["Phone"] == "+12125550100"
    assert profile.fields["Owner"] == "Sam"
    assert profile.fields["Value to date"] == "$4,000"
    assert profile.fields["Segment"]  # the only buyer has an RFM segment
    assert "next 12 months ≈" in profile.fields["Forecast"]
    assert "CRM Pro ×20" in profile.fields["Products"]
    assert "renewal" in profile.fields["Open tasks"]
    assert profile.rows[0]["How"] == "email"


def test_asked_what_a_customer_bought_the_profile_lists_their_last_orders(chat):
    chat.say("sold 20 seats of CRM Pro to acme for $4,000")
    chat.say("acme bought 2 Support Premium for $900")
    chat.say("emailed jane at acme, sent the proposal")
    reply = chat.say("order history for acme")
    assert reply.title.startswith("Jane Cooper (Acme Corporation)")
    assert reply.text == "Last 2 of 2 orders:"
    assert [(r["Product"], r["Qty"], r["Amount"]) for r in reply.rows] == [
        ("Support Premium", "2", "$900"),
        ("CRM Pro", "20", "$4,000"),
    ]


def test_several_matches_become_a_question_and_the_answer_continues(chat):
    question = chat.say("tell me about jane")
    assert "Which one?" in question.text
    assert len(question.buttons) >= 2
    pick = next(b for b in question.buttons if "Jane Smith" in b.label)
    profile = chat.say(pick.value)
    assert profile.title.startswith("Jane Smith")


def test_an_ambiguous_write_waits_for_the_answer_and_applies_once(chat):
    question = chat.say("called jane, left a voicemail")
    assert "Which one?" in question.text
    assert chat.count(Interaction) == 0
    ordinal = ["first", "second"][
        [b.label for b in question.buttons].index(
            next(b.label for b in question.buttons if "Globex" in b.label)
        )
    ]
    reply = chat.say(f"the {ordinal}")
    assert "Jane Smith (Globex Ltd)" in reply.text
    assert chat.say("1").text  # no question pending any more: parsed as a new message
    assert chat.count(Interaction) == 1


def test_a_question_can_be_cancelled(chat):
    chat.say("called jane, left a voicemail")
    assert "cancelled" in chat.say("cancel").text
    assert chat.count(Interaction) == 0


@pytest.mark.parametrize(
    "answer", ["no, cancel", "no!! cancel", "nah, forget it", "never mind", "hmm no, leave it"]
)
def test_a_question_is_cancelled_however_no_is_said(chat, answer):
    chat.say("called jane, left a voicemail")
    assert "cancelled" in chat.say(answer).text
    assert chat.count(Interaction) == 0


@pytest.mark.parametrize(
    "answer", ["go ahead", "yes please", "yep, do it", "👍", "yes, add it anyway", "ja", "oui"]
)
def test_a_confirmation_is_given_however_yes_is_said(chat, answer):
    question = chat.say("remind me to call acme on 2 november 2026")  # already past: asks first
    assert chat.count(Task) == 0 and question.buttons
    chat.say(answer)
    [task] = chat.rows(Task)
    assert task.due == date(2026, 11, 2)


def test_a_no_with_no_question_waiting_changes_nothing(chat):
    before = chat.written()
    assert "nothing to cancel" in chat.say("forget it").text
    assert chat.written() == before


def test_a_yes_after_the_question_lapsed_says_so_and_does_nothing(chat):
    chat.say("remind me to call acme on 2 november 2026")  # already past: asks first
    chat.now += timedelta(hours=2)
    reply = chat.say("yes")
    assert reply.text.startswith("My question lapsed after 30 minutes, so nothing was done.")
    assert chat.count(Task) == 0


def test_undo_reverts_the_whole_last_command_and_says_what(chat):
    chat.say("called jane at acme, she wants a quote, follow up friday")
    reply = chat.say("undo")
    assert reply.text.startswith("Undone:")
    assert "call with Jane Cooper" in reply.text
    assert chat.count(Interaction) == 0 and chat.count(Task) == 0
    assert "nothing of yours to undo" in chat.say("undo").text


def test_undo_restores_a_changed_field(chat):
    chat.say("change acme's phone to (212) 555-0199")
    [acme] = [c for c in chat.rows(Customer) if c.company == "Acme Corporation"]
    assert acme.phone == "+12125550199"
    chat.say("undo")
    [acme] = [c for c in chat.rows(Customer) if c.company == "Acme Corporation"]
    assert acme.phone == "+12125550100"


def test_adding_a_customer_normalizes_contact_details(chat):
    reply = chat.say("add customer Zed Zulu at Zeta Corp, ZED@Zeta.io, +44 20 7946 0018, London")
    assert "Added Zed Zulu (Zeta Corp)" in reply.text
    [zed] = [c for c in chat.rows(Customer) if c.name == "Zed Zulu"]
    assert (zed.email, zed.phone, zed.stage) == ("zed@zeta.io", "+442079460018", "lead")


def test_a_purchase_is_money_with_a_currency_and_makes_a_customer(chat):
    reply = chat.say("jane at globex bought 3 Widgets for 1.2k EUR")
    assert "€1,200" in reply.text
    [sale] = chat.rows(Purchase)
    assert (sale.quantity, sale.amount, sale.currency) == (3, Decimal("1200.00"), "EUR")
    [globex] = [c for c in chat.rows(Customer) if c.company == "Globex Ltd"]
    assert globex.stage == "customer"


def test_tasks_are_created_listed_and_completed(chat):
    created = chat.say("remind me to send the contract to acme on friday")
    [task] = chat.rows(Task)
    assert f"#{task.id}" in created.text and task.due == date(2026, 11, 20)
    done = chat.say(f"done {task.id}")
    assert done.text.startswith(f"Done: #{task.id}")
    assert "No open tasks" in chat.say("my tasks").text


def test_a_second_request_not_understood_is_said_not_done_never_dropped(chat):
    chat.say("remind me to send the contract to acme on friday")
    [task] = chat.rows(Task)
    reply = chat.say(f"close #{task.id}, and push #99 to april")
    assert reply.text.startswith(f"Done: #{task.id}")
    assert "“push #99 to april” was not done" in (reply.note or "")


def test_an_nps_answer_is_recorded_with_its_category(chat):
    reply = chat.say("acme gave us a 9")
    assert "promoter" in reply.text
    [answer] = chat.rows(NpsAnswer)
    assert answer.score == 9


def test_contact_history_lists_the_latest_first(chat):
    chat.say("called acme, discussed renewal")
    chat.say("emailed acme, sent the contract")
    history = chat.say("history with acme")
    assert [row["How"] for row in history.rows] == ["email", "call"] or len(history.rows) == 2


def test_help_lists_what_can_be_said(chat):
    reply = chat.say("help")
    assert len(reply.rows) >= 10
    assert any("tell me about Acme" in row["Say for example"] for row in reply.rows)


def test_help_on_a_topic_shows_that_topic(chat):
    for topic, title in [
        ("reports", "Help: reports"),
        ("report", "Help: reports"),
        ("tasks", "Help: tasks"),
        ("privacy", "Help: privacy"),
    ]:
        assert chat.say(f"help {topic}").title == title


def test_a_no_with_a_reason_after_it_cancels(chat):
    chat.say("called jane, left a voicemail")
    reply = chat.say("cancel - she was only added this morning, wrong jane")
    assert reply.text == "OK, cancelled. Nothing was changed."
    assert chat.count(Interaction) == 0


def test_a_contact_with_two_customers_is_logged_with_each_or_with_neither(chat):
    reply = chat.say(
        "emailed jane cooper and hans müller, sent the new price list, follow up friday"
    )
    assert reply.text.startswith(
        "Logged an email with Jane Cooper (Acme Corporation) and Hans Müller (Müller & Söhne GmbH)"
    )
    logged = {i.customer_id for i in chat.rows(Interaction)}
    assert logged == {chat.customer("Jane Cooper").id, chat.customer("Hans Müller").id}
    assert {t.customer_id for t in chat.rows(Task)} == logged  # a follow-up with each
    written = chat.written()
    unclear = chat.say("called jane and hans müller about the renewal")
    assert unclear.text.startswith("I couldn't tell which customer each name is: “jane”")
    assert chat.written() == written


def test_what_was_sent_to_several_customers_named_in_one_breath_is_logged_with_each(chat):
    reply = chat.say("emailed Jane Cooper, Hans Müller and Jane Smith the recording")
    assert reply.text == (
        "Logged an email with Jane Cooper (Acme Corporation), Hans Müller (Müller & Söhne GmbH) "
        "and Jane Smith (Globex Ltd) (today): the recording"
    )
    assert {i.customer_id for i in chat.rows(Interaction)} == {
        chat.customer(name).id for name in ("Jane Cooper", "Hans Müller", "Jane Smith")
    }
    assert {i.summary for i in chat.rows(Interaction)} == {"the recording"}


def test_a_pronoun_while_asked_which_customer_is_asked_about_not_guessed(chat):
    chat.say("tell me about Hans Müller")
    assert "Which one?" in chat.say("called jane, wants a quote").text
    written = chat.written()
    reply = chat.say("she just bought 10 CRM Pro seats, $4,500 total")
    assert reply.text.startswith("Who is “she”? I'm still asking which customer you meant")
    assert chat.written() == written


def test_which_one_is_answered_by_whose_customer_it_is(chat):
    with Session(chat.engine) as session:
        owners = dict(session.exec(select(Staff.name, Staff.id)).all())
        for owner, city in (("Alex", "Paris"), ("Sam", "Rome")):
            session.add(Customer(name="Jane Doe", city=city, owner_id=owners[owner]))
        session.commit()
    assert "Which one?" in chat.say("called jane doe, wants a quote").text
    reply = chat.say("alexs one")
    assert reply.text.startswith("Logged a call with Jane Doe")
    [call] = chat.rows(Interaction)
    assert chat.rows(Customer)[-2].id == call.customer_id  # Alex's, in Paris


def test_a_pronoun_in_a_reminder_stays_a_word_in_its_text(chat):
    chat.say("tell me about Jane Cooper")
    chat.say("remind me to send her proposal v2 tomorrow")
    [task] = chat.rows(Task)
    assert (task.text, task.customer_id) == (
        "send her proposal v2",
        chat.customer("Jane Cooper").id,
    )


def test_which_of_them_narrows_the_list_just_shown(chat):
    for name in ("Hans Müller", "Jane Cooper"):
        chat.run("customer.update", customer=name, field="tag", value="vip")
    chat.say("customers in Berlin")
    narrowed = chat.say("which of them are tagged vip")
    assert [r["Customer"] for r in narrowed.rows] == ["Hans Müller (Müller & Söhne GmbH)"]


def test_a_first_name_right_after_a_sale_put_right_is_that_customer_among_many_namesakes(chat):
    with Session(chat.engine) as session:
        owner = chat.customer("Jane Cooper").owner_id
        for surname in ("Wilson", "Martin", "Kowalski", "Nakamura", "Adams", "Berg"):
            session.add(Customer(name=f"Zoë {surname}", owner_id=owner))
        session.add(Customer(name="Zoë García", owner_id=owner))
        session.commit()
    chat.say("sold zoe garcia 2 crm pro for 2200")
    chat.say("the zoe garcia sale was 1,100 not 2,200")
    chat.say("yes")
    reply = chat.say("zoe also did the nps survey, 10, loves the new dashboards")
    assert reply.text.startswith("Recorded NPS 10 (promoter) for Zoë García")


def test_a_town_typed_in_small_letters_is_stored_as_the_store_spells_it(chat):
    chat.say("jane smith moved to berlin, update her city")
    chat.say("jane cooper's city is now new york city")
    assert chat.customer("Jane Smith").city == "Berlin"  # as Hans Müller's town is spelt
    assert chat.customer("Jane Cooper").city == "New York City"


def test_a_sale_of_two_products_with_one_amount_is_refused_whole(chat):
    written = chat.written()
    reply = chat.say("Jane Cooper bought 3 CRM Pro seats 1,500 and 1 onboarding package")
    assert reply.text.startswith("One amount for two products, or one I don't know: send “1 onb")
    assert chat.written() == written


def test_two_products_each_with_its_own_amount_are_two_sales_at_those_amounts(chat):
    with Session(chat.engine) as session:
        session.add(Product(name="Support Premium", family="Support", tier=2, price=600))
        session.add(Product(name="Onboarding Package", family="Services", tier=1, price=2500))
        session.commit()
    chat.say("sold jane cooper 3 support premium for 1,650 total and 1 onboarding package 2,000")
    sold = sorted((p.product, p.quantity, p.amount) for p in chat.rows(Purchase))
    assert sold == [("Onboarding Package", 1, Decimal("2000")), ("Support Premium", 3, 1650)]


def test_two_catalogue_products_in_one_message_are_two_sales_undone_together(chat):
    with Session(chat.engine) as session:
        session.add(Product(name="CRM Pro", family="CRM", tier=1, price=Decimal("900")))
        session.add(Product(name="Training Workshop", family="Training", tier=1, price=1500))
        session.commit()
    reply = chat.say("jane cooper bought 2 crm pro and 2 training workshops")
    assert reply.text == (
        "Recorded 2 × CRM Pro ($1,800) and 2 × Training Workshop ($3,000) for Jane Cooper "
        "(Acme Corporation): two sales."
    )
    sold = sorted((p.product, p.quantity, p.amount) for p in chat.rows(Purchase))
    assert sold == [("CRM Pro", 2, Decimal("1800")), ("Training Workshop", 2, Decimal("3000"))]
    chat.say("undo")
    assert chat.rows(Purchase) == []


def test_a_score_corrected_the_same_day_replaces_the_first_and_undo_brings_it_back(chat):
    chat.say("nps 3 for acme, unhappy with pricing")
    reply = chat.say("oops, the acme score was actually 4 not 3")
    assert reply.text.startswith("Changed today's NPS for Jane Cooper (Acme Corporation): 3 → 4")
    [answer] = chat.rows(NpsAnswer)
    assert (answer.score, answer.comment) == (4, "unhappy with pricing")
    chat.say("undo")
    [answer] = chat.rows(NpsAnswer)
    assert answer.score == 3


def test_a_contact_by_whatsapp_with_a_call_wanted_is_a_chat_with_a_follow_up(chat):
    reply = chat.say("whatsapp with jane smith (globex) re new tier, she wants a call next week")
    [contact] = chat.rows(Interaction)
    assert (contact.channel, contact.summary) == ("chat", "re new tier, she wants a call")
    assert contact.customer_id == chat.customer("Jane Smith").id
    [task] = chat.rows(Task)
    assert task.customer_id == contact.customer_id and "follow-up task" in reply.text.lower()


def test_customers_who_bought_lately_are_a_selection_of_their_own(chat):
    chat.say("sold 20 seats of CRM Pro to acme for $4,000")
    listed = chat.say("who bought in the last 30 days")
    assert [row["Customer"] for row in listed.rows] == ["Jane Cooper (Acme Corporation)"]
    preview = chat.say("tag everyone who bought in the last 30 days as active", who="Alex")
    assert [row["Customer"] for row in preview.rows] == ["Jane Cooper (Acme Corporation)"]
    assert "bought in the last 30 days" in preview.text


def test_asked_which_one_again_the_choices_are_shown_again_and_still_answerable(chat):
    question = chat.say("called jane, wants a quote")
    assert "Which one?" in question.text
    again = chat.say("which one was that?")
    assert again.text.startswith("Still asking which one you meant:")
    assert [b.value for b in again.buttons] == [
        b.value for b in question.buttons if b.value in [x.value for x in again.buttons]
    ]
    assert len(again.buttons) >= 2 and chat.count(Interaction) == 0
    assert chat.say("1").text.startswith("Logged a call with Jane")
    assert chat.count(Interaction) == 1


def test_her_after_a_customer_named_in_the_same_message_is_that_customer(chat):
    chat.say("tell me about Hans Müller")
    chat.say("jane smith emailed back, wants the proposal revised. put her back to proposal")
    assert chat.customer("Jane Smith").stage == "proposal"
    assert chat.customer("Hans Müller").stage != "proposal"
    [email] = chat.rows(Interaction)
    assert (email.channel, email.customer_id) == ("email", chat.customer("Jane Smith").id)


def test_a_tag_said_of_him_with_please_tags_the_customer_just_shown(chat):
    chat.say("tell me about Hans Müller")
    chat.say("and tag him demo-requested please")
    assert [(t.customer_id, t.tag) for t in chat.rows(CustomerTag)] == [
        (chat.customer("Hans Müller").id, "demo-requested")
    ]


def test_a_renewal_told_without_its_product_is_of_what_they_bought_last(chat):
    chat.say("sold 20 seats of CRM Pro to acme for $4,000")
    chat.say("Jane Cooper bought 2 Training Workshops for $3,000")
    reply = chat.say("Jane Cooper signed the renewal, 20 licences, 9.6k")
    assert reply.text.startswith("Recorded 20 × Training Workshops for Jane Cooper")
    written = chat.written()
    asked = chat.say("Jane Cooper signed again, 5 licences, 2k")  # two products: which?
    assert asked.text.startswith("What was bought?")
    assert chat.written() == written


def test_a_note_about_how_to_reach_a_customer_is_a_note_not_a_chat(chat):
    chat.say("note on jane smith: prefers whatsapp, never call before 10am")
    [contact] = chat.rows(Interaction)
    assert contact.channel == "note"
    assert contact.summary == "prefers whatsapp, never call before 10am"


def test_a_contact_told_after_a_stage_change_is_logged_too_and_undone_with_it(chat):
    reply = chat.say("move jane smith to proposal, sent her the pricing deck this morning")
    assert "stage is now proposal" in reply.text and "Logged an email" in reply.text
    [contact] = chat.rows(Interaction)
    assert (contact.channel, contact.customer_id) == ("email", chat.customer("Jane Smith").id)
    chat.say("undo")
    assert chat.rows(Interaction) == [] and chat.customer("Jane Smith").stage == "qualified"


def test_a_contact_told_in_two_parts_is_one_contact(chat):
    chat.say("called jane smith, sent her the pricing deck after")
    [contact] = chat.rows(Interaction)
    assert contact.channel == "call"


def test_words_after_a_new_title_are_not_part_of_it(chat):
    chat.say("tell me about Jane Smith")
    chat.say("her job title is Facilities Manager btw")
    assert chat.customer("Jane Smith").title == "Facilities Manager"


def test_an_email_sent_to_him_is_logged_with_the_customer_just_shown(chat):
    chat.say("tell me about Hans Müller")
    chat.say("emailed the price list to him")
    [contact] = chat.rows(Interaction)
    assert (contact.customer_id, contact.channel, contact.summary) == (
        chat.customer("Hans Müller").id,
        "email",
        "the price list",
    )


def test_customers_in_two_towns_are_one_list(chat):
    reply = chat.say("customers in london or berlin", who="Alex")
    assert sorted(r["Customer"] for r in reply.rows) == [
        "Hans Müller (Müller & Söhne GmbH)",
        "Jane Smith (Globex Ltd)",
    ]


def test_a_sale_with_the_stage_it_wins_said_after_it_is_just_the_sale(chat):
    reply = chat.say("jane smith accepted the proposal!! 30 seats CRM Pro 27k, move her to won")
    assert reply.text.startswith("Recorded 30 × CRM Pro for Jane Smith")
    assert chat.customer("Jane Smith").stage == "customer"


def test_a_new_customers_title_is_kept_and_a_country_said_by_name_is_its_code(chat):
    chat.say("new customer: Greta Lindqvist, Facilities Manager at Nordkaffe AB, Stockholm")
    assert chat.customer("Greta Lindqvist").title == "Facilities Manager"
    chat.say("her title is Head of Facilities, country Sweden")
    greta = chat.customer("Greta Lindqvist")
    assert (greta.title, greta.country) == ("Head of Facilities", "SE")


def test_a_call_about_their_office_is_a_call(chat):
    chat.say("called Jane Smith - interested in 3 machines for their Paris office")
    [contact] = chat.rows(Interaction)
    assert contact.channel == "call"


def test_a_call_and_a_stage_in_one_message_are_both_done(chat):
    reply = chat.say("called jane cooper new york, not interested, mark her lost")
    assert "Logged a call with Jane Cooper" in reply.text
    [call] = chat.rows(Interaction)
    assert call.summary == "not interested"
    assert chat.customer("Jane Cooper").stage == "lost"


def test_a_call_then_the_chase_task_ticked_off_closes_that_customers_task(chat):
    chat.say("remind me to chase Acme for the signed contract friday")
    chat.say("remind me to send Globex the deck friday")
    chat.say("called jane cooper, contract is signed. mark the chase task done")
    done = {t.text: t.status for t in chat.rows(Task)}
    assert done == {"chase Acme for the signed contract": "done", "send Globex the deck": "open"}
    assert len(chat.rows(Interaction)) == 1


def test_a_handover_as_a_stage_is_both_changes(chat):
    chat.say("tell me about Jane Cooper", who="Alex")
    reply = chat.say("assign her to Alex as a lead", who="Alex")
    assert "owner is now Alex" in reply.text and "stage is now lead" in reply.text
    jane = chat.customer("Jane Cooper")
    assert jane.stage == "lead"


def test_a_plan_for_later_is_a_task_not_a_contact_had(chat):
    chat.say("qbr with jane cooper on the 15th, put it in my tasks")
    assert chat.rows(Interaction) == []
    [task] = chat.rows(Task)
    assert (task.text, task.due) == ("qbr with jane cooper", date(2026, 12, 15))


def test_tasks_asked_for_a_day_are_that_days(chat):
    chat.say("remind me to call Jane Cooper monday")
    chat.say("remind me to email Hans friday")
    reply = chat.say("whats on my plate monday")
    assert reply.text.startswith("Your 1 open task due Mon 23 Nov")
    assert [row["Task"] for row in reply.rows] == ["call Jane Cooper"]


def test_done_with_a_name_two_customers_share_closes_the_one_with_an_open_task(chat):
    chat.say("remind me to send Globex the deck friday")
    reply = chat.say("done with jane")
    assert reply.text.startswith("Done: ")
    assert [t.status for t in chat.rows(Task)] == ["done"]


def test_a_new_lead_from_a_trade_show_keeps_its_name_and_a_us_town(chat):
    chat.say("new lead from yesterdays retailtech expo: Priya Shah at Brightline Foods", who="Alex")
    chat.say("new lead Ryan Cole, Peakline Outdoors, Denver CO, ryan@peakline.com", who="Alex")
    shah, cole = chat.customer("Priya Shah"), chat.customer("Ryan Cole")
    assert (shah.company, cole.company, cole.city) == (
        "Brightline Foods", "Peakline Outdoors", "Denver",
    )  # fmt: skip


def test_a_colleague_asked_for_as_a_customer_is_never_added(chat):
    written = chat.written()
    reply = chat.say("add staff member Priya Shah as a rep", who="Alex")
    assert reply.text.startswith("Colleagues are not customers")
    assert chat.written() == written


def test_a_change_taken_back_in_the_same_message_is_not_made(chat):
    before = chat.customer("Jane Smith").stage
    chat.say(
        "called jane smith, proposal ok'd verbally, paperwork next week. move to customer? "
        "no wait keep in proposal til signed. just log the call"
    )
    assert chat.customer("Jane Smith").stage == before
    [call] = chat.rows(Interaction)
    assert call.channel == "call"


def test_a_new_lead_then_a_tag_adds_them_and_tags_them(chat):
    reply = chat.say(
        "2nd one from the expo: petra novak, novak bau gmbh in vienna, +43 1 5551234, wants a "
        "demo of crm starter next week, tag expo2026 too"
    )
    petra = chat.customer("Petra Novak")
    assert (petra.company, petra.city) == ("Novak Bau Gmbh", "Vienna")
    assert "expo2026" in reply.text
    with Session(chat.engine) as session:
        tags = session.exec(select(CustomerTag.tag).where(CustomerTag.customer_id == petra.id))
        assert list(tags) == ["expo2026"]


def test_a_new_owner_said_with_a_possessive_is_that_colleague(chat):
    reply = chat.say("actually jane cooper should be alex's, switch her over", who="Alex")
    assert reply.text.startswith("Jane Cooper (Acme Corporation): owner is now Alex (was Sam)")


def test_a_call_told_to_say_why_a_task_is_done_closes_the_task_and_logs_nothing(chat):
    chat.say("remind me to follow up with jane cooper friday")
    before = chat.count(Interaction)
    reply = chat.say("she rang back so close the jane cooper follow up")
    assert reply.text.startswith("Done: #")
    assert [t.status for t in chat.rows(Task)] == ["done"]
    assert chat.count(Interaction) == before


def test_a_task_due_at_the_end_of_a_named_day_is_due_that_day(chat):
    chat.say("remind me to send jane cooper the quote by end of day monday")
    [task] = chat.rows(Task)
    assert (task.text, task.due) == ("send jane cooper the quote", date(2026, 11, 23))


def test_a_tags_list_for_me_is_my_customers_with_that_tag(chat):
    chat.say("tag jane cooper price-call")
    chat.say("yes")
    reply = chat.say("show me the price-call list for me")
    assert reply.text == "1 of your customers matches: tagged price-call."


def test_her_open_task_too_after_a_handover_goes_to_the_new_owner(chat):
    chat.say("remind me to call jane cooper friday")
    chat.say("give jane cooper to alex")
    reply = chat.say("and her open task too pls")
    [task] = chat.rows(Task)
    assert reply.text == (
        f"Jane Cooper (Acme Corporation) is already Alex's. Their open task #{task.id} went along."
    )
    with Session(chat.engine) as session:
        assert session.get(Staff, task.assignee_id).name == "Alex"
