"""One customer at a time: created for a colleague at a stage, moved along the pipeline, handed
over, deleted to the bin and restored."""

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.identity import enrol
from crm_store import analytics
from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    Purchase,
    Staff,
    Task,
)


@pytest.fixture
def team(chat):
    with Session(chat.engine) as session:
        for name in ("Dana", "Lee"):
            enrol(session, name, role="rep", tz="UTC")
        session.commit()
    return chat


def named(chat, name: str) -> Customer:
    with Session(chat.engine) as session:
        return session.exec(select(Customer).where(Customer.name == name)).one()


def staff_name(chat, staff_id: int) -> str:
    with Session(chat.engine) as session:
        return session.get(Staff, staff_id).name


def test_a_new_lead_for_a_colleague_at_a_stage_with_an_interest(team):
    reply = team.run(
        "customer.create",
        name="Chris Park",
        company="Acme Rockets",
        owner="Dana",
        stage="prospect",
        interest="Hardware",
    )
    chris = named(team, "Chris Park")
    assert reply.text == (
        f"Added Chris Park (Acme Rockets) as #{chris.id}, a qualified interested in Hardware, "
        "owned by Dana."
    )
    assert (staff_name(team, chris.owner_id), chris.stage) == ("Dana", "qualified")
    assert chris.stage_changed_at == team.now
    assert [i.interest for i in team.rows(CustomerInterest)] == ["Hardware"]
    profile = team.say(f"#{chris.id}")
    assert profile.fields["Stage"] == "qualified since today"
    assert profile.fields["Interested in"] == "Hardware"
    team.say("undo")
    assert team.rows(CustomerInterest) == []
    assert "Chris Park" not in {c.name for c in team.rows(Customer)}


def test_a_new_customer_without_an_owner_is_the_senders_and_starts_the_pipeline(team):
    team.run("customer.create", name="Mo Self", owner="me")
    team.run("customer.create", name="No Owner")
    for name in ("Mo Self", "No Owner"):
        customer = named(team, name)
        assert (staff_name(team, customer.owner_id), customer.stage) == ("Sam", "lead")


def test_a_new_lead_said_to_be_unassigned_is_in_nobodys_book(team):
    reply = team.say("new lead: Petra Novak at Novak Tiles, Prague, unassigned", who="Alex")
    petra = named(team, "Petra Novak")
    said = f"Added Petra Novak (Novak Tiles) as #{petra.id}, a lead, owned by nobody yet."
    assert reply.text == said
    assert petra.owner_id is None


def test_two_new_leads_in_one_message_add_neither(team):
    written = team.written()
    reply = team.say("new leads: Ivo Ruiz at Ruiz Glass, Madrid and Tara Bell at Bell Ropes, Leeds")
    assert reply.text.startswith("That names more than one new customer: add them one at a time")
    assert team.written() == written


def test_an_unknown_colleague_or_stage_is_one_sentence_and_nothing_is_written(team):
    written = team.written()
    unknown = team.run("customer.create", name="Chris Park", owner="Raj")
    assert unknown.text == "No single colleague is called “Raj”. Staff: Alex, Dana, Lee, Sam."
    stage = team.run("customer.create", name="Chris Park", stage="hot")
    assert stage.text == (
        "“hot” is not a stage. The pipeline is lead → qualified → proposal → customer → lost."
    )
    assert team.written() == written


def test_moving_along_the_pipeline_records_when_the_stage_changed(team):
    globex = named(team, "Jane Smith")
    reply = team.run("customer.update", customer="Globex", field="stage", value="Won")
    assert reply.text == "Jane Smith (Globex Ltd): stage is now customer (was qualified)."
    moved = named(team, "Jane Smith")
    assert (moved.stage, moved.stage_changed_at) == ("customer", team.now)
    team.say("undo")
    back = named(team, "Jane Smith")
    assert (back.stage, back.stage_changed_at) == ("qualified", globex.stage_changed_at)


