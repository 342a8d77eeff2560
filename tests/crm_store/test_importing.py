"""Importing real-looking exports: each vendor's layout, dirty files, and re-runs."""

import csv
import shutil
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from crm_store import interests
from crm_store.importing import (
    ImportFileError,
    ImportOptions,
    import_file,
    parse_amount,
    parse_moment,
)
from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    Purchase,
    Staff,
)
from crm_store.pipeline import Pipeline

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def store(engine):
    with Session(engine) as session:
        session.add_all([Staff(name="Sam"), Staff(name="Alex", role="manager")])
        session.commit()
    return engine


@pytest.fixture
def copy(tmp_path):
    """A fixture file copied next to where its rejects file may be written."""

    def copy(name: str) -> Path:
        return Path(shutil.copy(DATA / name, tmp_path / name))

    return copy


def customers(engine) -> dict[str, Customer]:
    with Session(engine) as session:
        found = session.exec(select(Customer).order_by(Customer.id)).all()
    return {c.email or c.company: c for c in found}


def tags_of(engine, customer: Customer) -> set[str]:
    with Session(engine) as session:
        query = select(CustomerTag.tag).where(CustomerTag.customer_id == customer.id)
        return set(session.exec(query))


def staff_id(engine, name: str) -> int:
    with Session(engine) as session:
        return session.exec(select(Staff.id).where(Staff.name == name)).one()


