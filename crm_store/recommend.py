"""What to do next with a customer, and why, ranked so the most valuable move comes first.

Each suggestion has a kind, a score (0–100: higher first; 70+ is high priority, 45+ medium), and a
reason a rep can say out loud. Scores start from the kind and add up to 10 for the customer's
monetary score, so among equal kinds the bigger account comes first:

    follow_up    90  an open task about the customer is overdue
    recovery     85  latest NPS answer 0–6 and no contact since (or, within 180 days of the
                     answer, none for 30 days)
    retention    80  cant_lose; 75 at_risk; 78 top-decile value with no contact for 45 days
    advance      72  an open proposal with no contact and no stage change for 14 days (62
                     qualified, 52 lead); asked about one customer, 10 less while it is
                     still moving
                     (at risk: a repeat buyer the forecast gives under even odds of still
                     buying, or without a forecast the at_risk and cant_lose RFM segments)
    onboarding   65  first order in the last 30 days and at most one contact since
    reactivation 60  likely gone: under one chance in five of still buying (without a
                     forecast: lapsed, hibernating or lost)
    up_sell      50  a product of a family they use, one tier above the highest they have
    cross_sell   45  + 10 × confidence of the best co-purchase rule whose product they lack
    referral     40  latest NPS answer 9–10 and still an active customer

Co-purchase rules "X → Y" count customers (not orders) who bought both: support = both / all
buyers, confidence = both / bought X, lift = confidence / share who bought Y. A rule needs
`min_together` customers, confidence ≥ 0.1 and lift > 1. Across a whole book, cross- and up-sell
are looked for among its most valuable customers only (50, or five per suggestion asked for),
which is where they can rank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
from sqlmodel import Session, col, select

from crm_store import analytics, normalize
from crm_store.analytics import Snapshot, cents_to_money, orders_said, table
from crm_store.models import (
    Customer,
    CustomerInterest,
    Product,
    Purchase,
    Staff,
    Task,
    TaskStatus,
)
from crm_store.ranked import Ranked, members

Money = Callable[[Decimal], str]
QUIET_DAYS = 45
# an open deal nobody has spoken to or moved on for this long needs a nudge; its score by stage
ADVANCE_DAYS = 14
OPEN_STAGES = {"proposal": 72, "qualified": 62, "lead": 52}
MOVING_ON = 10  # asked about one customer, a deal still moving ranks this much below a stalled one
ONBOARDING_DAYS = 30
# a detractor is kept closer than other customers: for this long after their answer, a silence of
# DETRACTOR_QUIET_DAYS is enough to call again
DETRACTOR_WATCH_DAYS = 180
DETRACTOR_QUIET_DAYS = 30
MAX_RULE_PRODUCTS = 300
ASKED_ABOUT = 50  # customers asked about by name, whose recorded interests are read too


@dataclass(frozen=True)
class Suggestion:
    customer_id: int
    kind: str
    score: float
    reason: str
    topic: str  # a few words for "log call with #17 re: <topic>"
    channel: str = "call"
    task_id: int | None = None

    @property
    def priority(self) -> str:
        return "high" if self.score >= 70 else "medium" if self.score >= 45 else "low"


@dataclass(frozen=True)
class Rule:
    antecedent: str
    consequent: str
    together: int
    support: float
    confidence: float
    lift: float


@dataclass(frozen=True)
class Baskets:
    """Which products each customer has bought, and the co-purchase rules they imply.

    `pairs` is loaded whole only when the rules had to be computed on the spot; otherwise the
    rules come from the store's last refresh and each customer's products are read as needed.
    """

    pairs: pd.Series | None  # product, indexed by the customer_id who bought it (once each)
    rules: dict[str, list[Rule]]  # antecedent → its rules, most confident first
    catalogue: dict[str, tuple[str, int, Decimal]]  # product → family, tier, price
    ladders: dict[str, dict[int, str]]  # family → tier → product
    session: Session | None = None
    today: date | None = None
    # customer → products, as read from the store: each customer is read once, so the digests of
    # one tick (sharing these baskets) read their books' buyers in one go, not one query each
    _read: dict[int, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def owned(self, customer_ids: Iterable[int]) -> dict[int, frozenset[str]]:
        ids = [int(i) for i in customer_ids]
        if self.pairs is not None:
            mine = self.pairs.loc[self.pairs.index.intersection(ids)]
            return {int(c): frozenset(products) for c, products in mine.groupby(level=0)}
        unread = [i for i in dict.fromkeys(ids) if i not in self._read]
        for start in range(0, len(unread), 1000):
            chunk = unread[start : start + 1000]
            query = (
                select(Purchase.customer_id, Purchase.product)
                .where(col(Purchase.customer_id).in_(chunk))
                .where(Purchase.purchased_on <= self.today)
                .distinct()
            )
            found: dict[int, set[str]] = {}
            for customer_id, product in self.session.execute(query):
                found.setdefault(customer_id, set()).add(product)
            for i in chunk:
                self._read[i] = frozenset(found.get(i, ()))
        return {i: self._read[i] for i in dict.fromkeys(ids) if self._read[i]}


def baskets(session: Session, *, today: date, min_together: int = 3) -> Baskets:
    catalogue = {p.name: (p.family, p.tier, p.price) for p in session.exec(select(Product)).all()}
    ladders: dict[str, dict[int, str]] = {}
    for name, (family, tier, _) in catalogue.items():
        ladders.setdefault(family, {})[tier] = name
    stored = analytics.latest_store_figures(session)
    if stored is not None and 0 <= (today - stored.as_of).days <= 1:
        rules: dict[str, list[Rule]] = {}
        for rule in stored.rules:
            rules.setdefault(rule["antecedent"], []).append(Rule(**rule))
        return Baskets(None, rules, catalogue, ladders, session=session, today=today)
    pairs = _pairs(session, today=today)
    rules = co_purchase_rules(pairs, min_together=min_together)
    owned = pairs.set_index("customer_id")["product"].sort_index()
    return Baskets(pairs=owned, rules=rules, catalogue=catalogue, ladders=ladders)


def store_rules(session: Session, *, today: date, min_together: int = 3) -> list[dict]:
    """The store's co-purchase rules as plain data, kept with the nightly figures."""
    rules = co_purchase_rules(_pairs(session, today=today), min_together=min_together)
    return [vars(rule) for found in rules.values() for rule in found]


