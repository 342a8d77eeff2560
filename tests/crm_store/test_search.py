"""Finding the customer a rep means, whatever they type."""

import pytest
from sqlmodel import Session

from crm_store.models import Customer
from crm_store.search import clear_winner, find_customers, looks_like, namesakes


@pytest.fixture
def customers(engine):
    people = [
        Customer(
            name="Jane Cooper",
            company="Acme Corporation",
            email="jane@acme.com",
            phone="+12125550100",
            city="New York",
        ),
        Customer(name="Hans Müller", company="Müller & Söhne GmbH", phone="+493012345678"),
        Customer(name="Jane Smith", company="Globex Ltd", email="jane.smith@globex.com"),
        Customer(name="Janet Smythe", company="Initech Systems"),
        Customer(company="Acme Rockets"),
    ]
    with Session(engine) as session:
        session.add_all(people)
        session.commit()
        return {c.name or c.company: c.id for c in people}


def best(engine, typed):
    with Session(engine) as session:
        winner = clear_winner(find_customers(session, typed))
        return winner.id if winner else None


def test_a_company_is_found_without_its_legal_suffix(engine, customers):
    assert best(engine, "acme") == customers["Jane Cooper"]
    assert best(engine, "ACME corp.") == customers["Jane Cooper"]


def test_accents_do_not_matter(engine, customers):
    assert best(engine, "muller") == customers["Hans Müller"]
    assert best(engine, "mueller sohne") == customers["Hans Müller"]


def test_a_person_at_a_company(engine, customers):
    assert best(engine, "jane at acme") == customers["Jane Cooper"]
    assert best(engine, "jane from globex") == customers["Jane Smith"]


def test_email_phone_and_id(engine, customers):
    assert best(engine, "JANE@acme.com") == customers["Jane Cooper"]
    assert best(engine, "(212) 555-0100") == customers["Jane Cooper"]
    assert best(engine, "+49 30 1234 5678") == customers["Hans Müller"]
    assert best(engine, f"#{customers['Acme Rockets']}") == customers["Acme Rockets"]


def test_a_first_name_shared_by_several_is_not_guessed(engine, customers):
    with Session(engine) as session:
        matches = find_customers(session, "jane")
    assert clear_winner(matches) is None
    names = {m.customer.name for m in matches}
    assert {"Jane Cooper", "Jane Smith"} <= names


def test_nothing_close_finds_nothing(engine, customers):
    with Session(engine) as session:
        assert find_customers(session, "zyxwv industries") == []
        assert find_customers(session, "#9999") == []
        assert find_customers(session, "nobody@nowhere.org") == []


def test_erased_customers_are_not_found(engine, customers):
    from crm_store.models import utcnow

    with Session(engine) as session:
        rockets = session.get(Customer, customers["Acme Rockets"])
        rockets.forgotten_at = utcnow()
        session.add(rockets)
        session.commit()
        assert find_customers(session, f"#{customers['Acme Rockets']}") == []


def test_customers_who_share_a_name_are_grouped_as_possible_duplicates(engine):
    from datetime import UTC, datetime

    with Session(engine) as session:
        session.add_all(
            [
                Customer(name="Chloé Martin", city="Paris"),
                Customer(name="chloe martin", company="Halcyon", city="Lyon"),
                Customer(name="Chloé Martinez"),
                Customer(company="Northwind Ltd"),
                Customer(company="Northwind"),
                Customer(name="Omar Jensen"),
                Customer(name="Omar Jensen", deleted_at=datetime(2026, 11, 1, tzinfo=UTC)),
            ]
        )
        session.commit()
        groups = namesakes(session)
        assert [[c.display_name for c in group] for group in groups] == [
            ["Chloé Martin", "chloe martin (Halcyon)"],
            ["Northwind Ltd", "Northwind"],
        ]


@pytest.mark.parametrize(
    ("typed", "name", "alike"),
    [
        ("kai brandt", "K. Brandt", True),
        ("mateo schneiders", "Mateo Schneider", True),
        ("hugo silva", "Hugo Silva", True),
        ("mateo schneider", "Hugo Schneider", False),
        ("jane cooper", "Sophie Cooper", False),
    ],
)
def test_a_name_written_another_way_looks_like_the_person_and_no_one_else(typed, name, alike):
    assert looks_like(typed, name) is alike