def rejects(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as rejected:
        return list(csv.DictReader(rejected))


def counts(summary) -> tuple[int, int, int, int]:
    return summary.created, summary.updated, summary.unchanged, summary.rejected


def test_a_hubspot_contacts_export_goes_in_without_any_mapping(store, copy):
    summary = import_file(store, copy("hubspot_contacts.csv"), "customers")
    assert counts(summary) == (4, 0, 0, 0)
    assert summary.rejects_path is None
    jane = customers(store)["jane.doe@acme.com"]
    assert (jane.name, jane.company, jane.title) == ("Jane Doe", "Acme Inc.", "Head of Operations")
    assert (jane.phone, jane.city, jane.country) == ("+14155550134", "San Francisco", "US")
    assert (jane.external_id, jane.stage) == ("1001", "customer")
    assert jane.owner_id == staff_id(store, "Sam")
    assert jane.created_at == datetime(2024, 3, 14, 9, 12, tzinfo=UTC)
    rahul = customers(store)["rahul@brightpath.io"]
    assert rahul.phone == "+447700900123"  # the mobile column fills in for the empty phone
    assert (rahul.stage, rahul.country) == ("qualified", "GB")
    sofia = customers(store)["sofia.rossi@vinoteca.it"]
    assert sofia.phone == "+390669821234"  # a national number, read in the row's country
    assert sofia.owner_id is None


def test_a_salesforce_export_with_day_first_dates_goes_in(store, copy):
    summary = import_file(store, copy("salesforce_contacts.csv"), "customers")
    assert counts(summary) == (3, 0, 0, 0)
    tom = customers(store)["tom.becker@nordwerk.de"]
    assert (tom.name, tom.company, tom.city, tom.country) == (
        "Tom Becker",
        "Nordwerk GmbH",
        "Berlin",
        "DE",
    )
    assert tom.phone == "+49301234567"
    assert tom.created_at.date() == date(2024, 2, 14)
    assert customers(store)["claire@maisondubois.fr"].created_at.date() == date(2024, 3, 29)
    assert customers(store)["k.sato@satolabs.jp"].created_at.date() == date(2024, 11, 5)
    assert "Lead Source" in summary.layout.ignored


def test_a_pipedrive_people_export_brings_labels_as_tags(store, copy):
    summary = import_file(store, copy("pipedrive_people.csv"), "customers")
    assert counts(summary) == (3, 0, 0, 0)
    olivia = customers(store)["olivia.brown@gmail.com"]  # the home e-mail when no work one
    assert (olivia.company, olivia.phone, olivia.external_id) == (
        "Kestrel Outdoor",
        "+13125550147",
        "71",
    )
    assert tags_of(store, olivia) == {"hot-lead", "trade-show-2024"}
    assert customers(store)["marcus@harbourcafe.com.au"].phone == "+61293744000"


def test_our_own_layout_with_a_company_only_row(store, copy):
    summary = import_file(store, copy("native_customers.csv"), "customers")
    assert counts(summary) == (3, 0, 0, 0)
    coop = customers(store)["orders@greenleaf.coop"]
    assert (coop.name, coop.company, coop.stage) == (None, "Green Leaf Co-op", "lead")
    ana = customers(store)["ana@lisboatiles.pt"]
    assert tags_of(store, ana) == {"vip", "tiles"}


def test_an_excel_workbook_goes_in_like_a_csv(store, tmp_path):
    workbook = tmp_path / "contacts.xlsx"
    frame = pd.read_csv(DATA / "hubspot_contacts.csv", dtype=str, keep_default_na=False)
    frame.to_excel(workbook, index=False)
    summary = import_file(store, workbook, "customers")
    assert counts(summary) == (4, 0, 0, 0)
    assert customers(store)["amy.chen@acme.com"].phone == "+14155550199"


def test_importing_the_same_file_again_changes_nothing(store, copy):
    path = copy("hubspot_contacts.csv")
    import_file(store, path, "customers")
    before = {k: c.model_dump() for k, c in customers(store).items()}
    again = import_file(store, path, "customers")
    assert counts(again) == (0, 0, 4, 0)
    assert {k: c.model_dump() for k, c in customers(store).items()} == before


def test_a_newer_export_updates_the_people_already_there(store, copy, tmp_path):
    import_file(store, copy("hubspot_contacts.csv"), "customers")
    newer = tmp_path / "newer.csv"
    newer.write_text(
        "Email,First Name,Last Name,Job Title,Lifecycle Stage,Phone Number\n"
        "jane.doe@acme.com,Jane,Doe,COO,Customer,\n"  # promoted; an empty cell keeps the phone
        "AMY.CHEN@ACME.COM,Amy,Chen,Procurement,Customer,\n"  # same as before
        "new.person@acme.com,New,Person,,Lead,\n",
        encoding="utf-8",
    )
    summary = import_file(store, newer, "customers")
    assert counts(summary) == (1, 1, 1, 0)
    jane = customers(store)["jane.doe@acme.com"]
    assert (jane.title, jane.phone) == ("COO", "+14155550134")
    assert len(customers(store)) == 5


def test_a_phone_number_or_external_id_finds_the_same_person(store, copy, tmp_path):
    import_file(store, copy("hubspot_contacts.csv"), "customers")
    later = tmp_path / "later.csv"
    later.write_text(
        "Record ID,Name,Phone,City\n1003,Sofia Rossi,,Milan\n,Amy Chen,+1 415 555 0199,Oakland\n",
        encoding="utf-8",
    )
    assert counts(import_file(store, later, "customers")) == (0, 2, 0, 0)
    assert customers(store)["sofia.rossi@vinoteca.it"].city == "Milan"
    assert customers(store)["amy.chen@acme.com"].city == "Oakland"


def test_merge_names_joins_a_person_who_changed_e_mail(store, copy, tmp_path):
    import_file(store, copy("native_customers.csv"), "customers")
    moved = tmp_path / "moved.csv"
    moved.write_text("name,company,email\nAna Silva,Lisboa Tiles Ltd.,ana.silva@lisboatiles.pt\n")
    trial = import_file(store, moved, "customers", options=ImportOptions(dry_run=True))
    assert counts(trial) == (1, 0, 0, 0)  # without --merge-names a new e-mail is a new person
    merged = import_file(store, moved, "customers", options=ImportOptions(merge_names=True))
    assert counts(merged) == (0, 1, 0, 0)
    assert "ana.silva@lisboatiles.pt" in customers(store)
    assert len(customers(store)) == 3


def test_a_dirty_file_keeps_every_good_row_and_explains_every_bad_one(store, copy):
    path = copy("dirty_customers.csv")
    summary = import_file(store, path, "customers")
    assert summary.rows == 10
    assert counts(summary) == (2, 1, 1, 6)
    found = customers(store)
    assert set(found) == {"grace@navylabs.org", "linus@linuxfoundation.org"}
    grace = found["grace@navylabs.org"]
    assert (grace.name, grace.phone) == ("Grace Hopper", "+12025550101")  # trimmed, normalized
    assert found["linus@linuxfoundation.org"].phone == "+15035550199"  # the repeat filled it in
    reasons = {int(r["line"]): r["reason"] for r in rejects(summary.rejects_path)}
    assert summary.rejects_path == path.with_name("dirty_customers.rejects.csv")
    assert reasons == {
        3: "“alan.turing@bletchley” is not a valid e-mail address",
        4: "no name or company",
        5: "“not a phone” is not a valid phone number",
        6: "“legend” is not a stage (lead → qualified → proposal → customer → lost)",
        7: "“the day after tomorrow” is not a date",
        11: "the row has 8 cells but the header has 7",
    }


def test_the_rejects_file_keeps_the_rows_as_they_were_so_they_can_be_fixed(store, copy):
    summary = import_file(store, copy("dirty_customers.csv"), "customers")
    turing = next(r for r in rejects(summary.rejects_path) if r["line"] == "3")
    assert turing["name"] == "Alan Turing"
    assert turing["email"] == "alan.turing@bletchley"
    assert list(turing)[:2] == ["line", "reason"]


def test_rows_that_disagree_with_each_other_are_not_settled_by_their_order(store, tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text(
        "external_id,name,email,title\n"
        "A1,Jo March,jo@march.com,Writer\n"
        "A2,Jo March,jo@march.com,Writer\n"
        "A1,Jo March,jo@march.com,Teacher\n",
        encoding="utf-8",
    )
    first = import_file(store, path, "customers")
    assert counts(first) == (1, 0, 0, 2)
    reasons = [r["reason"] for r in rejects(first.rejects_path)]
    assert reasons == [
        "it matches Jo March (earlier in this file), whose external id is A1, not A2",
        "it repeats line 2 with another title (“Teacher” here, “Writer” there)",
    ]
    assert counts(import_file(store, path, "customers")) == (0, 0, 1, 2)
    assert customers(store)["jo@march.com"].title == "Writer"


def test_a_cp1252_file_with_its_own_column_names_goes_in_with_a_map(store, copy):
    mapping = {
        "Nachname": "last_name",
        "Vorname": "first_name",
        "Firma": "company",
        "Telefon": "phone",
        "Stadt": "city",
        "Land": "country",
    }
    summary = import_file(
        store, copy("cp1252_customers.csv"), "customers", options=ImportOptions(mapping=mapping)
    )
    assert counts(summary) == (2, 0, 0, 0)
    found = customers(store)
    juergen = found["juergen@baeckerei-mueller.de"]
    assert (juergen.name, juergen.company, juergen.city) == (
        "Jürgen Müller",
        "Bäckerei Müller & Söhne",
        "Köln",
    )
    assert (juergen.country, juergen.phone) == ("DE", "+49305551234")
    assert found["renee@cafe-creme.fr"].name == "Renée Weiß"


def test_a_file_that_is_not_a_table_gets_a_clear_sentence(store, copy, tmp_path):
    with pytest.raises(ImportFileError, match="not a CSV or Excel file"):
        import_file(store, copy("not_a_table.csv"), "customers")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    with pytest.raises(ImportFileError, match="empty.csv is empty"):
        import_file(store, empty, "customers")
    unknown = tmp_path / "notes.csv"
    unknown.write_text("Shopping list\neggs\nmilk\n")
    with pytest.raises(ImportFileError, match="no column holds the customers' names"):
        import_file(store, unknown, "customers")
    assert customers(store) == {}


def test_a_dry_run_counts_everything_and_writes_nothing(store, copy):
    summary = import_file(
        store, copy("dirty_customers.csv"), "customers", options=ImportOptions(dry_run=True)
    )
    assert counts(summary) == (2, 1, 1, 6)
    assert customers(store) == {}
    assert "Dry run: nothing was written." in summary.lines()


def test_rows_beyond_one_batch_are_matched_across_batches(store, tmp_path):
    path = tmp_path / f"customers exported from the old system {'x' * 120}.csv"
    rows = [f"Person {n},p{n}@example.com" for n in range(25)]
    path.write_text("name,email\n" + "\n".join(rows + rows[:5]) + "\n")
    summary = import_file(store, path, "customers", options=ImportOptions(batch_size=7))
    assert counts(summary) == (25, 0, 5, 0)
    assert len(customers(store)) == 25
    with Session(store) as session:
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "customers.import"))
        audit = audit.all()
    assert sum(entry.after["created"] for entry in audit) == 25
    assert len({entry.command_id for entry in audit}) == 1  # one import, one command


