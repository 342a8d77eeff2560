import csv
import io
from datetime import timedelta

from sqlmodel import Session, select

from crm_store.models import Customer, CustomerTag, Interaction, Staff, Task
from tests.crm_store.insight_builders import Store


def history(chat, *, lapsed_days=212, orders=14):
    """Jane bought 14 times, the last 212 days ago; Hans bought yesterday."""
    with Session(chat.engine) as session:
        store = Store(session)
        jane = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        hans = session.exec(select(Customer).where(Customer.name == "Hans Müller")).one()
        for n in range(orders):
            store.buy(jane, lapsed_days + 7 * n, "244.29")
        store.buy(hans, 1, 900)
        store.commit()
        return jane.id, hans.id


def test_a_segment_answer_counts_explains_and_attaches_the_full_list(chat):
    jane, _ = history(chat)
    reply = chat.say("customers who haven't bought in 6 months")
    assert reply.text == "1 of your customers matches: no purchase for 180+ days."
    assert reply.rows == [
        {
            "#": str(jane),
            "Customer": "Jane Cooper (Acme Corporation)",
            "Owner": "Sam",
            "Why": "last order 212 days ago, 14 orders, $3,420.06",
        }
    ]
    (attachment,) = reply.files
    assert attachment.mime == "text/csv"
    rows = list(csv.DictReader(io.StringIO(attachment.content.decode())))
    assert [r["name"] for r in rows] == ["Jane Cooper"]
    assert reply.buttons[0].value == f"next action for #{jane}"


def test_segment_slots_combine_and_an_empty_answer_says_so(chat):
    jane, _ = history(chat)
    found = chat.say("lapsed customers in new york")
    assert found.text == "1 of your customers matches: lapsed, in new york."
    assert [row["#"] for row in found.rows] == [str(jane)]
    reply = chat.say("lapsed customers in Paris")
    assert reply.text == "None of your customers match: lapsed, in Paris."
    assert not reply.files


def test_customers_who_never_bought_are_those_with_no_order_at_all(chat):
    jane, hans = history(chat)  # Jane lapsed, Hans bought yesterday, Jane Smith never
    smith = chat.customer("Jane Smith").id
    for said in ("who never bought anything?", "customers with no orders yet"):
        reply = chat.say(said)
        assert reply.text == "1 of your customers matches: never bought anything."
        assert [row["#"] for row in reply.rows] == [str(smith)]
    preview = chat.say("delete everyone who hasn't bought anything yet")
    assert preview.text.startswith("Delete 1 customer")
    assert [row["#"] for row in preview.rows] == [str(smith)]
    chat.say("yes")
    assert chat.customer("Jane Smith").deleted_at is not None


def test_next_actions_for_one_customer_have_reasons_and_buttons_that_work(chat):
    jane, _ = history(chat)
    reply = chat.say("what should I do next with Acme")
    assert reply.title == "Next for Jane Cooper (Acme Corporation)"
    kinds = [row["Do"] for row in reply.rows]
    assert "Reactivation" in kinds
    done, later = reply.buttons[:2]
    assert all(len(b.value.encode()) < 64 for b in reply.buttons)
    assert chat.say(done.value).text.startswith("Logged a call with Jane Cooper")
    assert chat.say(later.value).text.startswith("Task #")
    with Session(chat.engine) as session:
        task = session.exec(select(Task)).one()
        assert task.customer_id == jane and task.due == chat.now.date() + timedelta(days=1)
        assert session.exec(select(Interaction)).one().customer_id == jane


def test_a_reps_book_is_their_own_and_a_manager_sees_the_team(chat):
    jane, hans = history(chat)
    with Session(chat.engine) as session:
        store = Store(session)
        unowned = session.exec(select(Customer).where(Customer.name == "Jane Smith")).one()
        unowned.owner_id = None
        session.add(unowned)
        store.buy(unowned, 400, 50)
        unowned_id = unowned.id
        store.commit()
    mine = chat.say("next best actions")
    assert {row["#"] for row in mine.rows} == {str(jane), str(hans)}
    team = chat.say("next best actions", who="Alex")
    assert str(unowned_id) in {row["#"] for row in team.rows}
    assert team.text.startswith("The 3 most useful things to do across the team's customers")


