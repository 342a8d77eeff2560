"""The kinds of message the parser used to miss, one by one: each now reads as staff mean it."""

from datetime import datetime

import pytest

from intents import MOVED_TO, OLD_CHANNEL, Lexicon, parse

NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday
STORE = Lexicon(
    customers=("Jane Cooper", "Bob Stone", "Priya Shah"),
    companies=("Northwind Traders", "Umbrella Corp", "Initech", "Acme Corporation"),
    products=("Training Workshop", "CRM Pro", "Support Plan"),
    staff=("Maria Lopez", "Lee Chen", "Sam"),
)


def read(text: str, *, lexicon: Lexicon | None = None):
    return parse(text, now=NOW, tz="Europe/London", lexicon=lexicon)


@pytest.mark.parametrize("text", ["northwind", "umbrela corp?", "j. cooper"])
def test_a_bare_or_misspelt_known_customer_shows_that_customer(text):
    parsed = read(text, lexicon=STORE)
    assert (parsed.intent, parsed.slots) == ("customer.show", {"customer": text.rstrip("?")})


def test_an_unknown_bare_word_is_not_taken_for_a_customer_the_store_has():
    assert read("lol", lexicon=STORE).intent == "unknown"


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("whos bob@initech.com", "bob@initech.com"),
        ("what's new with Initech", "Initech"),
        ("quick summary of Globex", "Globex"),
    ],
)
def test_questions_about_one_customer_show_the_profile(text, customer):
    assert (read(text).intent, read(text).slots) == ("customer.show", {"customer": customer})


@pytest.mark.parametrize(
    ("text", "customer", "channel"),
    [
        ("had coffee w/ Priya (Wayne) this am, renewal looks good", "Priya (Wayne)", "meeting"),
        ("Hooli's CFO rang back, disputes the last invoice", "Hooli", "call"),
        ("proposal emailed to Globex procurement", "Globex", "email"),
        ("vm for bob at initech", "bob at initech", "call"),
    ],
)
def test_contacts_told_without_the_word_log_are_logged(text, customer, channel):
    parsed = read(text)
    assert parsed.intent == "interaction.log"
    assert (parsed.slots["customer"], parsed.slots["channel"]) == (customer, channel)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Acme signed! 12 seats, 3.6k", {"customer": "Acme", "quantity": 12, "amount": 3600}),
        ("Initech renewed for another year, 2.4k", {"customer": "Initech", "amount": 2400}),
        ("closed Globex for 5k", {"customer": "Globex", "amount": 5000}),
    ],
)
def test_sales_are_read_as_people_announce_them(text, slots):
    parsed = read(text)
    assert parsed.intent == "purchase.log"  # "closed" with a number is a sale, not task 5
    assert parsed.slots == slots


def test_a_todo_and_a_nudge_are_tasks_with_their_day():
    todo = read("todo: chase signed SOW from Nimbus before fri")
    assert todo.intent == "task.create"
    assert todo.slots["due"] == "2026-11-20"
    assert todo.slots["customer"] == "Nimbus"
    nudge = read("nudge me thurs re the Acme deck")
    assert (nudge.intent, nudge.slots["due"]) == ("task.create", "2026-11-19")


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("wat shud i do abt initech", "initech"),
        ("cross-sell options for Initech?", "Initech"),
        ("ideas to reactivate Vandelay?", "Vandelay"),
    ],
)
def test_asking_for_advice_suggests_next_actions_for_that_customer(text, customer):
    parsed = read(text)
    assert (parsed.intent, parsed.slots.get("customer")) == ("next_action.suggest", customer)


def test_a_greeting_in_front_of_a_request_is_the_request():
    assert (read("gm! what's due today").intent, read("gm! what's due today").slots) == (
        "task.list",
        {"period": "today"},
    )


@pytest.mark.parametrize("text", ["hello", "thanks!", "ok cool", "good morning"])
def test_greetings_and_thanks_on_their_own_are_small_talk(text):
    assert read(text).intent == "smalltalk"


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("my top accounts", "segment.list", {"owner": "me", "sort": "value"}),
        ("maria's overdue tasks", "task.list", {"owner": "maria", "period": "overdue"}),
        ("the team's digest", "digest.show", {"owner": "team"}),
    ],
)
def test_whose_book_is_read_into_owner(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_staff_member_the_store_knows_fills_owner():
    parsed = read("overdue tasks for lee", lexicon=STORE)
    assert (parsed.intent, parsed.slots) == ("task.list", {"period": "overdue", "owner": "lee"})


def test_a_colleague_s_book_typed_without_the_apostrophe_is_theirs():
    parsed = read("show marias overdue tasks", lexicon=STORE)
    assert (parsed.intent, parsed.slots.get("owner")) == ("task.list", "maria")


@pytest.mark.parametrize("text", ["who owns Omar Fischer?", "who's looking after Chloé García?"])
def test_who_owns_a_customer_shows_their_profile(text):
    assert read(text).intent == "customer.show"


def test_a_name_alone_is_never_small_talk():
    assert read("chloe garcia granite").intent != "smalltalk"


def test_a_price_each_is_multiplied_by_the_quantity():
    parsed = read("anna silva bought 10 crm pro, 450 each")
    assert (parsed.slots["quantity"], parsed.slots["amount"]) == (10, 4500)


def test_a_follow_up_said_as_chase_her_is_the_follow_up():
    parsed = read("texted ingrid hughes about the proposal, chase her next wed")
    assert parsed.slots["follow_up"] == "2026-11-25"
    assert "occurred_on" not in parsed.slots


def test_a_deadline_in_a_call_log_is_the_follow_up_not_the_day_of_the_call():
    parsed = read("called acme, they want a quote, back to them by thurs")
    assert parsed.slots["follow_up"] == "2026-11-19"
    assert "occurred_on" not in parsed.slots


def test_a_document_in_a_reminder_is_not_taken_for_the_customer():
    parsed = read("remind me to send the pricing sheet to Globex friday")
    assert parsed.slots["customer"] == "Globex"


def test_product_words_snap_to_the_catalog():
    parsed = read("Acme bought 3 training workshops", lexicon=STORE)
    assert parsed.slots["product"] == "Training Workshop"
    assert read("Acme bought 3 training workshops").slots["product"] == "training workshops"


@pytest.mark.parametrize(
    ("text", "invalid"),
    [
        ("remind me on 31/02 to call acme", {"due": "31/02"}),
        ("remind me feb 30 to chase Globex", {"due": "feb 30"}),
        ("nps -3 for Vandelay", {"score": "-3"}),
        ("Globex paid -$500", {"amount": "-$500"}),
    ],
)
def test_impossible_values_are_kept_aside_as_invalid(text, invalid):
    parsed = read(text)
    assert parsed.slots["invalid"] == invalid
    assert not set(invalid) & set(parsed.slots)


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("who is <mailto:bob@initech.com|bob@initech.com>", "bob@initech.com"),
        ("tell me about <https://initech.com|initech.com>", "initech.com"),
    ],
)
def test_slack_links_keep_their_visible_text(text, customer):
    assert read(text).slots == {"customer": customer}


def test_telegram_bot_mentions_and_commands_are_not_part_of_the_message():
    assert read("/tasks@crm_helper_bot overdue").slots == {"period": "overdue"}
    assert read("@crm_helper_bot tell me about Acme").slots == {"customer": "Acme"}


def test_a_mention_of_a_person_is_never_an_e_mail_address():
    parsed = read("overdue tasks for @maria")
    assert parsed.slots.get("owner") == "maria"
    assert all("@" not in str(value) for value in parsed.slots.values())


def test_two_likely_readings_make_the_parser_unsure_and_offer_both():
    parsed = read("acme")
    assert parsed.confidence < 0.9
    readings = [parsed, *parsed.alternatives]
    assert "customer.show" in {r.intent for r in readings}


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("Atlas Corp bought Support Plan x2 $1,800", 2), ("initech bought 3x CRM Pro, 2.7k", 3)],
)
def test_a_quantity_said_as_times_is_the_quantity(text, quantity):
    parsed = read(text)
    assert parsed.intent == "purchase.log"
    assert parsed.slots["quantity"] == quantity


@pytest.mark.parametrize("text", ["Done #15", "done #15", "Done: task #15"])
def test_a_tasks_button_label_typed_back_is_that_task(text):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("task.complete", {"task_id": 15})


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("add analytics to Priya Shah's interests", "Priya Shah"),
        ("add analytics to her interests", None),
    ],
)
def test_an_interest_added_to_a_customer_is_a_change_not_a_new_customer(text, customer):
    parsed = read(text)
    assert parsed.intent == "customer.update"
    assert (parsed.slots.get("field"), parsed.slots.get("value")) == ("interest", "analytics")
    assert parsed.slots.get("customer") == customer


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("booked qbr w halcyon for 14th dec, log it as a meeting", "unknown", {}),
        (
            "log a call with acme - hes in, wants contract next wk",
            "interaction.log",
            {"customer": "acme", "channel": "call", "summary": "hes in, wants contract next wk"},
        ),
        (
            "lukas answered the nps survey - 9, said support got better",
            "nps.record",
            {"customer": "lukas", "score": 9, "comment": "support got better"},
        ),
        ("my proposal stage custs", "segment.list", {"owner": "me", "stage": "proposal"}),
        (
            "list proposal deals stuck 30+ days",
            "segment.list",
            {"stage": "proposal", "no_stage_change_days": 30},
        ),
        (
            "top products this quarter",
            "report.show",
            {"metric": "revenue", "period": "this_quarter", "group_by": "product"},
        ),
        ("show me the pipeline", "report.show", {"metric": "customers", "group_by": "stage"}),
    ],
)
def test_what_working_day_14_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_getting_a_rep_to_do_something_is_a_task_for_that_rep():
    parsed = read("get Maria Lopez to call Jane Cooper about the renewal by monday")
    assert parsed.intent == "task.create"
    assert parsed.slots["owner"] == "Maria Lopez"
    assert parsed.slots["text"] == "call Jane Cooper about the renewal"


def test_a_price_said_bare_with_thousands_is_the_amount():
    parsed = read("Initech bought 3 training workshops 1,500")
    assert (parsed.slots["quantity"], parsed.slots["amount"]) == (3, 1500)


def test_a_call_logged_with_what_they_are_keen_on_is_a_contact_not_an_interest():
    parsed = read("log call w Bob Stone - keen on new tier")
    assert (parsed.intent, parsed.slots["customer"]) == ("interaction.log", "Bob Stone")


def test_all_overdue_tasks_by_rep_are_the_teams_overdue_tasks():
    assert read("show all overdue tasks by rep").slots == {"period": "overdue", "owner": "team"}


def test_several_customers_handed_over_with_an_arrow_are_a_change_to_each():
    parsed = read("Jane Cooper, #178 and Bob Stone -> maria")
    assert parsed.intent == "customer.bulk_update"
    assert parsed.slots["customers"] == ["Jane Cooper", "#178", "Bob Stone"]


def test_a_voicemail_then_try_again_friday_dates_no_contact_last_friday():
    parsed = read("Bob Stone - lvm, try again fri")
    assert parsed.intent == "interaction.log"
    assert "occurred_on" not in parsed.slots
    assert parsed.slots["summary"].startswith("lvm")


def test_a_time_after_a_name_in_a_reminder_is_no_part_of_the_name():
    parsed = read("remind me catch up call with Bob Stone fri 2pm")
    assert parsed.slots["customer"] == "Bob Stone"


def test_top_few_next_steps_is_how_many():
    parsed = read("top 5 next best actions for Lee Chen's book")
    assert (parsed.intent, parsed.slots.get("limit")) == ("next_action.suggest", 5)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "call w bob stone - unhappy w support, promised a fix by next wk. call him back fri",
            "interaction.log",
            {
                "customer": "bob stone",
                "channel": "call",
                "summary": "unhappy w support, promised a fix by next wk",
                "follow_up": "2026-11-20",
            },
        ),
        (
            "and for maria: follow up w jane cooper re the reorder, fri",
            "task.create",
            {
                "owner": "maria",
                "text": "follow up w jane cooper re the reorder",
                "customer": "jane cooper",
                "due": "2026-11-20",
            },
        ),
        (
            "remove the needs-checkin tag from #129",
            "customer.update",
            {"customer": "#129", "field": "tag", "value": "needs-checkin", "action": "untag"},
        ),
        (
            "take jane cooper (berlin) off needs-checkin",
            "customer.update",
            {
                "customer": "jane cooper (berlin)",
                "field": "tag",
                "value": "needs-checkin",
                "action": "untag",
            },
        ),
        ("no, task 69 should be fri not mon", "task.update", {"task_id": 69, "due": "2026-11-20"}),
        (
            "rename task 3 to call about renewal",
            "task.update",
            {"task_id": 3, "text": "call about renewal"},
        ),
        (
            "emailed jane cooper #12 the contract",
            "interaction.log",
            {"customer": "jane cooper #12", "channel": "email", "summary": "the contract"},
        ),
        ("who is tagged london-key", "segment.list", {"tag": "london-key"}),
        (
            "whats the pipeline look like",
            "report.show",
            {"metric": "customers", "group_by": "stage"},
        ),
        ("ugh ok. delete bob stone", "customer.delete", {"customer": "bob stone"}),
        ("delete bob stone, junk lead", "customer.delete", {"customer": "bob stone"}),
        (
            "sam's customers in lead or proposal stage",
            "segment.list",
            {"owner": "sam", "stage": ["lead", "proposal"]},
        ),
    ],
)
def test_what_working_day_16_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (  # a model year is not the amount: the number beside the currency is
            "Khalid Al Mansoori booked Land Cruiser GXR 2027, AED 315,000",
            "purchase.log",
            {
                "customer": "Khalid Al Mansoori",
                "product": "Land Cruiser GXR 2027",
                "amount": 315000,
                "currency": "AED",
            },
        ),
        (  # the reason after a change names another company, never the customer changed
            "Mark the Whitfields as lost, they've gone with Foxtons",
            "customer.update",
            {"customer": "Whitfields", "field": "stage", "value": "lost"},
        ),
        (
            "take Ben Ruiz out of the crm, he's moved to Aussie",
            "customer.delete",
            {"customer": "Ben Ruiz"},
        ),
        ("nuke the Daly Build record, it's a dupe", "customer.delete", {"customer": "Daly Build"}),
        (
            "Oh shoot, Thandi changed jobs - can you update the Oak Barrel Bistro's contact name "
            "to Liezl Botha?",
            "customer.update",
            {"customer": "Oak Barrel Bistro", "field": "name", "value": "Liezl Botha"},
        ),
        (
            "Anjali Menon change email anjali.menon@gmail.com",
            "customer.update",
            {"customer": "Anjali Menon", "field": "email", "value": "anjali.menon@gmail.com"},
        ),
        (
            "the client Clínica Bem Estar give note 4, the system is too slow",
            "nps.record",
            {"customer": "Clínica Bem Estar", "score": 4, "comment": "the system is too slow"},
        ),
        (
            "osaka kogyo -> owner kenji",
            "customer.update",
            {"customer": "osaka kogyo", "field": "owner", "value": "kenji"},
        ),
        (
            "Please create a client record: Name: Aurelie Tremblay / Email: a.tremblay@videotron.ca"
            " / City: Montréal",
            "customer.create",
            {"name": "Aurelie Tremblay", "email": "a.tremblay@videotron.ca", "city": "Montréal"},
        ),
        (
            "New client Lucía Ferrer, events manager in Iberforma, lucia@iberforma.es, Madrid",
            "customer.create",
            {
                "name": "Lucía Ferrer",
                "title": "events manager",
                "company": "Iberforma",
                "email": "lucia@iberforma.es",
                "city": "Madrid",
            },
        ),
        (  # a word typed right is never "corrected" in what is kept
            'email from Priya Raman: "please send the retainer agreement by Friday."',
            "interaction.log",
            {
                "customer": "Priya Raman",
                "channel": "email",
                "summary": '"please send the retainer agreement."',
                "follow_up": "2026-11-20",
            },
        ),
        (  # a reminder asked inside a contact log is its follow-up, never the contact's date
            "called jane at acme, remind me to send the quote friday",
            "interaction.log",
            {
                "customer": "jane at acme",
                "channel": "call",
                "summary": "send the quote",
                "follow_up": "2026-11-20",
            },
        ),
        (
            "emailed the quote to bob stone",
            "interaction.log",
            {"customer": "bob stone", "channel": "email", "summary": "the quote"},
        ),
        (
            "sent the invoice to acme",
            "interaction.log",
            {"customer": "acme", "channel": "email", "summary": "the invoice"},
        ),
        ("link task 46 to jane cooper", "task.update", {"task_id": 46, "customer": "jane cooper"}),
        ("my tasks next week", "task.list", {"owner": "me", "period": "next_week"}),
        ("how many leads do we have", "segment.list", {"stage": "lead"}),
        ("which rep owns acme", "customer.show", {"customer": "acme"}),
        ("jane cooper owner?", "customer.show", {"customer": "jane cooper"}),
        ("bob stone orders", "customer.show", {"customer": "bob stone"}),
        (  # never a town called "contact"
            "Which clients haven't we been in contact with for 30 days?",
            "segment.list",
            {"no_contact_days": 30},
        ),
        (
            "leads that were last contacted more than 90 days ago",
            "segment.list",
            {"stage": "lead", "no_contact_days": 90},
        ),
        ("who hasnt orderd in like 8 weeks", "segment.list", {"no_purchase_days": 56}),
        (
            "which are the clients with more than R$ 10.000 in Campinas?",
            "segment.list",
            {"min_value": 10000, "city": "Campinas"},
        ),
        (  # a weekday inside what was said is not when it was said
            "Texted Mr. Alvarez a reminder for his Tuesday appointment today",
            "interaction.log",
            {
                "customer": "Mr. Alvarez",
                "channel": "sms",
                "summary": "a reminder for his Tuesday appointment",
                "occurred_on": "2026-11-18",
            },
        ),
        ("which tasks are overdue for me?", "task.list", {"period": "overdue", "owner": "me"}),
        (
            "sales this week per salesman",
            "report.show",
            {"metric": "revenue", "period": "this_week", "group_by": "owner"},
        ),
        (
            "remind me tmrw 2 order more peonies",
            "task.create",
            {"text": "order more peonies", "due": "2026-11-19"},
        ),
    ],
)
def test_what_blind_round_18_and_working_day_24_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    "text", ["maria lopez's tasks", "tasks for maria lopez", "maria lópez's tasks"]
)
def test_a_colleagues_whole_name_is_whose_tasks_never_a_customer(text):
    parsed = read(text, lexicon=STORE)
    assert parsed.intent == "task.list"
    assert "customer" not in parsed.slots
    assert parsed.slots["owner"].lower() in ("maria lopez", "maria lópez")


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (  # what was sold is never who bought it
            "sold Land Cruiser GXR to Khalid Hassan for AED 285,000",
            "purchase.log",
            {
                "customer": "Khalid Hassan",
                "product": "Land Cruiser GXR",
                "amount": 285000,
                "currency": "AED",
            },
        ),
        (
            "Placement fee invoiced to Brightwater Housing: £8,400",
            "purchase.log",
            {
                "customer": "Brightwater Housing",
                "product": "Placement fee",
                "amount": 8400,
                "currency": "GBP",
            },
        ),
        (
            "Vistula Fintech -> stage qualified",
            "customer.update",
            {"customer": "Vistula Fintech", "field": "stage", "value": "qualified"},
        ),
        (  # an impossible quantity is refused, never stored as one
            "Schröder Hydraulik ordered -5 pumps PX200",
            "purchase.log",
            {
                "customer": "Schröder Hydraulik",
                "product": "pumps PX200",
                "invalid": {"quantity": "-5"},
            },
        ),
        (
            "jenn marcus moved to hoboken update her city",
            "customer.update",
            {"customer": "jenn marcus", "field": "city", "value": "hoboken"},
        ),
        (
            "Mabuhay Telecom signed for 15 seats of inbound support, ₱1.2M",
            "purchase.log",
            {
                "customer": "Mabuhay Telecom",
                "product": "inbound support",
                "quantity": 15,
                "amount": 1200000,
                "currency": "PHP",
            },
        ),
        (  # a typo of "interested" never makes a town of the interest
            "tag everyone intrested in yoga w/ yoga-promo",
            "customer.bulk_update",
            {"interest": "yoga", "field": "tag", "value": "yoga-promo"},
        ),
        (
            "Hofmann Antriebstechnik ordered 40 pcs bearings 6204, total 1.280 €",
            "purchase.log",
            {
                "customer": "Hofmann Antriebstechnik",
                "product": "bearings 6204",
                "quantity": 40,
                "amount": 1280,
                "currency": "EUR",
            },
        ),
        (
            "Lifeline Pharmacy purchased 50 strips Dolo 650 for Rs 1,500",
            "purchase.log",
            {
                "customer": "Lifeline Pharmacy",
                "product": "Dolo 650",
                "quantity": 50,
                "amount": 1500,
                "currency": "INR",
            },
        ),
        (
            "email sent to Dr. Keane re crown remake, f/u fri",
            "interaction.log",
            {
                "customer": "Dr. Keane",
                "channel": "email",
                "summary": "re crown remake",
                "follow_up": "2026-11-20",
            },
        ),
    ],
)
def test_what_blind_round_19_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "remind me to ping bjorn silva in march",
            "task.create",
            {"text": "ping bjorn silva", "customer": "bjorn silva", "due": "2027-03-01"},
        ),
        (
            "Please pop a reminder in for the 31st of Nov to review Q4 forecasts",
            "task.create",
            {"text": "review Q4 forecasts", "invalid": {"due": "31st of Nov"}},
        ),
        (
            "mark every proposal that's had no answer in 5 weeks as lost",
            "customer.bulk_update",
            {"stage": "proposal", "no_stage_change_days": 35, "field": "stage", "value": "lost"},
        ),
        ("stale proposals", "segment.list", {"stage": "proposal", "no_stage_change_days": 30}),
        (
            "give all of Jordan's overdue tasks to Sam",
            "task.update",
            {"tasks_of": "Jordan", "owner": "Sam", "period": "overdue"},
        ),
        (
            "vm left w/ dale at redgum builders re annual service",
            "interaction.log",
            {
                "customer": "dale at redgum builders",
                "channel": "call",
                "summary": "left a voicemail, re annual service",
            },
        ),
        (
            "Update • Castellan Hotels • stage → proposal",
            "customer.update",
            {"customer": "Castellan Hotels", "field": "stage", "value": "proposal"},
        ),
        (
            "who's made the fewest calls this month?",
            "report.show",
            {
                "metric": "interactions",
                "channel": "call",
                "period": "this_month",
                "group_by": "owner",
            },
        ),
        (
            "set interest = heat pumps for all customers in Bilbao tagged hvac",
            "customer.bulk_update",
            {"city": "Bilbao", "tag": "hvac", "field": "interest", "value": "heat pumps"},
        ),
        (
            "everyone in need_attention owned by Marco, tag them 'revisit'",
            "customer.bulk_update",
            {"segment": "need_attention", "owner": "Marco", "field": "tag", "value": "revisit"},
        ),
        (
            "sold 5 more crm pro seats to tom lefevre at 450 ea",
            "purchase.log",
            {"customer": "tom lefevre", "product": "crm pro", "quantity": 5, "amount": 2250},
        ),
        (
            "called priya raman, intro call went well, send deck fri",
            "interaction.log",
            {
                "customer": "priya raman",
                "channel": "call",
                "summary": "intro call went well, send deck",
                "follow_up": "2026-11-20",
            },
        ),
        (
            "Kindly add new party: Anand Rao, Kaveri Agencies, Mysore, mob 98450 55123",
            "customer.create",
            {
                "name": "Anand Rao",
                "company": "Kaveri Agencies",
                "city": "Mysore",
                "phone": "98450 55123",
            },
        ),
        (
            "remove the interest 'budget approved. qualified' from her",
            "customer.update",
            {"field": "interest", "value": "budget approved. qualified", "action": "remove"},
        ),
    ],
)
def test_what_working_day_34_and_blind_round_27_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "owner", "came_from"),
    [
        ("which ones were moved to maria today", "maria", {"days": 0}),
        ("which customers did maria get today?", "maria", {"days": 0}),
        ("what did jordan get from sam this week", "jordan", {"from": "sam", "days": 7}),
    ],
)
def test_a_manager_asks_what_one_rep_was_handed(text, owner, came_from):
    parsed = read(text)
    assert parsed.intent == "segment.list"
    assert (parsed.slots["owner"], parsed.slots["came_from"]) == (owner, came_from)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("oskar digest yesterday", "digest.show", {"owner": "oskar", "date": "2026-11-17"}),
        (
            "calls per rep this wk",
            "report.show",
            {
                "metric": "interactions",
                "channel": "call",
                "period": "this_week",
                "group_by": "owner",
            },
        ),
        (
            "Kyle's moving to the Sydney team, hand all his accounts to Nguyen",
            "customer.bulk_update",
            {"owner": "Kyle", "field": "owner", "value": "Nguyen"},
        ),
        (
            "sold Fazenda Rio Claro -2 tractor TR-95",
            "purchase.log",
            {
                "customer": "Fazenda Rio Claro",
                "product": "tractor TR-95",
                "invalid": {"quantity": "-2"},
            },
        ),
        (
            "Call Peachtree Pediatrics on Monday about the filter contract",
            "task.create",
            {
                "text": "Call Peachtree Pediatrics about the filter contract",
                "customer": "Peachtree Pediatrics",
                "due": "2026-11-23",
            },
        ),
    ],
)
def test_what_blind_round_28_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "a task for Jordan to call tuesday",
            "task.create",
            {"text": "call", "owner": "Jordan", "due": "2026-11-24"},
        ),
        (
            "Visited Mia Fischer today, all good. Follow up on the 5th of January please.",
            "interaction.log",
            {
                "customer": "Mia Fischer",
                "channel": "visit",
                "summary": "all good",
                "occurred_on": "2026-11-18",
                "follow_up": "2027-01-05",
            },
        ),
        ("did 14 get closed?", "task.list", {"task_id": 14}),
        (
            "did i get any new accts today from anyone?",
            "segment.list",
            {"owner": "me", "came_from": {"days": 0}},
        ),
    ],
)
def test_what_working_day_35_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("done 77. wait no, 78", "task.complete", {"task_id": 78}),
        (
            "close task 45 — the 1:1s are done",
            "task.complete",
            {"task_id": 45, "outcome": "the 1:1s are done"},
        ),
        (
            "Lakeshore Paddle Co bought 4 kayaks - sorry 6 kayaks - $4,200 CAD",
            "purchase.log",
            {
                "customer": "Lakeshore Paddle Co",
                "product": "kayaks",
                "quantity": 6,
                "amount": 4200,
                "currency": "CAD",
            },
        ),
        ("top 5 customers by frequency", "segment.list", {"sort": "frequency", "limit": 5}),
        (
            "from Niamh's mail: 'Just so you know, we're moving our head office to Cork next "
            "month.' — update Tidewell Pharmacy city to Cork",
            "customer.update",
            {"customer": "Tidewell Pharmacy", "field": "city", "value": "Cork"},
        ),
        (
            "Put every detractor on Sinead's book",
            "customer.bulk_update",
            {"segment": "detractors", "field": "owner", "value": "Sinead"},
        ),
        (
            "Give Zeynep all of Mehmet's customers in Izmir",
            "customer.bulk_update",
            {"owner": "Mehmet", "city": "Izmir", "field": "owner", "value": "Zeynep"},
        ),
    ],
)
def test_what_blind_round_35_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_day_in_a_message_about_what_comes_next_is_not_when_a_contact_happened():
    parsed = read("text message to Rita at Sundance Saddlery confirming thursday install")
    assert parsed.intent == "interaction.log" and "occurred_on" not in parsed.slots