def _pairs(session: Session, *, today: date) -> pd.DataFrame:
    return table(
        session,
        select(Purchase.customer_id, Purchase.product)
        .where(Purchase.purchased_on <= today)
        .group_by(Purchase.customer_id, Purchase.product),
        ["customer_id", "product"],
    )


def co_purchase_rules(pairs: pd.DataFrame, *, min_together: int = 3) -> dict[str, list[Rule]]:
    """Rules X → Y from (customer_id, product) pairs, grouped by X, most confident first."""
    if pairs.empty:
        return {}
    buyers = pairs.groupby("product")["customer_id"].nunique()
    products = buyers[buyers >= min_together].nlargest(MAX_RULE_PRODUCTS).index
    pairs = pairs[pairs["product"].isin(products)]
    if pairs.empty:
        return {}
    customers = pd.Categorical(pairs["customer_id"])
    items = pd.Categorical(pairs["product"], categories=list(products))
    matrix = np.zeros((len(customers.categories), len(products)), dtype=np.float32)
    matrix[customers.codes, items.codes] = 1
    together = (matrix.T @ matrix).round().astype(np.int64)
    total = pairs["customer_id"].nunique()
    count = np.diag(together)
    rules: dict[str, list[Rule]] = {}
    for x, antecedent in enumerate(products):
        for y, consequent in enumerate(products):
            both = int(together[x, y])
            if x == y or both < min_together:
                continue
            confidence = both / count[x]
            lift = confidence / (count[y] / total)
            if confidence >= 0.1 and lift > 1:
                rules.setdefault(antecedent, []).append(
                    Rule(antecedent, consequent, both, both / total, float(confidence), float(lift))
                )
    for found in rules.values():
        found.sort(key=lambda rule: (-rule.confidence, -rule.lift))
    return rules