def test_a_handover_sets_the_owner(team):
    reply = team.run("customer.update", customer="Acme", field="owner", value="lee")
    assert reply.text == "Jane Cooper (Acme Corporation): owner is now Lee (was Sam)."
    assert staff_name(team, named(team, "Jane Cooper").owner_id) == "Lee"


def test_noting_an_interest_on_a_customer(team):
    first = team.run("customer.update", customer="Acme", field="interest", value="CRM Pro")
    assert first.text == "Noted: Jane Cooper (Acme Corporation) is interested in CRM Pro."
    again = team.run("customer.update", customer="Acme", field="interest", value="crm pro")
    assert again.text.endswith("is already noted as interested in crm pro.")
    found = team.run("segment.list", interest="crm")
    assert [r["Customer"] for r in found.rows] == ["Jane Cooper (Acme Corporation)"]


def test_an_interest_noted_by_mistake_is_removed_and_undo_puts_it_back(team):
    team.run("customer.update", customer="Acme", field="interest", value="crm pro, budget approved")
    team.say("tell me about Acme")
    removed = team.say("remove the interest 'budget approved' from her")
    assert (
        removed.text == "Removed budget approved from Jane Cooper (Acme Corporation)'s interests."
    )
    assert {i.interest for i in team.rows(CustomerInterest)} == {"crm pro"}
    team.say("undo")
    assert {i.interest for i in team.rows(CustomerInterest)} == {"crm pro", "budget approved"}


def test_a_sale_wins_a_qualified_customer_and_says_when(team):
    team.say("sold 2 widgets to Globex for $300")
    globex = named(team, "Jane Smith")
    assert (globex.stage, globex.stage_changed_at) == ("customer", team.now)
    assert any(e.description == "stage to customer" for e in team.rows(AuditEntry))


def test_deleting_moves_to_the_bin_and_undo_brings_back(team):
    acme = named(team, "Jane Cooper")
    reply = team.run("customer.delete", customer="Acme")
    assert reply.text == (
        f"Deleted Jane Cooper (Acme Corporation) (#{acme.id}): moved to the bin. “undo” or "
        f"“restore #{acme.id}” brings them back within 30 days; after that they are purged."
    )
    assert named(team, "Jane Cooper").deleted_at == team.now
    assert team.say("tell me about Acme").text.startswith("No customer matches “Acme”")
    assert team.say("undo").text == "Undone: deleted Jane Cooper (Acme Corporation)."
    assert named(team, "Jane Cooper").deleted_at is None
    assert team.say("tell me about Acme").title.startswith("Jane Cooper (Acme Corporation)")


def test_restore_finds_the_customer_in_the_bin_by_name(team):
    team.say("called Acme about the renewal")
    team.run("customer.delete", customer="jane@acme.com")
    written = team.written()
    missing = team.run("customer.restore", customer="Globex")
    assert missing.text.startswith("No customer in the delete bin matches “Globex”")
    assert team.written() == written
    restored = team.run("customer.restore", customer="Jane Cooper")
    assert restored.text.startswith("Restored Jane Cooper (Acme Corporation) (#")
    assert named(team, "Jane Cooper").deleted_at is None
    history = team.say("history with Acme")
    assert len(history.rows) == 1


def test_restore_of_a_customer_not_in_the_bin_says_so_and_points_to_undo(team):
    team.say("move acme to lost")
    jane = named(team, "Jane Cooper")
    written = team.written()
    reply = team.say("actually no, put him back")
    assert reply.text.startswith(f"Jane Cooper (Acme Corporation) (#{jane.id}) is not in the bin")
    assert "“undo”" in reply.text
    assert team.written() == written