def test_a_channel_taken_back_as_it_is_typed_is_the_one_logged():
    parsed = read(
        "log call w/ Marc Tremblay at Tremblay Renovations — sorry, it was a meeting not a call "
        "— he wants the kitchen line catalogue"
    )
    assert (parsed.slots["channel"], parsed.slots["summary"]) == (
        "meeting",
        "he wants the kitchen line catalogue",
    )


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("who moved acme to lost?", "customer.changes", {"customer": "acme", "field": "stage"}),
        ("who deleted initech", "customer.changes", {"customer": "initech", "action": "delete"}),
        (
            "split jordan's accounts between maria and sam",
            "customer.bulk_update",
            {"owner": "jordan", "field": "owner", "value": "maria and sam"},
        ),
        (
            "new leads added this week",
            "report.show",
            {"metric": "customers", "period": "this_week"},
        ),
        (
            "priya shah is ready for a proposal, move her stage",
            "customer.update",
            {"customer": "priya shah", "field": "stage", "value": "proposal"},
        ),
        (
            "get maria to call omar martin today about his nps 4",
            "task.create",
            {
                "text": "call omar martin about his nps 4",
                "customer": "omar martin",
                "owner": "maria",
                "due": "2026-11-18",
            },
        ),
        (
            "halcyon retail still havent signed, push that task to monday",
            "task.update",
            {"customer": "halcyon retail", "due": "2026-11-23"},
        ),
        (
            "the falcon analytics QBR - done, booked for the 14th",
            "task.complete",
            {"customer": "falcon analytics", "about": "QBR"},
        ),
        (
            "who's logged the most activity today",
            "report.show",
            {"metric": "interactions", "group_by": "owner", "period": "today"},
        ),
        ("the team", "report.show", {"metric": "customers", "group_by": "owner", "owner": "team"}),
        (
            "björn dubois - renewal quote sent",
            "interaction.log",
            {"customer": "björn dubois", "channel": "email", "summary": "renewal quote sent"},
        ),
        (
            "note on kenji moreau: prefers whatsapp, never call before 10am",
            "interaction.log",
            {
                "customer": "kenji moreau",
                "channel": "note",
                "summary": "prefers whatsapp, never call before 10am",
            },
        ),
    ],
)
def test_what_working_day_46_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_question_about_who_made_a_change_is_never_the_change():
    asked = ("who changed Acme to lost?", "when was acme moved to lost", "who gave acme to sam")
    for text in asked:
        assert read(text).intent == "customer.changes"


def test_a_customer_named_with_their_city_or_company_unaccented_is_shown():
    store = Lexicon(customers=("Hugo Silva", "Zoé Lefèvre"), companies=("Prestige Media",),
                    cities=("Paris", "London"))  # fmt: skip
    for text in ("hugo silva paris", "zoe lefevre prestige media"):
        assert read(text, lexicon=store).slots == {"customer": text}


@pytest.mark.parametrize(
    ("text", "corrected"),
    [
        ("called Te Awa Cellars no wait it was Te Motu, they want 6 cases", "called Te Motu"),
        ("remind me friday, I mean monday, to chase Ponsonby Cellar", "remind me monday"),
        ("customers who haven't ordered in 45 days, no, 60", "in 60 days"),
        ("close task 114... actually 141", "close task 141"),
        ("add Kavita Iyer, 98220 41177 — no wait phone is 98220 41771, city Pune", "98220 41771"),
    ],
)
def test_words_taken_back_as_they_are_typed_are_replaced_whole(text, corrected):
    from intents.rules import self_corrected

    assert corrected in self_corrected(text)
    assert "no wait" not in self_corrected(text) and "sorry" not in self_corrected(text)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "TBL signed grp med, 85 pax, SGD 42.5k",
            "purchase.log",
            {
                "customer": "TBL",
                "product": "grp med",
                "quantity": 85,
                "amount": 42500,
                "currency": "SGD",
            },
        ),
        (
            "Kindly delete all leads that are lost and no contact from 180 days",
            "customer.bulk_update",
            {"stage": "lost", "no_contact_days": 180, "action": "delete"},
        ),
        (
            "Set stage proposal for all customers with tag tender-2026",
            "customer.bulk_update",
            {"tag": "tender-2026", "field": "stage", "value": "proposal"},
        ),
        (
            "Give all champions in Richmond the vip-tasting tag",
            "customer.bulk_update",
            {"segment": "champions", "city": "Richmond", "field": "tag", "value": "vip-tasting"},
        ),
        (
            "Please reassign every customer in Longmont that currently belongs to Kyle to Marisol",
            "customer.bulk_update",
            {"city": "Longmont", "owner": "Kyle", "field": "owner", "value": "Marisol"},
        ),
        ("I would like to see what Devon has overdue.", "task.list",
         {"owner": "Devon", "period": "overdue"}),
        ("top 5 customers by frequency", "segment.list", {"sort": "frequency", "limit": 5}),
        (
            "please add customer Hamid Rezaei, Dubai, Rezaei Home Furnishing, hamid@rezaeihome.ae",
            "customer.create",
            {
                "name": "Hamid Rezaei",
                "city": "Dubai",
                "company": "Rezaei Home Furnishing",
                "email": "hamid@rezaeihome.ae",
            },
        ),
        (
            "Zoë García confirmed the quote, 20x CRM Starter at 285 each",
            "purchase.log",
            {"customer": "Zoë García", "product": "CRM Starter", "quantity": 20, "amount": 5700},
        ),
    ],
)  # fmt: skip
def test_what_blind_rounds_36_and_37_and_day_48_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_booking_for_a_day_to_come_is_not_the_day_of_the_sale():
    parsed = read("Kerrigan Pharma booked ballroom hire for 11 Dec, €16,200 incl. dinner")
    assert parsed.intent == "purchase.log" and "occurred_on" not in parsed.slots


def test_a_meeting_at_an_hour_of_a_day_to_come_is_never_logged_as_had():
    assert read("meeting with him monday 2pm to walk through the install").intent != (
        "interaction.log"
    )


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (  # dictated, punctuation said aloud
            "log a call with Terry Olsen comma he needs two more grain dryers period follow up "
            "Monday period",
            "interaction.log",
            {"customer": "Terry Olsen", "channel": "call",
             "summary": "he needs two more grain dryers", "follow_up": "2026-11-23"},
        ),
        ("create a task to call Hank Dietrich about the warranty on January fifth period",
         "task.create",
         {"text": "call Hank Dietrich about the warranty", "customer": "Hank Dietrich",
          "due": "2027-01-05"}),
        ("send us the digest at half 7 in the mornin", "digest.subscribe", {"time": "07:30"}),
        ("I would rather not receive the daily summary any longer, if you please.",
         "digest.unsubscribe", {}),
        ("dinnae want the mornin digest anymair ta", "digest.unsubscribe", {}),
        ("Dank je wel!", "smalltalk", {}),
        ("Please mark Zenith Agro Allied as won :tada: well done Ifeoma!", "customer.update",
         {"customer": "Zenith Agro Allied", "field": "stage", "value": "customer"}),
        ("Eish, Mabena Construction went with the competition, mark them lost",
         "customer.update", {"customer": "Mabena Construction", "field": "stage", "value": "lost"}),
        ("Move everyone in Durban from Sipho to Lerato", "customer.bulk_update",
         {"city": "Durban", "owner": "Sipho", "field": "owner", "value": "Lerato"}),
        ("Stage proposal for more than 45 days, owner Faisal — move them to lost",
         "customer.bulk_update",
         {"stage": "proposal", "no_stage_change_days": 45, "owner": "Faisal", "field": "stage",
          "value": "lost"}),
        ("all those proposals wey never move for 45 days, mark them lost jare",
         "customer.bulk_update",
         {"stage": "proposal", "no_stage_change_days": 45, "field": "stage", "value": "lost"}),
        ("Which ones are already longer than 3 weeks in proposal?", "segment.list",
         {"stage": "proposal", "no_stage_change_days": 21}),
        ("champions with no contact for 21 days, tag em xmas-hamper", "customer.bulk_update",
         {"segment": "champions", "no_contact_days": 21, "field": "tag", "value": "xmas-hamper"}),
        ("Voss next step?", "next_action.suggest", {"customer": "Voss"}),
        ("Who is the contact person for Hock Seng Engineering?", "customer.show",
         {"customer": "Hock Seng Engineering"}),
        ("how many customers have we got per segment", "report.show",
         {"metric": "customers", "group_by": "segment"}),
        ("Kindly note a sale to Pruitt Hardware: 12 cases of brass hinges, $1,460",
         "purchase.log",
         {"customer": "Pruitt Hardware", "product": "brass hinges", "quantity": 12,
          "amount": 1460, "currency": "USD"}),
        ("Kramer visit fu fri", "interaction.log",
         {"customer": "Kramer", "channel": "visit", "follow_up": "2026-11-20"}),
        ("remind call Voss tmrw", "task.create",
         {"text": "call Voss", "customer": "Voss", "due": "2026-11-19"}),
        ("segment=at_risk, owner=Callum, sort=value, limit=20", "segment.list",
         {"segment": "at_risk", "owner": "Callum", "sort": "value", "limit": 20}),
        ("new cx: tanya brooks, brooks ice co, in montrose, tbrooks@brooksice.com",
         "customer.create",
         {"name": "tanya brooks", "company": "brooks ice co", "city": "montrose",
          "email": "tbrooks@brooksice.com"}),
    ],
)  # fmt: skip
def test_what_blind_round_39_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("qbr with emma taylor on the 15th, put it in my tasks", "task.create",
         {"text": "qbr with emma taylor", "customer": "emma taylor", "due": "2026-12-15"}),
        ("i have a call w her this aft", "task.create",
         {"text": "call w her", "due": "2026-11-18"}),
        ("move sam's qualified customers with contact in the last 7 days to proposal",
         "customer.bulk_update",
         {"owner": "sam", "stage": "qualified", "contacted_days": 7, "field": "stage",
          "value": "proposal"}),
        ("delete all customers in stage lost with no orders", "customer.bulk_update",
         {"stage": "lost", "never_purchased": True, "action": "delete"}),
        ("how many does maria have in Toronto now", "segment.list",
         {"owner": "maria", "city": "Toronto"}),
        ("give those to maria, shes in berlin anyway", "customer.bulk_update",
         {"field": "owner", "value": "maria"}),
        ("omar jensen at wayne logistik went bust, delete him", "customer.delete",
         {"customer": "omar jensen at wayne logistik"}),
        ("sam's tasks for monday", "task.list", {"owner": "sam", "due": "2026-11-23"}),
        ("what did I change this morning", "customer.changes", {"by": "me"}),
        ("who brought omar khan back from the bin", "customer.changes",
         {"customer": "omar khan", "action": "delete"}),
        ("and set her nps to 6", "nps.record", {"score": 6}),
    ],
)  # fmt: skip
def test_what_working_day_50_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_selection_of_colleagues_towns_is_read_whole_from_the_store():
    parsed = read("give sam marias toronto and new york accounts", lexicon=STORE_WITH_TOWNS)
    assert parsed.slots == {
        "owner": "maria", "city": "toronto and new york", "field": "owner", "value": "sam",
    }  # fmt: skip


STORE_WITH_TOWNS = Lexicon(
    customers=STORE.customers,
    companies=STORE.companies,
    products=STORE.products,
    staff=STORE.staff,
    cities=("Toronto", "New York"),
)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Bondi Bottle-O did the survey, Trevor gave us a 4 — nobody answers the phone after 3",
         "nps.record",
         {"customer": "Bondi Bottle-O", "score": 4,
          "comment": "nobody answers the phone after 3"}),
        ("add Lior Ben-David from Haifa Optics as a prospect, mine", "customer.create",
         {"name": "Lior Ben-David", "company": "Haifa Optics", "stage": "qualified",
          "owner": "me"}),
        ("add a new contact: Tamika Reese, clerk for Judge Alvarez, Cook County Circuit Court, "
         "312-555-0147",
         "customer.create",
         {"name": "Tamika Reese", "company": "Cook County Circuit Court",
          "phone": "312-555-0147"}),
        ("sorry, email of Mr Dũng is wrong, correct is dung.tran@dnseafood.com.vn",
         "customer.update",
         {"customer": "Mr Dũng", "field": "email", "value": "dung.tran@dnseafood.com.vn"}),
        ("sorry her name is spelt Abena Owusu-Ansah, not Owusu. please correct it",
         "customer.update", {"field": "name", "value": "Abena Owusu-Ansah"}),
        ("Quarry Lane signed :tada: 40 seats Clinical plan @ $310/seat = $12,400", "purchase.log",
         {"customer": "Quarry Lane", "product": "Clinical plan", "quantity": 40,
          "amount": 12400, "currency": "USD"}),
        ("email for Carmarthen Creamery is dafydd.huws@carmcreamery.co.uk now, the old one "
         "bounces",
         "customer.update",
         {"customer": "Carmarthen Creamery", "field": "email",
          "value": "dafydd.huws@carmcreamery.co.uk"}),
        ("phone for Omar Jensen at Wayne Logistik", "customer.show",
         {"customer": "Omar Jensen at Wayne Logistik"}),
        ("Next steps for Lukas' book?", "next_action.suggest", {"owner": "Lukas"}),
        ("Who are the clients that we cannot lose? ordered by value", "segment.list",
         {"segment": "cant_lose", "sort": "value"}),
        ("move all of shira's accounts to avi shes on mat leave from tmrw",
         "customer.bulk_update", {"owner": "shira", "field": "owner", "value": "avi"}),
        ("itai's pipeline, anything stuck in proposal >3w?", "segment.list",
         {"owner": "itai", "stage": "proposal", "no_stage_change_days": 21}),
        ("Stage change: Brandt & Söhne Maschinenbau → customer (signed yesterday)",
         "customer.update",
         {"customer": "Brandt & Söhne Maschinenbau", "field": "stage", "value": "customer"}),
        ("Good morning boss bot 🙏 please show me Adom Foods, I'm going there now now",
         "customer.show", {"customer": "Adom Foods"}),
    ],
)  # fmt: skip
def test_what_blind_round_40_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("new lead from yesterdays retailtech expo: Priya Shah at Brightline Foods, manchester",
         "customer.create",
         {"name": "Priya Shah", "company": "Brightline Foods", "city": "manchester",
          "stage": "lead"}),
        ("new lead Ryan Cole, Peakline Outdoors, Denver CO, ryan@peakline.com", "customer.create",
         {"name": "Ryan Cole", "company": "Peakline Outdoors", "city": "Denver",
          "email": "ryan@peakline.com", "stage": "lead"}),
        ("delete the daniel okafor email dated tue 17 nov", "interaction.delete",
         {"customer": "daniel okafor", "channel": "email", "occurred_on": "2026-11-17"}),
        ("delete the email logged on daniel okafor", "interaction.delete",
         {"customer": "daniel okafor", "channel": "email"}),
        ("new product, nimbus", "unknown", {}),
        ("daniel okafor emailed back, wants to meet tues in leeds", "interaction.log",
         {"customer": "daniel okafor", "channel": "email", "summary": "wants to meet in leeds",
          "follow_up": "2026-11-24"}),
        ("give the harbor sohne quote task to maria", "task.update",
         {"customer": "harbor sohne", "owner": "maria", "about": "quote"}),
        ("move my atlas task to friday", "task.update",
         {"customer": "atlas", "due": "2026-11-20"}),
    ],
)  # fmt: skip
def test_what_working_day_51_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("change stage for everyone in hibernating to lost", "customer.bulk_update",
         {"segment": "hibernating", "field": "stage", "value": "lost"}),
        ("Mirae Display order 5,000 pcs MCU HN-32F, total USD 41,500", "purchase.log",
         {"customer": "Mirae Display", "product": "MCU HN-32F", "quantity": 5000,
          "amount": 41500, "currency": "USD"}),
        ("/crm report revenue last month by owner", "report.show",
         {"metric": "revenue", "period": "last_month", "group_by": "owner"}),
        ("new lead Pono Builders, Keoni Alapai, 808-555-0122, Hilo, interested in commercial solar",
         "customer.create",
         {"stage": "lead", "company": "Pono Builders", "name": "Keoni Alapai",
          "phone": "808-555-0122", "city": "Hilo", "interest": "commercial solar"}),
        ("all leads in Poznań stuck more than 30 days without stage change -> move them to lost",
         "customer.bulk_update",
         {"stage": "lead", "city": "Poznań", "no_stage_change_days": 30, "field": "stage",
          "value": "lost"}),
        ("sorry for the late update, visited Digby Scallop Ltd yesterday, they're unhappy with "
         "the lid seals",
         "interaction.log",
         {"customer": "Digby Scallop Ltd", "channel": "visit", "occurred_on": "2026-11-17",
          "summary": "they're unhappy with the lid seals"}),
    ],
)  # fmt: skip
def test_what_blind_round_41_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("also he mentioned they're opening a munich office, note that", "interaction.log",
         {"channel": "note", "summary": "he mentioned they're opening a munich office"}),
        ("jordan's tasks due before wednesday -> sam", "task.update",
         {"tasks_of": "jordan", "owner": "sam", "period": "week"}),
        ("spoke w kenji at zenith, wants 5% off, f/up tues", "interaction.log",
         {"customer": "kenji at zenith", "channel": "call", "summary": "wants 5% off",
          "follow_up": "2026-11-24"}),
        ("show maria's pipeline", "report.show",
         {"metric": "customers", "group_by": "stage", "owner": "maria"}),
        ("close my task to call her", "task.complete", {"about": "call"}),
        ("anything in proposal with no contact for 60 days should drop back to qualified",
         "customer.bulk_update",
         {"stage": "proposal", "no_contact_days": 60, "field": "stage", "value": "qualified"}),
    ],
)  # fmt: skip
def test_what_working_day_52_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Harbourline Travel renewed 40 seats of Insight Suite at €11,200 for the year",
         "purchase.log", {"customer": "Harbourline Travel", "quantity": 40,
                          "product": "Insight Suite", "amount": 11200, "currency": "EUR"}),
        ("closed Sunset Ridge Medical today!! 250 licenses of CarePoint at $212,500",
         "purchase.log", {"customer": "Sunset Ridge Medical", "quantity": 250,
                          "product": "CarePoint", "amount": 212500, "currency": "USD",
                          "each": 212500}),
        ("Osei Agro Dealers bought 25 bags NPK blend, GH₵ 14,500", "purchase.log",
         {"customer": "Osei Agro Dealers", "quantity": 25, "product": "NPK blend",
          "amount": 14500, "currency": "GHS"}),
        ("Sofia Pinto is based in Lisboa not Faro, pls fix", "customer.update",
         {"customer": "Sofia Pinto", "field": "city", "value": "Lisboa"}),
        ("tag all customers in Gdańsk with interest cold chain as expo-2027",
         "customer.bulk_update", {"city": "Gdańsk", "interest": "cold chain", "field": "tag",
                                  "value": "expo-2027"}),
        ("Detractors list pls, I want to call them personally", "segment.list",
         {"segment": "detractors"}),
        ("need_attention segment in İzmir, top 25 by value", "segment.list",
         {"segment": "need_attention", "city": "İzmir", "sort": "value", "limit": 25}),
        ("dvorak signed. mark won", "customer.update",
         {"customer": "dvorak", "field": "stage", "value": "customer"}),
        ("Matt at Tui Builders - new email matt@tuibuilders.nz", "customer.update",
         {"customer": "Matt at Tui Builders", "field": "email", "value": "matt@tuibuilders.nz"}),
        ("delete Test Customer 123, someone created it during training", "customer.delete",
         {"customer": "Test Customer 123"}),
        ("remind me send contract to Rafael on the 25", "task.create",
         {"text": "send contract to Rafael", "customer": "Rafael", "due": "2026-11-25"}),
        ("jun's overdue tasks how many ah", "task.list", {"owner": "jun", "period": "overdue"}),
    ],
)  # fmt: skip
def test_what_blind_round_43_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("whats changed today so far", "customer.changes", {}),
        ("show me todays changes by the team", "customer.changes", {"by": "team"}),
        ("leads never contacted that were added before 1 july", "segment.list",
         {"never_contacted": True, "added": {"before": "2026-07-01"}, "stage": "lead"}),
        ("customers in germany", "segment.list", {"city": "germany"}),
        ("customers tagged vip or partner", "segment.list", {"tag": "vip or partner"}),
        ("oops the halcyon one was 5600 not 5400, fix pls", "purchase.update",
         {"customer": "halcyon", "amount": 5600, "was": {"amount": 5400}}),
        ("task 82 isnt about emma taylor, unlink it from her", "task.update",
         {"task_id": 82, "action": "unlink"}),
        ("and send jordan a task to write handover notes on anna brown by 18 dec", "task.create",
         {"text": "write handover notes on anna brown", "owner": "jordan", "due": "2026-12-18"}),
        ("which cities are jordan's customers in", "report.show",
         {"metric": "customers", "group_by": "city", "owner": "jordan"}),
    ],
)  # fmt: skip
def test_what_working_day_54_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Set all Vivek's leads with no contact for 90 days to lost, do the needful",
         "customer.bulk_update", {"owner": "Vivek", "stage": "lead", "no_contact_days": 90,
                                  "field": "stage", "value": "lost"}),
        ("Move Farah's high value accounts to Leena while she's on maternity leave",
         "customer.bulk_update", {"owner": "Farah", "segment": "high_value", "field": "owner",
                                  "value": "Leena"}),
        ("call mama ngozi provisions friday abt upgrade to lithium battery", "task.create",
         {"text": "call mama ngozi provisions abt upgrade to lithium battery",
          "customer": "mama ngozi provisions", "due": "2026-11-20"}),
        ("my customers in Binh Duong interest reactive dyes", "segment.list",
         {"owner": "me", "city": "Binh Duong", "interest": "reactive dyes"}),
        ("who in my book aint bought nothin in 120 days", "segment.list",
         {"owner": "me", "no_purchase_days": 120}),
        ("at_risk customers of the team in Ankara", "segment.list",
         {"segment": "at_risk", "owner": "team", "city": "Ankara"}),
    ],
)  # fmt: skip
def test_what_blind_round_44_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_number_in_a_contact_told_is_never_a_task_ticked_off():
    text = "I meet Mr Hoang of Viet Thang Knitting at his factory, he want sample of red 195, 5kg"
    parsed = read(text)
    assert parsed.intent != "task.complete" and "task_id" not in parsed.slots


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("move all the german leads to maria", "customer.bulk_update",
         {"stage": "lead", "city": "Germany", "field": "owner", "value": "maria"}),
        ("what changed today", "customer.changes", {}),
        ("show me the team's changes today", "customer.changes", {"by": "team"}),
        ("kenji gave us a 10 btw, loves the new dashboards", "nps.record",
         {"customer": "kenji", "score": 10, "comment": "loves the new dashboards"}),
        ("tag #201 and #202 webinar-dec", "customer.bulk_update",
         {"customers": ["#201", "#202"], "field": "tag", "value": "webinar-dec"}),
        ("export all jordan's customers to csv", "segment.list", {"owner": "jordan"}),
    ],
)  # fmt: skip
def test_what_working_day_55_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Assign all detractors without contact in 14 days to Özlem", "customer.bulk_update",
         {"segment": "detractors", "no_contact_days": 14, "field": "owner", "value": "Özlem"}),
        ("kill all leads in Tucson with no contact in 120 days", "customer.bulk_update",
         {"no_contact_days": 120, "city": "Tucson", "stage": "lead", "action": "delete"}),
        ("Anything sat in qualified for 120+ days with no stage change - mark it lost",
         "customer.bulk_update", {"no_stage_change_days": 120, "stage": "qualified",
                                  "field": "stage", "value": "lost"}),
        ("on site at Ferme Idrissi, replaced fuse, need to come back with new string monitor "
         "friday", "interaction.log",
         {"customer": "Ferme Idrissi", "channel": "visit", "follow_up": "2026-11-20",
          "summary": "replaced fuse, need to come back with new string monitor"}),
        ("messaged Kowhai Pictures on WhatsApp, want a package quote. ping mon",
         "interaction.log", {"customer": "Kowhai Pictures", "channel": "chat",
                             "summary": "want a package quote", "follow_up": "2026-11-23"}),
        ("rang Gaz Whitfield, he's after 20t of urea, chase him up wed arvo", "interaction.log",
         {"customer": "Gaz Whitfield", "channel": "call", "summary": "he's after 20t of urea",
          "follow_up": "2026-11-25"}),
        ("Karoo Fresh Produce signed for 12 months of reefer capacity, R1.2m", "purchase.log",
         {"customer": "Karoo Fresh Produce", "product": "reefer capacity", "amount": 1200000,
          "currency": "ZAR"}),
        ("Medivance Pharma placed order of 5 lakh blister foils for 2.5 lakh rupees",
         "purchase.log", {"customer": "Medivance Pharma", "product": "blister foils",
                          "amount": 250000, "currency": "INR"}),
        ("/crm done 515,516", "task.complete", {"task_id": [515, 516]}),
        ("Brandt Feinmechanik: score 3, 'printer down for 9 days'", "nps.record",
         {"customer": "Brandt Feinmechanik", "score": 3, "comment": "printer down for 9 days"}),
        ("new customer rosa delgado at two creeks almond company phone 559 555 0142",
         "customer.create", {"name": "rosa delgado", "company": "two creeks almond company",
                             "phone": "559 555 0142"}),
        ("just left hollister orchards they need a second shaker", "interaction.log",
         {"customer": "hollister orchards", "channel": "visit",
          "summary": "they need a second shaker"}),
        ("out at Mallee Downs Pastoral, canola looking crook", "interaction.log",
         {"customer": "Mallee Downs Pastoral", "channel": "visit",
          "summary": "canola looking crook"}),
        ("Who's got Harbourside Dental?", "customer.show", {"customer": "Harbourside Dental"}),
        ("Whose book is Sunda Spice Exports in?", "customer.show",
         {"customer": "Sunda Spice Exports"}),
        ("Meridian Grain: stage prospect", "customer.update",
         {"customer": "Meridian Grain", "field": "stage", "value": "qualified"}),
        ("remind me in ten days to check on the shaker at hollister orchards", "task.create",
         {"text": "check on the shaker at hollister orchards", "due": "2026-11-28"}),
    ],
)  # fmt: skip
def test_what_blind_round_45_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("tag all paying customers worth more than 20k as price-call", "customer.bulk_update",
         {"stage": "customer", "min_value": 20000, "field": "tag", "value": "price-call"}),
        ("remove the price-call tag from anna brown, sam's spoken to her", "customer.update",
         {"customer": "anna brown", "field": "tag", "value": "price-call", "action": "untag"}),
        ("and one for sam: book a QBR with lucia schneider nordwind before the 28th",
         "task.create", {"text": "book a QBR with lucia schneider nordwind", "owner": "sam",
                         "customer": "lucia schneider nordwind", "due": "2026-11-28"}),
        ("who owns #178 and #172 now", "customer.show", {"customers": ["#178", "#172"]}),
        ("he rang back so close the noah schneider follow up", "task.complete",
         {"customer": "noah schneider"}),
        ("remind me to send kenji the quote by end of day monday", "task.create",
         {"text": "send kenji the quote", "customer": "kenji", "due": "2026-11-23"}),
        ("met fatima nakamura at the trade fair last wk, keen on services pkg",
         "interaction.log", {"customer": "fatima nakamura", "channel": "meeting",
                             "summary": "keen on services pkg", "occurred_on": "2026-11-11"}),
        ("forecast for the team next 12 months", "report.show",
         {"metric": "revenue", "owner": "team", "forecast": True}),
        ("move jordan's open tasks over to whoever now owns the customer", "task.update",
         {"tasks_of": "jordan", "owner": "their owners"}),
    ],
)  # fmt: skip
def test_what_working_day_56_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_several_known_customers_told_of_one_after_another_each_had_the_contact():
    store = Lexicon(customers=("Jane Cooper", "Bob Stone"), companies=("Initech",))
    parsed = read("emailed Jane Cooper, Bob Stone and initech the recording", lexicon=store)
    assert parsed.slots["customers"] == ["Jane Cooper", "Bob Stone", "initech"]
    assert parsed.slots["summary"] == "the recording"