def suggest(
    session: Session,
    snap: Snapshot,
    shelf: Baskets,
    *,
    customer_ids: Iterable[int] | None = None,
    money: Money,
    per_customer: int | None = None,
    limit: int | None = None,
    quiet_days: int = QUIET_DAYS,
) -> list[Suggestion]:
    """Suggestions for the given customers (all when None), best first.

    `per_customer` keeps only each customer's best few; `limit` cuts the ranked list.
    """
    narrow = _memo(snap, "sales columns", lambda: snap.customers[["m", "orders", "value"]])
    member = members(snap.customers.index, customer_ids)
    frame = narrow if member is None else narrow[member]
    found: list[Suggestion] = []
    found += _follow_ups(session, frame, snap)
    keep = None if limit is None else 3 * limit
    found += _from_figures(member, snap, money=money, quiet_days=quiet_days, keep=keep)
    if limit is None:
        sellable = frame[frame["orders"] > 0]
    else:
        sellable = narrow.iloc[_top_buyers(snap, member, limit)]
    found += _sales(sellable, shelf, money=money)
    if customer_ids is not None and len(asked := list(customer_ids)) <= ASKED_ABOUT:
        found += _wanted(session, asked, shelf, frame, money=money)
        found += _deals_moving(snap, asked, found)
    found.sort(key=lambda s: (-s.score, s.customer_id, s.kind))
    if per_customer is not None:
        seen: dict[int, int] = {}
        kept = []
        for suggestion in found:
            seen[suggestion.customer_id] = seen.get(suggestion.customer_id, 0) + 1
            if seen[suggestion.customer_id] <= per_customer:
                kept.append(suggestion)
        found = kept
    return found[:limit] if limit is not None else found


def _top_buyers(snap: Snapshot, member: np.ndarray | None, limit: int) -> np.ndarray:
    """The positions of the book's most valuable buyers, whose products a `limit`ed `suggest`
    reads: off the store's buyers ranked once by value."""
    narrow = _memo(snap, "sales columns", lambda: snap.customers[["m", "orders", "value"]])
    ranked = _memo(snap, "buyers by value", lambda: _by_value(narrow))
    return ranked.top(member, max(50, 5 * limit)).positions


def read_baskets(
    snap: Snapshot, shelf: Baskets, books: Iterable[Iterable[int] | None], *, limit: int
) -> None:
    """Read at once the products of every customer that `suggest(..., limit=limit)` will look
    at for each of `books` (customer ids; None for every customer), e.g. a tick's digests."""
    positions = [_top_buyers(snap, members(snap.customers.index, ids), limit) for ids in books]
    if positions:
        shelf.owned(snap.customers.index[np.unique(np.concatenate(positions))])


def _bonus(m) -> float:
    """Up to 10 points for the customer's monetary score, so bigger accounts come first."""
    return 0.0 if m is None or pd.isna(m) else 2.0 * float(m)


def _follow_ups(session: Session, frame: pd.DataFrame, snap: Snapshot) -> list[Suggestion]:
    if frame.empty:
        return []
    today = snap.today
    query = (
        select(Task.id, Task.customer_id, Task.text, Task.due)
        .add_columns(Staff.name, Task.assignee_id, Customer.owner_id)  # whose it is, whose them
        .join(Customer, Customer.id == Task.customer_id)
        .outerjoin(Staff, Staff.id == Task.assignee_id)
        .where(Task.status == TaskStatus.open.value, col(Task.due) < today)
        .where(col(Task.customer_id).is_not(None))
        .order_by(Task.due)
    )
    if len(frame) < 500:
        tasks = session.execute(
            query.where(col(Task.customer_id).in_([int(i) for i in frame.index]))
        ).all()
    else:  # a book or the whole team: the store's overdue tasks, read once per snapshot
        if "overdue tasks" not in snap.memo:
            snap.memo["overdue tasks"] = session.execute(query).all()
        tasks = snap.memo["overdue tasks"]
    found = []
    scores = frame["m"]
    for task_id, customer_id, text, due, assignee, assignee_id, owner_id in tasks:
        if customer_id not in scores.index:
            continue
        late = (today - due).days
        # a follow-up someone else holds says whose it is, so the owner knows whom to ask
        whose = f" ({assignee}'s)" if assignee and assignee_id != owner_id else ""
        found.append(
            Suggestion(
                customer_id=customer_id,
                kind="follow_up",
                score=90 + _bonus(scores.get(customer_id)),
                reason=f"the follow-up “{text}”{whose} was due {_days(late)} ago",
                topic="follow-up",
                task_id=task_id,
            )
        )
    return found


def _memo(snap: Snapshot, key, work):
    """What `work` derives from the snapshot, worked out once and kept with it."""
    if key not in snap.memo:
        snap.memo[key] = work()
    return snap.memo[key]