def test_restore_by_bare_number_and_after_oops_wrong_one(team):
    jane = named(team, "Jane Cooper")
    team.say(f"delete #{jane.id}")
    assert team.say(f"restore {jane.id}").text.startswith("Restored Jane Cooper")
    team.say(f"delete #{jane.id}")
    assert team.say("oops wrong one, restore her").text.startswith("Restored Jane Cooper")
    assert named(team, "Jane Cooper").deleted_at is None


def test_a_deleted_customers_sales_leave_the_reports(team):
    team.say("sold 1 widget to Acme for $500")
    team.say("sold 1 widget to Globex for $200")
    assert team.run("report.show", metric="revenue", period="today").text.startswith("Total $700 ")
    team.run("customer.delete", customer="Acme")
    assert team.run("report.show", metric="revenue", period="today").text.startswith("Total $200 ")
    assert team.count(Purchase) == 2  # kept in the bin, for a restore


def test_a_rep_deletes_only_from_their_own_book_and_a_manager_from_any(team):
    with Session(team.engine) as session:
        dana = session.exec(select(Staff).where(Staff.name == "Dana")).one()
        session.add(Customer(name="Dana's Own", owner_id=dana.id))
        session.commit()
    written = team.written()
    refused = team.run("customer.delete", customer="Dana's Own")
    assert refused.text == (
        "You can delete only customers in your own book; Dana's Own is Dana's. "
        "A manager can do it for you."
    )
    assert team.written() == written
    assert team.run("customer.delete", customer="Dana's Own", who="Alex").text.startswith(
        "Deleted Dana's Own"
    )


def test_a_deleted_customer_can_still_be_erased_on_request_by_a_manager(team):
    team.run("customer.update", customer="Globex", field="interest", value="Hardware")
    team.run("customer.delete", customer="Globex")
    assert team.say("forget Globex").text.startswith("Only a manager or an admin can erase")
    asked = team.say("forget Globex", who="Alex")
    assert "This cannot be undone." in asked.text
    assert team.say("yes", who="Alex").text.startswith("Erased the personal data of")
    assert team.rows(CustomerInterest) == []
    assert team.say("undo").text == "There is nothing of yours to undo."  # the delete can't undo it


def test_the_stage_changed_at_survives_an_unrelated_update(team):
    before = named(team, "Jane Smith").stage_changed_at
    team.now = team.now + timedelta(days=3)
    team.run("customer.update", customer="Globex", field="city", value="Leeds")
    assert named(team, "Jane Smith").stage_changed_at == before


def test_a_rep_reassigns_or_moves_only_customers_in_their_own_book(team):
    with Session(team.engine) as session:
        dana = session.exec(select(Staff).where(Staff.name == "Dana")).one()
        session.add(Customer(name="Dana's Lead", owner_id=dana.id))
        session.commit()
    written = team.written()
    refused = team.run("customer.update", customer="Dana's Lead", field="owner", value="me")
    assert refused.text.startswith("You can reassign only customers in your own book")
    moved = team.run("customer.update", customer="Dana's Lead", field="stage", value="lost")
    assert moved.text.startswith("You can move only customers in your own book")
    assert team.written() == written
    by_manager = team.run(
        "customer.update", customer="Dana's Lead", field="owner", value="Sam", who="Alex"
    )
    assert by_manager.text == "Dana's Lead: owner is now Sam (was Dana)."


def test_help_on_the_pipeline_names_bulk_changes_delete_and_restore(team):
    reply = team.say("help pipeline")
    assert reply.title == "Help: pipeline"
    said = " ".join(row["Say for example"] for row in reply.rows)
    assert "move Dana's hardware leads to Lee" in said and "restore Acme" in said