def test_a_first_name_said_after_a_customer_is_not_another_customer():
    store = Lexicon(customers=("Jane Cooper", "Bob Stone"))
    parsed = read("called Jane Cooper and bob said hi", lexicon=store)
    assert "customers" not in parsed.slots


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("close out as lost any proposal nobody's contacted in 90+ days", "customer.bulk_update",
         {"stage": "proposal", "no_contact_days": 90, "field": "stage", "value": "lost"}),
        ("pipeline: who has proposals open and how old are they", "segment.list",
         {"stage": "proposal"}),
        ("nps olivia schneider 11", "nps.record",
         {"customer": "olivia schneider", "invalid": {"score": "11"}}),
        ("amelia lefevre no answer, sent sms instead", "interaction.log",
         {"customer": "amelia lefevre", "channel": "call",
          "summary": "no answer, sent sms instead"}),
        ("actually no not 2, amelia weber call hasnt happened yet, undo", "task.update",
         {"task_id": 2, "action": "reopen"}),
        ("tag those 16 stale-lead", "customer.bulk_update",
         {"field": "tag", "value": "stale-lead"}),
        ("everyone tagged price-error also gets tagged credit-pending so finance can pull the "
         "list", "customer.bulk_update",
         {"tag": "price-error", "field": "tag", "value": "credit-pending"}),
        ("move sam's open tasks for customers he no longer owns to the new owners", "task.update",
         {"tasks_of": "sam", "owner": "their owners"}),
        ("log sale: pecan street lofts, -48 filter packs, $1,920", "purchase.log",
         {"customer": "pecan street lofts", "product": "filter packs", "amount": 1920,
          "currency": "USD", "invalid": {"quantity": "-48"}}),
        ("Called into Gallagher's Vet Clinic this morning – they're low on wormer",
         "interaction.log", {"customer": "Gallagher's Vet Clinic", "channel": "visit",
                             "summary": "they're low on wormer", "occurred_on": "2026-11-18"}),
        ("Visited Arvind Textiles in Ludhiana on the 14th, they are asking 60 days credit terms",
         "interaction.log", {"customer": "Arvind Textiles", "channel": "visit",
                             "summary": "they are asking 60 days credit terms",
                             "occurred_on": "2026-11-14"}),
        ("Dropped in on Kym at Tanunda Ridge Wines, the mulcher is chewing through belts. Swap it "
         "out Mon", "interaction.log",
         {"customer": "Kym at Tanunda Ridge Wines", "channel": "visit", "follow_up": "2026-11-23",
          "summary": "the mulcher is chewing through belts. Swap it out"}),
        ("Morning digest for Pádraig", "digest.show", {"owner": "Pádraig"}),
        ("/crm tasks <@U03MB7|jess> this week", "task.list", {"owner": "jess", "period": "week"}),
        ("What's Callum got open?", "task.list", {"owner": "Callum"}),
        ("Eirik Solberg gave 10 on NPS survey, no comment", "nps.record",
         {"customer": "Eirik Solberg", "score": 10}),
        ("PO in from Te Puke Kiwi Packers: 12 pallets of 18kg trays, NZ$14,880", "purchase.log",
         {"customer": "Te Puke Kiwi Packers", "product": "18kg trays", "quantity": 12,
          "amount": 14880, "currency": "NZD"}),
        ("add this one: Rawiri Tane, Te Puke Kiwi Packers Ltd, rawiri@tepukekiwi.co.nz",
         "customer.create", {"name": "Rawiri Tane", "company": "Te Puke Kiwi Packers Ltd",
                             "email": "rawiri@tepukekiwi.co.nz"}),
        ("site visit at Jurong Marine Yard with Mr. Rahman, hull inspection ok", "interaction.log",
         {"customer": "Jurong Marine Yard", "channel": "visit",
          "summary": "with Mr. Rahman, hull inspection ok"}),
    ],
)  # fmt: skip
def test_what_working_day_57_and_blind_round_46_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_refund_told_in_a_call_is_never_a_sale():
    parsed = read(
        "omar taylor redwood - called, he already paid the wrong amt. need refund of 340 eur"
    )
    assert parsed.intent != "purchase.log" and "amount" not in parsed.slots


TAGGED = Lexicon(customers=("Kenji Moreau", "Tom Rossi"), staff=("Jordan Lee", "Sam"),
                 tags=("stale-lead", "price-error", "credit-pending"))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("bin all of jordan's stale-lead leads", "customer.bulk_update",
         {"owner": "jordan", "stage": "lead", "action": "delete", "tag": "stale-lead"}),
        ("my price-error custs?", "segment.list", {"owner": "me", "tag": "price-error"}),
        ("kenji moreau already got his credit note this morning, drop credit-pending from him",
         "customer.update", {"customer": "kenji moreau", "field": "tag", "value": "credit-pending",
                             "action": "untag"}),
        ("finance update: tom rossi's order was before the price change, take the price-error "
         "tag off him", "customer.update",
         {"customer": "tom rossi", "field": "tag", "value": "price-error", "action": "untag"}),
    ],
)  # fmt: skip
def test_a_tag_the_store_has_is_read_as_that_tag(text, intent, slots):
    parsed = read(text, lexicon=TAGGED)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("remind me at 4pm to check every aa-advisory account has been contacted", "task.create",
         {"text": "check every aa-advisory account has been contacted", "due": "2026-11-18"}),
        ("txtd amelia taylor ironclad w/ the patch link", "interaction.log",
         {"customer": "amelia taylor ironclad", "channel": "sms", "summary": "w/ the patch link"}),
        ("reassign lucia kowalski, björn rossi... no wait. reassign tom becker, mia rossi to sam",
         "customer.bulk_update", {"customers": ["tom becker", "mia rossi"], "field": "owner",
                                  "value": "sam"}),
        ("who hasnt been contacted yet today", "segment.list", {"no_contact_days": 1}),
        ("whose book is anna brown in now?", "customer.show", {"customer": "anna brown"}),
        ("omar martin atlas - sent advisory by email", "interaction.log",
         {"customer": "omar martin atlas", "channel": "email", "summary": "sent advisory"}),
        ("what should sam be doing with his book", "next_action.suggest", {"owner": "sam"}),
        ("reassign #162, oliver lopez and #148 to sam", "customer.bulk_update",
         {"customers": ["#162", "oliver lopez", "#148"], "field": "owner", "value": "sam"}),
        ("All lost customers in Reykjavík with no purchase in 2 years - delete them",
         "customer.bulk_update", {"stage": "lost", "no_purchase_days": 730, "city": "Reykjavík",
                                  "action": "delete"}),
        ("Tag all customers with lifetime value over USD 250k as tier-1", "customer.bulk_update",
         {"min_value": 250000, "field": "tag", "value": "tier-1"}),
        ("Move every qualified lead with no contact for 10 days from Sipho to Annelie",
         "customer.bulk_update", {"stage": "qualified", "no_contact_days": 10, "owner": "Sipho",
                                  "field": "owner", "value": "Annelie"}),
        ("Move everyone in Aled's book in Bristol over to Carys", "customer.bulk_update",
         {"owner": "Aled", "city": "Bristol", "field": "owner", "value": "Carys"}),
        ("Delete all leads in Morgan City nobody has contacted in 180 days", "customer.bulk_update",
         {"stage": "lead", "city": "Morgan City", "no_contact_days": 180, "action": "delete"}),
        ("Rao Caterers bought 10kg sambar powder for -₹4,500", "purchase.log",
         {"customer": "Rao Caterers", "product": "sambar powder",
          "invalid": {"amount": "-₹4,500"}}),
        ("Curry Leaf Bistro – rating 7, 'good aroma but packaging leaks'", "nps.record",
         {"customer": "Curry Leaf Bistro", "score": 7,
          "comment": "good aroma but packaging leaks"}),
        ("crm log call Karratha Iron Pty - re gas detector calibration", "interaction.log",
         {"customer": "Karratha Iron Pty", "channel": "call",
          "summary": "re gas detector calibration"}),
        ("Meeting on Teams with Lichtenfels Interiors today, they choose the smoked version",
         "interaction.log", {"customer": "Lichtenfels Interiors", "channel": "meeting",
                             "summary": "they choose the smoked version",
                             "occurred_on": "2026-11-18"}),
    ],
)  # fmt: skip
def test_what_working_day_58_and_blind_round_47_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    "text",
    [
        "jolene hebert new # 337-555-0142",
        "Hotel Saffron Kochi is interested in biryani masala also, pls add",
    ],
)
def test_a_detail_of_someone_told_never_adds_someone_new(text):
    assert read(text).intent != "customer.create"


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("björn dubois - who changed his stage to lost today?", "customer.changes",
         {"customer": "björn dubois", "field": "stage"}),
        ("why is björn dubois showing as lost?? i'm calling him today", "customer.changes",
         {"customer": "björn dubois", "field": "stage"}),
        ("the hugo novak sale yesterday was keyed at the old price list, 3 x enterprise should be "
         "5400 total not 6120. fix it pls", "purchase.update",
         {"customer": "hugo novak", "sale_of": "hugo novak", "sold_on": "2026-11-17",
          "amount": 5400, "was": {"amount": 6120}}),
        ("#178 sale of yesterday, set amount to 5400", "purchase.update",
         {"customer": "#178", "sold_on": "2026-11-17", "amount": 5400}),
        ("fix the price of #178's last sale: 5400", "purchase.update",
         {"customer": "#178", "amount": 5400}),
        ("booked the QBR with her for the 15th, so that task is done", "task.complete",
         {"about": "QBR"}),
        ("björn andersson at aperture signed this morning, mark him customer", "customer.update",
         {"customer": "björn andersson at aperture", "field": "stage", "value": "customer"}),
        ("customers handed over from jordan today", "segment.list",
         {"came_from": {"from": "jordan", "days": 0}, "owner": "team"}),
        ("jordan's customers in the US and canada go to sam", "customer.bulk_update",
         {"owner": "jordan", "city": "US and canada", "field": "owner", "value": "sam"}),
        ("who owns what now", "report.show", {"metric": "customers", "group_by": "owner"}),
        ("jordan's pipeline deals", "segment.list",
         {"stage": ["lead", "qualified", "proposal"], "owner": "jordan"}),
        ("sold :moneybag: 1x elk shoulder mount to Larkspur Lodge for $4,200 :tada:",
         "purchase.log", {"customer": "Larkspur Lodge", "product": "elk shoulder mount",
                          "quantity": 1, "amount": 4200, "currency": "USD"}),
        ("add a new customer Theodora Ashgrove from Ashgrove Weddings phone 914 555 0199 she's "
         "interested in sunset flights", "customer.create",
         {"name": "Theodora Ashgrove", "company": "Ashgrove Weddings", "phone": "914 555 0199",
          "interest": "sunset flights"}),
        ("Sold -3 poly hives to Wrenfold Estate, £450", "purchase.log",
         {"customer": "Wrenfold Estate", "product": "poly hives", "amount": 450,
          "currency": "GBP", "invalid": {"quantity": "-3"}}),
        ("Crested Butte Funicular is closed lost, they went with the Austrian supplier",
         "customer.update", {"customer": "Crested Butte Funicular", "field": "stage",
                             "value": "lost"}),
        ("Erase all personal data of the customer with email "
         "<mailto:m.kowal@baroque-ensemble.pl|m.kowal@baroque-ensemble.pl>", "customer.forget",
         {"customer": "m.kowal@baroque-ensemble.pl"}),
        ("delte custmer test test", "customer.delete", {"customer": "test test"}),
        ("tnaks mate", "smalltalk", {}),
        ("Move all Al Ain accounts to Rashid", "customer.bulk_update",
         {"city": "Al Ain", "field": "owner", "value": "Rashid"}),
        ("Customers with no purchase in -30 days", "segment.list",
         {"invalid": {"no_purchase_days": "-30"}}),
        ("Which customers are stuck in qualified for more than 45 days?", "segment.list",
         {"stage": "qualified", "no_stage_change_days": 45}),
        ("Bellmann Turmuhren is now at Qualified stage", "customer.update",
         {"customer": "Bellmann Turmuhren", "field": "stage", "value": "qualified"}),
        ("Eketahuna Merino NPS 12, reckons we're the best in the district", "nps.record",
         {"customer": "Eketahuna Merino", "comment": "we're the best in the district",
          "invalid": {"score": "12"}}),
        ("I am very pleased to inform you that Coorg Shiitake Collective has placed an order for "
         "200 kg of grain spawn amounting to ₹84,000.", "purchase.log",
         {"customer": "Coorg Shiitake Collective", "product": "grain spawn", "quantity": 200,
          "amount": 84000, "currency": "INR"}),
        ("/crm update #4471 phone +65 6555 0192", "customer.update",
         {"customer": "#4471", "field": "phone", "value": "+65 6555 0192"}),
        ("Clarsach Workshop Galway: change the contact name to Róisín Breathnach",
         "customer.update", {"customer": "Clarsach Workshop Galway", "field": "name",
                             "value": "Róisín Breathnach"}),
        ("Put everyone at risk in Larne under Morven", "customer.bulk_update",
         {"segment": "at_risk", "city": "Larne", "field": "owner", "value": "Morven"}),
        ("got this by email from Monasterio de Valvanera: > sorry for the delay, our board has "
         "not yet approved the budget", "interaction.log",
         {"customer": "Monasterio de Valvanera", "channel": "email",
          "summary": "sorry for the delay, our board has not yet approved the budget"}),
    ],
)  # fmt: skip
def test_what_working_day_59_and_blind_round_48_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("From: Niamh Corrigan <niamh@corriganbellhangers.ie> Subject: Re: tower survey — "
         "'Thursday's survey was grand, we'll need the headstock replaced on bell 4.' — "
         "logging this",
         "interaction.log", {"customer": "Niamh Corrigan", "channel": "email",
                             "summary": "Thursday's survey was grand, we'll need the headstock "
                                        "replaced on bell 4."}),
        ("Pasting from Outlook — From: Eoin Mac Suibhne <eoin@aranknitwear.ie> Sent: Monday 16 "
         "November 2026 'Happy with the sample jumpers, we'll take 60.' — log it",
         "interaction.log", {"customer": "Eoin Mac Suibhne", "channel": "email",
                             "summary": "Happy with the sample jumpers, we'll take 60.",
                             "occurred_on": "2026-11-16"}),
        ("Order confirmation — Customer: Fleetmouth Swannery Trust / Item: Floating nest platform "
         "x4 / Total: £1,960.00", "purchase.log",
         {"customer": "Fleetmouth Swannery Trust", "product": "Floating nest platform",
          "quantity": 4, "amount": 1960, "currency": "GBP"}),
        ("Dear bot, I had a very productive video call this afternoon with Mrs. Lakshmi Raghavan "
         "of Kaveri Puppet Theatre; she is keen on the lighting rig", "interaction.log",
         {"customer": "Mrs. Lakshmi Raghavan of Kaveri Puppet Theatre", "channel": "meeting",
          "summary": "she is keen on the lighting rig", "occurred_on": "2026-11-18"}),
        ("delet Ballycastle Kite Co they were a test entry", "customer.delete",
         {"customer": "Ballycastle Kite Co"}),
        ("digest me at half seven every morning please", "digest.subscribe", {"time": "07:30"}),
        ("What's Tahoe Snowcat Tours' number?", "customer.show",
         {"customer": "Tahoe Snowcat Tours"}),
        ("customer info Cebu Guitar Makers pls", "customer.show",
         {"customer": "Cebu Guitar Makers"}),
        ("how many new customers did we get last month?", "report.show",
         {"metric": "customers", "period": "last_month"}),
        ("Where can I see my open tasks? Is there a command?", "help",
         {"topic": "see my open tasks"}),
        ("I want to see the tasks of all the team for this week", "task.list",
         {"period": "week", "owner": "team"}),
        ("What are my tasks for the week?", "task.list", {"period": "week", "owner": "me"}),
        ("new contact name bertha lindgren company lindgren clock tower restoration city duluth "
         "phone 218 555 0199", "customer.create",
         {"name": "bertha lindgren", "company": "lindgren clock tower restoration",
          "city": "duluth", "phone": "218 555 0199"}),
        ("just left the meeting at the galveston oyster reef project they signed off on the buoy "
         "order", "interaction.log",
         {"customer": "galveston oyster reef project", "channel": "visit",
          "summary": "they signed off on the buoy order"}),
        ("Put Anchor & Oar Chandlery under Kofi from now on", "customer.update",
         {"customer": "Anchor & Oar Chandlery", "field": "owner", "value": "Kofi"}),
        ("Meenakshi Looms interested in jacquard cards now, add interest", "customer.update",
         {"customer": "Meenakshi Looms", "field": "interest", "value": "jacquard cards"}),
        ("All customers with stage lead in Munich, please put stage to qualified",
         "customer.bulk_update", {"stage": "lead", "city": "Munich", "field": "stage",
                                  "value": "qualified"}),
        ("/crm update Harzwald Glassblowers city Goslar", "customer.update",
         {"customer": "Harzwald Glassblowers", "field": "city", "value": "Goslar"}),
        ("set tag wholesale on Porto Sardine Caners", "customer.update",
         {"customer": "Porto Sardine Caners", "field": "tag", "value": "wholesale"}),
    ],
)  # fmt: skip
def test_what_blind_round_49_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_colleague_named_before_a_colon_and_a_task_gets_that_task():
    parsed = read("lee: chase bob stone for the signed proposal, due fri", lexicon=STORE)
    assert (parsed.intent, parsed.slots) == (
        "task.create",
        {"text": "chase bob stone for the signed proposal", "customer": "bob stone",
         "owner": "lee", "due": "2026-11-20"},
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "atlas - also moved to customer? check her stage",
        "acme moved to leeds?",
        "why is acme in lost",
        "jane cooper - who moved her to lost?",
    ],
)
def test_a_question_about_a_customer_is_never_a_change(text):
    assert read(text).intent not in (
        "customer.update", "customer.delete", "customer.bulk_update", "customer.forget"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("#58 confirmed by mail: 10 x CRM Pro, 12.5k total",
         {"customer": "#58", "quantity": 10, "product": "CRM Pro", "amount": 12500}),
        ("fix kenji's last sale: quantity 10, not 58",
         {"customer": "kenji", "quantity": 10, "was": {"quantity": 58}}),
    ],
)  # fmt: skip
def test_a_customers_id_is_never_a_count_and_a_count_put_right_says_which_sale(text, slots):
    assert read(text).slots == slots


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("flogged 3 reef tanks to Bondi Reef Supplies, 4.5k all up", "purchase.log",
         {"customer": "Bondi Reef Supplies", "quantity": 3, "product": "reef tanks",
          "amount": 4500}),
        ("Today Mehta Aquarium House has taken 12 canister filters, total Rs 54,000.",
         "purchase.log", {"customer": "Mehta Aquarium House", "quantity": 12,
                          "product": "canister filters", "amount": 54000, "currency": "INR"}),
        ("Mark everyone tagged 'closing-2026' with no purchase in 365 days as churned",
         "customer.bulk_update", {"tag": "closing-2026", "no_purchase_days": 365,
                                  "field": "stage", "value": "lost"}),
        ("new customer wade tillman tillman falconry phone 720 555 0148 city boulder interested "
         "in hoods and jesses", "customer.create",
         {"name": "wade tillman", "company": "tillman falconry", "phone": "720 555 0148",
          "city": "boulder", "interest": "hoods and jesses"}),
        ("New customer from web form: Name: Fionnuala Brennan | Company: Lough Derg Narrowboats | "
         "Email: <mailto:fionnuala@loughdergboats.ie|fionnuala@loughdergboats.ie> | Phone: 087 334 "
         "1290", "customer.create",
         {"name": "Fionnuala Brennan", "company": "Lough Derg Narrowboats",
          "email": "fionnuala@loughdergboats.ie", "phone": "087 334 1290"}),
    ],
)  # fmt: skip
def test_what_blind_round_50_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_day_something_goes_out_is_never_the_day_a_call_was_had():
    parsed = read(
        "had a 30 min teams call w mia, apologised, credit note for the dup invoice going out "
        "monday. she calmed down a lot"
    )
    assert parsed.intent == "interaction.log" and "occurred_on" not in parsed.slots


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ('*NPS* Smilecraft Dental → 3. "remakes on 4 of the last 10 crowns" :grimacing:',
         "nps.record", {"customer": "Smilecraft Dental", "score": 3,
                        "comment": "remakes on 4 of the last 10 crowns"}),
        ("sold six hundred holds to crux collective gym for eleven thousand four hundred dollars",
         "purchase.log", {"customer": "crux collective gym", "product": "holds", "quantity": 600,
                          "amount": 11400, "currency": "USD"}),
        ("Lekker, Kobus paid the deposit: 1 x 3kW borehole pump, R43,200", "purchase.log",
         {"customer": "Kobus", "product": "3kW borehole pump", "quantity": 1, "amount": 43200,
          "currency": "ZAR"}),
        ("add Tan Wei Ming, Lion City Marine Supplies, +65 9123 4567, tanwm@lioncitymarine.sg",
         "customer.create", {"name": "Tan Wei Ming", "company": "Lion City Marine Supplies",
                             "phone": "+65 9123 4567", "email": "tanwm@lioncitymarine.sg"}),
        ("Please set Femke as owner of Kwekerij De Vlinder", "customer.update",
         {"customer": "Kwekerij De Vlinder", "field": "owner", "value": "Femke"}),
        ("Footscray Players: can you make Tui the owner from now on? Declan's got enough on his "
         "plate", "customer.update",
         {"customer": "Footscray Players", "field": "owner", "value": "Tui"}),
        ("Please could you change the city for Kantha House to Bolpur? My apologies, I entered it "
         "incorrectly earlier.", "customer.update",
         {"customer": "Kantha House", "field": "city", "value": "Bolpur"}),
        ("Change the stage of Marina Porto Belo for customer, they paid already",
         "customer.update", {"customer": "Marina Porto Belo", "field": "stage",
                             "value": "customer"}),
        ("Move all customers of Omar in Sharjah to Fatima please, Omar is going to Riyadh branch",
         "customer.bulk_update", {"owner": "Omar", "city": "Sharjah", "field": "owner",
                                  "value": "Fatima"}),
        ("which proposals have gone stale? nothing heard in 3+ weeks", "segment.list",
         {"stage": "proposal", "no_contact_days": 21}),
        ("Who've I got in proposal at the moment?", "segment.list",
         {"stage": "proposal", "owner": "me"}),
        ("done 45 - superseded by 46", "task.complete",
         {"task_id": 45, "outcome": "superseded by 46"}),
        ("jane cooper is no longer interested in CRM Pro", "customer.update",
         {"customer": "jane cooper", "field": "interest", "value": "CRM Pro",
          "action": "remove"}),
        ("fair lead: Lena Vogt from Vogt Maschinenbau GmbH, l.vogt@vogt-mb.de", "customer.create",
         {"name": "Lena Vogt", "company": "Vogt Maschinenbau GmbH", "email": "l.vogt@vogt-mb.de",
          "stage": "lead"}),
        ("Iker's customers in Salamanca that are still leads — move them to qualified",
         "customer.bulk_update", {"owner": "Iker", "city": "Salamanca", "stage": "lead",
                                  "field": "stage", "value": "qualified"}),
        ("All customers of Rahul which are in stage proposal more than 45 days, please move them "
         "to lost", "customer.bulk_update", {"owner": "Rahul", "stage": "proposal",
                                             "no_stage_change_days": 45, "field": "stage",
                                             "value": "lost"}),
        ("Is it possible to see who across the whole team hasn't bought anything from us in, oh, "
         "about 120 days?", "segment.list", {"owner": "team", "no_purchase_days": 120}),
        ("*Weekly check-in* :calendar: — overdue tasks for the whole team, please", "task.list",
         {"period": "overdue", "owner": "team"}),
        ("give task 49 to Maria and rename it to chase Omar Khan re proposal", "task.update",
         {"task_id": 49, "owner": "Maria", "text": "chase Omar Khan re proposal"}),
        ("new customer pls: Matthias Brandt, Hopfenhaus Gießen — From: Matthias Brandt "
         "<m.brandt@hopfenhaus-giessen.de> Sent: Montag, 9. November 2026 08:12 Subject: AW: "
         "Messzylinder Anfrage", "customer.create",
         {"name": "Matthias Brandt", "company": "Hopfenhaus Gießen",
          "email": "m.brandt@hopfenhaus-giessen.de"}),
        ("ok manually then. remind maria to chase Omar Khan at Silverline Corp on wed",
         "task.create", {"text": "chase Omar Khan at Silverline Corp",
                         "customer": "Omar Khan at Silverline Corp", "owner": "maria",
                         "due": "2026-11-25"}),
    ],
)  # fmt: skip
def test_what_blind_round_51_and_day_62_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "customer", "channel"),
    [
        ("Sorry for the wall of text — from Siobhán at Harbour Tiles: 'we need 40 boxes by "
         "friday' Log it as an email", "Siobhán at Harbour Tiles", "email"),
        ("Jane Cooper wrote: 'we want 20 seats' log this as an email pls", "Jane Cooper", "email"),
        ("finally got Father Declan Moore on the phone this morning, tenor bell has a crack, "
         "follow up monday", "Father Declan Moore", "call"),
        ("I was out at St. Michael's in Ballinasloe yesterday looking at the organ bellows, "
         "leather is perished", "St. Michael's", "visit"),
        ("loged a cal with wirra downs stud, they wnat a quote on 4 stock saddles. folow up "
         "tusday", "wirra downs stud", "call"),
    ],
)  # fmt: skip
def test_a_contact_told_in_its_own_order_or_spelling_is_logged_with_its_customer(
    text, customer, channel
):
    parsed = read(text)
    assert parsed.intent == "interaction.log"
    assert (parsed.slots["customer"], parsed.slots["channel"]) == (customer, channel)


