"""Deterministic, realistic demo data: a small sales team and two years of its customers.

The same `today` and seed always give the same store, so the README's examples and the tests can
rely on it. Customers follow archetypes (champions, loyal, new, slipping, lapsed, prospects, leads)
so that every question worth asking has an answer worth showing.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session, select

from crm_store import normalize
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
    Task,
    TaskStatus,
)

STAFF = [
    ("Alex Morgan", "manager", "Europe/London"),
    ("Sam Patel", "rep", "Europe/London"),
    ("Jordan Lee", "rep", "America/New_York"),
    ("Maria García", "rep", "Europe/Berlin"),
]
MANAGER = STAFF[0][0]

# name, family, tier, price
PRODUCTS = [
    ("CRM Starter", "CRM Suite", 1, "300"),
    ("CRM Pro", "CRM Suite", 2, "900"),
    ("CRM Enterprise", "CRM Suite", 3, "2400"),
    ("Support Basic", "Support", 1, "200"),
    ("Support Premium", "Support", 2, "600"),
    ("Analytics Add-on", "Analytics", 1, "450"),
    ("Analytics Pro", "Analytics", 2, "1100"),
    ("API Access", "Integrations", 1, "350"),
    ("Training Workshop", "Services", 1, "1500"),
    ("Onboarding Package", "Services", 2, "2000"),
]
# what tends to be bought together: a first product, then its companions
BUNDLES = [
    ["CRM Starter", "Support Basic"],
    ["CRM Pro", "Support Premium", "Analytics Add-on"],
    ["CRM Pro", "API Access", "Training Workshop"],
    ["CRM Enterprise", "Support Premium", "Analytics Pro", "Onboarding Package"],
    ["CRM Starter", "Training Workshop"],
]

CITIES = [
    ("Berlin", "DE", "+49 30 {:08d}"),
    ("Munich", "DE", "+49 89 {:08d}"),
    ("London", "GB", "+44 20 7946 {:04d}"),
    ("New York", "US", "+1 212 555 {:04d}"),
    ("Austin", "US", "+1 512 555 {:04d}"),
    ("Toronto", "CA", "+1 416 555 {:04d}"),
    ("Paris", "FR", "+33 1 {:08d}"),
    ("Madrid", "ES", "+34 91 {:07d}"),
]
FIRST = [
    "Jane",
    "John",
    "Anna",
    "Lukas",
    "Sophie",
    "Oliver",
    "Emma",
    "Liam",
    "Mia",
    "Noah",
    "Léa",
    "Hugo",
    "Lucía",
    "Mateo",
    "Chloé",
    "Jonas",
    "Amelia",
    "Ethan",
    "Zoë",
    "Björn",
    "Priya",
    "Kenji",
    "Fatima",
    "Omar",
    "Ingrid",
    "Rafael",
    "Hannah",
    "Daniel",
    "Olivia",
    "Tom",
]
LAST = [
    "Cooper",
    "Smith",
    "Müller",
    "Schneider",
    "Dubois",
    "Martin",
    "García",
    "López",
    "Brown",
    "Wilson",
    "Taylor",
    "Fischer",
    "Weber",
    "Rossi",
    "Nguyen",
    "Kowalski",
    "O'Brien",
    "Nakamura",
    "Andersson",
    "Jensen",
    "Khan",
    "Silva",
    "Novak",
    "Lefèvre",
    "Hughes",
    "Becker",
    "Moreau",
]
# the first customers, whom the README talks to: person, company, city index
NAMED = [
    ("Jane Cooper", "Acme Corporation", 3),
    ("Hank Scorpio", "Globex Ltd", 2),
    ("Bill Lumbergh", "Initech Systems", 0),
]
COMPANY_STEMS = [
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Wonka",
    "Cyberdyne",
    "Tyrell",
    "Soylent",
    "Nordwind",
    "Bluth",
    "Pied Piper",
    "Massive Dynamic",
    "Stark",
    "Wayne",
    "Oscorp",
    "Aperture",
    "Black Mesa",
    "Gringotts",
    "Monarch",
    "Dunder Mifflin",
    "Sterling Cooper",
    "Prestige",
    "Zenith",
    "Halcyon",
    "Polaris",
    "Quantum",
    "Evergreen",
    "Silverline",
    "Redwood",
    "Bluebird",
    "Ironclad",
    "Brightwave",
    "Northstar",
    "Sunrise",
    "Granite",
    "Maple",
    "Harbor",
    "Summit",
    "Falcon",
    "Orion",
    "Atlas",
    "Vertex",
    "Nimbus",
]
COMPANY_KINDS = [
    "Corporation",
    "Industries",
    "Logistik GmbH",
    "Ltd",
    "Labs",
    "Systems",
    "Foods",
    "Consulting",
    "Retail",
    "Media",
    "& Söhne GmbH",
    "Partners",
    "Analytics",
    "Health",
]
TITLES = [
    "CEO",
    "CTO",
    "Head of Sales",
    "Operations Manager",
    "Procurement Lead",
    "CFO",
    "IT Director",
]
TAGS = ["vip", "partner", "eu", "enterprise", "smb", "newsletter", "trade-show"]
SUMMARIES = {
    "call": [
        "discussed renewal timing",
        "wants a quote for {n} seats",
        "asked about pricing tiers",
        "left a voicemail",
        "checked in after onboarding",
        "complained about slow support",
    ],
    "email": [
        "sent the proposal",
        "shared the case study",
        "followed up on the invoice",
        "answered questions about the API",
        "sent contract for signature",
    ],
    "meeting": [
        "demo of the Pro features",
        "quarterly business review",
        "lunch with the team",
        "Zoom call with procurement",
        "workshop planning",
    ],
    "chat": [
        "quick question on exports",
        "WhatsApp about delivery date",
        "asked for a login reset",
    ],
    "sms": ["confirmed the meeting time", "sent a reminder about the renewal"],
    "visit": ["on site for the rollout", "visited their office for training"],
    "note": ["budget frozen until next quarter", "new decision maker joined", "prefers email"],
}
CHANNEL_WEIGHTS = {
    "call": 30,
    "email": 30,
    "meeting": 15,
    "chat": 8,
    "sms": 5,
    "visit": 5,
    "note": 7,
}
# archetype: share, orders (min, max), days since last order (min, max), span of history in days
ARCHETYPES = [
    ("champion", 0.12, (10, 18), (1, 25), 700),
    ("loyal", 0.15, (6, 10), (10, 60), 700),
    ("new", 0.08, (1, 2), (2, 45), 45),
    ("promising", 0.08, (2, 3), (20, 80), 120),
    ("slipping", 0.14, (4, 9), (90, 170), 700),
    ("lapsed", 0.15, (1, 5), (200, 600), 700),
    ("prospect", 0.16, (0, 0), (0, 0), 0),
    ("lead", 0.12, (0, 0), (0, 0), 0),
]


def fill(session: Session, *, today: date, seed: int = 7, customers: int = 200) -> None:
    """Fill an empty store; refuses (ValueError) if it already has customers."""
    if session.exec(select(Customer.id).limit(1)).first() is not None:
        raise ValueError("the store already has customers; demo data goes into an empty store")
    rng = random.Random(seed)
    staff = _staff(session)
    reps = [s for s in staff if s.role == "rep"]
    catalogue = {
        name: _product(session, name, family, tier, price) for name, family, tier, price in PRODUCTS
    }
    for n in range(customers):
        archetype = _pick_archetype(rng, n)
        customer = _customer(session, rng, n, rng.choice(reps))
        _history(session, rng, customer, archetype, catalogue, staff, today)
    _tasks(session, rng, reps + staff[:1], today)
    session.flush()


def _staff(session: Session) -> list[Staff]:
    people = []
    for name, role, tz in STAFF:
        member = session.exec(select(Staff).where(Staff.name == name)).first()
        member = member or Staff(name=name, role=role, tz=tz)
        session.add(member)
        people.append(member)
    session.flush()
    return people


def _product(session: Session, name: str, family: str, tier: int, price: str) -> Product:
    product = Product(name=name, family=family, tier=tier, price=Decimal(price), currency="USD")
    session.add(product)
    return product


def _pick_archetype(rng: random.Random, n: int) -> tuple:
    if n < len(NAMED):  # the README's customers are active accounts
        return ARCHETYPES[n % 2]
    roll, total = rng.random(), 0.0
    for archetype in ARCHETYPES:
        total += archetype[1]
        if roll < total:
            return archetype
    return ARCHETYPES[-1]


def _customer(session: Session, rng: random.Random, n: int, owner: Staff) -> Customer:
    if n < len(NAMED):
        name, company, city_index = NAMED[n]
    else:
        name, city_index = _fresh_name(rng), n % len(CITIES)
        stem = COMPANY_STEMS[n % len(COMPANY_STEMS)]
        kind = COMPANY_KINDS[(n // len(COMPANY_STEMS) + n) % len(COMPANY_KINDS)]
        company = f"{stem} {kind}" if n % 10 < 7 else None
    city, country, phone_pattern = CITIES[city_index]
    domain = normalize.fold(company or "mail").split()[0] + (".de" if country == "DE" else ".com")
    local = normalize.fold(name).replace(" ", ".").replace("'", "")
    customer = Customer(
        name=name,
        company=company,
        title=rng.choice(TITLES) if company else None,
        email=f"{local}{'' if n < 3 else n}@{domain}",
        phone=normalize.phone(phone_pattern.format(1000 + n), region=country),
        city=city,
        country=country,
        owner_id=owner.id,
        consent_marketing=rng.random() < 0.6,
        external_id=f"DEMO-{n + 1:04d}",
    )
    session.add(customer)
    session.flush()
    for tag in rng.sample(TAGS, k=rng.choice([0, 0, 1, 1, 2])):
        session.add(CustomerTag(customer_id=customer.id, tag=tag))
    return customer


def _fresh_name(rng: random.Random) -> str:
    """A random person, never one of the README's named customers (they must stay unique)."""
    while (name := f"{rng.choice(FIRST)} {rng.choice(LAST)}") in {n for n, _, _ in NAMED}:
        pass
    return name