def _by_value(frame: pd.DataFrame) -> Ranked:
    """The buyers by value, highest first, equal values in the snapshot's order."""
    positions = np.flatnonzero((frame["orders"] > 0).to_numpy())
    return Ranked.of(positions, frame["value"].to_numpy()[positions], positions)


def _from_figures(
    member: np.ndarray | None, snap: Snapshot, *, money: Money, quiet_days: int, keep: int | None
) -> list[Suggestion]:
    """Suggestions read off the figures of the customers `member` marks (all when None); with
    `keep`, only each kind's best few.

    The scores of the whole snapshot are worked out and ranked once and kept with it, so the
    digests of one morning (each a different book) share them.
    """
    customers = snap.customers
    ranked = _memo(
        snap,
        ("figure scores", quiet_days),
        lambda: _ranked(customers.index, _figure_scores(customers, snap.today, quiet_days)),
    )
    reasons = _memo(snap, "reason columns", lambda: customers[REASON_COLUMNS])
    today = pd.Timestamp(snap.today)
    chosen = []
    for kind in REASONS:
        best = ranked[kind].top(member, keep)
        chosen += [
            (kind, int(position), float(score))
            for position, score in zip(best.positions, best.scores, strict=True)
        ]
    wanted = list(dict.fromkeys(position for _, position, _ in chosen))
    picked = reasons.iloc[wanted]
    values = zip(*(_plain(picked[column]) for column in REASON_COLUMNS), strict=True)
    rows = {
        p: dict(zip(REASON_COLUMNS, row, strict=True))
        for p, row in zip(wanted, values, strict=True)
    }
    ids = customers.index
    return [
        Suggestion(
            int(ids[position]),
            kind,
            score,
            REASONS[kind](rows[position], today=today, money=money),
            TOPICS[kind],
        )
        for kind, position, score in chosen
    ]


def _plain(column: pd.Series) -> list:
    """The column's values as `to_dict` gives them (None for a missing whole number), read a
    column at a time: much cheaper than row by row."""
    return [None if value is pd.NA else value for value in column.tolist()]


def _figure_scores(frame: pd.DataFrame, today: date, quiet_days: int) -> pd.DataFrame:
    """Every (customer, kind) the figures call for, with its score: columns kind and score,
    indexed by customer id in id order."""
    today = pd.Timestamp(today)
    contact = frame["last_contact"].dt.tz_convert(None).dt.normalize()
    quiet = frame["contact_days"].isna() | (frame["contact_days"] >= quiet_days)
    new = (frame["orders"] > 0) & ((today - frame["first_order"]).dt.days <= ONBOARDING_DAYS)
    recently_contacted = contact.notna() & (contact >= frame["first_order"])
    at_risk = analytics.at_risk(frame)
    stalled = (frame["quiet_days"] >= ADVANCE_DAYS) & (frame["stage_days"] >= ADVANCE_DAYS)
    kinds = {
        "recovery": (
            (frame["nps"] <= 6)
            & (
                contact.isna()
                | (contact <= pd.to_datetime(frame["nps_on"]))
                | (
                    ((today - pd.to_datetime(frame["nps_on"])).dt.days <= DETRACTOR_WATCH_DAYS)
                    & (frame["contact_days"] >= DETRACTOR_QUIET_DAYS)
                )
            ),
            85,
        ),
        "retention": (
            at_risk
            | (frame["high_value"] & quiet)
            | frame["segment"].isin(["at_risk", "cant_lose"]),
            pd.Series(78, index=frame.index)
            .mask(frame["segment"] == "at_risk", 75)
            .mask(frame["segment"] == "cant_lose", 80),
        ),
        "advance": (
            frame["stage"].isin(list(OPEN_STAGES)) & stalled,
            frame["stage"].map(OPEN_STAGES).astype("Float64"),
        ),
        "onboarding": (new & ~(recently_contacted & (frame["contact_days"] <= 7)), 65),
        "reactivation": (analytics.likely_gone(frame), 60),
        "referral": ((frame["nps"] >= 9) & (frame["stage"] == "customer") & ~frame["lapsed"], 40),
    }
    bonus = 2.0 * frame["m"].astype("Float64").fillna(0)
    parts = []
    for kind, (mask, base) in kinds.items():
        scores = (base + bonus)[mask.fillna(False).astype(bool)].astype(float)
        parts.append(pd.DataFrame({"kind": kind, "score": scores}))
    return pd.concat(parts).sort_index(kind="stable")


