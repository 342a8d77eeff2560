"""Random hostile values through every write intent: each gets a sentence (never the apology),
the store stays consistent, and every read still answers afterwards — on SQLite and PostgreSQL."""

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, TypeDecorator
from sqlmodel import Session, SQLModel, select

from bot.dispatch import APOLOGY
from crm_store.models import Customer, Interaction, NpsAnswer, Purchase, Staff, Task

CEILING = Decimal("10000000")
READS = (
    "tell me about acme",
    "history with acme",
    "my tasks",
    "customers who haven't bought in 90 days",
    "what should I do",
    "revenue by month this year",
    "digest",
)

plain = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
hostile_texts = st.one_of(
    st.text(max_size=30),
    st.just("x" * 5000),
    st.just("nul\x00byte"),
    st.just("   "),
    st.just("'); DROP TABLE customers; --"),
)
texts = st.one_of(plain, plain, plain, hostile_texts)  # mostly fine, so writes happen too
hostile_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=12),
    st.booleans(),
)
fine = st.integers(min_value=0, max_value=2000)
numbers = st.one_of(fine, fine, fine, hostile_numbers)
days = st.one_of(
    st.dates(min_value=date(2026, 11, 18), max_value=date(2027, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(1, 1, 1)).map(date.isoformat),
    st.just("2026-02-30"),
    st.text(max_size=12),
)
known = st.sampled_from(
    ["acme", "#1", "#2", "jane@acme.com", "+12125550100", "hans müller", "globex", "jane"]
)
customers = st.one_of(
    known,
    known,
    st.sampled_from(["#0", "#99999999999999", "%", "_", "nobody at all"]),
    hostile_texts,
)
invalid = st.dictionaries(
    st.sampled_from(["due", "amount", "score", "quantity"]), texts, min_size=1, max_size=1
)


def slots(required: dict, **optional) -> st.SearchStrategy:
    return st.fixed_dictionaries(required, optional=optional)


WRITES = st.one_of(
    st.tuples(
        st.just("customer.create"),
        slots({"name": texts}, company=texts, email=texts, phone=texts, city=texts),
    ),
    st.tuples(
        st.just("customer.update"),
        slots(
            {
                "customer": customers,
                "field": st.sampled_from(["name", "email", "phone", "city", "country", "tag"]),
                "value": texts,
            }
        ),
    ),
    st.tuples(
        st.just("interaction.log"),
        slots(
            {"customer": customers, "summary": texts},
            channel=st.sampled_from(["call", "email", "fax", ""]),
            occurred_on=days,
            follow_up=days,
        ),
    ),
    st.tuples(
        st.just("purchase.log"),
        slots(
            {"customer": customers, "product": st.one_of(texts, st.just("CRM Pro"))},
            quantity=numbers,
            amount=numbers,
            currency=st.one_of(st.just("EUR"), texts),
        ),
    ),
    st.tuples(st.just("task.create"), slots({"text": texts}, due=days, customer=customers)),
    st.tuples(
        st.just("task.complete"),
        slots({"task_id": st.one_of(numbers, st.lists(numbers, max_size=3))}),
    ),
    st.tuples(
        st.just("nps.record"), slots({"customer": customers, "score": numbers}, comment=texts)
    ),
    st.tuples(st.just("customer.forget"), slots({"customer": customers})),
    st.tuples(st.just("undo"), st.just({})),
    st.tuples(
        st.sampled_from(["task.create", "purchase.log", "nps.record", "interaction.log"]),
        slots({"customer": known, "text": plain, "product": plain, "invalid": invalid}),
    ),
)


def text_limits(model: type[SQLModel]) -> dict[str, int | None]:
    limits = {}
    for column in model.__table__.columns:
        kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
        if isinstance(kind, String):
            limits[column.name] = kind.length
    return limits


def assert_consistent(engine) -> None:
    """What the schema means, whether or not the database enforced it."""
    with Session(engine) as session:
        for model in (Customer, Interaction, Purchase, Task, NpsAnswer, Staff):
            limits = text_limits(model)
            for row in session.exec(select(model)):
                for name, limit in limits.items():
                    value = getattr(row, name)
                    if value is None:
                        continue
                    assert "\x00" not in value, (model.__name__, name)
                    assert limit is None or len(value) <= limit, (model.__name__, name)
        for sale in session.exec(select(Purchase)):
            assert Decimal(0) < sale.amount <= CEILING and sale.quantity >= 1
            assert len(sale.currency) == 3 and sale.currency.isupper()
        assert all(0 <= a.score <= 10 for a in session.exec(select(NpsAnswer)))


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(write=WRITES)
@example(write=("customer.update", {"customer": "#99999999999999", "field": "name", "value": "0"}))
def test_hostile_writes_leave_the_store_consistent_and_every_read_answering(chat, write):
    intent, values = write
    reply = chat.run(intent, **values)
    assert reply.text != APOLOGY, (intent, values)
    assert_consistent(chat.engine)


def test_every_read_answers_after_a_burst_of_hostile_writes(chat):
    burst = st.lists(WRITES, min_size=30, max_size=30)

    @settings(max_examples=2, deadline=None, database=None)
    @given(writes=burst)
    def run(writes):
        for intent, values in writes:
            chat.run(intent, **values)
        for question in READS:
            for who in ("Sam", "Alex"):
                assert chat.say(question, who=who).text != APOLOGY, question

    run()
    assert_consistent(chat.engine)
