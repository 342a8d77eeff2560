"""The tables of the customer store.

Constraints live in the schema (checks, uniques, foreign keys) so that a bad write fails in the
database whatever code path made it. Times are UTC; money is Decimal with an ISO 4217 currency.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Index,
    Numeric,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy.orm import Session
from sqlmodel import Field, SQLModel

from crm_store.normalize import name_key


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


NEVER_REUSED = {"sqlite_autoincrement": True}  # a deleted row's id never names a new one
LIVE = text("forgotten_at IS NULL")


def _one_of(column: str, enum: type[StrEnum]) -> CheckConstraint:
    values = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({values})", name=f"ck_{column}_valid")


class Staff(SQLModel, table=True):
    __tablename__ = "staff"
    __table_args__ = (_one_of("role", Role), NEVER_REUSED)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    role: str = Field(default=Role.rep.value, max_length=16)
    tz: str = Field(default="UTC", max_length=64)
    slack_id: str | None = Field(default=None, max_length=32, unique=True)
    telegram_id: str | None = Field(default=None, max_length=32, unique=True)
    digest_time: time | None = None
    digest_platform: str | None = Field(default=None, max_length=16)
    digest_chat: str | None = Field(default=None, max_length=64)
    digest_weekdays_only: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    created_at: datetime = Field(default_factory=utcnow)


class Customer(SQLModel, table=True):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("length(stage) > 0", name="ck_customer_stage_named"),
        CheckConstraint(
            "name IS NOT NULL OR company IS NOT NULL OR forgotten_at IS NOT NULL",
            name="ck_customer_named",
        ),
        # one live customer per e-mail and per phone, whichever process writes
        Index(
            "uq_customers_live_email",
            "email",
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
        Index(
            "uq_customers_live_phone",
            "phone",
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
        NEVER_REUSED,
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
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    forgotten_at: datetime | None = None
    deleted_at: datetime | None = Field(default=None, index=True)  # in the bin since
    # folded once at write time (see search_keys), so a look-up never re-folds the whole store
    name_key: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})
    company_key: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})

    @property
    def display_name(self) -> str:
        return customer_label(
            self.id, self.name, self.company, erased=self.forgotten_at is not None
        )


def search_keys(name: str | None, company: str | None) -> dict[str, str]:
    """The folded forms search compares, stored with every customer write."""
    return {
        "name_key": name_key(name) if name else "",
        "company_key": name_key(company) if company else "",
    }


@event.listens_for(Customer, "before_insert")
def _keys_on_insert(_mapper, _connection, customer: Customer) -> None:
    for key, value in search_keys(customer.name, customer.company).items():
        setattr(customer, key, value)


@event.listens_for(Customer, "before_update")
def _keys_on_update(_mapper, _connection, customer: Customer) -> None:
    """Every change moves `updated_at`, the stamp other processes' name indexes follow."""
    _keys_on_insert(_mapper, _connection, customer)
    customer.updated_at = utcnow()


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
    __table_args__ = (CheckConstraint("tier >= 1", name="ck_product_tier"), NEVER_REUSED)

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
        Index("ix_interactions_occurred_at", "occurred_at"),  # a day's contacts, for digests
        NEVER_REUSED,
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
        # reports sum a period's amounts (less the bin's customers) from the index alone
        Index("ix_purchases_day_money", "purchased_on", "currency", "amount", "customer_id"),
        NEVER_REUSED,
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
        NEVER_REUSED,
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
    __table_args__ = (CheckConstraint("score BETWEEN 0 AND 10", name="ck_nps_score"), NEVER_REUSED)

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
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"), NEVER_REUSED)

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
    undo_dropped_at: datetime | None = None  # undo found it could no longer apply, and said so


class ProcessedEvent(SQLModel, table=True):
    """Platform event ids already applied, shared by all bot processes, so a retry is a no-op."""

    __tablename__ = "processed_events"

    key: str = Field(max_length=200, primary_key=True)
    at: datetime = Field(default_factory=utcnow)