def test_opportunities_become_purchases_in_their_currencies(store, copy):
    import_file(store, copy("salesforce_contacts.csv"), "customers")
    summary = import_file(store, copy("salesforce_opportunities.csv"), "purchases")
    assert counts(summary) == (4, 0, 0, 2)
    with Session(store) as session:
        bought = session.exec(select(Purchase).order_by(Purchase.purchased_on)).all()
    assert [(p.purchased_on, p.amount, p.currency) for p in bought] == [
        (date(2025, 3, 28), Decimal("12400.00"), "EUR"),
        (date(2025, 3, 28), Decimal("12400.00"), "EUR"),  # an identical second order is kept
        (date(2025, 4, 15), Decimal("1250.50"), "EUR"),
        (date(2025, 5, 2), Decimal("480000.00"), "JPY"),
    ]
    assert bought[0].product == "Nordwerk - Annual licence"
    reasons = {int(r["line"]): r["reason"] for r in rejects(summary.rejects_path)}
    assert reasons == {
        5: "no customer matches “Unknown Corp” (by external id, e-mail, phone or name)",
        7: "the amount -500 is negative",
    }
    again = import_file(store, copy("salesforce_opportunities.csv"), "purchases")
    assert counts(again) == (0, 0, 4, 2)


def test_activities_become_interactions_with_their_staff(store, copy):
    import_file(store, copy("pipedrive_people.csv"), "customers")
    summary = import_file(store, copy("pipedrive_activities.csv"), "interactions")
    assert counts(summary) == (3, 0, 0, 2)
    with Session(store) as session:
        logged = session.exec(select(Interaction).order_by(Interaction.occurred_at)).all()
    assert [i.channel for i in logged] == ["call", "meeting", "email"]
    assert logged[0].summary == "Intro call"
    assert logged[0].staff_id == staff_id(store, "Sam")
    assert logged[1].occurred_at.date() == date(2025, 1, 15)
    reasons = {int(r["line"]): r["reason"] for r in rejects(summary.rejects_path)}
    # a note spanning two lines is one row: lines count rows, as a spreadsheet shows them
    assert reasons[5].startswith("“Carrier pigeon” is not a channel")
    assert reasons[6].startswith("no customer matches “Nobody Known”")
    assert counts(import_file(store, copy("pipedrive_activities.csv"), "interactions")) == (
        0,
        0,
        3,
        2,
    )