def test_a_change_taken_back_in_the_same_message_is_never_made():
    assert read("move acme to lost? no wait, keep her").intent != "customer.update"


def test_so_i_dont_forget_is_never_an_erasure():
    parsed = read(
        "finally got Father Declan Moore at St. Fintan's on the phone, the tenor bell has a "
        "crack, can you put a follow up in for Monday so I don't forget"
    )
    assert parsed.intent != "customer.forget"


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("revenue this quarter compared to same quarter last year",
         {"metric": "revenue", "period": "this_quarter", "compare": "previous_period",
          "a_year_before": True}),
        ("revenue this quarter vs last quarter",
         {"metric": "revenue", "period": "this_quarter", "compare": "previous_period"}),
        ("purchases by channel? no wait — interactions by channel, this month vs last month",
         {"metric": "interactions", "group_by": "channel", "period": "this_month",
          "compare": "previous_period"}),
    ],
)  # fmt: skip
def test_a_comparison_is_with_the_period_meant(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("report.show", slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("task 31 done. and 32. no, not 32, just 31", "task.complete", {"task_id": 31}),
        ("sold Coastline Civil 3 corridor mapping packages at.. hang on, it's 2 packages, 27.6k "
         "AUD total", "purchase.log",
         {"customer": "Coastline Civil", "quantity": 2, "product": "corridor mapping packages",
          "amount": 27600, "currency": "AUD"}),
        ("add new contact - Harriet Nguyen, Coastline Civil, no sorry she's with Southbank Rail "
         "now, harriet.nguyen@southbankrail.com.au", "customer.create",
         {"name": "Harriet Nguyen", "company": "Southbank Rail",
          "email": "harriet.nguyen@southbankrail.com.au"}),
        ("Sold The Larkin Rooms a reconditioned Broadwood upright, €3,900", "purchase.log",
         {"customer": "Larkin Rooms", "quantity": 1, "product": "reconditioned Broadwood upright",
          "amount": 3900, "currency": "EUR"}),
        ("nps Strickwerk Plauen 9 'fast service visit, good technician'", "nps.record",
         {"customer": "Strickwerk Plauen", "score": 9,
          "comment": "fast service visit, good technician"}),
        ("so this is kind of random but Oakridge's main office moved, the new city is Burbank, "
         "not Pasadena anymore, can you fix that", "customer.update",
         {"customer": "Oakridge", "field": "city", "value": "Burbank"}),
        ("The customer Textilwerk Zwönitz wants that we delete all his data, according to DSGVO.",
         "customer.forget", {"customer": "Textilwerk Zwönitz"}),
        ("reassign all customers in campinas from bruno to tiago", "customer.bulk_update",
         {"city": "campinas", "owner": "bruno", "field": "owner", "value": "tiago"}),
        ("All customers of Kemal in Chemnitz shall go to Jonas from now.", "customer.bulk_update",
         {"owner": "Kemal", "city": "Chemnitz", "field": "owner", "value": "Jonas"}),
        ("Please delete every lead that has been sitting in lead stage with no contact for 200 "
         "days, they're just clutter", "customer.bulk_update",
         {"stage": "lead", "no_contact_days": 200, "action": "delete"}),
    ],
)  # fmt: skip
def test_what_blind_round_52_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_day_is_never_the_customer_of_a_reminder():
    parsed = read("Please remind me on 3rd December to send the revised price list to Lotus Foot")
    assert (parsed.intent, parsed.slots["due"]) == ("task.create", "2026-12-03")
    assert "december" not in str(parsed.slots.get("customer", "")).lower()


def test_a_product_is_never_how_a_sale_was_paid():
    parsed = read(
        "so Bluefin Productions ended up going with the full diner set, the invoice came to "
        "$18,250 and they paid a deposit already, can you log that as a sale"
    )
    assert parsed.intent == "purchase.log" and "deposit" not in str(parsed.slots.get("product"))


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("the CRM Pro sale to Fatima Brown was $8,500", "purchase.update",
         {"customer": "Fatima Brown", "sale_of": "CRM Pro", "amount": 8500, "currency": "USD"}),
        ("oh wait the crm pro was 8,500 not 9,000", "purchase.update",
         {"amount": 8500, "was": {"amount": 9000}}),
        ("Sorry CRM Pro was 850 each", "purchase.update", {"each": 850}),
        ("today's meeting with Léa Nakamura was a video call, not a meeting",
         "interaction.update", {"customer": "Léa Nakamura", "channel": "meeting",
                                "old_channel": "meeting"}),
        ("it's Fatima Nakamura at Silverline that's lost", "customer.update",
         {"customer": "Fatima Nakamura at Silverline", "field": "stage", "value": "lost"}),
        ("Priya Shah should be Sam's", "customer.update",
         {"customer": "Priya Shah", "field": "owner", "value": "Sam"}),
        ("what's Chloé Martin's story?", "customer.show", {"customer": "Chloé Martin"}),
        ("actually make the crm pro 16 seats not 15", "purchase.update",
         {"quantity": 16, "was": {"quantity": 15}}),
        ("add her phone +1 212 555 0142", "customer.update",
         {"field": "phone", "value": "+1 212 555 0142"}),
    ],
)  # fmt: skip
def test_what_working_day_63_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_day_a_price_changes_is_no_follow_up():
    parsed = read(
        "emailed Mia Rossi: Hi Mia, just a heads up that Analytics Pro goes up 8% from 1 Jan - if "
        "you want to renew at the current price we can lock it in this month. Best, Sam"
    )
    assert parsed.intent == "interaction.log" and "follow_up" not in parsed.slots


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ('Festsaal Kreuzberg NPS 7 - actually she said 8 - "hoists arrived on time but the '
         'paperwork was a mess"', "nps.record",
         {"customer": "Festsaal Kreuzberg", "score": 8,
          "comment": "hoists arrived on time but the paperwork was a mess"}),
        ("Priya Fischer gave us a 10 :)", "nps.record", {"customer": "Priya Fischer", "score": 10}),
        ("sold gravity loft sixty bolt on holds for two thousand four hundred dollars",
         "purchase.log", {"customer": "gravity loft", "product": "bolt on holds", "quantity": 60,
                          "amount": 2400, "currency": "USD"}),
        ("Midrand Landfill signed the 6 month contract R 84,000", "purchase.log",
         {"customer": "Midrand Landfill", "product": "6 month contract", "amount": 84000,
          "currency": "ZAR"}),
        ("pinecrest hoa -2 filter cartridges $60", "purchase.log",
         {"customer": "pinecrest hoa", "product": "filter cartridges", "amount": 60,
          "currency": "USD", "invalid": {"quantity": "-2"}}),
        ('From: Declan Moran <declan@moranpottery.ie> Subject: Re: controller upgrade -- "Go '
         'ahead with the Bartlett controller upgrade, invoice me €640" -> log as a sale',
         "purchase.log", {"customer": "Declan Moran", "product": "Bartlett controller upgrade",
                          "amount": 640, "currency": "EUR"}),
        ("Please delete the customer 'Test Bride' that Zoe created by mistake", "customer.delete",
         {"customer": "Test Bride"}),
        ("add new customer Saoirse Kavanagh, saoirse.kav@gmail.com, 07700 900456, from Bath, "
         "interested in bespoke veils", "customer.create",
         {"name": "Saoirse Kavanagh", "email": "saoirse.kav@gmail.com", "phone": "07700 900456",
          "city": "Bath", "interest": "bespoke veils"}),
        ("Let's move all the qualified leads in Naperville to proposal, we sent the winter promo "
         "to every one of them", "customer.bulk_update",
         {"stage": "qualified", "city": "Naperville", "field": "stage", "value": "proposal"}),
        ("Everyone in the lost stage who is interested in polo saddles, please move them back to "
         "lead, we have a new model", "customer.bulk_update",
         {"stage": "lost", "interest": "polo saddles", "field": "stage", "value": "lead"}),
        ("I think I need to add Bayview Lutheran Church as a new customer, the contact is Pastor "
         "Ingrid Sørensen, ingrid@bayviewlutheran.ca", "customer.create",
         {"company": "Bayview Lutheran Church", "name": "Pastor Ingrid Sørensen",
          "email": "ingrid@bayviewlutheran.ca"}),
        ("sold Kyalami Downs 3 bird spike kits, R 3 600", "purchase.log",
         {"customer": "Kyalami Downs", "product": "bird spike kits", "quantity": 3,
          "amount": 3600, "currency": "ZAR"}),
        ("mrs kowalczyk phone 773-555-0148", "customer.update",
         {"customer": "mrs kowalczyk", "field": "phone", "value": "773-555-0148"}),
        ("Change the email of Beatriz Menezes for beatriz.menezes@vetmenezes.com.br",
         "customer.update", {"customer": "Beatriz Menezes", "field": "email",
                             "value": "beatriz.menezes@vetmenezes.com.br"}),
        ("reasign knox presbyterian to marie-claude", "customer.update",
         {"customer": "knox presbyterian", "field": "owner", "value": "marie-claude"}),
        ("which customers havent had a purchase in a hundred and twenty days", "segment.list",
         {"no_purchase_days": 120}),
    ],
)  # fmt: skip
def test_what_blind_round_53_wrote_wrong_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("log a meeting with hugo silva: close to signing. follow up next wednesday",
         "interaction.log", {"customer": "hugo silva", "channel": "meeting",
                             "summary": "close to signing", "follow_up": "2026-11-25"}),
        ("bjorn dubois keen on the new tier, wants a demo next tue - remind me to set it up monday",
         "task.create", {"customer": "bjorn dubois", "text": "set it up", "due": "2026-11-23"}),
        ("called jane, she wants a quote. remind me to send it friday", "interaction.log",
         {"customer": "jane", "channel": "call", "summary": "she wants a quote",
          "follow_up": "2026-11-20"}),
        ("tasks for sam and maria: clean up your proposals before the break, due friday",
         "task.create", {"owner": "sam and maria", "due": "2026-11-20",
                         "text": "clean up your proposals before the break"}),
        ("fatima nakamura (silverline) just signed! 10 crm pro, 12k. maria has her now but it "
         "was my deal", "purchase.log", {"customer": "fatima nakamura (silverline)",
                                         "product": "crm pro", "quantity": 10, "amount": 12000}),
        ("note for hugo silva at quantum health: decision maker is their CFO, expects to sign by "
         "18 dec. maria is covering", "interaction.log",
         {"customer": "hugo silva at quantum health", "channel": "note", "follow_up": "2026-12-18",
          "summary": "decision maker is their CFO, expects to sign. maria is covering"}),
        ("the call with mia fischer at summit today was actually a visit", "interaction.update",
         {"customer": "mia fischer at summit", "channel": "visit", "old_channel": "call"}),
        ("jordan's at-risk customers -> maria, she'll do the winback calls over the break",
         "customer.bulk_update", {"owner": "jordan", "segment": "at_risk", "field": "owner",
                                  "value": "maria"}),
        ("jordan's customers in berlin and munich -> sam while he's out", "customer.bulk_update",
         {"owner": "jordan", "city": "berlin and munich", "field": "owner", "value": "sam"}),
        ("bin zoe wilson and rafael novak - junk leads, never got a reply",
         "customer.bulk_update", {"customers": ["zoe wilson", "rafael novak"],
                                  "action": "delete"}),
        ("big accounts (50k+) nobody has talked to in 45 days", "segment.list",
         {"min_value": 50000, "no_contact_days": 45}),
    ],
)  # fmt: skip
def test_what_working_day_65_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ('Got this from a chap at Harwich Sea Scouts: "Under GDPR please erase all the personal '
         'data you hold about me. Ewan Pryce" - can you sort that?', "customer.forget",
         {"customer": "Ewan Pryce"}),
        ("Dr Pretorius phoned, he wants to be erased from our records completely - POPIA request",
         "customer.forget", {"customer": "Dr Pretorius"}),
        ("remove Brooklyn Glassworks from my book, Bianca's taking them over", "customer.update",
         {"customer": "Brooklyn Glassworks", "field": "owner", "value": "Bianca"}),
        ("Adaeze Okafor - add interest: glass lathe", "customer.update",
         {"customer": "Adaeze Okafor", "field": "interest", "value": "glass lathe"}),
        ("Haras Boa Vista is now client! they closed the deal", "customer.update",
         {"customer": "Haras Boa Vista", "field": "stage", "value": "customer"}),
        ("Move all promising customers from Álvaro to Inés", "customer.bulk_update",
         {"segment": "promising", "owner": "Álvaro", "field": "owner", "value": "Inés"}),
        ("new customer: Aeróstatos Segovia, Segovia, Lucía Ferrer, lucia@aerostatossegovia.es, "
         "+34 921 555 014, interested in envelope fabric", "customer.create",
         {"company": "Aeróstatos Segovia", "city": "Segovia", "name": "Lucía Ferrer",
          "email": "lucia@aerostatossegovia.es", "phone": "+34 921 555 014",
          "interest": "envelope fabric"}),
        ("<@U05CRMBOT> *Saltmark fenders* x 24 sold to Kilmore Quay Marina :anchor: £1,150",
         "purchase.log", {"customer": "Kilmore Quay Marina", "product": "Saltmark fenders",
                          "quantity": 24, "amount": 1150, "currency": "GBP"}),
        ("remind me to prep the deck the day before", "task.create",
         {"text": "prep the deck", "invalid": {"due": "the day before"}}),
        ("new inbound lead, Tom Baker, tom@bakery.com", "customer.create",
         {"stage": "lead", "name": "Tom Baker", "email": "tom@bakery.com"}),
    ],
)  # fmt: skip
def test_what_blind_round_54_and_day_64_wrote_wrong_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_task_renamed_and_dated_in_one_message():
    parsed = read("rename 48 to 'send the renewal pack' and make it due fri 27th")
    assert (parsed.intent, parsed.slots) == (
        "task.update",
        {"task_id": 48, "text": "send the renewal pack", "due": "2026-11-27"},
    )


def test_news_then_a_contact_with_no_day_is_that_contact():
    parsed = read("Lerato Mokoena wants pricing on the pro tier, called her")
    summary = "wants pricing on the pro tier"
    assert (parsed.intent, parsed.slots) == (
        "interaction.log",
        {"customer": "Lerato Mokoena", "channel": "call", "summary": summary},
    )


def test_a_renewal_for_a_year_keeps_its_count():
    parsed = read("redwood logistik renewed for 2027: 12 crm pro, 10800 eur. close 26 too")
    assert parsed.intent == "purchase.log"
    assert (parsed.slots["quantity"], parsed.slots["product"]) == (12, "crm pro")


@pytest.mark.parametrize(
    "text",
    [
        "hugo silva quantum health - meeting today, they're ready to sign, 20 seats crm enterprise "
        "~ 48k. chase contract fri",
        "called tom becker, they're about to order 10 seats, chase wed",
    ],
)
def test_a_sale_still_to_come_is_a_contact_not_a_sale(text):
    assert read(text).intent == "interaction.log"


def test_a_day_they_sign_on_is_never_the_day_of_the_call():
    parsed = read("priya fischer halcyon media finally called back - signing friday!!")
    assert parsed.intent == "interaction.log" and "occurred_on" not in parsed.slots


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("al noor events 12x truss 3m AED 9,600", "purchase.log",
         {"customer": "al noor events", "product": "truss 3m", "quantity": 12, "amount": 9600,
          "currency": "AED"}),
        ("Nakamura Legal Office bought 2 platen re-rubbering service, 22000 yen. Sorry, correct "
         "is 3 platen, 33000 yen.", "purchase.log",
         {"customer": "Nakamura Legal Office", "product": "platen re-rubbering service",
          "quantity": 3, "amount": 33000, "currency": "JPY"}),
        ("Lucía has too many customers. Please move all her customers from Valencia to Javi.",
         "customer.bulk_update", {"owner": "Lucía", "city": "Valencia", "field": "owner",
                                  "value": "Javi"}),
        ("Pasting mail from Kisan Agro Mart: 'Dear Sanjay ji, please note our new GST registered "
         "address is in Nashik, kindly update your records.' — update their city to Nashik",
         "customer.update", {"customer": "Kisan Agro Mart", "field": "city", "value": "Nashik"}),
        ("omg gaslight players gave us a 10!!! 'costumes were museum quality'", "nps.record",
         {"customer": "gaslight players", "score": 10, "comment": "costumes were museum quality"}),
        ("jurong ceramics wa'd, want thermocouple type K x10 quote", "interaction.log",
         {"customer": "jurong ceramics", "channel": "chat",
          "summary": "want thermocouple type K x10 quote"}),
        ("please kindly help me send the daily digest at 6pm everyday", "digest.subscribe",
         {"time": "18:00", "days": "every_day"}),
    ],
)  # fmt: skip
def test_what_blind_round_55_read_wrong_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_two_of_them_said_after_a_puts_the_count_right():
    parsed = read("Sold Tova Lindqvist a Dutch hood size 6 — wait, it was two of them, $340 total")
    assert (parsed.intent, parsed.slots["quantity"], parsed.slots["amount"]) == (
        "purchase.log",
        2,
        340,
    )


def test_long_one_sorry_is_no_customer():
    parsed = read("long one sorry — Al Noor called back this afternoon, the expo got pushed")
    assert (parsed.intent, parsed.slots["customer"]) == ("interaction.log", "Al Noor")


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("email from mia rossi at summit retail - their order is stuck in customs since monday, "
         "asked for a tracking update",
         "their order is stuck in customs since monday, asked for a tracking update"),
        ("note on mia rossi: customs broker expects release tuesday",
         "customs broker expects release tuesday"),
    ],
)  # fmt: skip
def test_a_day_of_something_else_in_a_contact_is_neither_its_day_nor_cut(text, summary):
    parsed = read(text)
    assert parsed.intent == "interaction.log" and "occurred_on" not in parsed.slots
    assert parsed.slots["summary"] == summary


def test_an_address_is_never_a_tag():
    parsed = read("tag #201 trade-show pls and set her email to priya.d.jr@gmail.com")
    assert (parsed.slots["field"], parsed.slots["value"]) == ("email", "priya.d.jr@gmail.com")


def test_hand_over_is_never_a_colleague_called_over():
    parsed = read("Hand over all of Priya's Mumbai customers to Arjun while she is on leave")
    assert (parsed.intent, parsed.slots) == (
        "customer.bulk_update",
        {"owner": "Priya", "city": "Mumbai", "field": "owner", "value": "Arjun"},
    )


def test_a_count_of_things_is_never_a_task_number():
    parsed = read(
        "finished the install at Tui Bay Aquaculture yesterday, logging it. 4 aerators "
        "commissioned, need to go back in 3 weeks for the check"
    )
    assert parsed.intent != "task.complete"
    assert read("4 and 5 done thanks").slots == {"task_id": [4, 5]}


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Close all of Callum's Bristol leads that haven't moved stage in 90 days - mark them lost",
         {"owner": "Callum", "city": "Bristol", "stage": "lead", "no_stage_change_days": 90,
          "field": "stage", "value": "lost"}),
        ("Set Imogen as owner on every customer in Bath",
         {"city": "Bath", "field": "owner", "value": "Imogen"}),
        ("tag every customer with no purchase in 180 days as `dormant`",
         {"no_purchase_days": 180, "field": "tag", "value": "dormant"}),
    ],
)  # fmt: skip
def test_a_change_said_of_every_customer_of_a_kind_is_a_bulk_change(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("customer.bulk_update", slots)


def test_same_for_a_colleague_with_a_customer_after_a_task_is_a_task_for_that_colleague():
    parsed = read("same for Sam with Bob Stone - intro call to plan the upgrade, by the 20th too",
                  lexicon=STORE)  # fmt: skip
    assert (parsed.intent, parsed.slots) == (
        "task.create",
        {"text": "intro call to plan the upgrade with Bob Stone", "customer": "Bob Stone",
         "owner": "Sam", "due": "2026-11-20"},
    )  # fmt: skip


def test_that_task_handed_to_a_colleague_is_never_a_reminder_of_those_words():
    parsed = read("hand that task to jordan")
    assert (parsed.intent, parsed.slots) == ("task.update", {"owner": "jordan"})


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("today's call with acme has no notes. it should say: wants 20 seats in january",
         {"customer": "acme", "old_channel": "call", "summary": "wants 20 seats in january"}),
        ("the summary got cut, should read: wants 20 seats", {"summary": "wants 20 seats"}),
        ("change the notes on that call to: budget approved",
         {"old_channel": "call", "summary": "budget approved"}),
    ],
)  # fmt: skip
def test_what_a_contact_should_have_said_puts_its_words_right(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("interaction.update", slots)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Hi team, pls note: Lion Bay Marine PO #LB-2291 received - 2 x hull coating trial kits, "
         "SGD 6,800 total. Log sale.",
         {"customer": "Lion Bay Marine", "product": "hull coating trial kits", "quantity": 2,
          "amount": 6800, "currency": "SGD"}),
        ("From: procurement@tanjongpagarfoods.sg / Sent: Thursday, 19 November 2026 / 'We confirm "
         "the order for 80 cases of coconut cream.' --> log sale pls, S$9,600",
         {"customer": "procurement@tanjongpagarfoods.sg", "product": "coconut cream",
          "quantity": 80, "amount": 9600, "currency": "SGD"}),
    ],
)  # fmt: skip
def test_an_order_told_then_asked_to_be_logged_as_a_sale_is_that_sale(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("purchase.log", slots)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("reassign Goldfields Mining Supplies from Darren to Sione",
         {"customer": "Goldfields Mining Supplies", "field": "owner", "value": "Sione"}),
        ("Kaveri Agro Implements stage to be changed as qualified",
         {"customer": "Kaveri Agro Implements", "field": "stage", "value": "qualified"}),
        ("The phone of Lupita is wrong, the good one is 33 1234 5678",
         {"customer": "Lupita", "field": "phone", "value": "33 1234 5678"}),
    ],
)  # fmt: skip
def test_the_new_value_is_the_one_the_message_holds(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("customer.update", slots)


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("went out to Marrickville Asian Grocers yesterday arvo, they want to range our rice "
         "crackers in all 4 stores", "Marrickville Asian Grocers"),
        ("at rangitoto boatyard now, travel lift hydraulics leaking, quoted new seals",
         "rangitoto boatyard"),
        ("Went up to Thunder Bay Snowmobile Rentals, demoed the trail groomer GPS",
         "Thunder Bay Snowmobile Rentals"),
    ],
)  # fmt: skip
def test_being_out_at_a_customer_is_a_visit(text, customer):
    parsed = read(text)
    assert (parsed.intent, parsed.slots["channel"], parsed.slots["customer"]) == (
        "interaction.log", "visit", customer
    )  # fmt: skip