@pytest.mark.parametrize(
    ("said", "name", "stage", "was"),
    [
        ("Jane Smith went with a competitor. closed lost.", "Jane Smith", "lost", "qualified"),
        (
            "Jane Smith accepted our proposal, she's a customer now",
            "Jane Smith",
            "customer",
            "qualified",
        ),
        ("Hans Müller looks legit, qualify him", "Hans Müller", "qualified", "lead"),
        ("Jane Smith back to proposal stage", "Jane Smith", "proposal", "qualified"),
        ("Globex -> lost", "Jane Smith", "lost", "qualified"),
    ],
)
def test_a_stage_told_as_what_happened_moves_the_customer(team, said, name, stage, was):
    reply = team.say(said)
    if "not sure" in reply.text:  # an unsure reading is confirmed first, never guessed
        assert reply.text.startswith(f"I'm not sure I understood. Change {name.split()[0]}")
        reply = team.say("yes")
    assert reply.text.endswith(f"stage is now {stage} (was {was}).")
    assert named(team, name).stage == stage


@pytest.mark.parametrize(
    "said",
    [
        "Globex -> Lee",
        "put Globex under Lee's name",
        "Jane Smith should sit with Lee going forward",
    ],
)
def test_a_handover_said_in_few_words_sets_the_owner(team, said):
    reply = team.say(said)
    if "not sure" in reply.text:
        reply = team.say("yes")
    assert reply.text == "Jane Smith (Globex Ltd): owner is now Lee (was Sam)."
    assert staff_name(team, named(team, "Jane Smith").owner_id) == "Lee"


def test_restore_her_after_a_remark_brings_the_customer_back(team):
    team.run("customer.delete", customer="Jane Cooper")
    reply = team.say("oops, Jane Cooper wasn't a duplicate after all - restore her pls")
    assert reply.text.startswith("Restored Jane Cooper (Acme Corporation) (#")
    assert named(team, "Jane Cooper").deleted_at is None


def test_the_one_named_before_bring_her_back_is_restored_not_the_last_deleted(team):
    team.run("customer.delete", customer="Jane Cooper")
    team.run("customer.delete", customer="Jane Smith")
    reply = team.say("hmm, wait, jane cooper at acme was a real one. bring her back")
    assert reply.text.startswith("Restored Jane Cooper (Acme Corporation) (#")
    assert named(team, "Jane Smith").deleted_at is not None


def test_a_colleague_is_found_without_the_accents_of_their_name(team):
    with Session(team.engine) as session:
        enrol(session, "María García", role="rep", tz="UTC")
        session.commit()
    reply = team.say("give Globex to maria garcia")
    if "not sure" in reply.text:
        reply = team.say("yes")
    assert reply.text == "Jane Smith (Globex Ltd): owner is now María García (was Sam)."


def test_a_customer_named_with_their_company_in_brackets_needs_no_question(team):
    reply = team.say("Jane (Globex Ltd) -> lost")
    if "not sure" in reply.text:
        reply = team.say("yes")
    assert reply.text == "Jane Smith (Globex Ltd): stage is now lost (was qualified)."


def test_bring_back_restores_from_the_bin(team):
    team.run("customer.delete", customer="Jane Cooper")
    reply = team.say("actually bring Jane Cooper (Acme Corporation) back, she may buy next year")
    assert reply.text.startswith("Restored Jane Cooper (Acme Corporation) (#")


@pytest.mark.parametrize(
    ("said", "noted"),
    [
        ("add interest Training to Jane Smith", "Noted: Jane Smith (Globex Ltd) is interested in"),
        ("tag Jane Smith enterprise", "Tagged Jane Smith (Globex Ltd) as enterprise."),
    ],
)
def test_a_detail_said_the_short_way_is_added_to_the_customer_named(team, said, noted):
    reply = team.say(said)
    if "not sure" in reply.text:
        reply = team.say("yes")
    assert reply.text.startswith(noted)
    assert len(team.rows(Customer)) == 3  # nobody new was created


def test_a_new_lead_said_as_a_colleague_having_it_is_theirs(team):
    reply = team.say("Dana has a new lead, Pierre Lambert from Lambert & Fils in Paris")
    if "not sure" in reply.text:
        reply = team.say("yes")
    pierre = named(team, "Pierre Lambert")
    assert (staff_name(team, pierre.owner_id), pierre.company, pierre.city) == (
        "Dana",
        "Lambert & Fils",
        "Paris",
    )