@pytest.mark.parametrize(
    ("typed", "amount", "currency"),
    [
        ("$1,234.50", "1234.50", "USD"),
        ("1.234,50 €", "1234.50", "EUR"),
        ("EUR 1 234,5", "1234.5", "EUR"),
        ("1,200", "1200", None),
        ("12,50", "12.50", None),
        ("1.200.000", "1200000", None),
        ("0.125", "0.125", None),
        ("£99", "99", "GBP"),
        ("(100.00)", "-100.00", None),
        ("CHF 1'250.00", "1250.00", "CHF"),
    ],
)
def test_amounts_are_read_as_people_write_them(typed, amount, currency):
    assert parse_amount(typed) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    ("typed", "day_first", "expected"),
    [
        ("2025-03-04", False, date(2025, 3, 4)),
        ("03/04/2025", False, date(2025, 3, 4)),
        ("03/04/2025", True, date(2025, 4, 3)),
        ("4.3.25", True, date(2025, 3, 4)),
        ("March 4, 2025", False, date(2025, 3, 4)),
        ("4 Mar 2025", True, date(2025, 3, 4)),
        ("03/04/2025 2:30 PM", False, datetime(2025, 3, 4, 14, 30)),
        ("2025-03-04T14:30:00Z", False, datetime(2025, 3, 4, 14, 30, tzinfo=UTC)),
    ],
)
def test_dates_are_read_in_the_formats_exports_use(typed, day_first, expected):
    assert parse_moment(typed, day_first=day_first) == expected