class PendingQuestion(SQLModel, table=True):
    """A question the bot asked in one chat and awaits an answer to (numbered choices, yes/no)."""

    __tablename__ = "pending_questions"
    __table_args__ = (
        UniqueConstraint("conversation", name="uq_pending_conversation"),
        NEVER_REUSED,
    )

    id: int | None = Field(default=None, primary_key=True)
    conversation: str = Field(max_length=200)
    staff_id: int = Field(foreign_key="staff.id")
    kind: str = Field(max_length=32)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class ConversationSubject(SQLModel, table=True):
    """What one person last talked about in one chat: a customer, or a list of customers (the
    selection slots it was asked with, and a bulk change's field and value), so that "her",
    "those" and "same for …" can refer back to it; and the last question asked, so that
    "by rep?" or "just maria's" can refine it."""

    __tablename__ = "conversation_subjects"

    conversation: str = Field(max_length=200, primary_key=True)
    customer_id: int | None = None
    selection: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    change: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # the last report, list or tasks asked for ({"intent", "slots"}): "by rep?" refines it
    asked: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # the tasks the last command set or changed: "push it to friday" moves them
    task_ids: list[int] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # the customers the last list showed, in its order: "the 3rd one" is the third of them
    shown: list[int] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    updated_at: datetime = Field(default_factory=utcnow)
    # when the sender last wrote here, whatever came of it: "undo" after a message that changed
    # nothing may mean that message, not the change before it
    said_at: datetime | None = None


class DigestDelivery(SQLModel, table=True):
    """The record that makes each subscriber's digest go out once per day, across processes."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (
        UniqueConstraint("staff_id", "day", name="uq_digest_once_a_day"),
        NEVER_REUSED,
    )

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


class CustomerFigures(SQLModel, table=True):
    """One customer's standing, stored so no answer recomputes the store to place one customer.

    Their own row is refreshed in the transaction that changes their purchases; the RFM
    boundaries and the forecast model are refreshed for everyone nightly and after an import.
    Frequency is in customer-days: purchases on the same day count once.
    """

    __tablename__ = "customer_figures"

    customer_id: int = Field(foreign_key="customers.id", primary_key=True, ondelete="CASCADE")
    orders: int = 0  # purchase rows
    days: int = 0  # distinct purchase days
    value_cents: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    first_order: date | None = None
    last_order: date | None = None
    r_score: int | None = None
    f_score: int | None = None
    m_score: int | None = None
    segment: str | None = Field(default=None, max_length=32, index=True)
    high_value: bool = False
    p_alive: float | None = None
    expected_orders: float | None = None  # over the forecast horizon of the store's model
    expected_value_cents: int | None = Field(default=None, sa_column=Column(BigInteger))
    as_of: date


class StoreFigures(SQLModel, table=True):
    """The store-wide part of the figures: RFM boundaries and the fitted forecast, newest last."""

    __tablename__ = "store_figures"

    id: int | None = Field(default=None, primary_key=True)
    as_of: date
    computed_at: datetime = Field(default_factory=utcnow)
    currency: str = Field(default="USD", max_length=3)
    model: str = Field(max_length=32)  # "bg_nbd+gamma_gamma" or "averages"
    reason: str = Field(default="", max_length=300)  # why averages, when they are used
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    boundaries: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # co-purchase rules, for cross-sell suggestions
    rules: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    customers: int = 0


@event.listens_for(Session, "after_flush")
def _purchases_changed(session: Session, _context) -> None:
    """A customer's stored figures change in the same transaction as their purchases."""
    changed = {
        row.customer_id
        for row in (*session.new, *session.dirty, *session.deleted)
        if isinstance(row, Purchase)
    }
    if changed:
        from crm_store.analytics import refresh_customers  # pandas: only when purchases change

        refresh_customers(session.connection(), changed)
