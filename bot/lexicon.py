"""The store's names handed to the parser (`intents.Lexicon`), rebuilt only when the store changed.

Checking costs one small query per message: the latest id and change of customers (both read
from an index: a count of a million customers would cost PostgreSQL a scan of the table on every
message), and counts of the few products and staff. The names themselves, and the cities,
interests and tags beside them, are read again only when that stamp moves, or when this process
recorded a tag or an interest (one recorded by another process reaches the parser with the next
change to a customer). A customer purged from the bin moves no stamp: their name stays a hint to
the parser until the next change, and a look-up for it finds no one.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from crm_store.models import Customer, CustomerInterest, CustomerTag, Product, Staff
from intents import Lexicon


def stamp(session: Session) -> tuple[Any, ...]:
    """What changes whenever a name is added, changed or removed."""
    # one maximum per query: SQLite reads a lone max() off its index, two in one query by a scan
    newest = session.exec(select(func.max(Customer.id))).one()
    changed = session.exec(select(func.max(Customer.updated_at))).one()
    products = session.exec(select(func.count(Product.id), func.max(Product.id))).one()
    staff = session.exec(select(func.count(Staff.id), func.max(Staff.id))).one()
    return (newest, changed, *products, *staff)


def build(session: Session) -> Lexicon:
    """Every customer's name, company and city, product, interest, tag and staff member, as the
    store spells them."""
    people, companies, cities = set(), set(), set()
    for name, company, city in session.exec(
        select(Customer.name, Customer.company, Customer.city).where(
            Customer.forgotten_at.is_(None)
        )
    ):
        if name:
            people.add(name)
        if company:
            companies.add(company)
        if city:
            cities.add(city)
    return Lexicon(
        customers=tuple(sorted(people)),
        companies=tuple(sorted(companies)),
        products=tuple(sorted(session.exec(select(Product.name)))),
        staff=tuple(sorted(session.exec(select(Staff.name)))),
        cities=tuple(sorted(cities)),
        interests=tuple(sorted(session.exec(select(CustomerInterest.interest).distinct()))),
        tags=tuple(sorted(session.exec(select(CustomerTag.tag).distinct()))),
    )


class Lexicons:
    """The current lexicon of one store, shared by the threads of one bot process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple[Any, ...] | None = None
        self._lexicon = Lexicon()

    def forget(self) -> None:
        """Read the names again at the next message: a tag or interest was recorded, which the
        stamp does not see."""
        with self._lock:
            self._stamp = None

    def current(self, session: Session) -> Lexicon:
        now = stamp(session)
        with self._lock:
            if now != self._stamp:
                self._lexicon, self._stamp = build(session), now
            return self._lexicon
