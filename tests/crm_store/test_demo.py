"""The demo store: realistic, varied, and the same every time for the same day."""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from crm_store import demo
from crm_store.models import Customer, Interaction, NpsAnswer, Purchase, Task

TODAY = date(2026, 11, 18)


def summary(engine):
    with Session(engine) as session:
        return {
            "customers": session.exec(select(func.count()).select_from(Customer)).one(),
            "companies": session.exec(
                select(func.count()).select_from(Customer).where(Customer.company.is_not(None))
            ).one(),
            "cities": session.exec(select(func.count(func.distinct(Customer.city)))).one(),
            "stages": set(session.exec(select(Customer.stage).distinct())),
            "channels": set(session.exec(select(Interaction.channel).distinct())),
            "revenue": session.exec(select(func.sum(Purchase.amount))).one(),
            "first_sale": session.exec(select(func.min(Purchase.purchased_on))).one(),
            "overdue": session.exec(
                select(func.count())
                .select_from(Task)
                .where(Task.due < TODAY, Task.status == "open")
            ).one(),
            "nps": session.exec(select(func.count()).select_from(NpsAnswer)).one(),
        }


def test_demo_data_covers_what_every_question_needs(engine):
    with Session(engine) as session:
        demo.fill(session, today=TODAY)
        session.commit()
    facts = summary(engine)
    assert 190 <= facts["customers"] <= 210
    assert 0 < facts["companies"] < facts["customers"]
    assert facts["cities"] >= 6
    assert facts["stages"] == {"lead", "qualified", "proposal", "customer"}
    assert facts["channels"] == {"call", "email", "meeting", "chat", "sms", "visit", "note"}
    assert (TODAY - facts["first_sale"]).days > 365
    assert facts["overdue"] > 0 and facts["nps"] > 10


def test_demo_data_is_deterministic_and_refuses_a_filled_store(engine, tmp_path):
    from crm_store.db import make_engine, upgrade

    with Session(engine) as session:
        demo.fill(session, today=TODAY)
        session.commit()
        try:
            demo.fill(session, today=TODAY)
        except ValueError as error:
            assert "already has customers" in str(error)
        else:
            raise AssertionError("filled a store twice")
    other = make_engine(f"sqlite:///{tmp_path / 'again.db'}")
    upgrade(other)
    with Session(other) as session:
        demo.fill(session, today=TODAY)
        session.commit()
    assert summary(other) == summary(engine)