def _history(session, rng, customer, archetype, catalogue, staff, today: date) -> None:
    kind, _, (low, high), (recent_low, recent_high), span = archetype
    orders = rng.randint(low, high)
    last_order = today - timedelta(days=rng.randint(recent_low, recent_high)) if orders else None
    first_order = last_order - timedelta(days=rng.randint(span // 2, span)) if orders else None
    bundle = rng.choice(BUNDLES)
    for i in range(orders):
        when = (
            last_order
            if i == 0
            else first_order
            + timedelta(days=rng.randint(0, max(0, (last_order - first_order).days)))
        )
        product = catalogue[
            bundle[min(i, len(bundle) - 1)] if i < len(bundle) else rng.choice(bundle)
        ]
        quantity = rng.choice([1, 1, 2, 3, 5, 10, 20]) if product.family == "CRM Suite" else 1
        discount = Decimal(rng.choice(["1", "1", "0.95", "0.9", "0.85"]))
        session.add(
            Purchase(
                customer_id=customer.id,
                product=product.name,
                quantity=quantity,
                amount=(product.price * quantity * discount).quantize(Decimal("0.01")),
                currency="USD",
                purchased_on=when,
                staff_id=customer.owner_id,
            )
        )
    customer.stage = _stage(kind, customer.id)
    entered = last_order or today - timedelta(days=customer.id % 50)
    customer.stage_changed_at = _at(entered, 9)
    if not orders:  # what the lead or prospect asked about
        family = PRODUCTS[customer.id % len(PRODUCTS)][1]
        session.add(
            CustomerInterest(customer_id=customer.id, interest=family, key=interest_key(family))
        )
    customer.created_at = _at(first_order or today - timedelta(days=rng.randint(5, 200)), 9)
    session.add(customer)
    contacts = {"lead": (0, 1), "prospect": (1, 4), "lapsed": (1, 4)}.get(kind, (3, 12))
    horizon = (today - (first_order or today - timedelta(days=120))).days
    owner = next(s for s in staff if s.id == customer.owner_id)
    for _ in range(rng.randint(*contacts)):
        channel = rng.choices(list(CHANNEL_WEIGHTS), weights=list(CHANNEL_WEIGHTS.values()))[0]
        days_back = rng.randint(1 if kind != "lapsed" else 200, max(2, horizon))
        session.add(
            Interaction(
                customer_id=customer.id,
                channel=channel,
                summary=rng.choice(SUMMARIES[channel]).format(n=rng.choice([5, 10, 20, 50])),
                occurred_at=_at(today - timedelta(days=days_back), rng.randint(8, 17)),
                staff_id=owner.id,
                source_platform="demo",
            )
        )
    if orders and rng.random() < 0.4:
        score = (
            rng.choice([10, 10, 9, 9, 9, 8, 8, 7, 6, 4, 2])
            if kind != "slipping"
            else rng.choice([3, 5, 6, 7, 8])
        )
        session.add(
            NpsAnswer(
                customer_id=customer.id,
                score=score,
                answered_on=today - timedelta(days=rng.randint(1, 150)),
                staff_id=owner.id,
            )
        )


def _stage(kind: str, customer_id: int) -> str:
    """Buyers are customers (lapsing is a figure); half the prospects have had a proposal."""
    if kind == "lead":
        return "lead"
    if kind == "prospect":
        return "proposal" if customer_id % 2 else "qualified"
    return "customer"


def _tasks(session: Session, rng: random.Random, staff: list[Staff], today: date) -> None:
    chores = [
        "send the renewal quote to {c}",
        "call {c} about the new tier",
        "book a QBR with {c}",
        "chase {c} for the signed contract",
        "follow up with {c} after the demo",
    ]
    customers = session.exec(select(Customer).order_by(Customer.id)).all()
    for member in staff:
        mine = [c for c in customers if c.owner_id == member.id] or customers
        for offset in (-9, -3, -1, 0, 0, 1, 2, 4, 8, 15):
            customer = rng.choice(mine)
            session.add(
                Task(
                    assignee_id=member.id,
                    customer_id=customer.id,
                    text=rng.choice(chores).format(c=customer.company or customer.name),
                    due=today + timedelta(days=offset),
                    status=TaskStatus.open.value,
                    source="demo",
                    created_by_id=member.id,
                )
            )
        session.add(
            Task(
                assignee_id=member.id,
                text="update the pipeline sheet",
                due=today - timedelta(days=12),
                status=TaskStatus.done.value,
                source="demo",
                completed_at=_at(today - timedelta(days=11), 16),
                created_by_id=member.id,
            )
        )


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)
