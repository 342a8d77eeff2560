"""Erasure and access requests in the store: what goes, what stays, and what can't come back."""

import csv
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from crm_store import privacy
from crm_store.audit import snapshot
from crm_store.db import make_engine, upgrade
from crm_store.importing import ImportOptions, import_file
from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerTag,
    ErasedIdentifier,
    Interaction,
    NpsAnswer,
    Purchase,
    Staff,
    Task,
)

KEY = "test-key"
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


@pytest.fixture
def jane(engine) -> int:
    """Jane with a bit of everything: tags, a note, a purchase, a task, an NPS comment, history."""
    with Session(engine) as session:
        manager = Staff(name="Alex", role="manager")
        session.add(manager)
        customer = Customer(
            name="Jane Doe",
            company="Acme Inc.",
            title="COO",
            email="jane@acme.com",
            phone="+14155550134",
            city="San Francisco",
            country="US",
            external_id="EXT-1001",
            stage="customer",
            consent_marketing=True,
        )
        session.add(customer)
        session.flush()
        cid = customer.id
        session.add_all(
            [
                CustomerTag(customer_id=cid, tag="vip"),
                Interaction(
                    customer_id=cid,
                    channel="call",
                    summary="Jane's husband is ill; call after 3pm",
                    occurred_at=NOW,
                ),
                Purchase(
                    customer_id=cid,
                    product="CRM Pro",
                    quantity=2,
                    amount=Decimal("4000.00"),
                    currency="USD",
                    purchased_on=date(2026, 10, 1),
                ),
                Task(assignee_id=manager.id, customer_id=cid, text="send Jane the renewal"),
                NpsAnswer(customer_id=cid, score=9, comment="Jane loves it", answered_on=NOW),
                AuditEntry(
                    command_id="c1",
                    staff_id=manager.id,
                    action="customer.create",
                    entity="customers",
                    entity_id=cid,
                    after=snapshot(customer),
                    description="added Jane Doe (Acme Inc.)",
                ),
            ]
        )
        session.commit()
        return cid


def forget(engine, cid: int) -> privacy.Erasure:
    with Session(engine) as session:
        customer = session.get(Customer, cid)
        done = privacy.forget(session, customer, key=KEY, staff_id=1, command_id="c2", now=NOW)
        session.commit()
        return done


def everything(engine) -> str:
    """Every row of every table the person could appear in, as one text to search."""
    with Session(engine) as session:
        rows = [
            snapshot(row)
            for model in (Customer, CustomerTag, Interaction, Task, NpsAnswer, AuditEntry)
            for row in session.exec(select(model))
        ]
    return json.dumps(rows, default=str).lower()


def test_forgetting_erases_what_identifies_the_person_and_keeps_the_figures(engine, jane):
    erasure = forget(engine, jane)
    assert erasure == privacy.Erasure(interactions=1, tasks=1, nps_answers=1, purchases_kept=1)
    text = everything(engine)
    for trace in ("jane", "acme", "4155550134", "san francisco", "ext-1001", "vip", "husband"):
        assert trace not in text
    with Session(engine) as session:
        customer = session.get(Customer, jane)
        assert customer.forgotten_at == NOW
        assert (customer.stage, customer.country, customer.consent_marketing) == (
            "customer",
            "US",
            False,
        )
        [purchase] = session.exec(select(Purchase)).all()
        assert (purchase.customer_id, purchase.amount) == (jane, Decimal("4000.00"))
        [call] = session.exec(select(Interaction)).all()
        assert (call.channel, call.occurred_at, call.summary) == ("call", NOW, "")
        assert session.exec(select(NpsAnswer.score)).all() == [9]
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "customer.forget")).one()
        assert (entry.staff_id, entry.at, entry.entity_id) == (1, NOW, jane)


def test_forgetting_leaves_only_keyed_hashes_of_the_identifiers(engine, jane):
    forget(engine, jane)
    with Session(engine) as session:
        kept = {row.kind: row.digest for row in session.exec(select(ErasedIdentifier))}
    assert kept == {
        "email": privacy.identifier_digest("email", "jane@acme.com", key=KEY),
        "phone": privacy.identifier_digest("phone", "+14155550134", key=KEY),
        "external_id": privacy.identifier_digest("external_id", "EXT-1001", key=KEY),
    }
    assert kept["email"] != privacy.identifier_digest("email", "jane@acme.com", key="other")
    with Session(engine) as session:
        assert privacy.erased_on(session, key=KEY, email="jane@acme.com") == NOW
        assert privacy.erased_on(session, key=KEY, email="john@acme.com") is None


def test_a_person_can_only_be_forgotten_once(engine, jane):
    forget(engine, jane)
    with pytest.raises(ValueError, match="already erased"):
        forget(engine, jane)