def test_next_steps_for_a_selection_are_only_for_the_customers_in_it(chat):
    jane, hans = history(chat)
    everyone = chat.say("next best actions")
    assert {str(jane), str(hans)} < {row["#"] for row in everyone.rows}
    berlin = chat.say("next steps for my customers in berlin")
    assert [row["#"] for row in berlin.rows] == [str(hans)]
    assert "(in berlin)" in berlin.text
    with Session(chat.engine) as session:
        session.add(CustomerTag(customer_id=jane, tag="vip"))
        session.commit()
    tagged = chat.say("next best actions for the vip customers")
    assert [row["#"] for row in tagged.rows] == [str(jane)]
    chat.say("tag Hans Müller yearend-promo")
    promo = chat.say("next best actions for the yearend-promo customers")
    assert [row["#"] for row in promo.rows] == [str(hans)]


def test_a_report_over_time_comes_with_a_chart(chat):
    _, hans = history(chat)
    reply = chat.say("revenue by month this year")
    assert reply.title == "Revenue by month, this year — your customers"
    assert reply.rows[-1] == {"Month": "Nov 2026", "Revenue": "$900"}
    assert reply.files[0].mime == "image/png"
    plain = chat.say("revenue this month")
    assert plain.text.startswith("Total $900 (") and not plain.files
    (sale,) = plain.rows
    assert sale == {
        "When": "yesterday",
        "Customer": f"Hans Müller (#{hans})",
        "What": "1 × Widget, $900",
        "By": "—",
    }


def test_a_periods_figure_lists_the_contacts_or_sales_behind_it_newest_first(chat):
    with Session(chat.engine) as session:
        store = Store(session)
        sam, alex = (
            session.exec(select(Staff).where(Staff.name == n)).one() for n in ("Sam", "Alex")
        )
        jane = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        for hour in range(8, 20):  # twelve calls by Sam today, one e-mail, one call by Alex
            store.contact(jane, 0, staff=sam, hour=hour)
        store.contact(jane, 0, channel="email", staff=sam)
        store.contact(jane, 0, staff=alex)
        store.commit()
    reply = chat.say("sam's calls today", who="Alex")
    assert reply.text == "Total 12 (today – today). The 10 latest of 12:"
    assert len(reply.rows) == 10
    assert {row["What"] for row in reply.rows} == {"call: talked"}
    assert {row["By"] for row in reply.rows} == {"Sam"}
    everyone = chat.say("how many emails today", who="Alex")
    assert [row["What"] for row in everyone.rows] == ["email: talked"]


def test_new_leads_this_week_lists_who_was_added_and_adds_no_one(chat):
    chat.say("new lead: Chris Park at Lumen Dental, give it to Alex")
    written = chat.written()
    reply = chat.say("new leads added this week", who="Alex")
    assert reply.text == "Total 1 (Mon 16 Nov – today)."
    assert [(r["Customer"].split(" (#")[0], r["What"], r["Owner"]) for r in reply.rows] == [
        ("Chris Park (Lumen Dental)", "added: lead", "Alex")
    ]
    assert chat.written() == written  # "leads added this week" is no one's name


def test_a_report_that_makes_no_sense_gets_a_sentence(chat):
    reply = chat.say("nps by product")
    assert "product" in reply.text and not reply.files


def test_a_comparison_puts_each_rep_beside_the_period_before(chat):
    history(chat)
    with Session(chat.engine) as session:
        hans = session.exec(select(Customer).where(Customer.name == "Hans Müller")).one()
        Store(session).buy(hans, 40, 600)  # 9 Oct: within the same days of last month
        session.commit()
    reply = chat.say("revenue by rep this month vs last month", who="Alex")
    assert reply.text == (
        "Total $900 (Sun 1 Nov – today). Before: $600 (Thu 1 Oct – Sun 18 Oct), +50%."
    )
    assert reply.rows == [{"Owner": "Sam", "Revenue": "$900", "Before": "$600", "Change": "+50%"}]
    with Session(chat.engine) as session:
        hans = session.exec(select(Customer).where(Customer.name == "Hans Müller")).one()
        Store(session).buy(hans, 2, 12500, currency="EUR")
        session.commit()
    mine = chat.say("how much have I sold this month?")
    assert mine.text == (
        "Total $900 (Sun 1 Nov – today). Sales in other currencies are not in this total: €12,500."
    )
    october = chat.say("how did october go? sales per rep", who="Alex")
    assert october.text.startswith("Total $600 (Thu 1 Oct – Sat 31 Oct).")