def test_a_score_said_to_be_missed_is_the_score_of_the_customer_just_talked_about():
    parsed = read("you missed the nps - she gave a 6")
    assert (parsed.intent, parsed.slots) == ("nps.record", {"score": 6})


def test_a_spoken_day_no_month_has_is_invalid_never_another_day():
    parsed = read("remind me on the thirty second of december to renew the desert sun contract")
    assert parsed.intent == "task.create" and "due" not in parsed.slots
    assert parsed.slots["invalid"] == {"due": "32nd of december"}


def test_a_book_said_after_whose_it_is_is_every_customer_of_theirs():
    parsed = read("Right, Callum's left. Move his whole book to Priya")
    assert (parsed.intent, parsed.slots) == (
        "customer.bulk_update", {"owner": "Callum", "field": "owner", "value": "Priya"}
    )  # fmt: skip


def test_the_verb_before_a_customer_is_no_part_of_their_name():
    parsed = read("update golden st taqueria stage won")
    assert parsed.slots["customer"] == "golden st taqueria"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("forecast to year end?", "this_year"),
        ("expected revenue by month end", "this_month"),
        ("forecast for next quarter", "2027-01-01..2027-03-31"),
        ("forecast for next year", "2027-01-01..2027-12-31"),
        ("forecast next 3 months", "2026-11-19..2027-02-18"),
    ],
)
def test_a_forecast_looks_at_the_window_said(text, period):
    parsed = read(text)
    assert (parsed.slots.get("forecast"), parsed.slots.get("period")) == (True, period)


@pytest.mark.parametrize(
    "text",
    ["no the total should be 12,600 then, 14 x 900", "oops that was 12600 total not each"],
)
def test_a_sales_total_put_right_in_words_is_that_sales_new_amount(text):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("purchase.update", {"amount": 12600})


def test_a_stage_left_out_that_the_selection_never_held_is_no_customer_left_out():
    parsed = read("open deals nobody's touched in 4+ weeks, any stage except customer")
    assert (parsed.intent, parsed.slots) == (
        "segment.list", {"stage": ["lead", "qualified", "proposal"], "no_contact_days": 28}
    )  # fmt: skip


def test_a_breakdown_asked_after_news_of_a_rep_is_of_his_book_with_no_period_from_the_news():
    parsed = read("sam is going part time from january. break down his customers by city pls")
    assert (parsed.intent, parsed.slots) == (
        "report.show", {"metric": "customers", "group_by": "city", "owner": "sam"}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("also junk: zoe wilson (madrid lead) and mateo o'brien, delete both",
         {"customers": ["zoe wilson", "mateo o'brien"], "action": "delete"}),
        ("Jane Cooper and Bob Stone - move them both to Sam",
         {"customers": ["Jane Cooper", "Bob Stone"], "field": "owner", "value": "Sam"}),
    ],
)  # fmt: skip
def test_two_customers_named_then_a_change_to_both_is_that_change_to_those_two(text, slots):
    parsed = read(text, lexicon=STORE)
    assert (parsed.intent, parsed.slots) == ("customer.bulk_update", slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("/crm segment no_contact:30 owner:me city:Durban", "segment.list",
         {"no_contact_days": 30, "owner": "me", "city": "Durban"}),
        ("/crm report revenue last_quarter group:month chart", "report.show",
         {"metric": "revenue", "period": "last_quarter", "group_by": "month", "chart": True}),
        ("What is the last interaction with Kaveri Agro?", "interaction.history",
         {"customer": "Kaveri Agro", "limit": 1}),
        ("whats open for me today", "task.list", {"period": "today", "owner": "me"}),
        ("Sales report for me this month", "report.show",
         {"metric": "revenue", "period": "this_month", "owner": "me"}),
        ("Hey! Quick one - who's the owner on Harborview Oyster Co.?", "customer.show",
         {"customer": "Harborview Oyster Co"}),
        ("chng jen golden state email to jen.ruiz@gstsupply.com", "customer.update",
         {"customer": "jen golden state", "field": "email", "value": "jen.ruiz@gstsupply.com"}),
        ("*Reminder to self*: 1:1 prep w/ Deshawn, remind me thursday :calendar:", "task.create",
         {"text": "1:1 prep w/ Deshawn", "due": "2026-11-19"}),
        ("Move all customers in stage proposal without stage change since 30 days to lost",
         "customer.bulk_update",
         {"stage": "proposal", "no_stage_change_days": 30, "field": "stage", "value": "lost"}),
    ],
)  # fmt: skip
def test_what_blind_round_57_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_reminder_the_day_before_an_event_on_a_day_is_due_the_day_before():
    parsed = read("service visit booked for tui bay on the 27th, remind me the day before")
    assert (parsed.slots["customer"], parsed.slots["due"]) == ("tui bay", "2026-11-26")


def test_weights_and_long_product_names_are_counted():
    parsed = read("Harborview Oyster Co. ordered 500 lbs of bagged oyster shell, $1,250")
    assert (parsed.slots["quantity"], parsed.slots["product"]) == (500, "bagged oyster shell")
    parsed = read("Lupita Ortega buy 2 ovens convection model HC-40, total 186,000 pesos")
    said = (parsed.slots["quantity"], parsed.slots["product"])
    assert said == (2, "ovens convection model HC-40")


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("contacts mentioning 'delivery' since 1 nov",
         {"mentioning": "delivery", "period": "since_2026-11-01"}),
        ("emails that mention the recall", {"mentioning": "the recall", "channel": "email"}),
    ],
)  # fmt: skip
def test_contacts_asked_for_by_what_was_said_in_them_are_searched_for_it(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("interaction.history", slots)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("drop his apology call task", {"action": "delete", "about": "apology call"}),
        ("delete the chase task for jane cooper",
         {"action": "delete", "about": "chase", "customer": "jane cooper"}),
    ],
)  # fmt: skip
def test_a_task_taken_away_by_what_it_is_about_is_deleted_never_a_new_one(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("task.update", slots)


def test_a_change_begun_and_taken_back_while_typing_is_neither_done_nor_noted():
    parsed = read(
        "met hugo silva at maple foods, they want 30 seats crm enterprise, decision by 18 dec. "
        "move them to... actually keep in proposal. follow up on the 24th"
    )
    assert (parsed.intent, parsed.slots) == (
        "interaction.log",
        {"customer": "hugo silva at maple foods", "channel": "meeting",
         "summary": "they want 30 seats crm enterprise, decision by 18 dec",
         "follow_up": "2026-11-24"},
    )  # fmt: skip


def test_a_phone_emoji_before_a_name_and_a_colon_is_a_call_with_them():
    parsed = read("📞 Tomasz Złoty Kłos: christmas orders ok, he asks about a discount for january")
    assert (parsed.intent, parsed.slots) == (
        "interaction.log",
        {"customer": "Tomasz Złoty Kłos", "channel": "call",
         "summary": "christmas orders ok, he asks about a discount for january"},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("log: lunch w/ board of Thousand Islands Boat Museum today, renewal looks safe",
         "Thousand Islands Boat Museum"),
        ("Had coffee with the MD of Pemberton Glass & Glazing today, they're opening a depot",
         "Pemberton Glass & Glazing"),
    ],
)  # fmt: skip
def test_someone_met_at_a_customer_by_their_role_is_that_customer(text, customer):
    assert read(text).slots["customer"] == customer


@pytest.mark.parametrize(
    ("text", "customer", "summary"),
    [
        ("Sr. Joaquim came in today, asked for a Christmas gift box", "Sr. Joaquim",
         "asked for a Christmas gift box"),
        ("jane came by the shop yesterday, wants 3 more", "jane", "wants 3 more"),
    ],
)  # fmt: skip
def test_a_customer_who_came_in_was_a_visit_whatever_call_is_planned(text, customer, summary):
    parsed = read(text)
    assert (parsed.intent, parsed.slots["channel"]) == ("interaction.log", "visit")
    assert (parsed.slots["customer"], parsed.slots["summary"]) == (customer, summary)


@pytest.mark.parametrize(
    ("text", "about"),
    [("recovery call done", "recovery call"), ("follow up done", "follow up"),
     ("the renewal quote task is done", "renewal quote")],
)  # fmt: skip
def test_a_task_said_done_by_what_it_was_closes_it_never_makes_one(text, about):
    parsed = read(text)
    assert parsed.intent != "task.create"
    assert parsed.slots == {"about": about} or parsed.intent == "unknown"


def test_an_nps_answer_after_a_meeting_keeps_what_was_said_at_the_meeting():
    parsed = read("had a meeting w/ emma andersson re her complaint. shes calmer, gave us nps 7")
    assert (parsed.slots["comment"], parsed.slots["contact_said"]) == (
        "shes calmer", "re her complaint. shes calmer"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("forecast for q1 next year", "report.show",
         {"metric": "revenue", "period": "2027-01-01..2027-03-31", "forecast": True}),
        ("forecast 1 jan to 31 mar 2027", "report.show",
         {"metric": "revenue", "period": "2027-01-01..2027-03-31", "forecast": True}),
        ("qualified deals quiet for 30+ days?", "segment.list",
         {"stage": "qualified", "no_contact_days": 30}),
        ("qualified with no contact in 30 days", "segment.list",
         {"stage": "qualified", "no_contact_days": 30}),
        ("log the sale too: 50 x crm pro to ingrid taylor, 27500", "purchase.log",
         {"customer": "ingrid taylor", "product": "crm pro", "quantity": 50, "amount": 27500}),
        ("ugh, 25 seats not 50. total 13,750", "purchase.update",
         {"quantity": 25, "was": {"quantity": 50}, "amount": 13750}),
        ("the count was 15, total is still 3600", "purchase.update", {"quantity": 15}),
        ("visited ingrid taylor at vertex health - they signed! 50 seats crm pro, 27,500",
         "purchase.log",
         {"customer": "ingrid taylor at vertex health", "product": "crm pro", "quantity": 50,
          "amount": 27500, "contact": "visit"}),
    ],
)  # fmt: skip
def test_what_working_day_69_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_colleague_taking_over_a_selection_then_move_them_to_her_moves_it_to_her():
    parsed = read("Maria is taking over Sam's open deals in Berlin. move them to her")
    assert (parsed.intent, parsed.slots) == (
        "customer.bulk_update",
        {"stage": ["lead", "qualified", "proposal"], "owner": "Sam", "city": "Berlin",
         "field": "owner", "value": "Maria"},
    )  # fmt: skip


def test_a_customers_task_then_hand_it_to_a_colleague_hands_that_task_on():
    parsed = read("léa nakamura has a chase task from sam for friday, hand it to jordan as well")
    assert (parsed.intent, parsed.slots) == (
        "task.update", {"customer": "léa nakamura", "about": "chase", "owner": "jordan"}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Tan Brothers Hardware: 200 boxes M8 anchors @ S$4.20 — S$840 total",
         {"customer": "Tan Brothers Hardware", "product": "M8 anchors", "quantity": 200,
          "amount": 840, "currency": "SGD"}),
    ],
)  # fmt: skip
def test_a_total_said_after_a_price_each_is_the_sales_amount(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("purchase.log", slots)


def test_what_a_new_customer_loves_is_their_interest():
    parsed = read("add customer Chloé Baptiste, chloe@orange.fr, she loves our linen range")
    assert parsed.slots["interest"] == "linen range"


@pytest.mark.parametrize(
    ("text", "name", "company"),
    [
        ("none of those, he's a new lead. new lead: Tomasz Kowalski, Vistula Foods, Warsaw, "
         "tomasz@vistula.pl", "Tomasz Kowalski", "Vistula Foods"),
        ("no, add her as a new lead: Sofia Marquez, Riverbend Health, Chicago, sofia@riverbend.com",
         "Sofia Marquez", "Riverbend Health"),
        ("trade show leads: Lena Hoffmann, Hoffmann Bau GmbH, Munich, lena@hoffmann-bau.de",
         "Lena Hoffmann", "Hoffmann Bau GmbH"),
    ],
)  # fmt: skip
def test_a_new_lead_after_a_remark_or_a_heading_is_that_lead_never_the_remark(text, name, company):
    parsed = read(text)
    assert parsed.intent == "customer.create"
    assert (parsed.slots["name"], parsed.slots["company"]) == (name, company)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("the name on 208 is wrong, should be just Lena Hoffmann",
         {"customer": "#208", "field": "name", "value": "Lena Hoffmann"}),
        ("Greta Svensson is actually based in Stockholm, fix her city",
         {"customer": "Greta Svensson", "field": "city", "value": "Stockholm"}),
    ],
)  # fmt: skip
def test_a_field_said_wrong_takes_the_value_it_should_have(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("customer.update", slots)


@pytest.mark.parametrize(
    ("text", "customer", "summary"),
    [
        ("left a card at Bramble Lane Kennels, nobody on site", "Bramble Lane Kennels",
         "left a card, nobody on site"),
        ("replaced the door gasket on the walk-in at Rosetti Pasta Factory, 2h labour",
         "Rosetti Pasta Factory", "replaced the door gasket on the walk-in, 2h labour"),
        ("finished the lift inspection at Carrow Quay Storage. all 3 forklifts passed",
         "Carrow Quay Storage", "finished the lift inspection. all 3 forklifts passed"),
        ("job done at Kilbride Quarry — crusher bearings replaced", "Kilbride Quarry",
         "crusher bearings replaced"),
        ("called out to Ridgeway Riding School — sprinkler pump seized",
         "Ridgeway Riding School", "sprinkler pump seized"),
    ],
)  # fmt: skip
def test_work_done_at_a_customer_is_a_visit_to_them(text, customer, summary):
    parsed = read(text)
    assert parsed.intent == "interaction.log"
    assert parsed.slots["channel"] == "visit"
    assert (parsed.slots["customer"], parsed.slots["summary"]) == (customer, summary)


@pytest.mark.parametrize(
    ("text", "summary", "follow_up"),
    [
        ("calld Okafor Generators, noone picked up, try agian tmrw", "noone picked up",
         "2026-11-19"),
        ("called Declan at Moorside, they're happy with the lighting, so I said I'd check in "
         "with them again on the 5th of January", "they're happy with the lighting", "2027-01-05"),
        ("called Ridgeway Riding School, pump seized. f/u friday w/ quote", "pump seized",
         "2026-11-20"),
        ("chased Ashworth Pet Grooming by email re the unpaid invoice, no reply yet. remind me "
         "friday", "re the unpaid invoice, no reply yet", "2026-11-20"),
    ],
)  # fmt: skip
def test_the_follow_up_and_how_the_contact_came_about_are_not_what_was_said(
    text, summary, follow_up
):
    parsed = read(text)
    assert (parsed.slots["summary"], parsed.slots["follow_up"]) == (summary, follow_up)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Can I get a chart of calls per day for this week?", {"metric": "interactions",
         "channel": "call", "period": "this_week", "group_by": "day", "chart": True}),
        ("sms count by rep this month", {"metric": "interactions", "channel": "sms",
         "period": "this_month", "group_by": "owner"}),
    ],
)  # fmt: skip
def test_a_count_of_one_kind_of_contact_is_a_report_of_it(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("report.show", slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("wats overdu for me", "task.list", {"period": "overdue", "owner": "me"}),
        ("shwo me teh last 3 emials with Gullsand Hvac", "interaction.history",
         {"customer": "Gullsand Hvac", "channel": "email", "limit": 3}),
        ("had dinner with the owners of Castellane Yachts tonight, they're moving to us",
         "interaction.log", {"customer": "Castellane Yachts", "channel": "meeting",
                             "summary": "they're moving to us", "occurred_on": "2026-11-18"}),
        ("whose number is 0412 555 887?", "customer.show", {"customer": "0412 555 887"}),
        ("whose phone is +44 20 7946 0018", "customer.show", {"customer": "+44 20 7946 0018"}),
        ("Can I get the digest in the morning? 7 would be ideal", "digest.subscribe",
         {"time": "07:00"}),
        ("finished calling Ashgrove Alpaca Wool, mark it complete", "task.complete",
         {"customer": "Ashgrove Alpaca Wool"}),
        ("show me my top 5 customers by how often they buy", "segment.list",
         {"owner": "me", "sort": "frequency", "limit": 5}),
        ("Show me the 5 most recent promoters", "segment.list",
         {"segment": "promoters", "sort": "recency", "limit": 5}),
        ("set up a new lead for Lee: Rhea Kapoor, Kapoor Shamianas, Jaipur", "customer.create",
         {"stage": "lead", "owner": "Lee", "name": "Rhea Kapoor", "company": "Kapoor Shamianas",
          "city": "Jaipur"}),
    ],
)  # fmt: skip
def test_asked_in_fewer_or_stranger_words_reads_the_same(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("new lead from email: Priya Raman <priya.raman@kestrel-labs.co.uk> Head of IT, Kestrel "
         "Labs, London", "customer.create", {"stage": "lead", "name": "Priya Raman",
         "email": "priya.raman@kestrel-labs.co.uk", "title": "Head of IT",
         "company": "Kestrel Labs", "city": "London"}),
        ("redwood 2 training workshops 2700 total", "purchase.log",
         {"customer": "redwood", "quantity": 2, "product": "training workshops", "amount": 2700}),
        ("Closed $18k with Prairie Wind for 6 blade inspections", "purchase.log",
         {"customer": "Prairie Wind", "product": "blade inspections", "quantity": 6,
          "amount": 18000, "currency": "USD"}),
        ("now jordan's tasks - hand them all to sam", "task.update",
         {"tasks_of": "jordan", "owner": "sam"}),
        ("and the rest of jordan's open tasks to sam", "task.update",
         {"tasks_of": "jordan", "owner": "sam"}),
        ("jordan is off from tomorrow, show me his open deals", "segment.list",
         {"stage": ["lead", "qualified", "proposal"], "owner": "jordan"}),
    ],
)  # fmt: skip
def test_said_in_a_rush_or_pasted_from_a_mail_reads_whole(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_purchase_told_of_in_passing_is_no_sale():
    said = "went down to Polperro Crab, the pump they bought from us in 2024 has been running dry"
    assert read(said).intent != "purchase.log"


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("remind me to invoice Pemberton Ice Sculptures on friday", "Pemberton Ice Sculptures"),
        ("remind me at the end of the month to check whether Dovecote Tea Rooms have paid",
         "Dovecote Tea Rooms"),
        ("Service visit Hendry Lobster Co today — chiller compressor rebuilt", "Hendry Lobster Co"),
    ],
)  # fmt: skip
def test_the_customer_of_a_reminder_or_a_visit_said_in_other_words(text, customer):
    assert read(text).slots["customer"] == customer


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("add webinar lead for Lee: Priya Shah, Lumen Robotics, London",
         "customer.create", {"stage": "lead", "owner": "Lee", "name": "Priya Shah",
                             "company": "Lumen Robotics", "city": "London"}),
        ("ugh, name on 201 should be just Priya Shah", "customer.update",
         {"customer": "#201", "field": "name", "value": "Priya Shah"}),
        ("new webinar signup -> From: Lena Vogel <lena.vogel@kraftwerk-it.de> Subject: Analytics "
         "launch webinar - Lena Vogel, Head of BI, Kraftwerk IT GmbH, München", "customer.create",
         {"stage": "lead", "email": "lena.vogel@kraftwerk-it.de", "title": "Head of BI",
          "name": "Lena Vogel", "company": "Kraftwerk IT GmbH", "city": "München"}),
        ("add her as a new lead pls: Lena Vogel, Kraftwerk IT GmbH, Munich", "customer.create",
         {"stage": "lead", "name": "Lena Vogel", "company": "Kraftwerk IT GmbH", "city": "Munich"}),
        ("a task for sam due monday: pitch the analytics upgrade", "task.create",
         {"text": "pitch the analytics upgrade", "owner": "sam", "due": "2026-11-23"}),
        ("58 is a dupe, close it", "task.complete", {"task_id": 58}),
        ("task 58 is a duplicate, close it", "task.complete", {"task_id": 58}),
        ("done with the chase chloe task", "task.complete",
         {"about": "chase", "customer": "chloe"}),
    ],
)  # fmt: skip
def test_launch_day_leads_and_tasks_read_whole(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("the dupe is mia fischer, the new york one - bin her", "customer.delete",
         {"customer": "mia fischer (new york)"}),
        ("the duplicate is Kenji Moreau, delete him", "customer.delete",
         {"customer": "Kenji Moreau"}),
        ("what products do we sell?", "help", {"topic": "what products do we sell"}),
        ("price list pls", "help", {"topic": "price list"}),
        ("task 5 can go, omar jensen is lost", "task.update", {"task_id": 5, "action": "delete"}),
        ("tick off the friday call task for jane cooper", "task.complete",
         {"about": "call", "customer": "jane cooper"}),
        ("sorry i meant move jordan's berlin customers to maria garcia", "customer.bulk_update",
         {"owner": "jordan", "city": "berlin", "field": "owner", "value": "maria garcia"}),
        ("delete the 4 aug meeting with amelia taylor", "interaction.delete",
         {"customer": "amelia taylor", "occurred_on": "2026-08-04", "channel": "meeting"}),
        ("the emma taylor sale was 2 x crm pro for £1,200", "purchase.update",
         {"customer": "emma taylor", "sale_of": "emma taylor", "quantity": 2, "amount": 1200,
          "currency": "GBP"}),
        ("oops it was 2 licences not 3, 1200 quid", "purchase.update",
         {"quantity": 2, "amount": 1200, "currency": "GBP", "was": {"quantity": 3}}),
        ("the meeting with amelia taylor was on nov 16 not jul 12", "interaction.update",
         {"customer": "amelia taylor", "occurred_on": "2026-11-16", "old_channel": "meeting"}),
        ("move the 12 july meeting with amelia taylor to 16 november", "interaction.update",
         {"customer": "amelia taylor", "occurred_on": "2026-11-16", "old_channel": "meeting"}),
        ("which of jordan's customers havent heard from us since september", "segment.list",
         {"owner": "jordan", "no_contact_days": 78}),
    ],
)  # fmt: skip
def test_what_working_day_73_found_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_day_written_in_the_other_order_is_meant_when_the_zones_order_is_months_away():
    def met_on(said: str, tz: str) -> str:
        return parse(f"met amelia taylor on {said} for lunch", now=NOW, tz=tz).slots["occurred_on"]

    assert met_on("07/11", "Europe/London") == "2026-11-07"
    assert met_on("11/07", "America/Chicago") == "2026-11-07"
    assert met_on("07/11", "America/Chicago") == "2026-11-07"  # not 11 July, four months back
    assert met_on("05/09", "America/Chicago") == "2026-05-09"  # neither order is near: the zone's


