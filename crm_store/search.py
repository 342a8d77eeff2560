"""Finding the customer a person means from what they typed: name, company, e-mail, phone, #id.

Names are compared with rapidfuzz over folded text (case, accents, punctuation and legal suffixes
removed, stored with each customer), so "muller gmbh" finds "Müller GmbH" and "acme" finds "ACME
Ltd.". Only a shortlist from the name index (crm_store/name_index.py) is compared, so a look-up
costs the same on a hundred customers or a million. "jane at acme" is read as person "jane" at
company "acme" when some customer fits that reading. Words after a customer's own name that are
words of its city or company ("hugo novak (munich)", "hugo novak, tyrell") mark it as hinted, so
same-named customers can be told apart. E-mails, phones and #ids are exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import Row, true
from sqlmodel import Session, col, select

from crm_store import name_index, normalize
from crm_store.models import Customer

CUTOFF = 72
CANDIDATES = 300  # shortlisted by the name index, then re-ranked here
CLEAR_LEAD = 8  # how far ahead of the runner-up a match must be to be taken without asking
MAX_ID = 2**31 - 1
ID_REF = re.compile(r"^#\s*(\d+)$")
IN_BRACKETS = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")
AT_COMPANY = re.compile(r"^(?P<person>.+?)\s+(?:at|from|of|@)\s+(?P<company>.+)$", re.I)
HINT_LINKS = frozenset({"in", "at", "from", "of", "@"})  # "hugo novak in munich"


@dataclass(frozen=True)
class Match:
    """A candidate; `hinted` when the words beyond its name fit its city or company."""

    customer: Customer
    score: float
    hinted: bool = False


def find_customers(
    session: Session, typed: str, *, limit: int = 5, in_bin: bool | None = False
) -> list[Match]:
    """The best candidates, best first; an exact identifier gives a single match of 100.

    Customers in the delete bin are found only with `in_bin` (True: only they, None: they too).
    """
    typed = typed.strip()
    if found := ID_REF.match(typed):
        number = int(found[1])  # beyond an INTEGER key, no customer has it (PostgreSQL would fail)
        customer = session.get(Customer, number) if number <= MAX_ID else None
        wanted = customer is not None and customer.forgotten_at is None
        if wanted and in_bin is not None:
            wanted = (customer.deleted_at is not None) == in_bin
        return [Match(customer, 100)] if wanted else []
    live = select(Customer).where(col(Customer.forgotten_at).is_(None), _binned(in_bin))
    if "@" in typed and " " not in typed:
        try:
            address = normalize.email(typed)
        except ValueError:
            return []
        return [Match(c, 100) for c in session.exec(live.where(Customer.email == address))]
    if _is_phone(typed):
        digits = re.sub(r"\D", "", typed)
        return [
            Match(c, 100)
            for c in session.exec(live.where(col(Customer.phone).endswith(digits[-9:])))
        ]
    return _by_name(session, typed, limit=limit, in_bin=in_bin)


def _binned(in_bin: bool | None):
    deleted = col(Customer.deleted_at)
    if in_bin is None:
        return true()
    return deleted.is_not(None) if in_bin else deleted.is_(None)


def find_live_and_binned(
    session: Session, typed: str, *, limit: int = 5, binned_limit: int = 3
) -> tuple[list[Match], list[Match]]:
    """The live candidates and, apart, those in the delete bin, from one search: a name is
    resolved among the live while the bin says where someone of that name went."""
    typed = typed.strip()
    query, at_company, words = _name_words(typed)
    exact = ID_REF.match(typed) or ("@" in typed and " " not in typed) or _is_phone(typed)
    if exact or not query:
        both = find_customers(session, typed, limit=limit + binned_limit, in_bin=None)
        live = [m for m in both if m.customer.deleted_at is None]
        return live[:limit], [m for m in both if m.customer.deleted_at is not None][:binned_limit]
    rows = _shortlisted(session, words, in_bin=None)
    live = [row for row in rows if row.deleted_at is None]
    binned = [row for row in rows if row.deleted_at is not None]
    return (
        _ranked(session, query, at_company, live, limit=limit),
        _ranked(session, query, at_company, binned, limit=binned_limit),
    )


def _by_name(session: Session, typed: str, *, limit: int, in_bin: bool | None) -> list[Match]:
    query, at_company, words = _name_words(typed)
    if not query:
        return []
    rows = _shortlisted(session, words, in_bin=in_bin)
    return _ranked(session, query, at_company, rows, limit=limit)


def _name_words(typed: str) -> tuple[str, re.Match | None, list[str]]:
    """The folded name said, its "person at company" reading, and the words to shortlist by."""
    typed = IN_BRACKETS.sub(r"\1 at \2", typed)  # "Amelia Lefèvre (Quantum Partners)"
    query = normalize.name_key(typed)
    at_company = AT_COMPANY.match(typed)
    words = query.split()
    if at_company:
        words += normalize.name_key(at_company["company"]).split()
    return query, at_company, words


def _is_phone(typed: str) -> bool:
    digits = re.sub(r"\D", "", typed)
    return len(digits) >= 6 and len(digits) >= len(re.sub(r"\s", "", typed)) - 4


def _shortlisted(session: Session, words: list[str], *, in_bin: bool | None) -> Sequence[Row]:
    shortlist = name_index.for_session(session).candidates(session, words, limit=CANDIDATES)
    if not shortlist:
        return []
    return session.execute(
        select(
            Customer.id, Customer.name_key, Customer.company_key, Customer.city, Customer.deleted_at
        ).where(
            col(Customer.id).in_(shortlist),
            col(Customer.forgotten_at).is_(None),
            _binned(in_bin),
        )
    ).all()


def _ranked(
    session: Session, query: str, at_company: re.Match | None, rows: Sequence[Row], *, limit: int
) -> list[Match]:
    if not rows:
        return []
    people = {row.id: row.name_key for row in rows}
    companies = {row.id: row.company_key for row in rows}
    scores: dict[int, float] = {}
    if at_company:
        person = normalize.name_key(at_company["person"])
        company = normalize.name_key(at_company["company"])
        for id_ in people:
            both = min(fuzz.WRatio(person, people[id_]), fuzz.WRatio(company, companies[id_]))
            if both >= CUTOFF:
                scores[id_] = both + _exact_bonus(company, companies[id_])
    if not scores:
        full = {
            row.id: f"{row.name_key} {row.company_key}"
            for row in rows
            if row.name_key and row.company_key
        }
        for choices in (people, companies, full):
            for _, score, id_ in process.extract(
                query, choices, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=CUTOFF
            ):
                scores[id_] = max(scores.get(id_, 0), score + _exact_bonus(query, choices[id_]))
    hinted = _hinted(query, rows)
    for id_ in hinted:  # a long hint can keep the fuzzy score of the name it follows low
        scores.setdefault(id_, CUTOFF)
    best = sorted(scores.items(), key=lambda item: (item[0] not in hinted, -item[1], item[0]))
    return [
        Match(session.get(Customer, id_), score, hinted=id_ in hinted)
        for id_, score in best[:limit]
    ]


def _hinted(query: str, rows: Sequence[Row]) -> set[int]:
    """The candidates the words name with a hint, ranked first so a long list of namesakes
    cannot push them out. No one when the words are some candidate's whole name, as then the
    "hint" may be part of a name ("anna maria lopez" is not Anna Maria at Lopez Foods)."""
    if any(query in (row.name_key, row.company_key) for row in rows):
        return set()
    return {row.id for row in rows if _fits_hint(query, row.name_key, row.company_key, row.city)}


def _fits_hint(query: str, name_key: str, company_key: str, city: str | None) -> bool:
    """Whether the folded words are the customer's own name (the person's, else the company's)
    with words of its company or city after or before it: "hugo novak (munich)", "hugo novak,
    tyrell", "halcyon chloe martin".
    Every such word must fit, so a hint that is partly wrong names nobody."""
    own = (name_key or company_key).replace(" ", "")  # "obrien" is O'Brien ("o brien")
    words = query.split()
    said = next((k for k in range(1, len(words)) if "".join(words[:k]) == own), None)
    if name_key and company_key and said is None:  # "harbor consulting (rafael)": the company
        firm = company_key.replace(" ", "")  # first, then words of the person's name
        at = next((k for k in range(1, len(words)) if "".join(words[:k]) == firm), None)
        if at is not None:
            extra = set(words[at:]) - HINT_LINKS
            return bool(extra) and extra <= set(name_key.split())
    if not own:
        return False
    if said is None:  # "halcyon chloe martin": the company or town said before the name
        before = next((k for k in range(1, len(words)) if "".join(words[k:]) == own), None)
        if before is None:
            return False
        extra = set(words[:before]) - HINT_LINKS
    else:
        extra = set(words[said:]) - HINT_LINKS
    fitting = set(company_key.split()) | set(normalize.name_key(city or "").split())
    return bool(extra) and extra <= fitting


def looks_like(typed: str, name: str) -> bool:
    """Whether a name could be the person typed, written another way: each word of the shorter
    is close to a word of the other, or is its initial ("K. Brandt" for "kai brandt", "mateo
    schneiders" for Mateo Schneider); "Hugo Schneider" is not "mateo schneider"."""
    said, own = normalize.name_key(typed).split(), normalize.name_key(name).split()
    if not said or not own:
        return False
    short, long = sorted((said, own), key=len)
    return all(
        any(fuzz.ratio(word, other) >= LOOK_ALIKE or _initial_of(word, other) for other in long)
        for word in short
    )


LOOK_ALIKE = 80  # how alike two words of a name must be to be taken for one


def _initial_of(one: str, other: str) -> bool:
    return min(len(one), len(other)) == 1 and one[0] == other[0]


def _exact_bonus(query: str, key: str) -> float:
    """Whole-word equality beats a fuzzy 100 ('acme' is Acme, before 'Acme Rockets')."""
    return 1.0 if query == key else 0.0


def clear_winner(matches: list[Match]) -> Customer | None:
    """The one match that needs no question, if there is one."""
    if len(matches) == 1:
        return matches[0].customer
    if matches and matches[0].score - matches[1].score >= CLEAR_LEAD:
        return matches[0].customer
    return None


def namesakes(
    session: Session, owner_id: int | None = None, stage: str | None = None
) -> list[list[Customer]]:
    """Live customers who share their name with another (the same person's name, or the same
    company with no person named): possible duplicates, for someone to look at. With
    `owner_id`, the groups that hold one of that owner's customers; with `stage`, one at that
    stage ("duplicate leads")."""
    live = select(Customer).where(
        col(Customer.forgotten_at).is_(None), col(Customer.deleted_at).is_(None)
    )
    groups: dict[str, list[Customer]] = {}
    for customer in session.exec(live.order_by(Customer.id)):
        key = customer.name_key or (f"@{customer.company_key}" if customer.company_key else "")
        if key:
            groups.setdefault(key, []).append(customer)
    shared = [group for group in groups.values() if len(group) > 1]
    if owner_id is not None:
        shared = [group for group in shared if any(c.owner_id == owner_id for c in group)]
    if stage is not None:
        shared = [group for group in shared if any(c.stage == stage for c in group)]
    return sorted(shared, key=lambda group: group[0].name_key or group[0].company_key)
