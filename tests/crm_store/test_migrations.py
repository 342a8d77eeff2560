"""Migrating a store that already holds data: ids stay, are never reused, and duplicates stop it."""

import pytest
from alembic import command
from sqlmodel import Session, select

from crm_store.db import alembic_config, make_engine, upgrade
from crm_store.models import AuditEntry, Customer, Interaction, Staff, utcnow


def test_an_existing_sqlite_store_keeps_its_rows_and_never_reuses_an_id(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(alembic_config(engine), "0002")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO staff (id, name, role, tz, created_at) "
            "VALUES (1, 'Sam', 'rep', 'UTC', '2026-01-01')"
        )
        for cid in (1, 2):
            connection.exec_driver_sql(
                "INSERT INTO customers (id, name, stage, consent_marketing, created_at, "
                f"updated_at) VALUES ({cid}, 'C{cid}', 'lead', 0, '2026-01-01', '2026-01-01')"
            )
        connection.exec_driver_sql(
            "INSERT INTO interactions (customer_id, channel, summary, occurred_at, staff_id, "
            "created_at) VALUES (2, 'call', 'hello', '2026-01-01', 1, '2026-01-01')"
        )
    upgrade(engine)
    with Session(engine) as session:
        assert [c.name for c in session.exec(select(Customer).order_by(Customer.id))] == [
            "C1",
            "C2",
        ]
        [call] = session.exec(select(Interaction)).all()
        assert (call.customer_id, call.staff_id) == (2, 1)
        session.delete(session.get(Interaction, call.id))
        session.delete(session.get(Customer, 2))
        session.commit()
        newcomer = Customer(name="C3")
        session.add(newcomer)
        session.commit()
        assert newcomer.id == 3
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_a_deleted_customers_history_never_reaches_a_new_one(engine):
    with Session(engine) as session:
        gone = Customer(name="Gone")
        session.add(gone)
        session.flush()
        session.add(
            AuditEntry(
                command_id="c1",
                action="customer.create",
                entity="customers",
                entity_id=gone.id,
                description="added Gone",
            )
        )
        session.commit()
        session.delete(gone)
        session.commit()
        new = Customer(name="New")
        session.add(new)
        session.commit()
        history = session.exec(
            select(AuditEntry).where(
                AuditEntry.entity == "customers", AuditEntry.entity_id == new.id
            )
        ).all()
    assert history == []


def test_an_upgrade_over_duplicate_emails_says_which_customers_clash(engine):
    command.downgrade(alembic_config(engine), "0003")
    try:
        with engine.begin() as connection:
            for cid in (1, 2):
                connection.exec_driver_sql(
                    "INSERT INTO customers (id, name, email, stage, consent_marketing, "
                    "created_at, updated_at, stage_changed_at) VALUES "
                    f"({cid}, 'C{cid}', 'same@x.com', 'lead', false, '2026-01-01', "
                    "'2026-01-01', '2026-01-01')"
                )
        with pytest.raises(RuntimeError, match=r"shared by several live customers \(#1 and #2\)"):
            upgrade(engine)
        with Session(engine) as session:
            twin = session.get(Customer, 2)
            twin.email = None
            twin.updated_at = utcnow()
            session.add(twin)
            session.commit()
    finally:
        upgrade(engine)
    with Session(engine) as session:
        assert session.get(Customer, 1).email == "same@x.com"
        assert session.exec(select(Staff)).all() == []
