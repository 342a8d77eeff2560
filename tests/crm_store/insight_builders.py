"""Small stores built so that every insight has a known right answer."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session

from crm_store.interests import interest_key
from crm_store.models import (
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    NpsAnswer,
    Product,
    Purchase,
    Staff,
)

TODAY = date(2026, 11, 18)


class Store:
    """Adds rows with as little ceremony as a test needs; call `commit()` when done."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def staff(self, name: str, role: str = "rep", tz: str = "UTC") -> Staff:
        member = Staff(name=name, role=role, tz=tz)
        self.session.add(member)
        self.session.flush()
        return member

    def customer(
        self,
        name: str,
        *,
        owner: Staff | None = None,
        city: str | None = None,
        country: str | None = None,
        stage: str = "customer",
        tags: tuple[str, ...] = (),
        interests: tuple[str, ...] = (),
        created: date | None = None,
        stage_days_ago: int = 0,
    ) -> Customer:
        customer = Customer(
            name=name, city=city, country=country, owner_id=owner.id if owner else None, stage=stage
        )
        if created is not None:
            customer.created_at = at(created, 9)
        customer.stage_changed_at = at(TODAY - timedelta(days=stage_days_ago), 9)
        self.session.add(customer)
        self.session.flush()
        for tag in tags:
            self.session.add(CustomerTag(customer_id=customer.id, tag=tag))
        for interest in interests:
            self.session.add(
                CustomerInterest(
                    customer_id=customer.id, interest=interest, key=interest_key(interest)
                )
            )
        return customer

    def buy(
        self,
        customer: Customer,
        days_ago: int,
        amount: str | int = 100,
        *,
        product: str = "Widget",
        currency: str = "USD",
        staff: Staff | None = None,
    ) -> Purchase:
        purchase = Purchase(
            customer_id=customer.id,
            product=product,
            amount=Decimal(str(amount)),
            currency=currency,
            purchased_on=TODAY - timedelta(days=days_ago),
            staff_id=staff.id if staff else None,
        )
        self.session.add(purchase)
        return purchase

    def contact(
        self, customer: Customer, days_ago: int, *, channel: str = "call", staff=None, hour=10
    ) -> None:
        self.session.add(
            Interaction(
                customer_id=customer.id,
                channel=channel,
                summary="talked",
                occurred_at=at(TODAY - timedelta(days=days_ago), hour),
                staff_id=staff.id if staff else None,
            )
        )

    def nps(self, customer: Customer, score: int, days_ago: int) -> None:
        self.session.add(
            NpsAnswer(
                customer_id=customer.id,
                score=score,
                answered_on=TODAY - timedelta(days=days_ago),
            )
        )

    def product(self, name: str, family: str, tier: int, price: str) -> None:
        self.session.add(Product(name=name, family=family, tier=tier, price=Decimal(price)))

    def commit(self) -> None:
        self.session.commit()


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def ladder(store: Store, owner: Staff | None = None) -> list[Customer]:
    """Ten customers where customer k has k orders of $100, the last (11 − k) × 10 days ago,
    so R, F and M scores all equal ceil(k / 2)."""
    found = []
    for k in range(1, 11):
        customer = store.customer(f"Ladder {k}", owner=owner)
        last = (11 - k) * 10
        for n in range(k):
            store.buy(customer, last + 5 * n, 100)
        found.append(customer)
    return found