@pytest.mark.parametrize("asked", ["what's in the bin?", "show deleted customers", "bin?"])
def test_the_bin_lists_what_can_still_be_restored(team, asked):
    assert team.say(asked).text == "Your delete bin is empty."
    acme = named(team, "Jane Cooper")
    team.run("customer.delete", customer="Jane Cooper")
    reply = team.say(asked)
    assert reply.text == "1 in your delete bin. “restore #id” brings one back."
    assert reply.rows == [
        {
            "#": str(acme.id),
            "Customer": "Jane Cooper (Acme Corporation)",
            "Deleted": "today",
            "Kept until": (team.now + timedelta(days=30)).strftime("%a %-d %b"),
        }
    ]
    assert [b.value for b in reply.buttons] == [f"restore #{acme.id}"]
    assert team.say(reply.buttons[0].value).text.startswith("Restored Jane Cooper")
    assert team.say(asked).text == "Your delete bin is empty."


def test_a_rep_sees_only_their_own_customers_in_the_bin(team):
    team.say("give Globex to Dana", who="Alex")
    team.run("customer.delete", customer="Globex", who="Alex")
    team.run("customer.delete", customer="Jane Cooper")
    assert [r["Customer"] for r in team.say("what's in the bin?").rows] == [
        "Jane Cooper (Acme Corporation)"
    ]
    managers = team.say("what's in the bin?", who="Alex")
    assert managers.text.startswith("2 in the team's delete bin.")


@pytest.mark.parametrize(
    "said",
    [
        "remove the vip tag from Jane Smith",
        "untag vip from jane smith",
        "untag jane smith vip",
        "Jane Smith is no longer vip",
    ],
)
def test_one_customer_loses_a_tag_and_undo_puts_it_back(team, said):
    team.say("tag Jane Smith as vip")
    reply = team.say(said)
    if "not sure" in reply.text:
        reply = team.say("yes")
    assert reply.text == "Removed the tag vip from Jane Smith (Globex Ltd)."
    assert team.rows(CustomerTag) == []
    assert team.say("undo").text == "Undone: untagged Jane Smith (Globex Ltd)."
    assert [t.tag for t in team.rows(CustomerTag)] == ["vip"]


def test_a_tag_that_is_part_of_the_name_is_asked_about_not_written(team):
    reply = team.say("tag hans müller")
    if "not sure" in reply.text:
        reply = team.say("yes")
    assert reply.text.startswith(
        "Which tag? “müller” is part of Hans Müller (Müller & Söhne GmbH)'s name."
    )
    assert team.rows(CustomerTag) == []


@pytest.mark.parametrize(
    ("asked", "customer"),
    [
        ("is Jane Smith still a lead?", "Jane Smith (Globex Ltd)"),
        ("has Acme bought anything", "Jane Cooper (Acme Corporation)"),
        ("what stage is Hans Müller in", "Hans Müller (Müller & Söhne GmbH)"),
    ],
)
def test_a_question_about_a_customer_shows_them_and_writes_nothing(team, asked, customer):
    written = team.written()
    reply = team.say(asked)
    assert reply.title.startswith(customer)
    assert team.written() == written


def test_customers_per_stage_in_pipeline_order_split_by_rep(team):
    team.say("give Globex to Dana", who="Alex")
    reply = team.say("stage counts per rep", who="Alex")
    assert reply.text.startswith("3 customers across the pipeline.")
    counts = [("lead", "1", "0", "1"), ("qualified", "1", "1", "0"), ("proposal", "0", "0", "0"),
              ("customer", "1", "0", "1"), ("lost", "0", "0", "0")]  # fmt: skip
    shown = [{k: row[k] for k in ("Stage", "Customers", "Dana", "Sam")} for row in reply.rows]
    assert shown == [
        {"Stage": stage, "Customers": total, "Dana": dana, "Sam": sam}
        for stage, total, dana, sam in counts
    ]
    mine = team.say("how many in each stage?")
    assert [(r["Stage"], r["Customers"]) for r in mine.rows] == [
        ("lead", "1"), ("qualified", "0"), ("proposal", "0"), ("customer", "1"), ("lost", "0")
    ]  # fmt: skip


