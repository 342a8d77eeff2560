"""Which column of an incoming file holds which field, for our own layout and the vendors' exports.

Headers are compared as folded letters and digits only, so "First Name", "FirstName" and
"first_name" are the same header. Pipedrive prefixes its columns with the record type
("Person - Email - Work"); the prefix is dropped before comparing. When several columns can hold a
field (HubSpot's "Phone Number" and "Mobile Phone Number"), the first one with a value wins, in the
order listed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crm_store import normalize

KINDS = ("customers", "purchases", "interactions")

# field → header aliases, best first. "first_name"/"last_name" are joined into `name`.
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "customers": {
        "external_id": (
            "external id",
            "record id",
            "contact id",
            "hubspot id",
            "id",
            "person id",
            "lead id",
        ),
        "name": ("name", "full name", "contact name", "contact", "person name", "person"),
        "first_name": ("first name", "firstname", "given name"),
        "last_name": ("last name", "lastname", "surname", "family name"),
        "company": (
            "company",
            "company name",
            "account name",
            "account",
            "organization",
            "organisation",
            "organization name",
            "associated company",
        ),
        "title": ("title", "job title", "position", "role"),
        "email": (
            "email",
            "email address",
            "e-mail",
            "email work",
            "email home",
            "email other",
            "work email",
        ),
        "phone": (
            "phone",
            "phone number",
            "business phone",
            "phone work",
            "mobile",
            "mobile phone",
            "mobile phone number",
            "phone mobile",
            "phone home",
            "phone other",
        ),
        "city": ("city", "mailing city", "town", "address city", "organization address city"),
        "country": (
            "country",
            "country/region",
            "mailing country",
            "address country",
            "country code",
        ),
        "owner": ("owner", "contact owner", "lead owner", "owner name", "account owner"),
        "stage": ("stage", "lifecycle stage", "lead status", "status"),
        "tags": ("tags", "tag", "labels", "label"),
        "interest": (
            "product interest",
            "products of interest",
            "product of interest",
            "interested in",
            "interest",
            "interests",
            "product interests",
            "product line",
        ),
        "created_at": (
            "created at",
            "create date",
            "created date",
            "created",
            "add time",
            "person created",
        ),
    },
    "purchases": {
        "customer": (
            "customer",
            "email",
            "customer email",
            "external id",
            "account name",
            "associated company",
            "organization",
            "company",
            "contact person",
            "associated contact",
            "contact",
        ),
        "date": (
            "date",
            "close date",
            "won time",
            "closed date",
            "order date",
            "purchase date",
            "expected close date",
        ),
        "product": (
            "product",
            "product name",
            "item",
            "deal name",
            "opportunity name",
            "title",
        ),
        "quantity": ("quantity", "qty", "units"),
        "amount": ("amount", "value", "total", "price", "deal value", "revenue"),
        "currency": ("currency", "opportunity currency", "currency code", "amount currency"),
    },
    "interactions": {
        "customer": (
            "customer",
            "email",
            "contact",
            "contact person",
            "associated contact",
            "name",
            "account name",
            "organization",
            "company",
        ),
        "date": (
            "date",
            "activity date",
            "due date",
            "done time",
            "date of activity",
            "created date",
            "timestamp",
        ),
        "channel": ("channel", "type", "activity type", "task type", "subtype"),
        "summary": (
            "summary",
            "subject",
            "note",
            "notes",
            "description",
            "comments",
            "body",
            "activity note",
        ),
        "staff": ("staff", "assigned to", "assigned to user", "owner", "activity owner", "user"),
    },
}
REQUIRED = {
    "customers": (),  # a name or a company per row, checked row by row
    "purchases": ("customer", "date", "amount"),
    "interactions": ("customer", "date", "channel"),
}
VENDOR_PREFIX = re.compile(r"^\s*(person|deal|activity|lead|product)\s+-\s+", re.IGNORECASE)

# the vendors' stage and activity names, folded → ours
STAGES = {
    "lead": "lead",
    "subscriber": "lead",
    "new": "lead",
    "open": "lead",
    "open not contacted": "lead",
    "not contacted": "lead",
    "attempted to contact": "lead",
    "contact in future": "lead",
    "marketing qualified lead": "lead",
    "marketingqualifiedlead": "lead",
    "mql": "lead",
    "other": "lead",
    "prospect": "qualified",
    "prospecting": "qualified",
    "qualified": "qualified",
    "pre qualified": "qualified",
    "qualification": "qualified",
    "sales qualified lead": "qualified",
    "salesqualifiedlead": "qualified",
    "sql": "qualified",
    "opportunity": "qualified",
    "working": "qualified",
    "working contacted": "qualified",
    "contacted": "qualified",
    "contact made": "qualified",
    "in progress": "qualified",
    "qualified to buy": "qualified",
    "qualifiedtobuy": "qualified",
    "appointment scheduled": "qualified",
    "appointmentscheduled": "qualified",
    "needs analysis": "qualified",
    "proposal": "proposal",
    "proposal made": "proposal",
    "proposal sent": "proposal",
    "proposal price quote": "proposal",
    "quote sent": "proposal",
    "value proposition": "proposal",
    "presentation scheduled": "proposal",
    "presentationscheduled": "proposal",
    "decision maker bought in": "proposal",
    "decisionmakerboughtin": "proposal",
    "contract sent": "proposal",
    "contractsent": "proposal",
    "negotiation": "proposal",
    "negotiation review": "proposal",
    "negotiations started": "proposal",
    "customer": "customer",
    "client": "customer",
    "won": "customer",
    "closed won": "customer",
    "closedwon": "customer",
    "closed converted": "customer",
    "converted": "customer",
    "evangelist": "customer",
    "lapsed": "customer",  # lapsing is a figure from the purchases, not a stage
    "inactive": "customer",
    "lost": "lost",
    "closed lost": "lost",
    "closedlost": "lost",
    "closed not converted": "lost",
    "lost lead": "lost",
    "junk lead": "lost",
    "not qualified": "lost",
    "unqualified": "lost",
    "disqualified": "lost",
    "churned": "lost",
    "former customer": "lost",
}
CHANNELS = {
    "call": "call",
    "phone": "call",
    "phone call": "call",
    "voicemail": "call",
    "email": "email",
    "e mail": "email",
    "mail": "email",
    "meeting": "meeting",
    "lunch": "meeting",
    "video call": "meeting",
    "zoom": "meeting",
    "demo": "meeting",
    "chat": "chat",
    "whatsapp": "chat",
    "linkedin": "chat",
    "linkedin message": "chat",
    "sms": "sms",
    "text": "sms",
    "text message": "sms",
    "visit": "visit",
    "site visit": "visit",
    "note": "note",
    "task": "note",
    "deadline": "note",
    "todo": "note",
}


def header_key(header: str) -> str:
    """'Person - E-mail Address' → 'emailaddress': what two spellings of one header share."""
    folded = normalize.fold(VENDOR_PREFIX.sub("", str(header)).replace("_", " "))
    return re.sub(r"[^a-z0-9]", "", folded)


@dataclass
class Layout:
    """How one file's columns feed the fields: field → source columns, best first."""

    sources: dict[str, list[str]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    def describe(self) -> str:
        used = ", ".join(f"{f} ← {' / '.join(cols)}" for f, cols in self.sources.items())
        return used + (f"; ignored: {', '.join(self.ignored)}" if self.ignored else "")


def recognize(headers: list[str], kind: str, *, mapping: dict[str, str] | None = None) -> Layout:
    """Assign each header to a field; `mapping` (header → field, "" to skip) overrides the guess.

    ValueError names the problem: an unknown field in `mapping`, or a required field no column
    holds.
    """
    aliases = ALIASES[kind]
    fields_known = set(aliases)
    overrides = {header_key(h): f.strip() for h, f in (mapping or {}).items()}
    for wanted in overrides.values():
        if wanted and wanted not in fields_known:
            known = ", ".join(sorted(fields_known - {"first_name", "last_name"}))
            raise ValueError(f"“{wanted}” is not a {kind} field; the fields are: {known}")
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    ignored = []
    rank_of = {
        header_key(alias): (name, rank)
        for name, names in aliases.items()
        for rank, alias in reversed(list(enumerate(names)))
    }
    for name in fields_known:  # a field's own name always counts as its first alias
        rank_of.setdefault(header_key(name), (name, -1))
    for position, header in enumerate(headers):
        key = header_key(header)
        if key in overrides:
            chosen = (overrides[key], -2) if overrides[key] else None
        else:
            chosen = rank_of.get(key)
        if chosen is None:
            ignored.append(str(header))
            continue
        ranked.setdefault(chosen[0], []).append((chosen[1], position, str(header)))
    layout = Layout(
        sources={name: [h for *_, h in sorted(cols)] for name, cols in ranked.items()},
        ignored=ignored,
    )
    if "name" not in layout.sources and not {"first_name", "last_name"} & set(layout.sources):
        if kind == "customers" and "company" not in layout.sources:
            raise ValueError(
                "no column holds the customers' names or companies "
                f"(columns: {', '.join(map(str, headers))}); name one with --map COLUMN=name"
            )
    missing = [f for f in REQUIRED[kind] if f not in layout.sources]
    if missing:
        raise ValueError(
            f"no column holds the {kind}' {' and '.join(missing)} "
            f"(columns: {', '.join(map(str, headers))}); name it with --map COLUMN=FIELD"
        )
    return layout