def test_a_city_said_before_a_known_customers_name_says_which_of_them():
    reading = read("give the toronto jane cooper to maria", lexicon=STORE_WITH_TOWNS)
    assert reading.slots["customer"] == "jane cooper toronto"
    assert read("tell me about toronto", lexicon=STORE_WITH_TOWNS).slots["customer"] == "toronto"


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("delet all custmers taged spam-import", "customer.bulk_update",
         {"tag": "spam-import", "action": "delete"}),
        ("set intrest to gift sets for all custmers tagged xmas-fair", "customer.bulk_update",
         {"tag": "xmas-fair", "field": "interest", "value": "gift sets"}),
        ("May I see the list of passives in Osaka, please?", "segment.list",
         {"segment": "passives", "city": "Osaka"}),
        ("NPS 6 from Mei Lin Koh @ Ninebark Bonsai, cmt: shipping too slow", "nps.record",
         {"customer": "Mei Lin Koh @ Ninebark Bonsai", "score": 6,
          "comment": "shipping too slow"}),
        ("Right to be forgotten request: please erase siobhan@rookerysweeps.ie", "customer.forget",
         {"customer": "siobhan@rookerysweeps.ie"}),
        ("Please delete the customer record for Harbour Lights Chandlery; they have closed the "
         "business.", "customer.delete", {"customer": "Harbour Lights Chandlery"}),
        ("I've done the Moana follow-up, can you mark it complete?", "task.complete",
         {"customer": "Moana"}),
        ("cust info: Periscope Sub Tours", "customer.show", {"customer": "Periscope Sub Tours"}),
        ("quick look at *Southern Cross Drone Surveys* pls", "customer.show",
         {"customer": "Southern Cross Drone Surveys"}),
        ("whats teh status of Glacier Peak Heli-skiing", "customer.show",
         {"customer": "Glacier Peak Heli-skiing"}),
        ("Lucía Ferreira is now with Rosa, please change the owner", "customer.update",
         {"customer": "Lucía Ferreira", "field": "owner", "value": "Rosa"}),
        ("Please hand over Velloway Harpsichords to Jules from tomorrow.", "customer.update",
         {"customer": "Velloway Harpsichords", "field": "owner", "value": "Jules"}),
        ('task add "send invoice to Bursztyn Amber Works" due 2026-12-21', "task.create",
         {"text": "send invoice to Bursztyn Amber Works", "customer": "Bursztyn Amber Works",
          "due": "2026-12-21"}),
        ("tsk: send SOW to Fenwick Aerial by 12/18", "task.create",
         {"text": "send SOW to Fenwick Aerial", "customer": "Fenwick Aerial", "due": "2026-12-18"}),
        ("new cust: Lim Boon Keat, Orchid Hydro Supplies, lbk@orchidhydro.sg, int: nutrient dosers",
         "customer.create",
         {"name": "Lim Boon Keat", "company": "Orchid Hydro Supplies",
          "email": "lbk@orchidhydro.sg", "interest": "nutrient dosers"}),
    ],
)  # fmt: skip
def test_what_blind_round_61_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("/crm add *Elif Demir* <mailto:elif@kilnstreet.co.uk|elif@kilnstreet.co.uk> Kiln Street "
         "Ceramics, Stoke-on-Trent", "customer.create",
         {"name": "Elif Demir", "email": "elif@kilnstreet.co.uk",
          "company": "Kiln Street Ceramics", "city": "Stoke-on-Trent"}),
        ("new contact ayesha siddiqui 0300 1234567 karachi", "customer.create",
         {"name": "ayesha siddiqui", "phone": "0300 1234567", "city": "karachi"}),
        ("add Kofi's new customer Yaw Boateng, Kumasi", "customer.create",
         {"owner": "Kofi", "name": "Yaw Boateng", "city": "Kumasi"}),
        ("move all qualified in Nairobi over to Kofi", "customer.bulk_update",
         {"stage": "qualified", "city": "Nairobi", "field": "owner", "value": "Kofi"}),
        ("Tag Kiln Street Ceramics wholesale", "customer.update",
         {"customer": "Kiln Street Ceramics", "field": "tag", "value": "wholesale"}),
        ("wat do we kno abt aurelia taxidermy", "customer.show", {"customer": "aurelia taxidermy"}),
        ("txt'd Aroha to confirm the extractor delivery, all good", "interaction.log",
         {"customer": "Aroha", "channel": "sms",
          "summary": "to confirm the extractor delivery, all good"}),
        ("telegram w/ Oksana Kovalenko — she needs the honey jar labels in Ukrainian",
         "interaction.log", {"customer": "Oksana Kovalenko", "channel": "chat",
                             "summary": "she needs the honey jar labels in Ukrainian"}),
        ("survey answer from chen wei seven said pricing is fine but delivery was late",
         "nps.record", {"customer": "chen wei", "score": 7,
                        "comment": "pricing is fine but delivery was late"}),
        ("set a reminder for the twenty second to ship the oak barrel samples to orchard lane "
         "cidery", "task.create",
         {"text": "ship the oak barrel samples to orchard lane cidery",
          "customer": "orchard lane cidery", "due": "2026-11-22"}),
        ("log a visit to captain mensah at tema harbour pilots they need two new pilot ladders "
         "follow up on the fourth", "interaction.log",
         {"customer": "captain mensah at tema harbour pilots", "channel": "visit",
          "summary": "they need two new pilot ladders", "follow_up": "2026-12-04"}),
        ("log sale to Rookery Chimney Sweeps $500 for brushes", "purchase.log",
         {"customer": "Rookery Chimney Sweeps", "product": "brushes", "amount": 500,
          "currency": "USD"}),
        ("top 5 most frequent buyers", "segment.list", {"sort": "frequency", "limit": 5}),
        ("bulk change owner to Harriet for loyal customers in Bristol", "customer.bulk_update",
         {"segment": "loyal", "city": "Bristol", "field": "owner", "value": "Harriet"}),
        ("Please reassign every customer worth over 50,000 to me personally until the new hire "
         "starts.", "customer.bulk_update", {"min_value": 50000, "field": "owner", "value": "me"}),
        ("biggest 20 accounts", "segment.list", {"sort": "value", "limit": 20}),
        ("Which customers can we absolutely not lose?", "segment.list", {"segment": "cant_lose"}),
        ("remind me on wednesday to check Kente Kraft's payment", "task.create",
         {"text": "check Kente Kraft's payment", "customer": "Kente Kraft", "due": "2026-11-25"}),
        ("remind me to do Dana's performance review", "task.create",
         {"text": "do Dana's performance review"}),
        ("customers tagged trade, most recent first, first 10", "segment.list",
         {"tag": "trade", "sort": "recency", "limit": 10}),
        ("remind me tomorrow at 9 to call Orrin about the overdue invoice", "task.create",
         {"text": "call Orrin about the overdue invoice", "customer": "Orrin",
          "due": "2026-11-19"}),
        ("Just got off a Teams call with Hiroko Tanabe. Meridian Sextant Works are going ahead "
         "with the brass restoration kit", "interaction.log",
         {"customer": "Hiroko Tanabe", "channel": "meeting",
          "summary": "Meridian Sextant Works are going ahead with the brass restoration kit"}),
    ],
)  # fmt: skip
def test_what_blind_round_63_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("next best actions for the vip customers", {"tag": "vip"}),
        ("what should I do with my lapsed customers?", {"owner": "me", "segment": "lapsed"}),
        ("what should sam do with his at risk customers", {"owner": "sam", "segment": "at_risk"}),
        ("next steps for customers in Berlin", {"city": "Berlin"}),
        ("what should I do with Jane at Acme", {"customer": "Jane at Acme"}),
    ],
)
def test_advice_over_a_selection_reads_the_selection_not_a_customer(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("next_action.suggest", slots)


def test_a_remark_after_a_new_leads_details_leaves_the_town_read():
    parsed = read(
        "new lead: Priya Shah, Redwood Logistik GmbH, priya.shah@redwood.de, hamburg. met her at "
        "the expo"
    )
    assert parsed.slots["city"] == "hamburg"
    assert parsed.slots["name"] == "Priya Shah"


@pytest.mark.parametrize("said", ["task 56 ✅", "task 56 :white_check_mark:", "✅ task 56"])
def test_a_task_number_with_a_tick_is_done_and_alone_is_shown(said):
    assert (read(said).intent, read(said).slots) == ("task.complete", {"task_id": 56})
    assert (read("task 56").intent, read("task 56").slots) == ("task.list", {"task_id": 56})


def test_nps_answers_since_a_day_are_a_report_never_a_score_of_that_day():
    parsed = read("nps answers since 1 october")
    assert (parsed.intent, parsed.slots) == (
        "report.show",
        {"metric": "nps", "period": "since_2026-10-01"},
    )


def test_a_day_of_the_month_in_words_is_a_date_only_where_a_date_fits():
    assert (
        read("he's on holiday until the fifteenth, just a note for pete lawson").slots.get(
            "follow_up"
        )
        is None
    )
    assert read("remind me on the first to renew the Oakham lease").slots["due"] == "2026-12-01"


def test_a_change_said_with_an_arrow_then_why_is_the_change():
    parsed = read("anna fischer nordwind -> proposal, she got the quote monday")
    assert (parsed.intent, parsed.slots) == (
        "customer.update",
        {"customer": "anna fischer nordwind", "field": "stage", "value": "proposal"},
    )


def test_a_remark_then_a_colon_then_the_change_is_the_change():
    parsed = read("some junk in the leads: delete Oliver Brown, Rafael Novak and Björn Dubois")
    assert (parsed.intent, parsed.slots) == (
        "customer.bulk_update",
        {"customers": ["Oliver Brown", "Rafael Novak", "Björn Dubois"], "action": "delete"},
    )
    assert read("task for maria: move the demo").intent == "task.create"


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "Mehmet Yıldız bought 6 copper cezve, 2,340 lira",
            "purchase.log",
            {
                "amount": 2340,
                "currency": "TRY",
                "customer": "Mehmet Yıldız",
                "quantity": 6,
                "product": "copper cezve",
            },
        ),
        (
            "Dear bot, please record sale: Galata Kahvecisi 10 cezve large size, 4.900 TL",
            "purchase.log",
            {
                "amount": 4900,
                "currency": "TRY",
                "customer": "Galata Kahvecisi",
                "quantity": 10,
                "product": "cezve large size",
            },
        ),
        (
            "Record purchase: Jiufen Teahouse, 12 gaiwan sets, NT$ 21,600",
            "purchase.log",
            {
                "amount": 21600,
                "currency": "TWD",
                "customer": "Jiufen Teahouse",
                "quantity": 12,
                "product": "gaiwan sets",
            },
        ),
        (
            "knut tromsø havn 200m mooring line 3100 nok",
            "purchase.log",
            {
                "amount": 3100,
                "currency": "NOK",
                "quantity": 200,
                "product": "mooring line",
                "customer": "knut tromsø havn",
            },
        ),
        (
            "Log sale Desert Wings Club 4 perches 2.2k AED",
            "purchase.log",
            {
                "amount": 2200,
                "currency": "AED",
                "customer": "Desert Wings Club",
                "quantity": 4,
                "product": "perches",
            },
        ),
        (
            "chat with Chen Wei-ming on LINE - asked to swap the broken teapot lid, sent "
            "replacement",
            "interaction.log",
            {
                "customer": "Chen Wei-ming",
                "channel": "chat",
                "summary": "asked to swap the broken teapot lid, sent replacement",
            },
        ),
        (
            "fernanda ruiz txt me: samples arrived, 2 tiles broke",
            "interaction.log",
            {
                "customer": "fernanda ruiz",
                "channel": "sms",
                "summary": "samples arrived, 2 tiles broke",
            },
        ),
        (
            "Log: Visited Orgelmakerij De Vries in Zwolle. Bellows leaking again, they want a "
            "repair visit. Plan it for 8 december.",
            "interaction.log",
            {
                "customer": "Orgelmakerij De Vries",
                "channel": "visit",
                "summary": "Bellows leaking again, they want a repair visit",
                "follow_up": "2026-12-08",
            },
        ),
        (
            "Leilani stopped by the shop today, picked the colors for the soft tops",
            "interaction.log",
            {
                "customer": "Leilani",
                "channel": "visit",
                "summary": "picked the colors for the soft tops",
                "occurred_on": "2026-11-18",
            },
        ),
        (
            "I had a video call with Kashi Weaves' owner this morning; they want to extend "
            "payment terms to 60 days",
            "interaction.log",
            {
                "customer": "Kashi Weaves",
                "channel": "meeting",
                "summary": "they want to extend payment terms to 60 days",
                "occurred_on": "2026-11-18",
            },
        ),
        (
            "just had a zoom w/ the guys from Malibu Paddle Co, they might carry our fish boards "
            "next summer",
            "interaction.log",
            {
                "customer": "Malibu Paddle Co",
                "channel": "meeting",
                "summary": "they might carry our fish boards next summer",
            },
        ),
        (
            "I talk on telephone with Hasan Bey from Galata Kahvecisi yesterday, he is not happy "
            "about delivery time. I must call him again Monday.",
            "interaction.log",
            {
                "customer": "Hasan Bey from Galata Kahvecisi",
                "channel": "call",
                "summary": "he is not happy about delivery time",
                "occurred_on": "2026-11-17",
                "follow_up": "2026-11-23",
            },
        ),
        (
            "log: phone call with Marek from Parafia Jakuba, bell tower inspection ok, "
            "installation date confirmed for 12 Jan",
            "interaction.log",
            {
                "customer": "Marek from Parafia Jakuba",
                "channel": "call",
                "summary": "bell tower inspection ok, installation date confirmed for 12 Jan",
            },
        ),
        (
            "visit hals marina, checked fenders, they want 20 new 8x60 before season. f/u fri",
            "interaction.log",
            {
                "customer": "hals marina",
                "channel": "visit",
                "summary": "checked fenders, they want 20 new 8x60 before season",
                "follow_up": "2026-11-20",
            },
        ),
        (
            "Phone call with Lin Yu-ting, she wants to reorder the gaiwan sets in January. I'll "
            "ping her on Dec 28.",
            "interaction.log",
            {
                "customer": "Lin Yu-ting",
                "channel": "call",
                "summary": "she wants to reorder the gaiwan sets in January",
                "follow_up": "2026-12-28",
            },
        ),
        (
            "tsk: chase invoice #2231 from Pasir Panjang Marine by 30/11",
            "task.create",
            {
                "text": "chase invoice #2231 from Pasir Panjang Marine",
                "customer": "Pasir Panjang Marine",
                "due": "2026-11-30",
            },
        ),
        (
            "schedule a reminder for tomorrow: wax the demo boards",
            "task.create",
            {"text": "wax the demo boards", "due": "2026-11-19"},
        ),
        (
            "Please create a task to prepare the January planting workshop materials by the end "
            "of the month",
            "task.create",
            {"text": "prepare the January planting workshop materials", "due": "2026-11-30"},
        ),
        (
            "Bump Tamar Estuary Oyster Co to proposal",
            "customer.update",
            {"customer": "Tamar Estuary Oyster Co", "field": "stage", "value": "proposal"},
        ),
        ("Who's my best customer?", "segment.list", {"owner": "me", "sort": "value", "limit": 1}),
        (
            "What did we last hear from Jiufen Teahouse?",
            "interaction.history",
            {"customer": "Jiufen Teahouse", "limit": 1},
        ),
        (
            "whats the phone # for ceramica dolores",
            "customer.show",
            {"customer": "ceramica dolores"},
        ),
        ("put amburana as interest for Alambique Serra Verde", "customer.update",
         {"customer": "Alambique Serra Verde", "field": "interest", "value": "amburana"}),
        ("Falcon Pro Tracker interest for Desert Wings Club", "customer.update",
         {"customer": "Desert Wings Club", "field": "interest", "value": "Falcon Pro Tracker"}),
        ("Make Huon Pine Boatworks a customer, they signed.", "customer.update",
         {"customer": "Huon Pine Boatworks", "field": "stage", "value": "customer"}),
        ("upd jonas tan title → fleet mgr", "customer.update",
         {"customer": "jonas tan", "field": "title", "value": "fleet mgr"}),
        ("Put Tamar Estuary Oyster Co in as a new lead, Sal Renwick, 0417 233 980, "
         "wants a work punt",
         "customer.create",
         {"stage": "lead", "interest": "work punt", "phone": "0417 233 980",
          "company": "Tamar Estuary Oyster Co", "name": "Sal Renwick"}),
        ("customers interested in carillons across the team", "segment.list",
         {"interest": "carillons", "owner": "team"}),
        ("Which boats sold best this year?", "report.show",
         {"metric": "revenue", "period": "this_year", "group_by": "product"}),
        ("how many barrels did we sell in october?", "report.show",
         {"metric": "purchases", "period": "last_month"}),
    ],
)  # fmt: skip
def test_what_blind_round_64_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("sorry it was 1,250 each not 1150", "purchase.update", {"each": 1250}),
        ("what can you do? quick overview pls", "help", {}),
        ("quick overview of what you can do pls", "help", {}),
        ("you made 2 tasks, delete 53 its a dupe", "task.update",
         {"task_id": 53, "action": "delete"}),
        ("snd digest 0700", "digest.subscribe", {"time": "07:00"}),
        ("quit digest", "digest.unsubscribe", {}),
        ("Send me the digest at quarter to seven", "digest.subscribe", {"time": "06:45"}),
        (
            "send me that every weekday at 8.15",
            "digest.subscribe",
            {"time": "08:15", "days": "weekdays"},
        ),
        (
            "list customers except the ones in toronto",
            "segment.list",
            {"excluding": {"said": "the ones in toronto", "city": "toronto"}},
        ),
        (
            "move jordan's paris customers to maria, not the ones in proposal though",
            "customer.bulk_update",
            {"owner": "jordan", "field": "owner", "value": "maria", "city": "paris",
             "excluding": {"said": "the ones in proposal", "stage": "proposal"}},
        ),
        ("her city is actually augsburg not munich", "customer.update",
         {"value": "augsburg", "field": "city"}),
        ("no, city is just augsburg", "customer.update", {"value": "augsburg", "field": "city"}),
        ("the phone too pls, +34 611 223 344", "customer.update",
         {"value": "+34 611 223 344", "field": "phone"}),
        (
            "you didnt make the follow up. remind me friday to send emma nguyen a discount offer",
            "task.create",
            {
                "text": "send emma nguyen a discount offer",
                "customer": "emma nguyen",
                "due": "2026-11-20",
            },
        ),
        ("show me deals in proposal that havent moved in a while", "segment.list",
         {"no_stage_change_days": 30, "stage": "proposal"}),
        ("leads with no contact at all and no purchases, created more than 3 months ago",
         "segment.list", {"stage": "lead", "never_purchased": True, "never_contacted": True,
                          "added": {"before": "2026-08-20"}}),
        ("what did i change this morning? list my changes", "customer.changes", {"by": "me"}),
        ("list my changes", "customer.changes", {"by": "me"}),
        ("the halcyon sale was 25,000", "purchase.update",
         {"customer": "halcyon", "sale_of": "halcyon", "amount": 25000}),
        ("emailed léa schneider at dunder mifflin to reintroduce myself", "interaction.log",
         {"customer": "léa schneider at dunder mifflin", "channel": "email",
          "summary": "to reintroduce myself"}),
        ("the never contacted ones that were added before august are junk, delete them",
         "customer.bulk_update",
         {"never_contacted": True, "added": {"before": "2026-08-01"}, "action": "delete"}),
        ("how many customers do we have in total", "segment.list", {}),
        (
            "tag all our vip customers that are actual customers (not leads) with xmas-card",
            "customer.bulk_update",
            {"tag": "vip", "stage": "customer", "field": "tag", "value": "xmas-card"},
        ),
        (
            "ingrid taylor (vertex health) signed on friday apparently, move her to won",
            "customer.update",
            {"customer": "ingrid taylor (vertex health)", "field": "stage", "value": "customer"},
        ),
    ],
)  # fmt: skip
def test_what_working_day_76_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("loged a call wth Mr Bhattacharya from Calcutta Chamber Orchestra, he wnats 2 cello "
         "bows rehaired, f/u tmrw", "interaction.log",
         {"customer": "Mr Bhattacharya from Calcutta Chamber Orchestra", "channel": "call",
          "summary": "he wnats 2 cello bows rehaired", "follow_up": "2026-11-19"}),
        ("I'd be grateful if you could note that I spoke with Mr Okonkwo of Harrowgate Parish "
         "Council by telephone yesterday regarding the repointing of the churchyard wall",
         "interaction.log",
         {"customer": "Mr Okonkwo of Harrowgate Parish Council", "channel": "call",
          "summary": "regarding the repointing of the churchyard wall",
          "occurred_on": "2026-11-17"}),
        ("I'm so sorry to trouble you, but could you remind me to ring the Dean on the 21st "
         "about the finial carving? Thank you.", "task.create",
         {"text": "ring the Dean about the finial carving", "customer": "Dean",
          "due": "2026-11-21"}),
        ("Just a heads up for the records — Bruny Island Abalone told me on the phone they're "
         "switching suppliers, so mark them as lost I guess", "customer.update",
         {"customer": "Bruny Island Abalone", "value": "lost", "field": "stage"}),
        ("all customers tagged 'feria2025' with no contact in 120 days → delete",
         "customer.bulk_update", {"tag": "feria2025", "no_contact_days": 120, "action": "delete"}),
        ("Change owner of Nomad Events to Madina, Baurzhan prefers speaking Kazakh",
         "customer.update", {"customer": "Nomad Events", "field": "owner", "value": "Madina"}),
        ("chg Jolene's co to Prairie Wind Equestrian", "customer.update",
         {"customer": "Jolene", "field": "company", "value": "Prairie Wind Equestrian"}),
        ("Kolkata Music Acadmy is now a propsect", "customer.update",
         {"customer": "Kolkata Music Acadmy", "field": "stage", "value": "qualified"}),
        ("on site at Rocky Mtn Balloon Fiesta, inspected 2 envelopes, one needs a new crown "
         "ring. quote monday", "interaction.log",
         {"customer": "Rocky Mtn Balloon Fiesta", "channel": "visit",
          "summary": "inspected 2 envelopes, one needs a new crown ring",
          "follow_up": "2026-11-23"}),
        ("Please make new customer. Name is Haruka Ishida, company Ishida Paper Works, mail "
         "haruka@ishida-washi.jp, she is in Kyoto.", "customer.create",
         {"name": "Haruka Ishida", "company": "Ishida Paper Works",
          "email": "haruka@ishida-washi.jp", "city": "Kyoto"}),
        ("rep scoreboard this qtr", "report.show",
         {"period": "this_quarter", "group_by": "owner"}),
        ("calls vs meetings last month", "report.show",
         {"metric": "interactions", "period": "last_month", "group_by": "channel"}),
    ],
)  # fmt: skip
def test_what_blind_round_65_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("that meeting with hugo should say they want 45 seats of crm suite",
         "interaction.update",
         {"customer": "hugo", "summary": "they want 45 seats of crm suite",
          "old_channel": "meeting"}),
        ("remove jan-event from #87, #127 and #35", "customer.bulk_update",
         {"customers": ["#87", "#127", "#35"], "action": "untag", "value": "jan-event"}),
        ("just got off the phone w bill lumbergh, initech wants 10 more licences of crm pro, "
         "sold at 900 each, eur. send invoice", "purchase.log",
         {"customer": "bill lumbergh", "quantity": 10, "product": "crm pro", "amount": 9000,
          "currency": "EUR", "contact": "call"}),
        ("emailed léa schneider (dunder mifflin) the deck, she asked for a call next wk. follow "
         "up tuesday", "interaction.log",
         {"customer": "léa schneider (dunder mifflin)", "channel": "email",
          "summary": "the deck, she asked for a call next wk", "follow_up": "2026-11-24"}),
        ("called amelia, she wants a quote for 5 seats crm pro, sending tmrw. set a task for me "
         "for tmrw 10am to send it", "interaction.log",
         {"customer": "amelia", "channel": "call",
          "summary": "she wants a quote for 5 seats crm pro, sending tmrw",
          "follow_up": "2026-11-19"}),
    ],
)  # fmt: skip
def test_what_working_day_77_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Can you add felt hammers as an interest for Jacaranda Piano Tuners?", "customer.update",
         {"customer": "Jacaranda Piano Tuners", "field": "interest", "value": "felt hammers"}),
        ("Log an email to Priya's client Umber & Ochre Pigment Mill: sent the revised terms. "
         "f/u 2 weeks", "interaction.log",
         {"customer": "Umber & Ochre Pigment Mill", "channel": "email",
          "summary": "sent the revised terms", "follow_up": "2026-12-02"}),
        ("Ooh good news, Wattle Creek just ordered 40 emu hide offcut bundles, AUD 2,600 all up!",
         "purchase.log",
         {"customer": "Wattle Creek", "quantity": 40, "product": "emu hide offcut bundles",
          "amount": 2600, "currency": "AUD"}),
        ("Task for myself: send GST invoice copy to Kaveri Incense Rollers on 1st December",
         "task.create",
         {"text": "send GST invoice copy to Kaveri Incense Rollers",
          "customer": "Kaveri Incense Rollers", "due": "2026-12-01"}),
        ("rmnd 2 wks: check fender order Brekkestø", "task.create",
         {"text": "check fender order Brekkestø", "due": "2026-12-02"}),
        ("Payment follow-up for Nilgiri is completed, please close the task", "task.complete",
         {"customer": "Nilgiri", "about": "follow up"}),
        ("send me the daily digest every morning at 6 30", "digest.subscribe", {"time": "06:30"}),
        ("Set every customer in Green Bay to owner Tomás", "customer.bulk_update",
         {"city": "Green Bay", "field": "owner", "value": "Tomás"}),
        ("Ferncastle Harps -> tag: trad-fest", "customer.update",
         {"customer": "Ferncastle Harps", "field": "tag", "value": "trad-fest"}),
        ("email to Vatne Fiskebåt: sent price list. f/u 1 wk", "interaction.log",
         {"customer": "Vatne Fiskebåt", "channel": "email", "summary": "sent price list",
          "follow_up": "2026-11-25"}),
        ("lunch w marla tenney fri, she wnts a matching bridle, fu in 2wks", "interaction.log",
         {"customer": "marla tenney", "channel": "meeting", "summary": "she wnts a matching bridle",
          "occurred_on": "2026-11-13", "follow_up": "2026-12-02"}),
        ("mtg w/ Ridgeline saddlery tues went ok, they want tooling samples, fu nxt wk thurs",
         "interaction.log",
         {"customer": "Ridgeline saddlery", "channel": "meeting",
          "summary": "went ok, they want tooling samples", "occurred_on": "2026-11-17",
          "follow_up": "2026-11-26"}),
    ],
)  # fmt: skip
def test_what_blind_round_66_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("delete task 4, its a duplicate", "task.update", {"task_id": 4, "action": "delete"}),
        ("remove task #4 completely pls", "task.update", {"task_id": 4, "action": "delete"}),
        ("oh wait, bring back noah nguyen, sam has a call booked with him", "customer.restore",
         {"customer": "noah nguyen"}),
        ("the email to jane cooper just now - change the summary to: sent the pricing sheet",
         "interaction.update",
         {"customer": "jane cooper", "summary": "sent the pricing sheet", "old_channel": "email"}),
        ("that was 2 emails. jane's note should just say sent the pricing sheet",
         "interaction.update", {"customer": "jane", "summary": "sent the pricing sheet"}),
        ("rename 48 to 'offer analytics add-on to cyberdyne labs' and link it to tom lefevre "
         "there", "task.update",
         {"task_id": 48, "customer": "tom lefevre",
          "text": "offer analytics add-on to cyberdyne labs"}),
        ("Sophie Cooper @ Vandelay signed: 25 seats CRM Pro, 12,500", "purchase.log",
         {"customer": "Sophie Cooper @ Vandelay", "quantity": 25, "product": "CRM Pro",
          "amount": 12500}),
    ],
)  # fmt: skip
def test_what_working_day_78_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Reassign all of Tomás's customers to Aoife", "customer.bulk_update",
         {"owner": "Tomás", "field": "owner", "value": "Aoife"}),
        ("Move every customer Siobhán has in Athlone over to Pádraig", "customer.bulk_update",
         {"owner": "Siobhán", "city": "Athlone", "field": "owner", "value": "Pádraig"}),
        ("Please reassign all customers of Mr. Sato in Nagoya to Ms. Hayashi, as Mr. Sato "
         "retires at the end of the year.", "customer.bulk_update",
         {"owner": "Mr. Sato", "city": "Nagoya", "field": "owner", "value": "Ms. Hayashi"}),
        ("Set the owner of all Rotterdam customers to Femke", "customer.bulk_update",
         {"city": "Rotterdam", "field": "owner", "value": "Femke"}),
        ("Please show me the digest of Mr. Sato.", "digest.show", {"owner": "Mr. Sato"}),
        ("How many customers did Aoife add last quarter?", "report.show",
         {"metric": "customers", "owner": "Aoife", "period": "last_quarter"}),
        ("Which cant-lose customers have gone 120 days without buying?", "segment.list",
         {"segment": "cant_lose", "no_purchase_days": 120}),
        ("Give me the loyal customers we haven't sold to in 60 days, top 15 by value",
         "segment.list",
         {"segment": "loyal", "no_purchase_days": 60, "sort": "value", "limit": 15}),
        ("Kindly provide the list of customers who have not purchased anything in the last 90 "
         "days, sorted by value.", "segment.list", {"no_purchase_days": 90, "sort": "value"}),
        ("The customer Kulturfabrik Linz is not interested anymore, please set stage to lost",
         "customer.update", {"customer": "Kulturfabrik Linz", "field": "stage", "value": "lost"}),
        ("logd visit Himalayan Morel Traders todya, they wnt 100kg morel spawn in jan",
         "interaction.log",
         {"customer": "Himalayan Morel Traders", "channel": "visit",
          "summary": "they wnt 100kg morel spawn in jan", "occurred_on": "2026-11-18"}),
        ("whatsapp c/ luciana @ agrisemilla, wants heirloom maize catalogue", "interaction.log",
         {"customer": "luciana @ agrisemilla", "channel": "chat",
          "summary": "wants heirloom maize catalogue"}),
        ("Guess who just called?? Northern Lights Carving Co!! They want 25 ice tongs",
         "interaction.log",
         {"customer": "Northern Lights Carving Co", "channel": "call",
          "summary": "They want 25 ice tongs"}),
        ("I call to Ximena Barragán yesterday, she want a quote for 3 show halters, I send it on "
         "friday", "interaction.log",
         {"customer": "Ximena Barragán", "channel": "call",
          "summary": "she want a quote for 3 show halters", "occurred_on": "2026-11-17",
          "follow_up": "2026-11-20"}),
        ("Log a call with Declan at Lough Derg Cruisers today, he's signed for 2 boats not 3. "
         "Chase the deposit Friday", "interaction.log",
         {"customer": "Declan at Lough Derg Cruisers", "channel": "call",
          "summary": "he's signed for 2 boats not 3", "occurred_on": "2026-11-18",
          "follow_up": "2026-11-20"}),
        ("Remind me 8 Dec to chase PO from Mdm Tan", "task.create",
         {"due": "2026-12-08", "text": "chase PO from Mdm Tan", "customer": "Mdm Tan"}),
        ("And put a task on me for Friday to check the handover went okay", "task.create",
         {"due": "2026-11-20", "text": "check the handover went okay"}),
        ("rem: recheck alarm thresholds at Bank Nasion Podlasie 14.12", "task.create",
         {"due": "2026-12-14", "text": "recheck alarm thresholds at Bank Nasion Podlasie",
          "customer": "Bank Nasion Podlasie"}),
        ("Add a new customer for Siobhán: Carrick Marina Boat Hire, Ciarán Mac Giolla, "
         "ciaran@carrickmarina.ie, Carrick-on-Shannon, they're a prospect", "customer.create",
         {"owner": "Siobhán", "company": "Carrick Marina Boat Hire", "name": "Ciarán Mac Giolla",
          "email": "ciaran@carrickmarina.ie", "city": "Carrick-on-Shannon", "stage": "qualified"}),
        ("I would like to add a new customer: Mr. Kenta Ishikawa of Wajima Urushi Restoration, "
         "kenta@wajima-urushi.jp, for Ms. Hayashi.", "customer.create",
         {"name": "Mr. Kenta Ishikawa", "company": "Wajima Urushi Restoration",
          "email": "kenta@wajima-urushi.jp", "owner": "Ms. Hayashi"}),
        ("Shannon Boat Hire Ltd, delete pls, it's a duplicate", "customer.delete",
         {"customer": "Shannon Boat Hire Ltd"}),
        ("digest evry day 9.30 pls", "digest.subscribe", {"time": "09:30", "days": "every_day"}),
        ("thnks", "smalltalk", {}),
        ("bom dia 🌞", "smalltalk", {}),
    ],
)  # fmt: skip
def test_what_blind_round_68_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("visited jane cooper at acme, showed her the new dashboards, she said she'd now rate "
         "us 8",
         {"customer": "jane cooper at acme", "score": 8, "comment": "showed her the new dashboards",
          "contact": "visit"}),
        ("met hans müller today, went through the renewal, he'd rate us 9 now",
         {"customer": "hans müller", "score": 9, "comment": "went through the renewal",
          "contact": "meeting"}),
    ],
)  # fmt: skip
def test_a_score_told_inside_a_contact_is_that_customers_answer(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("nps.record", slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("delete task 10, its a duplicate of 56", "task.update",
         {"task_id": 10, "action": "delete"}),
        ("and move task 3 to tomorrow too instead, delete the new one", "task.update",
         {"task_id": 3, "due": "2026-11-19"}),
        ("the Analytics Pro sale to Priya Dubois today should be $3,150", "purchase.update",
         {"customer": "Priya Dubois", "sale_of": "Analytics Pro", "amount": 3150,
          "currency": "USD"}),
        ("thats wrong, should be 43000 (2150 each). fix the amount", "purchase.update",
         {"amount": 43000}),
        ("kenji moreau placed order: 20 crm enterprise @ 2,150, 4 training workshops 1500 ea",
         "purchase.log",
         {"customer": "kenji moreau", "quantity": 20, "product": "crm enterprise",
          "amount": 2150, "another_product": "4 training workshops 1500 each"}),
        ("rang kenji wilson, unhappy w/ setup, promised onboarding session. nps now 5. f/u thurs",
         "nps.record",
         {"customer": "kenji wilson", "score": 5, "contact": "call",
          "contact_follow_up": "2026-11-19",
          "contact_said": "unhappy with setup, promised onboarding session"}),
        ("and one for sam to chase Emma Müller, due tomorrow", "task.create",
         {"text": "chase Emma Müller", "customer": "Emma Müller", "owner": "sam",
          "due": "2026-11-19"}),
        ("jordan's revenue last month vs this month", "report.show",
         {"metric": "revenue", "period": "this_month", "owner": "jordan",
          "compare": "previous_period"}),
        ("who did we call today", "interaction.history", {"channel": "call", "period": "today"}),
        ("who did sam contact today", "interaction.history", {"owner": "sam", "period": "today"}),
        ("anyone we've contacted since this morning", "interaction.history", {"period": "today"}),
        ("who gave us nps 6 or lower", "segment.list", {"segment": "detractors"}),
        ("customers in berlin + munich", "segment.list", {"city": "berlin + munich"}),
        ("Sorry, I typed Achieng Otieno's phone wrong, it should be +254 722 410 388",
         "customer.update",
         {"customer": "Achieng Otieno", "field": "phone", "value": "+254 722 410 388"}),
        ("commissioning done at Banca Semințelor Cluj today, customer signed acceptance protocol",
         "interaction.log",
         {"customer": "Banca Semințelor Cluj", "channel": "visit",
          "summary": "commissioning done, customer signed acceptance protocol",
          "occurred_on": "2026-11-18"}),
    ],
)  # fmt: skip
def test_what_working_day_80_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_store_customers_history_asked_by_its_possessive_is_theirs_not_a_colleagues():
    parsed = read("whats acme corporation's history", lexicon=STORE)
    assert (parsed.intent, parsed.slots) == (
        "interaction.history",
        {"customer": "acme corporation"},
    )