def _ranked(index: pd.Index, scored: pd.DataFrame) -> dict[str, Ranked]:
    """Each kind's customers best first, equal scores in id order."""
    ranked = {}
    for kind in REASONS:
        scores = scored.loc[scored["kind"] == kind, "score"]
        ids = scores.index.to_numpy()
        ranked[kind] = Ranked.of(index.get_indexer(ids), scores.to_numpy(dtype=float), ids)
    return ranked


def _recovery(row: pd.Series, *, today: pd.Timestamp, **_) -> str:
    answered = f"they gave us NPS {int(row['nps'])} on {row['nps_on']:%-d %b}"
    quiet = row["contact_days"]
    if quiet is None or quiet >= (today - pd.Timestamp(row["nps_on"])).days:
        return f"{answered} and nobody has spoken to them since"
    return (
        f"{answered} and were last spoken to {int(row['contact_days'])} days ago: check the "
        "problem is solved"
    )


def _retention(row: pd.Series, *, today: pd.Timestamp, money: Money) -> str:
    worth = money(cents_to_money(row["value"]))
    forecast = row["p_alive"]
    slipping = (
        forecast < analytics.AT_RISK_BELOW
        if pd.notna(forecast)
        else row["segment"] in ("at_risk", "cant_lose")
    )
    if slipping:  # else a top customer still buying, left without a word: account care
        gap = int((today - row["first_order"]).days / max(1, row["days"]))
        chance = (
            f" (likely still buying: {5 * round(row['p_alive'] * 20)}%)"
            if pd.notna(row["p_alive"])
            else ""
        )
        return (
            f"{orders_said(row['orders'])} worth {worth}, but the last was "
            f"{_days(row['recency_days'])} ago; they used to order every {_days(gap)}{chance}"
        )
    silence = (
        "never been contacted"
        if pd.isna(row["contact_days"])
        else f"had no contact for {_days(row['contact_days'])}"
    )
    return f"a top-10% customer ({worth} so far) who has {silence}"


def _advance(row: pd.Series, *, today: pd.Timestamp, **_) -> str:
    since = f"{row['stage']} since {row['stage_changed_at']:%-d %b}"
    if pd.isna(row["contact_days"]):
        return f"{since}, never contacted: get in touch to move them on"
    moved = (today - pd.Timestamp(row["stage_changed_at"]).tz_localize(None).normalize()).days
    if row["contact_days"] < ADVANCE_DAYS or moved < ADVANCE_DAYS:
        return (
            f"{since}, last contact {_days(row['contact_days'])} ago: agree the next step "
            "while it is fresh"
        )
    return (
        f"{since}, no contact for {_days(row['contact_days'])}: get back in touch to move them on"
    )


def _onboarding(row: pd.Series, *, today: pd.Timestamp, money: Money) -> str:
    days = (today - row["first_order"]).days
    first = "today" if days == 0 else f"{_days(days)} ago"
    return (
        f"first order {first} ({money(cents_to_money(row['value']))}); check they are set up "
        "and happy"
    )


def _reactivation(row: pd.Series, *, money: Money, **_) -> str:
    orders = orders_said(row["orders"])
    return (
        f"no order for {_days(row['recency_days'])}; before that they spent "
        f"{money(cents_to_money(row['value']))} over {orders}"
    )


def _referral(row: pd.Series, **_) -> str:
    return (
        f"they gave us a {int(row['nps'])} on {row['nps_on']:%-d %b}: a good moment to ask "
        "for a referral"
    )


REASON_COLUMNS = [
    "nps",
    "nps_on",
    "value",
    "p_alive",
    "segment",
    "first_order",
    "days",
    "orders",
    "recency_days",
    "contact_days",
    "stage",
    "stage_changed_at",
]
REASONS = {
    "recovery": _recovery,
    "retention": _retention,
    "advance": _advance,
    "onboarding": _onboarding,
    "reactivation": _reactivation,
    "referral": _referral,
}
TOPICS = {
    "recovery": "NPS recovery",
    "retention": "retention",
    "advance": "next step",
    "onboarding": "onboarding",
    "reactivation": "reactivation",
    "referral": "referral",
}


