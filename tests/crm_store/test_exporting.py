"""Exports a person can open in a spreadsheet and the importer can read back."""

import csv
import io
import shutil
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import Session, select

from crm_store import exporting, privacy
from crm_store.db import make_engine, upgrade
from crm_store.importing import import_file
from crm_store.models import Customer, Interaction, Purchase, Staff

DATA = Path(__file__).parent.parent / "data"
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(engine, tmp_path):
    """Customers from the vendors' exports, with purchases and activities."""
    with Session(engine) as session:
        session.add_all([Staff(name="Sam"), Staff(name="Alex", role="manager")])
        session.commit()
    for name, kind in [
        ("hubspot_contacts.csv", "customers"),
        ("pipedrive_people.csv", "customers"),
        ("salesforce_contacts.csv", "customers"),
        ("salesforce_opportunities.csv", "purchases"),
        ("pipedrive_activities.csv", "interactions"),
    ]:
        import_file(engine, Path(shutil.copy(DATA / name, tmp_path / name)), kind)
    return engine


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def export(engine, kind: str, **options) -> list[dict[str, str]]:
    with Session(engine) as session:
        return read(exporting.export_csv(session, kind, **options))


def exporting_text(engine, kind: str, **options) -> str:
    with Session(engine) as session:
        return exporting.export_csv(session, kind, **options)


def test_the_customer_export_has_our_columns_with_owners_and_tags(store):
    rows = export(store, "customers")
    assert list(rows[0]) == list(exporting.COLUMNS["customers"])
    assert len(rows) == 10
    olivia = next(r for r in rows if r["email"] == "olivia.brown@gmail.com")
    assert olivia["tags"] == "hot-lead, trade-show-2024"
    assert (olivia["owner"], olivia["phone"]) == ("Sam", "+13125550147")
    assert olivia["external_id"] == "71"


def test_an_export_imported_into_another_store_gives_the_same_customers(store, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_text(exporting_text(store, "customers"), encoding="utf-8")
    assert import_file(store, path, "customers").unchanged == 10  # back into the same store
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    upgrade(other)
    with Session(other) as session:
        session.add_all([Staff(name="Sam"), Staff(name="Alex", role="manager")])
        session.commit()
    assert import_file(other, path, "customers").created == 10
    assert export(other, "customers") == export(store, "customers")
    other.dispose()


def test_purchases_and_contacts_name_their_customer_so_they_can_be_read_back(store, tmp_path):
    purchases = export(store, "purchases")
    assert purchases[0] == {
        "customer": "tom.becker@nordwerk.de",
        "customer_name": "Tom Becker (Nordwerk GmbH)",
        "date": "2025-03-28",
        "product": "Nordwerk - Annual licence",
        "quantity": "1",
        "amount": "12400.00",
        "currency": "EUR",
    }
    assert len(purchases) == 4
    contacts = export(store, "interactions")
    assert [c["channel"] for c in contacts] == ["call", "meeting", "email"]
    assert contacts[0]["staff"] == "Sam"
    for kind in ("purchases", "interactions"):
        path = tmp_path / f"{kind}.csv"
        path.write_text(exporting_text(store, kind), encoding="utf-8")
        again = import_file(store, path, kind)
        assert (again.created, again.unchanged, again.rejected) == (0, len(export(store, kind)), 0)


def test_an_export_can_hold_only_a_segments_customers(store):
    with Session(store) as session:
        members = session.exec(select(Customer.id).where(Customer.stage == "customer")).all()
    rows = export(store, "customers", customer_ids=members)
    assert sorted(r["email"] for r in rows) == ["amy.chen@acme.com", "jane.doe@acme.com"]
    assert {r["stage"] for r in rows} == {"customer"}
    assert len(export(store, "purchases", customer_ids=members)) == 0
    assert export(store, "customers", customer_ids=[]) == []


def test_erased_people_leave_the_customer_list_but_their_figures_stay(store):
    with Session(store) as session:
        tom = session.exec(select(Customer).where(Customer.email == "tom.becker@nordwerk.de")).one()
        tom_id = tom.id
        privacy.forget(session, tom, key="k", staff_id=None, command_id="c", now=NOW)
        session.add(Interaction(customer_id=tom_id, channel="note", summary="", occurred_at=NOW))
        session.commit()
    assert "tom.becker@nordwerk.de" not in {r["email"] for r in export(store, "customers")}
    erased = [p for p in export(store, "purchases") if p["customer"] == f"#{tom_id} (erased)"]
    assert [Decimal(p["amount"]) for p in erased] == [Decimal("12400.00")] * 2
    with Session(store) as session:
        total = sum(p.amount for p in session.exec(select(Purchase)))
    assert sum(Decimal(p["amount"]) for p in export(store, "purchases")) == total
    assert export(store, "interactions")[-1]["customer_name"] == f"#{tom_id} (erased)"
    assert date.fromisoformat(export(store, "purchases")[0]["date"]) == date(2025, 3, 28)