def test_an_import_that_brings_an_erased_person_back_is_flagged(engine, jane, tmp_path):
    forget(engine, jane)
    path = tmp_path / "contacts.csv"
    path.write_text(
        "Email,First Name,Last Name,Phone Number,Record ID\n"
        "JANE@ACME.COM,Jane,Doe,,\n"
        "new@acme.com,Jane,Doe,(415) 555-0134,\n"
        "other@acme.com,Jane,Doe,,EXT-1001\n"
        "john@acme.com,John,Roe,,\n",
        encoding="utf-8",
    )
    summary = import_file(engine, path, "customers", options=ImportOptions(erasure_key=KEY))
    assert (summary.created, summary.rejected) == (1, 3)
    with summary.rejects_path.open(encoding="utf-8") as rejected:
        reasons = {int(r["line"]): r["reason"] for r in csv.DictReader(rejected)}
    assert reasons[2].startswith("jane@acme.com belonged to a customer whose personal data")
    assert reasons[3].startswith("+14155550134 belonged to a customer")
    assert reasons[4].startswith("EXT-1001 belonged to a customer")
    sales = tmp_path / "sales.csv"
    sales.write_text("customer,date,product,amount\njane@acme.com,2026-11-01,CRM Pro,100\n")
    flagged = import_file(engine, sales, "purchases", options=ImportOptions(erasure_key=KEY))
    assert flagged.rejected == 1
    assert "erased at their request" in flagged.rejects[0].reason


def test_an_access_request_holds_everything_on_the_person(engine, jane):
    with Session(engine) as session:
        data = privacy.personal_data(session, session.get(Customer, jane))
    assert data["customer"]["email"] == "jane@acme.com"
    assert data["tags"] == ["vip"]
    assert data["interactions"][0]["summary"] == "Jane's husband is ill; call after 3pm"
    assert data["purchases"][0]["amount"] == "4000.00"
    assert data["tasks"][0]["text"] == "send Jane the renewal"
    assert data["nps_answers"][0]["comment"] == "Jane loves it"
    assert data["changes"][0] == {
        "at": data["changes"][0]["at"],
        "by": "Alex",
        "action": "customer.create",
        "description": "added Jane Doe (Acme Inc.)",
    }
    json.dumps(data)  # ready to send as a file


def test_an_access_request_holds_the_changes_to_the_rows_about_them_too(engine, jane):
    with Session(engine) as session:
        manager = session.exec(select(Staff)).one()
        tag = session.get(CustomerTag, (jane, "vip"))
        task = session.exec(select(Task)).one()
        other = Customer(name="John Roe")
        session.add(other)
        session.flush()
        for row, action, said in (
            (tag, "customer.tag", "tagged Jane Doe (Acme Inc.)"),
            (task, "task.update", "task “send Jane the renewal” (due friday)"),
            (CustomerTag(customer_id=other.id, tag="vip"), "customer.tag", "tagged John Roe"),
        ):
            session.add(
                AuditEntry(
                    command_id="c2",
                    staff_id=manager.id,
                    action=action,
                    entity=row.__tablename__,
                    entity_id=getattr(row, "id", None),
                    after=snapshot(row),
                    description=said,
                )
            )
        session.commit()
        data = privacy.personal_data(session, session.get(Customer, jane))
    assert [change["description"] for change in data["changes"]] == [
        "added Jane Doe (Acme Inc.)",
        "tagged Jane Doe (Acme Inc.)",
        "task “send Jane the renewal” (due friday)",
    ]


def test_a_flagged_import_writes_nothing_of_the_person_back(engine, jane, tmp_path):
    forget(engine, jane)
    path = tmp_path / "again.csv"
    path.write_text("email,name,city\njane@acme.com,Jane Doe,San Francisco\n", encoding="utf-8")
    for _ in range(2):
        summary = import_file(engine, path, "customers", options=ImportOptions(erasure_key=KEY))
        assert (summary.created, summary.updated, summary.rejected) == (0, 0, 1)
    assert "jane" not in everything(engine)
    assert "san francisco" not in everything(engine)


def test_the_sqlite_file_itself_no_longer_holds_the_erased_data(tmp_path):
    """Freed pages are overwritten (secure_delete), not left readable in the file."""
    url = f"sqlite:///{tmp_path / 'crm.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    with Session(engine) as session:
        session.add(Staff(name="Alex", role="manager"))
        customer = Customer(name="Jane Doe", email="jane@acme.com", phone="+14155550134")
        session.add(customer)
        session.flush()
        session.add(
            Interaction(
                customer_id=customer.id,
                channel="call",
                summary="Jane's husband is ill; call after 3pm",
                occurred_at=NOW,
            )
        )
        session.commit()
        cid = customer.id
    forget(engine, cid)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    raw = (tmp_path / "crm.db").read_bytes().lower()
    for trace in (b"jane doe", b"jane@acme.com", b"+14155550134", b"husband"):
        assert trace not in raw