def test_an_open_deal_left_alone_is_a_next_step_with_its_reason(chat):
    with Session(chat.engine) as session:
        globex = session.exec(select(Customer).where(Customer.name == "Jane Smith")).one()
        globex.created_at = globex.stage_changed_at = chat.now - timedelta(days=30)
        session.add(globex)
        session.commit()
    reply = chat.say("what should I do with Globex?")
    assert {"Do": "Move the deal on", "Priority": "medium"}.items() <= reply.rows[0].items()
    assert reply.rows[0]["Why"] == (
        "qualified since 19 Oct, never contacted: get in touch to move them on"
    )


def test_customers_per_rep_with_no_period_lists_the_team_with_each_book_to_date(chat):
    with Session(chat.engine) as session:
        for customer in session.exec(select(Customer)).all():
            customer.created_at = chat.now - timedelta(days=400)
            session.add(customer)
        session.commit()
    reply = chat.say("how many customers does each rep have?", who="Alex")
    assert reply.title == "The team — 2 people"
    assert reply.text.startswith("3 customers in all")
    assert [(row["Name"], row["Role"], row["Customers"]) for row in reply.rows] == [
        ("Sam", "rep", "3"),
        ("Alex", "manager", "0"),  # a manager who owns no one is still on the team
    ]
    colleagues = chat.say("who's on the team?", who="Sam")  # a rep: who, not their books
    assert colleagues.rows == [
        {"Name": "Sam", "Role": "rep", "Time zone": "UTC"},
        {"Name": "Alex", "Role": "manager", "Time zone": "UTC"},
    ]
    new = chat.say("new customers this month by rep", who="Alex")
    assert new.title.startswith("New customers by owner, this month")


def test_how_are_the_reps_doing_puts_each_reps_figures_side_by_side(chat):
    history(chat)  # Sam's customers: $900 this month
    with Session(chat.engine) as session:
        store = Store(session)
        dana = store.staff("Dana")
        jane = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        store.contact(jane, 1, staff=dana)
        for customer in session.exec(select(Customer)).all():
            customer.created_at = chat.now - timedelta(days=400)
            session.add(customer)
        session.add(Task(assignee_id=dana.id, text="call Acme", due=chat.now.date() - timedelta(2)))
        session.add(Task(assignee_id=dana.id, text="send deck", due=chat.now.date()))
        store.commit()
    reply = chat.say("how are the reps doing this month", who="Alex")
    assert reply.title.startswith("The team, this month (")
    sam, dana = reply.rows
    assert sam == {
        "Rep": "Sam",
        "Revenue": "$900",
        "Orders": "1",
        "New customers": "0",
        "Contacts": "0",
        "Calls": "0",
        "Meetings": "0",
        "Open tasks": "0",
        "Overdue": "0",
    }
    assert dana["Rep"] == "Dana" and dana["Revenue"] == "$0"
    assert (dana["Contacts"], dana["Open tasks"], dana["Overdue"]) == ("1", "2", "1")
    assert (dana["Calls"], dana["Meetings"]) == ("1", "0")  # her one contact, a call
    assert chat.say("how did the reps do last month", who="Alex").title.startswith(
        "The team, last month ("
    )
    compared = chat.say("compare sam and dana this month", who="Alex")
    assert [row["Rep"] for row in compared.rows] == ["Sam", "Dana"]
    assert [row["Rep"] for row in chat.say("dana vs sam", who="Alex").rows] == ["Sam", "Dana"]
    figures = chat.say("compare sam and dana: calls, meetings and revenue this month", who="Alex")
    assert [(row["Rep"], row["Revenue"]) for row in figures.rows] == [
        ("Sam", "$900"),
        ("Dana", "$0"),
    ]


def test_a_follow_up_naming_no_figure_keeps_the_figure_asked_before(chat):
    chat.say("nps this year", who="Alex")
    reply = chat.say("last 12 months, per rep", who="Alex")
    assert reply.title.startswith("NPS by owner, last 12 months")


def test_a_manager_who_owns_no_customers_asking_for_theirs_gets_the_teams_and_is_told(chat):
    history(chat)
    reply = chat.say("who are my top customers", who="Alex")
    assert reply.text.startswith("You own no customers yourself, so these are the team's. ")
    assert "of the team's customers match" in reply.text
    assert {row["Owner"] for row in reply.rows} == {"Sam"}
    sams = chat.say("who are my top customers")  # a rep's own book stays their own
    assert " of your customers match" in sams.text and not sams.text.startswith("You own")