def _sales(frame: pd.DataFrame, shelf: Baskets, *, money: Money) -> list[Suggestion]:
    found = []
    everything = shelf.owned(frame.index)
    for customer_id, m in frame["m"].items():
        owned = everything.get(customer_id, frozenset())
        if upsell := _up_sell(owned, shelf, money=money):
            found.append(Suggestion(customer_id, "up_sell", 50 + _bonus(m), upsell, "up-sell"))
        if rule := _best_rule(owned, shelf):
            found.append(
                Suggestion(
                    customer_id,
                    "cross_sell",
                    45 + 10 * rule.confidence + _bonus(m),
                    f"{rule.confidence:.0%} of customers who bought {rule.antecedent} also bought "
                    f"{rule.consequent} ({rule.lift:.1f}× the usual rate); they have "
                    f"{rule.antecedent} but not {rule.consequent}",
                    "cross-sell",
                )
            )
    return found


def _wanted(
    session: Session, customer_ids: list[int], shelf: Baskets, frame: pd.DataFrame, *, money: Money
) -> list[Suggestion]:
    """What a customer said they are interested in, offered from the catalogue: a lead who asked
    about "services" is pitched the Services Package they don't have yet."""
    found = []
    owned = shelf.owned(customer_ids)
    rows = session.exec(
        select(CustomerInterest.customer_id, CustomerInterest.interest).where(
            col(CustomerInterest.customer_id).in_(customer_ids)
        )
    )
    for customer_id, interest in rows:
        product = _fitting(interest, shelf, owned.get(customer_id, frozenset()))
        if product is None:
            continue
        _, _, price = shelf.catalogue[product]
        m = frame["m"].get(customer_id) if customer_id in frame.index else None
        reason = f"they are interested in {interest}; {product} fits ({money(price)} list price)"
        found.append(Suggestion(customer_id, "cross_sell", 55 + _bonus(m), reason, "cross-sell"))
    return found


def _deals_moving(
    snap: Snapshot, customer_ids: list[int], found: list[Suggestion]
) -> list[Suggestion]:
    """Asked about one customer whose deal is open and still moving: the next step, below a deal
    gone quiet (which a book's list ranks among everything else)."""
    advancing = {s.customer_id for s in found if s.kind == "advance"}
    rows = snap.customers.loc[[i for i in customer_ids if i in snap.customers.index]]
    today = pd.Timestamp(snap.today)
    return [
        Suggestion(
            int(customer_id),
            "advance",
            OPEN_STAGES[row["stage"]] - MOVING_ON + _bonus(row["m"]),
            _advance(row, today=today),
            TOPICS["advance"],
        )
        for customer_id, row in rows.iterrows()
        if row["stage"] in OPEN_STAGES and customer_id not in advancing
    ]


def _fitting(interest: str, shelf: Baskets, owned: frozenset[str]) -> str | None:
    """The entry product of the catalogue an interest names, by product or family, not owned."""
    wanted = normalize.singular_key(interest).split()
    fits = [
        (tier, name)
        for name, (family, tier, _) in shelf.catalogue.items()
        if name not in owned
        and any(
            normalize.has_words(normalize.singular_key(said).split(), wanted)
            for said in (name, family)
        )
    ]
    return min(fits)[1] if fits else None


def _up_sell(owned: frozenset[str], shelf: Baskets, *, money: Money) -> str | None:
    best: dict[str, tuple[int, str]] = {}
    for product in owned:
        if product in shelf.catalogue:
            family, tier, _ = shelf.catalogue[product]
            if tier > best.get(family, (0, ""))[0]:
                best[family] = (tier, product)
    for family, (tier, product) in sorted(best.items()):
        higher = shelf.ladders[family].get(tier + 1)
        if higher and higher not in owned:
            _, _, price = shelf.catalogue[higher]
            return f"they use {product}; {higher} is the next tier up ({money(price)} list price)"
    return None


def _best_rule(owned: frozenset[str], shelf: Baskets) -> Rule | None:
    """The most confident rule to a product they lack, outside the families they already use."""
    families = {shelf.catalogue[p][0] for p in owned if p in shelf.catalogue}
    candidates = [
        rule
        for product in owned
        for rule in shelf.rules.get(product, ())
        if rule.consequent not in owned
        and shelf.catalogue.get(rule.consequent, ("",))[0] not in families
    ]
    return max(candidates, key=lambda r: (r.confidence, r.lift), default=None)


def _days(days) -> str:
    days = int(days)
    return "1 day" if days == 1 else f"{days} days"
