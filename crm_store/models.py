"""The tables of the customer store.

Constraints live in the schema (checks, uniques, foreign keys) so that a bad write fails in the
database whatever code path made it. Times are UTC; money is Decimal with an ISO 4217 currency.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, Index, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(StrEnum):
    rep = "rep"
    manager = "manager"
    admin = "admin"


class Channel(StrEnum):
    call = "call"
    email = "email"
    meeting = "meeting"
    chat = "chat"
    sms = "sms"
    visit = "visit"
    note = "note"


class TaskStatus(StrEnum):
    open = "open"
    done = "done"


def _one_of(column: str, enum: type[StrEnum]) -> CheckConstraint:
    values = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({values})", name=f"ck_{column}_valid")


class Staff(SQLModel, table=True):
    __tablename__ = "staff"
    __table_args__ = (_one_of("role", Role),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    role: str = Field(default=Role.rep.value, max_length=16)
    tz: str = Field(default="UTC", max_length=64)
    slack_id: str | None = Field(default=None, max_length=32, unique=True)
    telegram_id: str | None = Field(default=None, max_length=32, unique=True)
    digest_time: time | None = None
    digest_platform: str | None = Field(default=None, max_length=16)
    digest_chat: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class Customer(SQLModel, table=True):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("length(stage) > 0", name="ck_customer_stage_named"),
        CheckConstraint(
            "name IS NOT NULL OR company IS NOT NULL OR forgotten_at IS NOT NULL",
            name="ck_customer_named",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str | None = Field(default=None, max_length=200)
    company: str | None = Field(default=None, max_length=200, index=True)
    title: str | None = Field(default=None, max_length=120)
    email: str | None = Field(default=None, max_length=254, index=True)
    phone: str | None = Field(default=None, max_length=20, index=True)
    city: str | None = Field(default=None, max_length=120, index=True)
    country: str | None = Field(default=None, max_length=2)
    owner_id: int | None = Field(default=None, foreign_key="staff.id", index=True)
    stage: str = Field(default="lead", max_length=16, index=True)  # one of the pipeline's
    stage_changed_at: datetime = Field(default_factory=utcnow)  # when it entered its stage
    consent_marketing: bool = False
    external_id: str | None = Field(default=None, max_length=120, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    forgotten_at: datetime | None = None
    deleted_at: datetime | None = Field(default=None, index=True)  # in the bin since

    @property
    def display_name(self) -> str:
        return customer_label(
            self.id, self.name, self.company, erased=self.forgotten_at is not None
        )


def customer_label(
    customer_id: int | None, name: str | None, company: str | None, *, erased: bool = False
) -> str:
    """How a customer is named everywhere: "Jane Cooper (Acme)", else whichever is known."""
    if erased:
        return f"#{customer_id} (erased)"
    if name and company:
        return f"{name} ({company})"
    return name or company or f"#{customer_id}"


class CustomerTag(SQLModel, table=True):
    __tablename__ = "customer_tags"

    customer_id: int = Field(foreign_key="customers.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(max_length=60, primary_key=True, index=True)


class CustomerInterest(SQLModel, table=True):
    """A product or product line the customer is interested in, as people name it."""

    __tablename__ = "customer_interests"

    customer_id: int = Field(foreign_key="customers.id", primary_key=True, ondelete="CASCADE")
    interest: str = Field(max_length=120, primary_key=True)
    key: str = Field(max_length=120, index=True)  # folded, singular: what filters compare


class Product(SQLModel, table=True):
    """The catalogue: a family of products in tiers, so an up-sell knows what is 'higher'."""

    __tablename__ = "products"
    __table_args__ = (CheckConstraint("tier >= 1", name="ck_product_tier"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    family: str = Field(max_length=120, index=True)
    tier: int = 1
    price: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    currency: str = Field(default="USD", max_length=3)


class Interaction(SQLModel, table=True):
    __tablename__ = "interactions"
    __table_args__ = (
        _one_of("channel", Channel),
        Index("ix_interactions_customer_when", "customer_id", "occurred_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customers.id")
    channel: str = Field(max_length=16)
    summary: str = Field(default="", max_length=4000)
    occurred_at: datetime
    staff_id: int | None = Field(default=None, foreign_key="staff.id", index=True)
    source_platform: str | None = Field(default=None, max_length=16)
    source_message_id: str | None = Field(default=None, max_length=128)
    created_at: datetime = Field(default_factory=utcnow)


class Purchase(SQLModel, table=True):
    __tablename__ = "purchases"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="ck_purchase_quantity"),
        CheckConstraint("amount >= 0", name="ck_purchase_amount"),
        Index("ix_purchases_customer_date", "customer_id", "purchased_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customers.id")
    product: str = Field(max_length=120, index=True)
    quantity: int = 1
    amount: Decimal = Field(sa_column=Column(Numeric(14, 2), nullable=False))
    currency: str = Field(default="USD", max_length=3)
    purchased_on: date = Field(index=True)
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    created_at: datetime = Field(default_factory=utcnow)


class Task(SQLModel, table=True):
    __tablename__ = "tasks"
    __table_args__ = (
        _one_of("status", TaskStatus),
        Index("ix_tasks_assignee_status_due", "assignee_id", "status", "due"),
    )

    id: int | None = Field(default=None, primary_key=True)
    assignee_id: int = Field(foreign_key="staff.id")
    customer_id: int | None = Field(default=None, foreign_key="customers.id", index=True)
    text: str = Field(max_length=1000)
    due: date | None = None
    status: str = Field(default=TaskStatus.open.value, max_length=8)
    source: str | None = Field(default=None, max_length=160)
    created_by_id: int | None = Field(default=None, foreign_key="staff.id")
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class NpsAnswer(SQLModel, table=True):
    __tablename__ = "nps_answers"
    __table_args__ = (CheckConstraint("score BETWEEN 0 AND 10", name="ck_nps_score"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customers.id", index=True)
    score: int
    comment: str | None = Field(default=None, max_length=2000)
    answered_on: date = Field(index=True)
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    created_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """One change to one row. Entries of one command share `command_id`; undo replays them back."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    command_id: str = Field(max_length=64, index=True)
    staff_id: int | None = Field(default=None, foreign_key="staff.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    action: str = Field(max_length=64)
    entity: str = Field(max_length=32)
    entity_id: int | None = None
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    description: str = Field(default="", max_length=500)
    undone_at: datetime | None = None


class ProcessedEvent(SQLModel, table=True):
    """Platform event ids already applied, shared by all bot processes, so a retry is a no-op."""

    __tablename__ = "processed_events"

    key: str = Field(max_length=200, primary_key=True)
    at: datetime = Field(default_factory=utcnow)


class PendingQuestion(SQLModel, table=True):
    """A question the bot asked in one chat and awaits an answer to (numbered choices, yes/no)."""

    __tablename__ = "pending_questions"
    __table_args__ = (UniqueConstraint("conversation", name="uq_pending_conversation"),)

    id: int | None = Field(default=None, primary_key=True)
    conversation: str = Field(max_length=200)
    staff_id: int = Field(foreign_key="staff.id")
    kind: str = Field(max_length=32)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class DigestDelivery(SQLModel, table=True):
    """The record that makes each subscriber's digest go out once per day, across processes."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (UniqueConstraint("staff_id", "day", name="uq_digest_once_a_day"),)

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff.id")
    day: date
    claimed_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None


class ErasedIdentifier(SQLModel, table=True):
    """A keyed hash of an erased person's e-mail or phone, so their data can't silently return."""

    __tablename__ = "erased_identifiers"

    digest: str = Field(max_length=64, primary_key=True)
    kind: str = Field(max_length=16)
    erased_at: datetime = Field(default_factory=utcnow)


class ButtonValue(SQLModel, table=True):
    """A button's command too long for a platform's callback field, kept under a short key."""

    __tablename__ = "button_values"

    key: str = Field(max_length=32, primary_key=True)
    value: str = Field(max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)