def test_customers_restored_together_are_each_restored():
    store = Lexicon(customers=("Zoë Wilson", "Anna Nguyen"), staff=("Jordan",))
    parsed = read(
        "oh wait, restore Zoë Wilson and Anna Nguyen, jordan still wants them", lexicon=store
    )
    assert (parsed.intent, parsed.slots) == (
        "customer.restore",
        {"customers": ["Zoë Wilson", "Anna Nguyen"]},
    )


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "I was in the Padaria Estrela do Norte yesterday, the manager is new, his "
            "name is Cleiton",
            "interaction.log",
            {
                "customer": "Padaria Estrela do Norte",
                "channel": "visit",
                "summary": "the manager is new, his name is Cleiton",
                "occurred_on": "2026-11-17",
            },
        ),
        (
            "I passed by Atelier Noor this morning, they have a new perfumer, follow up in 2 weeks",
            "interaction.log",
            {
                "customer": "Atelier Noor",
                "channel": "visit",
                "summary": "they have a new perfumer",
                "occurred_on": "2026-11-18",
                "follow_up": "2026-12-02",
            },
        ),
        (
            "dropped by Atelier Noor today, new perfumer",
            "interaction.log",
            {
                "customer": "Atelier Noor",
                "channel": "visit",
                "summary": "new perfumer",
                "occurred_on": "2026-11-18",
            },
        ),
        (
            "Telefonat with Musikschule Ahrensburg today, they want offer for 4 "
            "student violins, f/u Monday",
            "interaction.log",
            {
                "customer": "Musikschule Ahrensburg",
                "channel": "call",
                "summary": "they want offer for 4 student violins",
                "occurred_on": "2026-11-18",
                "follow_up": "2026-11-23",
            },
        ),
        (
            "rangi new ph 021 555 0199",
            "customer.update",
            {"customer": "rangi", "field": "phone", "value": "021 555 0199"},
        ),
        (
            "log a sale to chef ambrose kettle five pounds of chestnut mushrooms "
            "eighty five dollars",
            "purchase.log",
            {
                "amount": 85,
                "currency": "USD",
                "quantity": 5,
                "product": "chestnut mushrooms",
                "customer": "chef ambrose kettle",
            },
        ),
        (
            "Anyone in Bath who's been sat in proposal more than 4 weeks, move to lost",
            "customer.bulk_update",
            {
                "no_stage_change_days": 28,
                "stage": "proposal",
                "city": "Bath",
                "field": "stage",
                "value": "lost",
            },
        ),
        (
            "> We'd like 12 lbs of undyed huacaya roving, can you ship before the "
            "20th? — Juniper Knits.  log as email, f/u friday",
            "interaction.log",
            {
                "customer": "Juniper Knits",
                "channel": "email",
                "summary": (
                    "We'd like 12 lbs of undyed huacaya roving, can you ship before the 20th"
                ),
                "follow_up": "2026-11-20",
            },
        ),
        (
            "I wonder if you could note that I telephoned Mr. Ozias Fenwick on Monday "
            "regarding the platen; he would like it recovered in time for the "
            "holidays.",
            "interaction.log",
            {
                "customer": "Mr. Ozias Fenwick",
                "channel": "call",
                "summary": (
                    "regarding the platen; he would like it recovered in time for the holidays"
                ),
                "occurred_on": "2026-11-16",
            },
        ),
        (
            "Might you log that I sent a text message to Mr. Fenwick this afternoon "
            "letting him know his machine is ready for collection?",
            "interaction.log",
            {
                "customer": "Mr. Fenwick",
                "channel": "sms",
                "summary": "letting him know his machine is ready for collection",
                "occurred_on": "2026-11-18",
            },
        ),
        (
            "Tamsin is taking over Harrow Lane Bistro, update pls",
            "customer.update",
            {"customer": "Harrow Lane Bistro", "field": "owner", "value": "Tamsin"},
        ),
        (
            "What've we got on Thornbury Beekeepers' Association?",
            "customer.show",
            {"customer": "Thornbury Beekeepers' Association"},
        ),
        (
            "Thornbury Beekeepers' Association NPS: 2 — furious about the late nuc delivery",
            "nps.record",
            {
                "score": 2,
                "comment": "furious about the late nuc delivery",
                "customer": "Thornbury Beekeepers' Association",
            },
        ),
        (
            "What is the revenue for this month, rep-wise?",
            "report.show",
            {"metric": "revenue", "period": "this_month", "group_by": "owner"},
        ),
        (
            "NPS trend, last 12 months, month wise",
            "report.show",
            {"metric": "nps", "period": "last_12_months", "group_by": "month"},
        ),
        (
            "whos ben quiet in byron bay for 3 weeks",
            "segment.list",
            {"no_contact_days": 21, "city": "byron bay"},
        ),
        (
            "Ks. Marek Zielonka paid 4 200 zł for organ tuning",
            "purchase.log",
            {
                "product": "organ tuning",
                "amount": 4200,
                "currency": "PLN",
                "customer": "Ks. Marek Zielonka",
            },
        ),
        (
            "Frau Lindqvist has paid 1.450 € for the varnish retouching of her viola",
            "purchase.log",
            {
                "product": "varnish retouching",
                "amount": 1450,
                "currency": "EUR",
                "customer": "Frau Lindqvist",
            },
        ),
        (
            "Adega Monte Cinza — I'll take this one myself",
            "customer.update",
            {"customer": "Adega Monte Cinza", "field": "owner", "value": "me"},
        ),
        (
            "Dzięki, super",
            "smalltalk",
            {},
        ),
        (
            "Mr. Fenwick very graciously gave us a 10 and mentioned that the machine "
            "types beautifully now.",
            "nps.record",
            {
                "score": 10,
                "comment": "the machine types beautifully now",
                "customer": "Mr. Fenwick",
            },
        ),
        (
            "Padaria Estrela do Norte stopped to buy, put them as lost",
            "customer.update",
            {"customer": "Padaria Estrela do Norte", "field": "stage", "value": "lost"},
        ),
        (
            "text message from hollis reyes she wants to push delivery to the "
            "fourteenth of december",
            "interaction.log",
            {
                "customer": "hollis reyes",
                "channel": "sms",
                "summary": "she wants to push delivery",
                "follow_up": "2026-12-14",
            },
        ),
        (
            "Telegram message from Mr. Haraguchi. He asks if we can deliver on Saturday.",
            "interaction.log",
            {
                "customer": "Mr. Haraguchi",
                "channel": "chat",
                "summary": "He asks if we can deliver on Saturday",
            },
        ),
        (
            "who should marisol hit next",
            "next_action.suggest",
            {"owner": "marisol"},
        ),
        (
            "What would you suggest Halla does next?",
            "next_action.suggest",
            {"owner": "Halla"},
        ),
        (
            "remind me to send kilima the invoice in 3 days",
            "task.create",
            {"text": "send kilima the invoice", "customer": "kilima", "due": "2026-11-21"},
        ),
        (
            "Remind me tomorrow to quote Lerato Khumalo for the clutch bags",
            "task.create",
            {
                "text": "quote Lerato Khumalo for the clutch bags",
                "customer": "Lerato Khumalo",
                "due": "2026-11-19",
            },
        ),
        (
            "remidn me chase bronte boardriders deposit end of month",
            "task.create",
            {
                "text": "chase bronte boardriders deposit",
                "customer": "bronte boardriders",
                "due": "2026-11-30",
            },
        ),
        (
            "Please may I add a new customer? Miss Clementine Aucoin, of the Lunenburg "
            "Poetry Collective, clementine.aucoin@lpc.ca, in Lunenburg. She is "
            "interested in restored portables.",
            "customer.create",
            {
                "email": "clementine.aucoin@lpc.ca",
                "city": "Lunenburg",
                "name": "Miss Clementine Aucoin",
                "company": "Lunenburg Poetry Collective",
                "interest": "restored portables",
            },
        ),
        (
            "new lead from the website form: Name: Priscilla Tan | Company: Fernweh "
            "Fiber Studio | Email: priscilla@fernwehfiber.com | City: Missoula | "
            "Interested in: baby alpaca roving",
            "customer.create",
            {
                "name": "Priscilla Tan",
                "company": "Fernweh Fiber Studio",
                "email": "priscilla@fernwehfiber.com",
                "city": "Missoula",
                "interest": "baby alpaca roving",
                "stage": "lead",
            },
        ),
        (
            "Add Lerato Khumalo from Bree Street Atelier, 082 555 0193, Johannesburg, for my book",
            "customer.create",
            {
                "owner": "me",
                "phone": "082 555 0193",
                "name": "Lerato Khumalo",
                "company": "Bree Street Atelier",
                "city": "Johannesburg",
            },
        ),
        (
            "I sent email to Hotel Seiran yesterday about winter protection of the "
            "pines. Follow up on December 10.",
            "interaction.log",
            {
                "customer": "Hotel Seiran",
                "channel": "email",
                "summary": "about winter protection of the pines",
                "occurred_on": "2026-11-17",
                "follow_up": "2026-12-10",
            },
        ),
        (
            "Sent Deb Kowalski the holiday catalog via email, follow up before Friday",
            "interaction.log",
            {
                "customer": "Deb Kowalski",
                "channel": "email",
                "summary": "the holiday catalog",
                "follow_up": "2026-11-20",
            },
        ),
        (
            "Paloma Ruiz wrote me by WhatsApp, she ask if the harris hawk can come also in sunday",
            "interaction.log",
            {
                "customer": "Paloma Ruiz",
                "channel": "chat",
                "summary": "she ask if the harris hawk can come also in sunday",
            },
        ),
        (
            "Today I met Mr. Haraguchi at his garden. He wants to buy black pine for the entrance.",
            "interaction.log",
            {
                "customer": "Mr. Haraguchi",
                "channel": "visit",
                "summary": "He wants to buy black pine for the entrance",
                "occurred_on": "2026-11-18",
            },
        ),
        (
            "acme signed for 12k today",
            "purchase.log",
            {"amount": 12000, "customer": "acme"},
        ),
        (
            "llamé a Rosa Pérez, quiere 3 cajas, f/u mañana",
            "interaction.log",
            {
                "customer": "Rosa Pérez",
                "channel": "call",
                "summary": "quiere 3 cajas",
                "follow_up": "2026-11-19",
            },
        ),
    ],
)
def test_what_blind_round_70_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "whats in my pipeline",
            "report.show",
            {"metric": "customers", "group_by": "stage", "owner": "me"},
        ),
        (
            "mark the new tier call w bjorn done too",
            "task.complete",
            {"customer": "bjorn", "about": "new tier call"},
        ),
        (
            "can maria take the polaris renewal quote, im swamped",
            "task.update",
            {"customer": "polaris", "owner": "maria", "about": "renewal quote"},
        ),
        (
            "could sam take over the acme account pls",
            "customer.update",
            {"customer": "acme", "field": "owner", "value": "sam"},
        ),
        (
            "oh and 2 support premium to her at 1200 each",
            "purchase.log",
            {"quantity": 2, "product": "support premium", "amount": 2400},
        ),
        (
            "visited fatima brown at atlas, sent the renewal quote in person. she'll "
            "decide by end of month, follow up 28th",
            "interaction.log",
            {
                "customer": "fatima brown at atlas",
                "channel": "visit",
                "summary": "sent the renewal quote in person. she'll decide by end of month",
                "follow_up": "2026-11-28",
            },
        ),
        (
            "morning. whose tasks are overdue",
            "task.list",
            {"period": "overdue", "owner": "team"},
        ),
        (
            "sam has too many. move the never-contacted ones to jordan",
            "customer.bulk_update",
            {"never_contacted": True, "field": "owner", "value": "jordan", "owner": "sam"},
        ),
        (
            "actually also add hannah jensen to that tag",
            "customer.update",
            {"customer": "hannah jensen", "field": "tag", "value": "that"},
        ),
        (
            "the kowalski sale was 6 seats, keep the total at 4250",
            "purchase.update",
            {"customer": "kowalski", "sale_of": "kowalski", "quantity": 6, "amount": 4250},
        ),
        (
            "ugh. change lukas kowalski's sale today to 6 seats, 4250 total",
            "purchase.update",
            {"customer": "lukas kowalski", "sold_on": "2026-11-18", "quantity": 6, "amount": 4250},
        ),
        (
            "who closed deals today",
            "report.show",
            {"metric": "revenue", "period": "today", "group_by": "owner"},
        ),
        (
            "task 30 -> jordan",
            "task.update",
            {"task_id": 30, "owner": "jordan"},
        ),
        (
            "30 to jordan pls",
            "task.update",
            {"task_id": 30, "owner": "jordan"},
        ),
        (
            "actually keep lukas garcia sunrise foods as a lead, jordan's working him",
            "customer.update",
            {"customer": "lukas garcia sunrise foods", "field": "stage", "value": "lead"},
        ),
        (
            "remove the tag from hugo novak, he's not strategic",
            "customer.update",
            {"customer": "hugo novak", "field": "tag", "action": "untag"},
        ),
        (
            "my own overdue ones - push them all to friday",
            "task.update",
            {"tasks_of": "me", "period": "overdue", "due": "2026-11-20"},
        ),
        (
            "push all my overdue tasks to friday",
            "task.update",
            {"tasks_of": "me", "period": "overdue", "due": "2026-11-20"},
        ),
        (
            "give that qbr task to maria, it's her account",
            "task.update",
            {"owner": "maria", "about": "qbr"},
        ),
        (
            "oh wait ingrid moreau had a contact, restore just her",
            "customer.restore",
            {"customer": "ingrid moreau"},
        ),
        (
            "harbor consulting (rafael) ordered 10 crm pro @ 180 each + 1 onboarding pkg for 1900",
            "purchase.log",
            {
                "customer": "harbor consulting (rafael)",
                "quantity": 10,
                "product": "crm pro",
                "amount": 1800,
                "another_product": "1 onboarding package for 1900",
            },
        ),
        (
            "talked new tier w him too so close that task",
            "task.complete",
            {},
        ),
        (
            "mark that intro call task done",
            "task.complete",
            {"about": "intro call"},
        ),
        (
            "done w the qbr task",
            "task.complete",
            {"about": "qbr"},
        ),
        (
            "sent a text to Mr. Fenwick, machine is ready",
            "interaction.log",
            {"customer": "Mr. Fenwick", "channel": "sms", "summary": "machine is ready"},
        ),
        (
            "who's priya shah? alex gave me someone new",
            "customer.show",
            {"customer": "priya shah"},
        ),
        (
            "sold jane cooper 10x analytics pro at 1050 + onboarding pkg",
            "purchase.log",
            {
                "quantity": 10,
                "product": "analytics pro",
                "customer": "jane cooper",
                "amount": 1050,
                "each": 1050,
                "another_product": "onboarding package",
            },
        ),
        ("put it back", "undo", {}),
    ],
)
def test_what_working_day_81_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "Sentosa Cove Events paid S$6,400 for the 8m dome package",
            "purchase.log",
            {
                "amount": 6400,
                "currency": "SGD",
                "customer": "Sentosa Cove Events",
                "product": "8m dome package",
            },
        ),
        (
            "Hazel Dorsey sold the orchard. Delete her.",
            "customer.delete",
            {"customer": "Hazel Dorsey"},
        ),
        (
            "Pass all my clients from Toledo to Íñigo please, I go on maternity leave",
            "customer.bulk_update",
            {"owner": "me", "city": "Toledo", "field": "owner", "value": "Íñigo"},
        ),
        (
            "Alambique Serra Azul: owner now is Bia",
            "customer.update",
            {"customer": "Alambique Serra Azul", "value": "Bia", "field": "owner"},
        ),
        (
            "Today I went to Pera Boutique Hotel, 4 kilims in lobby need washing and "
            "fringe repair. Follow up 20 November.",
            "interaction.log",
            {
                "customer": "Pera Boutique Hotel",
                "channel": "visit",
                "summary": "4 kilims in lobby need washing and fringe repair",
                "occurred_on": "2026-11-18",
                "follow_up": "2026-11-20",
            },
        ),
        (
            "Please could you mark the task about Kilcreggan as done? Many thanks.",
            "task.complete",
            {"customer": "Kilcreggan"},
        ),
        (
            "yesterday was at hugo's shop, they want 5",
            "interaction.log",
            {
                "customer": "hugo's shop",
                "channel": "visit",
                "summary": "they want 5",
                "occurred_on": "2026-11-17",
            },
        ),
        (
            "knut tromsø havn 200m mooring line 3100 nok",
            "purchase.log",
            {
                "amount": 3100,
                "currency": "NOK",
                "quantity": 200,
                "product": "mooring line",
                "customer": "knut tromsø havn",
            },
        ),
    ],
)
def test_what_blind_round_71_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "ugh, the Clarsach Society's old treasurer, Máire Ní Fhlatharta, has left and asked "
            "for her data to be erased — can you forget her please",
            "customer.forget",
            {"customer": "Máire Ní Fhlatharta"},
        ),
        (
            "Sold to Shimla Cottage Stays 6 sets of flue brush with rods, Rs. 27,600",
            "purchase.log",
            {
                "amount": 27600,
                "currency": "INR",
                "customer": "Shimla Cottage Stays",
                "quantity": 6,
                "product": "flue brush with rods",
            },
        ),
        (
            "Please record a sale: Studio Yoake, keshifun gold powder 5g x 4, 62,000 yen",
            "purchase.log",
            {"quantity": 4, "amount": 62000, "currency": "JPY", "customer": "Studio Yoake"},
        ),
        (
            "Howzit. Visited Karoo Raptor Centre today, they want 3 new perches. f/u monday",
            "interaction.log",
            {
                "customer": "Karoo Raptor Centre",
                "channel": "visit",
                "summary": "they want 3 new perches",
                "occurred_on": "2026-11-18",
                "follow_up": "2026-11-23",
            },
        ),
        (
            "Good morning o. Abeni Textiles Studio buy 10 drums of indigo paste, ₦450,000",
            "purchase.log",
            {
                "amount": 450000,
                "currency": "NGN",
                "quantity": 10,
                "product": "indigo paste",
                "customer": "Abeni Textiles Studio",
            },
        ),
        ("Merry Christmas to all the team!", "smalltalk", {}),
        ("ka pai, thanks", "smalltalk", {}),
        (
            "all of Emilio's clientes in Puebla → Lupita, he's leaving us",
            "customer.bulk_update",
            {"owner": "Emilio", "city": "Puebla", "field": "owner", "value": "Lupita"},
        ),
        (
            "Kumar's customers in Johor Bahru pass to Joyce",
            "customer.bulk_update",
            {"owner": "Kumar", "city": "Johor Bahru", "field": "owner", "value": "Joyce"},
        ),
        (
            "Ing. Fausto Rendón llamó, wants the pool mosaic in turquesa, f/u viernes",
            "interaction.log",
            {
                "customer": "Ing. Fausto Rendón",
                "channel": "call",
                "summary": "wants the pool mosaic in turquesa",
                "follow_up": "2026-11-20",
            },
        ),
        (
            "Could you give Okonkwo High-Rise Cleaning to Tomasz from now on, please?",
            "customer.update",
            {"customer": "Okonkwo High-Rise Cleaning", "value": "Tomasz", "field": "owner"},
        ),
        (
            "Hirano Ceramics—please remove. They closed the business.",
            "customer.delete",
            {"customer": "Hirano Ceramics"},
        ),
        (
            "add trudy's new cell 720-555-0143",
            "customer.update",
            {"customer": "trudy", "field": "phone", "value": "720-555-0143"},
        ),
        ("what's Naledi Mokoena's number again", "customer.show", {"customer": "Naledi Mokoena"}),
        (
            "mark the jane one lost",
            "customer.update",
            {"customer": "jane", "field": "stage", "value": "lost"},
        ),
        (
            "Just off the phone with Fr. Declan Moriarty, the harp needs a restring. Can you log "
            "that and put a follow up for the 26th?",
            "interaction.log",
            {
                "customer": "Fr. Declan Moriarty",
                "channel": "call",
                "summary": "the harp needs a restring",
                "follow_up": "2026-11-26",
            },
        ),
        (
            "Brandt Seilzugang rated 7, price ok but delivery of descender took 3 weeks",
            "nps.record",
            {
                "score": 7,
                "comment": "price ok but delivery of descender took 3 weeks",
                "customer": "Brandt Seilzugang",
            },
        ),
        (
            "Lena Hoffmann now work for Skyline Fassaden GmbH, change company",
            "customer.update",
            {"customer": "Lena Hoffmann", "field": "company", "value": "Skyline Fassaden GmbH"},
        ),
        (
            "change email Fazenda Córrego Fundo para compras@corregofundo.com.br",
            "customer.update",
            {
                "value": "compras@corregofundo.com.br",
                "field": "email",
                "customer": "Fazenda Córrego Fundo",
            },
        ),
        (
            "Skyline Fassaden is not interested anymore, they go with other supplier. put lost",
            "customer.update",
            {"field": "stage", "value": "lost", "customer": "Skyline Fassaden"},
        ),
    ],
)
def test_what_blind_round_72_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "today's meeting with kenji moreau was actually with hugo novak, pls fix",
            "interaction.update",
            {"customer": "kenji moreau", OLD_CHANNEL: "meeting", MOVED_TO: "hugo novak"},
        ),
        (
            "move yesterday's call with jane cooper to hans müller",
            "interaction.update",
            {"customer": "jane cooper", OLD_CHANNEL: "call", MOVED_TO: "hans müller"},
        ),
        ("what's redwood worth to us now", "customer.show", {"customer": "redwood"}),
        ("weekly digest pls", "digest.show", {}),
        (
            "give sam's ones to jordan",
            "customer.bulk_update",
            {"owner": "sam", "field": "owner", "value": "jordan"},
        ),
        (
            "leave hugo silva in proposal",
            "customer.update",
            {"customer": "hugo silva", "field": "stage", "value": "proposal"},
        ),
        (
            "looks like i got some of sam's accounts, which ones",
            "segment.list",
            {"came_from": {"from": "sam"}, "owner": "me"},
        ),
        (
            "remove that tag from emma nguyen, she ordered last week per sam",
            "customer.update",
            {"customer": "emma nguyen", "field": "tag", "action": "untag"},
        ),
        ("remove that tag from all of them", "customer.bulk_update", {"action": "untag"}),
    ],
)
def test_what_working_day_83_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        (
            "tag 89, 35, 187, 181 stalled",
            {"customers": ["#89", "#35", "#187", "#181"], "field": "tag", "value": "stalled"},
        ),
        (
            "the two leads should be qualified now",
            {"stage": "lead", "field": "stage", "value": "qualified"},
        ),
    ],
)
def test_a_change_to_customers_numbered_or_counted_is_a_change_to_many(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("customer.bulk_update", slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "Lviv Banya Club bought 2 x Barrel-4, total 186 000 UAH",
            "purchase.log",
            {
                "quantity": 2,
                "product": "Barrel-4",
                "customer": "Lviv Banya Club",
                "amount": 186000,
                "currency": "UAH",
            },
        ),
        (
            "add customer Naturkundemuseum Lübeck contact Dr Anke Vossberg email "
            "a.vossberg@nkm-luebeck.de owner Piotr",
            "customer.create",
            {
                "owner": "Piotr",
                "email": "a.vossberg@nkm-luebeck.de",
                "name": "Dr Anke Vossberg",
                "company": "Naturkundemuseum Lübeck",
            },
        ),
        (
            "new cust - Limpopo Citrus Growers, Johan van der Merwe, 082 555 0193, Tzaneen",
            "customer.create",
            {
                "phone": "082 555 0193",
                "company": "Limpopo Citrus Growers",
                "name": "Johan van der Merwe",
                "city": "Tzaneen",
            },
        ),
        (
            "new customer rocky mountain kite fest organizer sarah lindqvist sarah@rmkitefest.org",
            "customer.create",
            {
                "email": "sarah@rmkitefest.org",
                "name": "sarah lindqvist",
                "company": "rocky mountain kite fest",
            },
        ),
        (
            "Pasting from Eirik: 'Sigrid - we are delaying the decision to January, sorry.' Log "
            "as email please, and remind me 8 Jan",
            "interaction.log",
            {
                "customer": "Eirik",
                "channel": "email",
                "summary": "'we are delaying the decision to January, sorry.'",
                "follow_up": "2027-01-08",
            },
        ),
        (
            "Hey! so Margaret River Hot Air emailed this morning: 'Hi Nadia, back from Bali, "
            "let's chat Thursday. Lou' - can you log that and remind me thursday",
            "interaction.log",
            {
                "customer": "Margaret River Hot Air",
                "channel": "email",
                "summary": "'back from Bali, let's chat Thursday.'",
                "occurred_on": "2026-11-18",
                "follow_up": "2026-11-19",
            },
        ),
    ],
)
def test_what_blind_round_73_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "and give task 14 to sam too since polaris is his now",
            "task.update",
            {"task_id": 14, "owner": "sam"},
        ),
        (
            "take lukas kowalski back out of that, he ordered last week",
            "customer.restore",
            {"customer": "lukas kowalski"},
        ),  # fmt: skip
        ("untag them", "customer.bulk_update", {"action": "untag"}),
        (
            "fix his city, it's hamburg germany",
            "customer.update",
            {"field": "city", "value": "hamburg germany"},
        ),  # fmt: skip
        ("close the task about calling her", "task.complete", {"about": "call"}),
        (
            "Put all customers of Tomás in Montevideo under my name",
            "customer.bulk_update",
            {"owner": "Tomás", "city": "Montevideo", "field": "owner", "value": "me"},
        ),
    ],
)
def test_what_working_day_84_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        (
            "Festival Zimniy Sad bought 3 Ledokol-50 chainsaw for 210000 rub",
            {
                "amount": 210000,
                "currency": "RUB",
                "customer": "Festival Zimniy Sad",
                "quantity": 3,
                "product": "Ledokol-50 chainsaw",
            },
        ),
        (
            "Hana @ Moana Retreats signed!!! 8m yurt NZ$24,500",
            {"amount": 24500, "currency": "NZD", "customer": "Hana @ Moana Retreats"},
        ),
    ],
)
def test_what_blind_round_74_would_have_written_wrong_is_read_as_meant(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("purchase.log", slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "Mrs Nguyen Thi Lan - new customer, 0412 555 873, Broome, keen on pearl strands",
            "customer.create",
            {
                "name": "Mrs Nguyen Thi Lan",
                "phone": "0412 555 873",
                "city": "Broome",
                "interest": "pearl strands",
            },
        ),
        (
            "Bucky Larsen - 2 doz 14mm glass eyes, $96",
            "purchase.log",
            {
                "customer": "Bucky Larsen",
                "product": "14mm glass eyes",
                "quantity": 24,
                "amount": 96,
                "currency": "USD",
            },
        ),
        (
            "Kindly remind me to prepare the New Year gift list for Sheikha Mariam by 20 December.",
            "task.create",
            {
                "text": "prepare the New Year gift list for Sheikha Mariam",
                "customer": "Sheikha Mariam",
                "due": "2026-12-20",
            },
        ),
        (
            "remind me to chase coober gem traders bout their overdue invoice eod",
            "task.create",
            {
                "text": "chase coober gem traders bout their overdue invoice",
                "customer": "coober gem traders",
                "due": "2026-11-18",
            },
        ),
    ],
)
def test_what_blind_round_77_would_have_written_wrong_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_colleague_off_sick_does_not_stop_the_digest():
    said = (
        "Morning all! Can you give me Aoife's digest? She's off sick and I'm covering her accounts"
    )
    assert read(said).intent == "digest.show"


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "the ethan novak one (#9) should be maria's now, she owns him",
            "customer.update",
            {"customer": "#9", "field": "owner", "value": "maria"},
        ),
        (
            "move 35, 65 and 79 to lost, they've gone cold",
            "customer.bulk_update",
            {"customers": ["#35", "#65", "#79"], "field": "stage", "value": "lost"},
        ),
        (
            "no i mean customers #35 #65 #79 -> stage lost",
            "customer.bulk_update",
            {"customers": ["#35", "#65", "#79"], "field": "stage", "value": "lost"},
        ),
        ("which of them bought support plan", "segment.list", {"bought": "Support Plan"}),
        ("whats the pipeline worth", "report.show", {"metric": "customers", "group_by": "stage"}),
        (
            "also whats the status of my pipeline",
            "report.show",
            {"metric": "customers", "group_by": "stage", "owner": "me"},
        ),
        (
            "end of day wrap up for the team pls",
            "digest.show",
            {"owner": "team", "date": "2026-11-18"},
        ),
        (
            "new email for him mateo.lopez@lopez-bau.de",
            "customer.update",
            {"field": "email", "value": "mateo.lopez@lopez-bau.de"},
        ),
        (
            "ok then add a task for maria: call bob stone tomorrow, he's overdue",
            "task.create",
            {
                "text": "call bob stone, he's overdue",
                "customer": "bob stone",
                "owner": "maria",
                "due": "2026-11-19",
            },
        ),
        (
            "jane cooper - called, contract signed, they're sending it over today",
            "interaction.log",
            {
                "customer": "jane cooper",
                "channel": "call",
                "summary": "contract signed, they're sending it over",
            },
        ),
    ],
)
def test_what_working_day_87_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text, lexicon=STORE)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "sold Liwa Falcon Hospital 5 telemetry trackers AED -4,500",
            "purchase.log",
            {
                "customer": "Liwa Falcon Hospital",
                "quantity": 5,
                "product": "telemetry trackers",
                "invalid": {"amount": "-4,500"},
            },
        ),
        (
            "Madame Leclerc order 20 eggshell trays, total 36 million đồng",
            "purchase.log",
            {
                "customer": "Madame Leclerc",
                "quantity": 20,
                "product": "eggshell trays",
                "amount": 36000000,
                "currency": "VND",
            },
        ),
        (
            "I need all information we keep about Madame Leclerc, she ask for it by email (GDPR)",
            "customer.export",
            {"customer": "Madame Leclerc"},
        ),
        (
            "Caio just told me Engenho Ponte Alta finally signed!! Mark them as won please 🎉",
            "customer.update",
            {"customer": "Engenho Ponte Alta", "field": "stage", "value": "customer"},
        ),
    ],
)
def test_what_blind_round_78_would_have_written_wrong_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_survey_answered_is_recorded_as_the_score_not_logged_as_a_call():
    parsed = read(
        "Alambique Serra Azul just answered the survey — 4 🙁 Apparently the last batch of "
        "barrels arrived with loose hoops. Please record it and I'll call them myself"
    )
    assert parsed.intent == "nps.record"
    assert (parsed.slots["customer"], parsed.slots["score"]) == ("Alambique Serra Azul", 4)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "she also has #10 for the same thing, delete that one",
            "task.update",
            {"task_id": 10, "action": "delete"},
        ),
        (
            "change today's call with jane cooper to say legal review done by thursday",
            "interaction.update",
            {
                "customer": "jane cooper",
                "summary": "legal review done by thursday",
                "old_channel": "call",
            },
        ),
        (
            "fix the call note to say contract signed",
            "interaction.update",
            {"summary": "contract signed", "old_channel": "call"},
        ),
        ("what do u know about Priya Shah 🤔", "customer.show", {"customer": "Priya Shah"}),
        (
            "set stage lost for bob stone, priya shah and jane cooper",
            "customer.bulk_update",
            {
                "customers": ["bob stone", "priya shah", "jane cooper"],
                "field": "stage",
                "value": "lost",
            },
        ),
        (
            "whos our best rep this month",
            "report.show",
            {"metric": "revenue", "period": "this_month", "group_by": "owner"},
        ),
        (
            "Would you ever pull up the sales per rep for last week?",
            "report.show",
            {"metric": "revenue", "period": "last_week", "group_by": "owner"},
        ),
    ],
)
def test_what_working_day_88_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text, lexicon=STORE)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("mark task one forty two as done", "task.complete", {"task_id": 142}),
        (
            "oops it was 3 analytics pro for 3600 not 3300",
            "purchase.update",
            {"quantity": 3, "amount": 3600, "was": {"amount": 3300}},
        ),
        ("uh which one did i just change", "customer.changes", {"by": "me"}),
        (
            "delete holy trinity devonport, merged w the parish record",
            "customer.delete",
            {"customer": "holy trinity devonport"},
        ),
    ],
)
def test_a_write_read_from_blind_round_79_is_the_one_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "customer", "channel"),
    [
        (
            "Meeting in Alta yesterday with Nils Eira (Eira Reindeer Sledding): wants 10 harnesses",
            "Nils Eira (Eira Reindeer Sledding)",
            "meeting",
        ),
        (
            "Fwd from Kari: Ingrid Solberg at Solberg Hundekjøring called Friday, wants prices",
            "Ingrid Solberg at Solberg Hundekjøring",
            "call",
        ),
        ("st columba's — rev walker rang, blower making a racket", "st columba's", "call"),
        (
            "had a lovely long chat on the phone with Rev. Amos about the east window",
            "Rev. Amos",
            "call",
        ),
        (
            "sent Gemeente Zwolle the demo invite by email, follow up 17/12",
            "Gemeente Zwolle",
            "email",
        ),
    ],
)
def test_a_contact_is_logged_on_whom_it_was_with(text, customer, channel):
    parsed = read(text)
    assert parsed.intent == "interaction.log"
    assert (parsed.slots["customer"], parsed.slots["channel"]) == (customer, channel)