def test_what_the_pipeline_is_worth_is_what_each_stages_customers_spent(team):
    team.say("sold 2 crm pro to jane cooper, 1800")
    with Session(team.engine) as session:  # the figures the nightly refresh stores
        analytics.refresh(session, today=team.now.date())
        session.commit()
    reply = team.say("whats the pipeline worth", who="Alex")
    worth = {row["Stage"]: row["Spent to date"] for row in reply.rows}
    assert "1,800" in worth["customer"]
    assert worth["lead"] == worth["qualified"] == "$0"
    assert "Deals carry no amount" in reply.text


def test_a_stage_said_at_the_end_of_a_contact_is_offered_not_applied(team):
    reply = team.say("called Jane Smith, good chat, budget in Q1. proposal now")
    assert reply.text.startswith("Logged a call with Jane Smith (Globex Ltd)")
    jane = named(team, "Jane Smith")
    assert jane.stage == "qualified"
    move = [b for b in reply.buttons if b.label.startswith("Move")]
    assert [(b.label, b.value) for b in move] == [
        ("Move Jane Smith to proposal", f"move #{jane.id} to proposal")
    ]
    assert team.say(move[0].value).text.startswith("Jane Smith (Globex Ltd): stage is now proposal")


def test_a_selection_by_value_below_an_amount(team):
    sold = team.say("sold a Widget to Jane Cooper for $5,000")
    assert sold.text.startswith("Recorded")
    reply = team.say("customers worth less than 1000", who="Alex")
    assert sorted(r["Customer"] for r in reply.rows) == [
        "Hans Müller (Müller & Söhne GmbH)",
        "Jane Smith (Globex Ltd)",
    ]
    assert "worth less than 1,000" in reply.text


def test_a_customer_no_longer_interested_gets_no_interest_written(team):
    written = (team.written(), team.count(CustomerInterest))
    reply = team.say("Jane Smith is not interested anymore")
    if "not sure" in reply.text:
        reply = team.say("yes")
    assert (team.written(), team.count(CustomerInterest)) == written


def test_a_stage_told_after_a_name_is_not_a_list_of_customers(chat):
    reply = chat.say("Jane Smith accepted our proposal, she's a customer now")
    assert "each name" not in reply.text


@pytest.mark.parametrize(
    "said",
    ["jane smith hasnt been contacted in ages, give her to lee",
     "Jane Smith is going quiet - hand her to Lee"],
)  # fmt: skip
def test_a_handover_said_of_her_after_a_statement_about_the_customer_is_hers(team, said):
    team.say(said, who="Alex")
    assert staff_name(team, named(team, "Jane Smith").owner_id) == "Lee"


def test_several_customers_come_back_from_the_bin_at_once_and_one_undo_bins_them_again(team):
    cooper, smith = named(team, "Jane Cooper"), named(team, "Jane Smith")
    team.run("customer.delete", customer="Acme")
    team.run("customer.delete", customer="Globex")
    reply = team.say(f"restore #{cooper.id} and #{smith.id}")
    assert reply.text == (
        f"Restored Jane Cooper (Acme Corporation) (#{cooper.id}), Jane Smith (Globex Ltd) "
        f"(#{smith.id}) from the bin, with everything recorded about each."
    )
    assert named(team, "Jane Cooper").deleted_at is None
    assert named(team, "Jane Smith").deleted_at is None
    team.say("undo")
    assert named(team, "Jane Cooper").deleted_at is not None
    assert named(team, "Jane Smith").deleted_at is not None


