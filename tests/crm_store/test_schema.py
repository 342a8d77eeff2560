"""The schema guards the data whatever code writes it, and migrations match the models."""

from datetime import date
from decimal import Decimal

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from crm_store.db import alembic_config, upgrade
from crm_store.models import Customer, Interaction, NpsAnswer, Purchase, Staff


def test_migrations_create_exactly_the_models(engine):
    upgrade(engine)  # a second run changes nothing
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, SQLModel.metadata) == []


@pytest.mark.parametrize(
    "bad_row",
    [
        lambda c: Customer(name="X", stage=""),
        lambda c: Customer(),
        lambda c: Purchase(
            customer_id=c, product="P", amount=Decimal("-1"), purchased_on=date.today()
        ),
        lambda c: Purchase(
            customer_id=c, product="P", quantity=0, amount=Decimal("1"), purchased_on=date.today()
        ),
        lambda c: NpsAnswer(customer_id=c, score=11, answered_on=date.today()),
        lambda c: Interaction(customer_id=c, channel="fax", occurred_at=Staff().created_at),
        lambda c: Staff(name="Eve", role="owner"),
    ],
    ids=["stage", "nameless", "negative amount", "zero quantity", "nps 11", "channel", "role"],
)
def test_the_database_refuses_invalid_rows(engine, bad_row):
    with Session(engine) as session:
        customer = Customer(name="Valid")
        session.add(customer)
        session.commit()
        session.add(bad_row(customer.id))
        with pytest.raises(IntegrityError):
            session.commit()


def test_the_pipeline_migration_maps_todays_stages_and_dates_them(engine):
    config = alembic_config(engine)
    command.downgrade(config, "0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customers (name, stage, consent_marketing, created_at, updated_at) "
                "VALUES (:name, :stage, false, '2026-01-05 09:00:00', :updated)"
            ),
            [
                {"name": name, "stage": stage, "updated": f"2026-{month:02d}-01 12:00:00"}
                for name, stage, month in (
                    ("Lead", "lead", 2),
                    ("Prospect", "prospect", 3),
                    ("Customer", "customer", 4),
                    ("Lapsed", "lapsed", 5),
                )
            ],
        )
    command.upgrade(config, "head")
    with Session(engine) as session:
        rows = session.exec(select(Customer).order_by(Customer.id)).all()
    assert [(c.name, c.stage) for c in rows] == [
        ("Lead", "lead"),
        ("Prospect", "qualified"),
        ("Customer", "customer"),
        ("Lapsed", "customer"),
    ]
    assert [c.stage_changed_at.month for c in rows] == [2, 3, 4, 5]
    assert {c.deleted_at for c in rows} == {None}


def test_money_keeps_its_cents(engine):
    with Session(engine) as session:
        customer = Customer(name="Cents")
        session.add(customer)
        session.commit()
        for amount in ("0.10", "0.20"):
            session.add(
                Purchase(
                    customer_id=customer.id,
                    product="P",
                    amount=Decimal(amount),
                    purchased_on=date(2026, 1, 1),
                )
            )
        session.commit()
        amounts = list(session.exec(select(Purchase.amount)))
    assert sum(amounts) == Decimal("0.30")