def test_rev_is_still_revenue_when_a_figure_is_asked():
    parsed = read("rev this month vs last")
    assert (parsed.intent, parsed.slots["metric"]) == ("report.show", "revenue")


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "please add a new customer her name is Funmilayo Adebayo she runs Shroom Haven in "
            "Ibadan her number is 0803 555 2190 and she is interested in lion's mane grow kits",
            "customer.create",
            {
                "name": "Funmilayo Adebayo",
                "company": "Shroom Haven",
                "city": "Ibadan",
                "phone": "0803 555 2190",
                "interest": "lion's mane grow kits",
            },
        ),
        (
            "Top 5 customers in Abu Dhabi by order frequency",
            "segment.list",
            {"city": "Abu Dhabi", "sort": "frequency", "limit": 5},
        ),
        (
            "Pipeline for the team: every deal in qualified with no movement for 30 days.",
            "segment.list",
            {"owner": "team", "stage": "qualified", "no_stage_change_days": 30},
        ),
        (
            "customers in Nanaimo who are interested in the holiday platters but haven't ordered "
            "in 45 days",
            "segment.list",
            {"city": "Nanaimo", "interest": "holiday platters", "no_purchase_days": 45},
        ),
        (
            "export Cantina Los Arcos data, the owner asked for a copy of everything we hold on "
            "them",
            "customer.export",
            {"customer": "Cantina Los Arcos"},
        ),
        (
            "Kindly inform what is to be done for Kanchi Weaves",
            "next_action.suggest",
            {"customer": "Kanchi Weaves"},
        ),
        ("who on the team should be chasing what today?", "next_action.suggest", {"owner": "team"}),
        ("Open tasks Lukas", "task.list", {"owner": "Lukas"}),
    ],
)
def test_what_blind_round_79_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "there's also #204 K. Brandt from maria, same guy. delete that one, keep jordan's",
            "customer.delete",
            {"customer": "#204"},
        ),
        ("38 isnt done yet", "task.update", {"task_id": 38, "action": "reopen"}),
        ("now #118", "customer.show", {"customer": "#118"}),
        ("hes now in austin", "customer.update", {"field": "city", "value": "austin"}),
        ("maria's qualified?", "segment.list", {"owner": "maria", "stage": "qualified"}),
        (
            "average order value per rep, last 30 days",
            "report.show",
            {"metric": "revenue", "period": "last_30_days", "group_by": "owner", "average": True},
        ),
        (
            "looks like kai brandt got entered twice, can you check",
            "segment.list",
            {"namesakes": "kai brandt"},
        ),
        (
            "show me both mateo schneiders side by side",
            "segment.list",
            {"namesakes": "mateo schneiders"},
        ),
        (
            "whats our win rate this quarter",
            "report.show",
            {"metric": "customers", "period": "this_quarter", "closed": True},
        ),
        (
            "how does the pipeline look now, by rep",
            "report.show",
            {"metric": "customers", "group_by": "stage"},
        ),
        (
            "what did the team sell today",
            "report.show",
            {"metric": "revenue", "period": "today", "owner": "team"},
        ),
    ],
)
def test_a_write_read_from_working_day_89_is_the_one_meant(text, intent, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == (intent, slots)


def test_a_contact_only_spoken_of_is_a_call_whatever_comes_next():
    parsed = read(
        "spoke to bob stone, initech is happy to book the qbr in feb. set a task to confirm the "
        "date next friday"
    )
    assert (parsed.intent, parsed.slots["channel"]) == ("interaction.log", "call")


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("put task 62 on jane cooper", {"task_id": 62, "customer": "jane cooper"}),
        ("put task 62 on friday", {"task_id": 62, "due": "2026-11-20"}),
    ],
)
def test_a_task_put_on_a_customer_or_a_day_is_changed_never_closed(text, slots):
    parsed = read(text)
    assert (parsed.intent, parsed.slots) == ("task.update", slots)


def test_a_task_put_on_hold_is_never_closed():
    assert read("put task 62 on hold").intent != "task.complete"


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "Forwarded note — From: Hessa (showroom) — 'Bob Stone bought 3 bottles Dehn al Oud "
            "Royal, 2,850 AED, paid card.' Please log.",
            "purchase.log",
            {
                "customer": "Bob Stone",
                "quantity": 3,
                "product": "Dehn al Oud Royal",
                "amount": 2850,
                "currency": "AED",
            },
        ),
        (
            "new saddle order: Priya Shah $4,100 barrel saddle",
            "purchase.log",
            {
                "customer": "Priya Shah",
                "product": "barrel saddle",
                "amount": 4100,
                "currency": "USD",
            },
        ),
        (
            "Initech: two 400 kg bells, 1 240 000 NOK.",
            "purchase.log",
            {"customer": "Initech", "quantity": 2, "amount": 1240000, "currency": "NOK"},
        ),
    ],
)
def test_a_sale_read_from_blind_round_80_goes_to_its_buyer_with_its_count(text, intent, slots):
    parsed = read(text)
    assert parsed.intent == intent
    assert {k: parsed.slots.get(k) for k in slots} == slots


@pytest.mark.parametrize(
    ("text", "customer", "field", "value"),
    [
        ("*Priya Shah* → stage: proposal pls", "Priya Shah", "stage", "proposal"),
        (
            "Bob Stone from Initech is now in Córdoba, update city",
            "Bob Stone from Initech",
            "city",
            "Córdoba",
        ),
    ],
)
def test_a_change_said_as_blind_round_80_said_it_is_that_change(text, customer, field, value):
    parsed = read(text)
    assert parsed.intent == "customer.update"
    assert (parsed.slots["customer"], parsed.slots["field"], parsed.slots["value"]) == (
        customer,
        field,
        value,
    )


def test_a_forwarded_message_is_logged_on_whom_it_tells_of_not_its_sender():
    parsed = read(
        "---------- Forwarded message --------- From: Hessa — Spoke to Priya Shah on WhatsApp, "
        "she wants the 50ml musk gift sets for company hampers, 80 units."
    )
    assert parsed.intent == "interaction.log"
    assert (parsed.slots["customer"], parsed.slots["channel"]) == ("Priya Shah", "chat")


def test_the_day_of_a_customers_event_is_not_the_day_of_the_call():
    parsed = read(
        "Fwd from Salim: 'Bob Stone called, wants 12 tolas of oud for a wedding on the 28th, pls "
        "confirm price' — log it pls"
    )
    assert parsed.intent == "interaction.log"
    assert "occurred_on" not in parsed.slots


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        (
            "Called Bob Stone at Initech. He accepts the quote for two bells, delivery in March. "
            "Send contract by Tuesday.",
            "He accepts the quote for two bells, delivery in March",
        ),
        (
            "zoom with Priya Shah this morning, they want 5 trailers, proposal before friday",
            "they want 5 trailers",
        ),
        (
            "called jane cooper, onboarding went fine, send deck fri",
            "onboarding went fine, send deck",
        ),
    ],
)
def test_what_is_to_be_done_by_the_follow_up_day_is_not_the_contacts_news(text, summary):
    parsed = read(text)
    assert (parsed.intent, parsed.slots["summary"]) == ("interaction.log", summary)


def test_a_name_with_a_word_like_a_weekday_in_it_is_kept_whole():
    parsed = read("Remind me 31/12 call Ms. Lê Thu Hà about Tết delivery")
    assert (parsed.intent, parsed.slots["customer"]) == ("task.create", "Ms. Lê Thu Hà")


def test_a_contact_told_in_the_present_by_a_non_native_writer_is_logged_on_its_day():
    parsed = read(
        "I meet Ms. Lê Thu Hà at her shop in Hội An yesterday, she like the eggshell inlay "
        "boxes, want samples. follow up on 20/11"
    )
    assert parsed.intent == "interaction.log"
    assert (parsed.slots["customer"], parsed.slots["occurred_on"], parsed.slots["follow_up"]) == (
        "Ms. Lê Thu Hà",
        "2026-11-17",
        "2026-11-20",
    )


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "her company moved to berlin too",
            "customer.update",
            {"field": "city", "value": "berlin"},
        ),
        (
            "sold bob stone five analytics pro licences, 5500",
            "purchase.log",
            {"customer": "bob stone", "quantity": 5, "amount": 5500},
        ),
        (
            "priya shah initech - left a voicemail",
            "interaction.log",
            {"customer": "priya shah initech", "channel": "call"},
        ),
        (
            "ok move sam's paris accounts to maria again but keep bob stone with sam",
            "customer.bulk_update",
            {"owner": "sam", "city": "paris", "field": "owner", "value": "maria"},
        ),
        (
            "what has the team done so far today",
            "interaction.history",
            {"owner": "team", "period": "today"},
        ),
        (
            "whats my win rate",
            "report.show",
            {"metric": "customers", "owner": "me", "closed": True},
        ),
    ],
)
def test_what_working_day_90_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert parsed.intent == intent
    assert {k: parsed.slots.get(k) for k in slots} == slots


@pytest.mark.parametrize(
    ("text", "intent", "customer"),
    [
        (
            "Fwd: note from Camille (workshop): Bob Stone called this morning, the jacks on his "
            "spinet are sticking again.",
            "interaction.log",
            "Bob Stone",
        ),
        (
            "Fwd from workshop notebook: Saturday, visit to Initech. The harpsichord needs quills.",
            "interaction.log",
            "Initech",
        ),
        (
            "Fwd from Camille: M. Kouyaté telephoned, he wishes his file to be completely erased, "
            "as per GDPR.",
            "customer.forget",
            "M. Kouyaté",
        ),
    ],
)
def test_what_a_colleague_forwards_is_about_whom_it_names_never_the_colleague(
    text, intent, customer
):
    parsed = read(text)
    assert (parsed.intent, parsed.slots["customer"]) == (intent, customer)


def test_a_number_put_right_after_sorry_is_the_one_kept():
    parsed = read("um change the phone number for Initech to 234 555 019 sorry 234 555 091")
    assert (parsed.intent, parsed.slots["value"]) == ("customer.update", "234 555 091")


def test_a_call_made_told_as_i_make_a_call_to_is_on_whom_it_was_made():
    parsed = read("I make a call to señora Priya Shah, she want 30 piñatas for the posadas")
    assert (parsed.intent, parsed.slots["channel"]) == ("interaction.log", "call")
    assert parsed.slots["customer"].endswith("Priya Shah")


def test_the_day_a_reminder_is_asked_for_wins_over_a_month_said_before():
    parsed = read(
        "rang bob stone at initech, she's been quiet bc of budget freeze, try again in jan. "
        "remind me jan 12"
    )
    assert (parsed.slots["follow_up"], parsed.slots["summary"]) == (
        "2027-01-12",
        "she's been quiet bc of budget freeze",
    )


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (
            "record the sale too, 10 crm pro at 900 each",
            "purchase.log",
            {"quantity": 10, "amount": 9000},
        ),
        (
            "and let sam know - give him a task to send bob the order form by tomorrow",
            "task.create",
            {"owner": "sam", "text": "send bob the order form", "due": "2026-11-19"},
        ),
    ],
)
def test_what_working_day_91_missed_is_read_as_meant(text, intent, slots):
    parsed = read(text)
    assert parsed.intent == intent
    assert {k: parsed.slots.get(k) for k in slots} == slots


def test_a_call_told_with_its_verb_then_a_voicemail_is_on_whom_it_was_made():
    parsed = read("called jane cooper, left a voicemail")
    assert (parsed.intent, parsed.slots["customer"]) == ("interaction.log", "jane cooper")