def test_restore_all_after_the_bin_was_shown_restores_what_it_showed(team):
    team.run("customer.delete", customer="Acme")
    team.run("customer.delete", customer="Globex")
    assert team.say("restore all").text.startswith("2 in your delete bin")  # nothing shown yet
    assert named(team, "Jane Cooper").deleted_at is not None
    restored = team.say("restore them both").text
    assert restored.startswith("Restored ")
    assert "Jane Cooper" in restored and "Jane Smith" in restored
    assert named(team, "Jane Cooper").deleted_at is None
    assert named(team, "Jane Smith").deleted_at is None


def test_a_handover_said_with_the_open_tasks_takes_them_along(team):
    team.say("remind me to call Jane Cooper on friday about the renewal")
    reply = team.say("move jane cooper to lee, with her open tasks")
    assert reply.text.startswith("Jane Cooper (Acme Corporation): owner is now Lee (was Sam).")
    assert "went along" in reply.text
    with Session(team.engine) as session:
        lee = session.exec(select(Staff).where(Staff.name == "Lee")).one()
        tasks = session.exec(select(Task).where(Task.customer_id == named(team, "Jane Cooper").id))
        assert {task.assignee_id for task in tasks} == {lee.id}
    assert team.say("undo").text.startswith("Undone: owner of Jane Cooper")
    with Session(team.engine) as session:
        tasks = session.exec(select(Task).where(Task.customer_id == named(team, "Jane Cooper").id))
        assert lee.id not in {task.assignee_id for task in tasks}
    assert staff_name(team, named(team, "Jane Cooper").owner_id) == "Sam"


def test_restore_her_after_looking_at_someone_else_restores_the_one_just_deleted(team):
    jane = named(team, "Jane Cooper")
    team.say(f"delete #{jane.id}")
    team.say("tell me about Globex")
    assert team.say("restore her, wrong one").text.startswith("Restored Jane Cooper")
    assert named(team, "Jane Cooper").deleted_at is None


@pytest.mark.parametrize(
    "said", ["and her open tasks too", "and their open tasks too, give them to dana"]
)
def test_and_her_open_tasks_too_after_a_handover_moves_them_along(team, said):
    team.say("remind me to call acme tomorrow")
    team.say("give acme to dana", who="Alex")
    reply = team.say(said, who="Alex")
    [task] = team.rows(Task)
    assert f"#{task.id} went along" in reply.text
    dana = next(s.id for s in team.rows(Staff) if s.name == "Dana")
    assert task.assignee_id == dana


def test_a_stage_asked_for_at_the_end_of_a_contact_is_applied_and_undone_with_it(team):
    reply = team.say(
        "emailed Jane Smith - asking for pricing on the pro tier. moving her to proposal"
    )
    assert reply.text.endswith("\nMoved Jane Smith (Globex Ltd) to proposal.")
    assert named(team, "Jane Smith").stage == "proposal"
    team.say("undo")
    assert named(team, "Jane Smith").stage == "qualified"
    assert team.rows(Interaction) == []


def test_his_phone_right_after_adding_a_lead_is_the_new_leads(team):
    team.say("new lead lars eriksen at nordic freight, stockholm")
    reply = team.say("oh his phone is +46 8 555 0101")
    assert reply.text.startswith("Lars Eriksen (Nordic Freight): phone is now +4685550101")


def test_two_reps_compared_with_the_period_before_are_only_those_two(team):
    team.say("sold 2 crm pro to jane cooper for 1000")
    team.say("give hans müller to dana", who="Alex")
    reply = team.say("compare sam and dana revenue this month vs last month", who="Alex")
    assert [row["Owner"] for row in reply.rows] == ["Sam", "Dana"]
    assert reply.text.startswith("Total $1,000 ")