def test_a_list_leaves_out_a_tag_or_names_what_they_bought(chat):
    with Session(chat.engine) as session:
        store = Store(session)
        jane, smith, hans = (
            session.exec(select(Customer).where(Customer.name == n)).one()
            for n in ("Jane Cooper", "Jane Smith", "Hans Müller")
        )
        session.add(CustomerTag(customer_id=jane.id, tag="vip"))
        store.buy(jane, 10, 500, product="CRM Pro")
        store.buy(hans, 20, 300, product="Analytics Pro")
        store.commit()
        ids = {c.name: str(c.id) for c in (jane, smith, hans)}
    untagged = chat.say("customers not tagged vip")
    assert "not tagged vip" in untagged.text
    assert {row["#"] for row in untagged.rows} == {ids["Jane Smith"], ids["Hans Müller"]}
    bought = chat.say("who bought crm pro?")
    assert [row["#"] for row in bought.rows] == [ids["Jane Cooper"]]
    assert "bought crm pro" in bought.text
    never = chat.say("which of my customers never bought crm pro")
    assert {row["#"] for row in never.rows} == {ids["Jane Smith"], ids["Hans Müller"]}
    unknown = chat.say("who bought flux capacitors?")
    assert (
        unknown.text
        == "No product I know is called “flux capacitors”, so I can't tell who bought it."
    )


def test_what_happened_today_is_the_teams_day_for_a_manager_and_a_reps_own_for_a_rep(chat):
    with Session(chat.engine) as session:
        store = Store(session)
        sam, alex = (
            session.exec(select(Staff).where(Staff.name == n)).one() for n in ("Sam", "Alex")
        )
        jane = session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()
        hans = session.exec(select(Customer).where(Customer.name == "Hans Müller")).one()
        store.contact(jane, 0, staff=sam, hour=9)
        store.contact(hans, 0, channel="email", staff=alex, hour=8)
        store.contact(hans, 1, channel="meeting", staff=sam)
        store.commit()
    team = chat.say("what happened today", who="Alex")
    assert team.text == "2 contacts logged by the team today, newest first:"
    assert [(row["How"], row["Who"]) for row in team.rows] == [("call", "Sam"), ("email", "Alex")]
    own = chat.say("what happened today", who="Sam")
    assert [(row["How"], row["Customer"]) for row in own.rows] == [
        ("call", "Jane Cooper (Acme Corporation)")
    ]
    yesterday = chat.say("what happened yesterday", who="Alex")
    assert [row["How"] for row in yesterday.rows] == ["meeting"]
    chat.say("what happened today", who="Alex")
    alexs = chat.say("just alex's", who="Alex")
    assert [(row["How"], row["Who"]) for row in alexs.rows] == [("email", "Alex")]


def test_contacts_are_found_by_the_words_said_in_them_across_the_team(chat):
    chat.say("emailed jane cooper about the late delivery, she is upset")
    chat.say("called jane smith, wants 50% off the renewal")
    chat.say("called hans müller, happy with the delivery now")
    found = chat.say("contacts mentioning delivery", who="Alex")
    assert found.text.startswith("2 contacts mentioning “delivery” logged by the team")
    assert {r["Customer"] for r in found.rows} == {
        "Jane Cooper (Acme Corporation)", "Hans Müller (Müller & Söhne GmbH)"
    }  # fmt: skip
    calls = chat.say("calls that mention 50% off", who="Alex")
    assert [r["Customer"] for r in calls.rows] == ["Jane Smith (Globex Ltd)"]
    assert chat.say("notes mentioning 5_% off", who="Alex").text.startswith("No notes mentioning")


def test_a_manager_who_owns_no_customers_asking_for_their_pipeline_gets_the_teams(chat):
    reply = chat.say("show my pipeline", who="Alex")
    assert reply.title == "Stages — the team's customers"
    assert reply.text.startswith("You own no customers yourself, so these are the team's. ")
    assert {row["Stage"]: row["Customers"] for row in reply.rows}["qualified"] == "1"
    assert chat.say("show my pipeline").title == "Stages — your customers"  # Sam's own


def test_a_forecast_for_the_quarter_looks_to_its_end_not_twelve_months(chat):
    history(chat, lapsed_days=20)
    year = chat.say("forecast for the team", who="Alex")
    quarter = chat.say("what's the team's forecast for this quarter?", who="Alex")
    assert quarter.title == (
        "Forecast, the rest of this quarter (to Thu 31 Dec) — the team's customers"
    )
    worth = lambda reply: float(reply.text.split()[1].strip("$,").replace(",", ""))  # noqa: E731
    assert 0 < worth(quarter) < worth(year)  # six weeks bring less than twelve months
    past = chat.say("forecast for last quarter", who="Alex")
    assert past.text.startswith("A forecast looks ahead")


