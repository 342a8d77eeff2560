"""A bot on a small known store, and a way to talk to it as a given staff member."""

from dataclasses import dataclass
from itertools import count

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from bot.dispatch import Bot
from bot.identity import enrol
from bot.messages import Message, Reply
from bot.settings import Settings
from crm_store.models import AuditEntry, Customer, Interaction, Purchase, Task
from intents import Parsed

KNOWN = [
    {
        "name": "Jane Cooper",
        "company": "Acme Corporation",
        "email": "jane@acme.com",
        "phone": "+12125550100",
        "city": "New York",
        "stage": "customer",
    },
    {
        "name": "Jane Smith",
        "company": "Globex Ltd",
        "email": "jane.smith@globex.com",
        "city": "London",
        "stage": "qualified",
    },
    {"name": "Hans Müller", "company": "Müller & Söhne GmbH", "city": "Berlin"},
]


@dataclass
class Chat:
    """One staff member talking to the bot; every message gets a fresh event id."""

    bot: Bot
    engine: object
    who: str
    now: object
    ids = count(1)

    def say(self, text: str, *, event_id: str | None = None, who: str | None = None) -> Reply:
        message = Message(
            platform="console",
            sender=who or self.who,
            chat="test",
            text=text,
            received_at=self.now,
            event_id=event_id or f"e{next(self.ids)}",
        )
        return self.bot.handle(message)

    def run(self, intent: str, *, who: str | None = None, **slots) -> Reply:
        """Run an intent with the contract's slots, as buttons and scripts do."""
        message = Message(
            platform="console",
            sender=who or self.who,
            chat="test",
            text="",
            received_at=self.now,
            event_id=f"e{next(self.ids)}",
        )
        return self.bot.run_intent(message, Parsed(intent, slots))

    def count(self, model) -> int:
        with Session(self.engine) as session:
            return session.exec(select(func.count()).select_from(model)).one()

    def rows(self, model):
        with Session(self.engine) as session:
            return list(session.exec(select(model)))

    def customer(self, name: str) -> Customer:
        with Session(self.engine) as session:
            return session.exec(select(Customer).where(Customer.name == name)).one()

    def written(self) -> tuple[int, ...]:
        """Everything a command could write, to show that a failed one wrote nothing."""
        return tuple(self.count(m) for m in (Customer, Interaction, Purchase, Task, AuditEntry))


@pytest.fixture
def chat(engine, now) -> Chat:
    with Session(engine) as session:
        sam = enrol(session, "Sam", role="rep", tz="UTC")
        enrol(session, "Alex", role="manager", tz="UTC")
        session.add_all(Customer(**fields, owner_id=sam.id) for fields in KNOWN)
        session.commit()
    return Chat(Bot(engine, Settings(database_url="unused", tz="UTC")), engine, "Sam", now)