@pytest.mark.parametrize("typed", ["31/02/2024", "tomorrow", "13/13/2024", "soon"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(ValueError, match="is not a date"):
        parse_moment(typed, day_first=True)


@pytest.fixture
def refusing(store):
    """A rule only the database knows: a trigger that refuses one address."""
    postgres = store.dialect.name == "postgresql"
    with store.begin() as connection:
        if postgres:
            connection.exec_driver_sql(
                "CREATE FUNCTION refuse_blocked() RETURNS trigger AS $$ BEGIN "
                "IF NEW.email = 'blocked@example.com' THEN RAISE EXCEPTION 'blocked address'; "
                "END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_blocked BEFORE INSERT ON customers "
                "FOR EACH ROW EXECUTE FUNCTION refuse_blocked()"
            )
        else:
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_blocked BEFORE INSERT ON customers "
                "WHEN NEW.email = 'blocked@example.com' "
                "BEGIN SELECT RAISE(ABORT, 'blocked address'); END"
            )
    yield store
    with store.begin() as connection:
        if postgres:
            connection.exec_driver_sql("DROP TRIGGER refuse_blocked ON customers")
            connection.exec_driver_sql("DROP FUNCTION refuse_blocked()")
        else:
            connection.exec_driver_sql("DROP TRIGGER refuse_blocked")


def test_rows_the_database_refuses_are_rejected_and_the_rest_of_their_batch_goes_in(
    refusing, tmp_path
):
    """The refused row fails its whole batch; the batch's rows are then retried one by one, so
    only the row at fault is lost, and it is explained."""
    path = tmp_path / "some.csv"
    path.write_text(
        "name,email,tags\nAnn,ann@example.com,vip\nBob,blocked@example.com,\nCy,cy@example.com,\n"
    )
    summary = import_file(refusing, path, "customers")
    assert counts(summary) == (2, 0, 0, 1)
    [refused] = rejects(summary.rejects_path)
    assert refused["line"] == "3"
    assert refused["reason"].startswith("the database refused it:")
    assert "blocked address" in refused["reason"]
    assert set(customers(refusing)) == {"ann@example.com", "cy@example.com"}
    assert tags_of(refusing, customers(refusing)["ann@example.com"]) == {"vip"}


def test_a_big_refused_batch_is_halved_down_to_the_row_at_fault(refusing, tmp_path):
    """The batch is retried in halves, and halves of those, until the refused row is alone: every
    other row goes in, each part written is in the audit trail once, and the order is kept."""
    people = [f"Person {n},p{n}@example.com" for n in range(1, 41)]
    people[22] = "Blocked,blocked@example.com"  # line 24
    path = tmp_path / "many.csv"
    path.write_text("name,email\n" + "\n".join(people) + "\n", encoding="utf-8")
    summary = import_file(refusing, path, "customers")
    assert counts(summary) == (39, 0, 0, 1)
    [refused] = rejects(summary.rejects_path)
    assert (refused["line"], refused["email"]) == ("24", "blocked@example.com")
    assert "blocked address" in refused["reason"]
    stored = customers(refusing)
    assert len(stored) == 39 and "blocked@example.com" not in stored
    assert [c.name for c in stored.values()] == [f"Person {n}" for n in range(1, 41) if n != 23]
    with Session(refusing) as session:
        entries = session.exec(
            select(AuditEntry).where(AuditEntry.action == "customers.import")
        ).all()
    assert sum(entry.after["created"] for entry in entries) == 39
    written = sorted(tuple(entry.after["lines"]) for entry in entries)
    assert all(a[1] < b[0] for a, b in zip(written, written[1:], strict=False))
    assert not any(first <= 24 <= last for first, last in written)


def test_each_batch_matches_the_store_as_it_is_when_it_is_written(store, tmp_path):
    """Someone adds a person by chat while a long import runs: the import updates that customer
    when it reaches them, instead of adding the same person twice."""
    path = tmp_path / "people.csv"
    path.write_text(
        "name,email,city\n"
        "Ann One,ann@x.com,Oslo\n"
        "Bob Two,bob@x.com,Oslo\n"
        "Cy Three,cy@x.com,Oslo\n"
        "Di Four,di@x.com,Oslo\n",
        encoding="utf-8",
    )

    def meanwhile(_rows: int) -> None:
        with Session(store) as session:
            if session.exec(select(Customer).where(Customer.email == "cy@x.com")).first():
                return
            session.add(Customer(name="Cy Three", email="cy@x.com"))
            session.commit()

    summary = import_file(
        store, path, "customers", options=ImportOptions(batch_size=2), progress=meanwhile
    )
    assert (summary.created, summary.updated, summary.rejected) == (3, 1, 0)
    with Session(store) as session:
        [cy] = session.exec(select(Customer).where(Customer.email == "cy@x.com")).all()
    assert cy.city == "Oslo"


def test_the_store_refuses_a_second_live_customer_with_one_email_or_phone(store):
    with Session(store) as session:
        session.add(Customer(name="Ann", email="ann@x.com", phone="+12125550100"))
        session.commit()
        for twin in (
            Customer(name="Ann B", email="ann@x.com"),
            Customer(name="Ann C", phone="+12125550100"),
        ):
            session.add(twin)
            with pytest.raises(IntegrityError):
                session.commit()
            session.rollback()
        session.add(Customer(name="Erased", email="ann@x.com", forgotten_at=datetime.now(UTC)))
        session.commit()  # an erased record holds nothing, but never blocks anyone


def test_vendor_stages_land_in_the_pipeline_and_product_interest_comes_along(store, tmp_path):
    pipedrive = tmp_path / "deals.csv"
    pipedrive.write_text(
        "Email,Name,Status,Product Interest\n"
        "a@x.com,Ada,Proposal Made,Hardware\n"
        "b@x.com,Bob,Closed Won,CRM Pro; Training\n"
        "c@x.com,Cy,Closed Lost,\n"
        "d@x.com,Di,Sales Qualified Lead,hardware\n"
        "e@x.com,Ed,Lapsed,\n"
        "f@x.com,Flo,Churned,\n"
        "g@x.com,Gus,Contract Sent,\n",
        encoding="utf-8",
    )
    assert counts(import_file(store, pipedrive, "customers")) == (7, 0, 0, 0)
    found = customers(store)
    stages = {email.split("@")[0]: c.stage for email, c in found.items()}
    assert stages == {
        "a": "proposal",
        "b": "customer",
        "c": "lost",
        "d": "qualified",
        "e": "customer",
        "f": "lost",
        "g": "proposal",
    }
    with Session(store) as session:
        held = session.exec(select(CustomerInterest.customer_id, CustomerInterest.interest)).all()
        hardware = interests.interested(session, "HARDWARE")
    by_customer = {}
    for customer_id, interest in held:
        by_customer.setdefault(customer_id, set()).add(interest)
    assert by_customer[found["b@x.com"].id] == {"CRM Pro", "Training"}
    assert hardware == sorted([found["a@x.com"].id, found["d@x.com"].id])
    again = tmp_path / "again.csv"
    again.write_text("Email,Name,Interested In\na@x.com,Ada,Hardware\nc@x.com,Cy,Software\n")
    assert counts(import_file(store, again, "customers")) == (0, 1, 1, 0)


def test_a_configured_pipeline_takes_its_own_stages_and_refuses_others(store, tmp_path):
    pipeline = Pipeline.of(["new", "demo", "won", "lost"], {"closed won": "won"})
    path = tmp_path / "custom.csv"
    path.write_text(
        "Email,Name,Stage\na@x.com,Ada,Demo\nb@x.com,Bob,Closed Won\nc@x.com,Cy,Proposal\n"
    )
    summary = import_file(store, path, "customers", options=ImportOptions(pipeline=pipeline))
    assert counts(summary) == (2, 0, 0, 1)
    assert {c.name: c.stage for c in customers(store).values()} == {"Ada": "demo", "Bob": "won"}
    reasons = [r["reason"] for r in rejects(summary.rejects_path)]
    assert reasons == ["“Proposal” is not a stage (new → demo → won → lost)"]