def test_a_forecast_for_a_quarter_to_come_covers_only_that_quarter(chat):
    history(chat, lapsed_days=20)
    worth = lambda reply: float(reply.text.split()[1].strip("$,").replace(",", ""))  # noqa: E731
    rest = chat.say("what's the forecast to year end", who="Alex")
    assert rest.title.startswith("Forecast, the rest of this year (to Thu 31 Dec)")
    coming = chat.say("forecast for next quarter", who="Alex")
    assert coming.title == (
        "Forecast, from Fri 1 Jan 2027 to Wed 31 Mar 2027 — the team's customers"
    )
    year = chat.say("forecast for the team", who="Alex")  # the next twelve months
    assert 0 < worth(coming) < worth(year)


def test_asked_about_one_open_deal_still_moving_the_next_step_comes_with_its_reason(chat):
    chat.say("called jane smith, she liked the demo")
    reply = chat.say("what should I do with jane smith?")
    assert {"Do": "Move the deal on", "Priority": "medium"}.items() <= reply.rows[0].items()
    assert reply.rows[0]["Why"].endswith("agree the next step while it is fresh")


def test_a_books_forecast_adds_up_each_buyers_and_names_who_brings_most(chat):
    jane, hans = history(chat, lapsed_days=20)
    mine = chat.say("what's my book forecast to bring in over the next year")
    assert mine.title == "Forecast, next 12 months — your customers"
    assert mine.text.startswith("≈ $") and "over the next 12 months" in mine.text
    assert {row["#"] for row in mine.rows} == {str(jane), str(hans)}
    assert "Owner" not in mine.rows[0]
    team = chat.say("forecast for the team", who="Alex")
    assert team.title == "Forecast, next 12 months — the team's customers"
    assert {(row["#"], row["Owner"]) for row in team.rows} == {
        (str(jane), "Sam"),
        (str(hans), "Sam"),
    }


def test_the_teams_forecast_by_rep_says_each_owners_share(chat):
    history(chat, lapsed_days=20)
    reply = chat.say("forecast by rep", who="Alex")
    assert reply.title == "Forecast, next 12 months — the team's customers"
    worth = reply.text.split()[1]
    assert f"By owner: Sam ≈ {worth}." in reply.text  # Sam owns every buyer


def test_a_selection_counted_per_rep_is_that_list_split_by_owner(chat):
    chat.say("tag Jane Cooper vip", who="Alex")
    chat.say("tag Hans Müller vip", who="Alex")
    reply = chat.say("how many vip customers does each rep have", who="Alex")
    assert reply.text.startswith("2 of the team's customers match: tagged vip")
    assert "By owner: Sam 2." in reply.text


def test_a_forecast_or_a_figure_asked_again_for_another_span_or_split_by_rep(chat):
    history(chat, lapsed_days=20)
    chat.say("whats the forecast to year end?", who="Alex")
    coming = chat.say("and for next quarter", who="Alex")
    assert coming.title == "Forecast, from Fri 1 Jan 2027 to Wed 31 Mar 2027 — the team's customers"
    chat.say("revenue this month", who="Alex")
    assert chat.say("split per rep", who="Alex").title.startswith("Revenue by owner, this month")


def test_a_book_with_no_buyers_has_no_forecast_to_add_up(chat):
    reply = chat.say("my forecast")
    assert reply.text == "None of your customers has bought yet: no forecast to add up."


def test_who_owns_several_customers_named_by_number_is_a_line_each(chat):
    jane, smith = chat.customer("Jane Cooper"), chat.customer("Jane Smith")
    reply = chat.say(f"who owns #{jane.id} and #{smith.id} now", who="Alex")
    assert [(row["#"], row["Owner"], row["Stage"]) for row in reply.rows] == [
        (str(jane.id), "Sam", "customer"),
        (str(smith.id), "Sam", "qualified"),
    ]


def test_whose_are_they_after_a_list_shows_that_list_again(chat):
    listed = chat.say("the team's customers in new york", who="Alex")
    again = chat.say("whose are they", who="Alex")
    assert again.text == f"{listed.text} By owner: Sam 1." and again.rows == listed.rows


def test_how_many_customers_in_total_and_per_rep_is_the_team(chat):
    reply = chat.say("ok how many customers do we have in total, and how many per rep", who="Alex")
    assert "3 customers in all" in reply.text
