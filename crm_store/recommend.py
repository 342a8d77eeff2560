"""What to do next with a customer, and why, ranked so the most valuable move comes first.

Each suggestion has a kind, a score (0–100: higher first; 70+ is high priority, 45+ medium), and a
reason a rep can say out loud. Scores start from the kind and add up to 10 for the customer's
monetary score, so among equal kinds the bigger account comes first:

    follow_up    90  an open task about the customer is overdue
    recovery     85  latest NPS answer 0–6 and no contact since
    retention    80  cant_lose; 75 at_risk; 78 top-decile value with no contact for 45 days
    onboarding   65  first order in the last 30 days and at most one contact since
    reactivation 60  lapsed, hibernating or lost
    up_sell      50  a product of a family they use, one tier above the highest they have
    cross_sell   45  + 10 × confidence of the best co-purchase rule whose product they lack
    referral     40  latest NPS answer 9–10 and still an active customer

Co-purchase rules "X → Y" count customers (not orders) who bought both: support = both / all
buyers, confidence = both / bought X, lift = confidence / share who bought Y. A rule needs
`min_together` customers, confidence ≥ 0.1 and lift > 1. Across a whole book, cross- and up-sell
are looked for among its most valuable customers only, which is where they can rank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
from sqlmodel import Session, col, select

from crm_store.analytics import Snapshot, cents_to_money, table
from crm_store.models import Product, Purchase, Task, TaskStatus

Money = Callable[[Decimal], str]
QUIET_DAYS = 45
ONBOARDING_DAYS = 30
MAX_RULE_PRODUCTS = 300


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
    """Which products each customer has bought, and the co-purchase rules they imply."""

    pairs: pd.Series  # product, indexed by the customer_id who bought it (once per product)
    rules: dict[str, list[Rule]]  # antecedent → its rules, most confident first
    catalogue: dict[str, tuple[str, int, Decimal]]  # product → family, tier, price
    ladders: dict[str, dict[int, str]]  # family → tier → product

    def owned(self, customer_ids: Iterable[int]) -> dict[int, frozenset[str]]:
        mine = self.pairs.loc[self.pairs.index.intersection(list(customer_ids))]
        return {int(customer): frozenset(products) for customer, products in mine.groupby(level=0)}


def baskets(session: Session, *, today: date, min_together: int = 3) -> Baskets:
    pairs = table(
        session,
        select(Purchase.customer_id, Purchase.product)
        .where(Purchase.purchased_on <= today)
        .group_by(Purchase.customer_id, Purchase.product),
        ["customer_id", "product"],
    )
    rules = co_purchase_rules(pairs, min_together=min_together)
    catalogue = {p.name: (p.family, p.tier, p.price) for p in session.exec(select(Product)).all()}
    ladders: dict[str, dict[int, str]] = {}
    for name, (family, tier, _) in catalogue.items():
        ladders.setdefault(family, {})[tier] = name
    owned = pairs.set_index("customer_id")["product"].sort_index()
    return Baskets(pairs=owned, rules=rules, catalogue=catalogue, ladders=ladders)


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
    frame = snap.customers
    if customer_ids is not None:
        frame = frame[frame.index.isin(list(customer_ids))]
    found: list[Suggestion] = []
    found += _follow_ups(session, frame, snap.today)
    keep = None if limit is None else 3 * limit
    found += _from_figures(frame, snap, money=money, quiet_days=quiet_days, keep=keep)
    sellable = frame[frame["orders"] > 0]
    if limit is not None:
        sellable = sellable.nlargest(max(200, 5 * limit), "value")
    found += _sales(sellable, shelf, money=money)
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


def _bonus(row: pd.Series) -> float:
    return 0.0 if pd.isna(row["m"]) else 2.0 * float(row["m"])


def _follow_ups(session: Session, frame: pd.DataFrame, today: date) -> list[Suggestion]:
    if frame.empty:
        return []
    query = (
        select(Task.id, Task.customer_id, Task.text, Task.due)
        .where(Task.status == TaskStatus.open.value, col(Task.due) < today)
        .where(col(Task.customer_id).is_not(None))
        .order_by(Task.due)
    )
    if len(frame) < 5000:
        query = query.where(col(Task.customer_id).in_([int(i) for i in frame.index]))
    found = []
    for task_id, customer_id, text, due in session.execute(query).all():
        if customer_id not in frame.index:
            continue
        late = (today - due).days
        found.append(
            Suggestion(
                customer_id=customer_id,
                kind="follow_up",
                score=90 + _bonus(frame.loc[customer_id]),
                reason=f"the follow-up “{text}” was due {_days(late)} ago",
                topic="follow-up",
                task_id=task_id,
            )
        )
    return found


def _from_figures(
    frame: pd.DataFrame, snap: Snapshot, *, money: Money, quiet_days: int, keep: int | None
) -> list[Suggestion]:
    """Suggestions read off each customer's figures; with `keep`, only each kind's best few."""
    today = pd.Timestamp(snap.today)
    contact = frame["last_contact"].dt.tz_convert(None).dt.normalize()
    quiet = frame["contact_days"].isna() | (frame["contact_days"] >= quiet_days)
    new = (frame["orders"] > 0) & ((today - frame["first_order"]).dt.days <= ONBOARDING_DAYS)
    recently_contacted = contact.notna() & (contact >= frame["first_order"])
    at_risk = frame["segment"].isin(["at_risk", "cant_lose"])
    kinds = {
        "recovery": (
            (frame["nps"] <= 6) & (contact.isna() | (contact <= pd.to_datetime(frame["nps_on"]))),
            85,
        ),
        "retention": (
            at_risk | (frame["high_value"] & quiet),
            pd.Series(78, index=frame.index)
            .mask(frame["segment"] == "at_risk", 75)
            .mask(frame["segment"] == "cant_lose", 80),
        ),
        "onboarding": (new & ~(recently_contacted & (frame["contact_days"] <= 7)), 65),
        "reactivation": (
            (frame["orders"] > 0)
            & (frame["lapsed"] | frame["segment"].isin(["hibernating", "lost"])),
            60,
        ),
        "referral": ((frame["nps"] >= 9) & (frame["stage"] == "customer") & ~frame["lapsed"], 40),
    }
    bonus = 2.0 * frame["m"].astype("Float64").fillna(0)
    found = []
    for kind, (mask, base) in kinds.items():
        scores = (base + bonus)[mask.fillna(False).astype(bool)]
        if keep is not None:
            scores = scores.nlargest(keep)
        for customer_id, score in scores.items():
            row = frame.loc[customer_id]
            found.append(
                Suggestion(
                    int(customer_id),
                    kind,
                    float(score),
                    REASONS[kind](row, today=today, money=money),
                    TOPICS[kind],
                )
            )
    return found


def _recovery(row: pd.Series, **_) -> str:
    return (
        f"they gave us NPS {int(row['nps'])} on {row['nps_on']:%-d %b} and nobody has spoken "
        "to them since"
    )


def _retention(row: pd.Series, *, today: pd.Timestamp, money: Money) -> str:
    worth = money(cents_to_money(row["value"]))
    if row["segment"] in ("at_risk", "cant_lose"):
        gap = int((today - row["first_order"]).days / max(1, row["orders"]))
        return (
            f"{row['orders']} orders worth {worth}, but the last was "
            f"{_days(row['recency_days'])} ago; they used to order every {_days(gap)}"
        )
    silence = (
        "never been contacted"
        if pd.isna(row["contact_days"])
        else f"had no contact for {_days(row['contact_days'])}"
    )
    return f"a top-10% customer ({worth} so far) who has {silence}"


def _onboarding(row: pd.Series, *, today: pd.Timestamp, money: Money) -> str:
    days = (today - row["first_order"]).days
    first = "today" if days == 0 else f"{_days(days)} ago"
    return (
        f"first order {first} ({money(cents_to_money(row['value']))}); check they are set up "
        "and happy"
    )


def _reactivation(row: pd.Series, *, money: Money, **_) -> str:
    orders = f"{row['orders']} order{'' if row['orders'] == 1 else 's'}"
    return (
        f"no order for {_days(row['recency_days'])}; before that they spent "
        f"{money(cents_to_money(row['value']))} over {orders}"
    )


def _referral(row: pd.Series, **_) -> str:
    return (
        f"they gave us a {int(row['nps'])} on {row['nps_on']:%-d %b}: a good moment to ask "
        "for a referral"
    )


REASONS = {
    "recovery": _recovery,
    "retention": _retention,
    "onboarding": _onboarding,
    "reactivation": _reactivation,
    "referral": _referral,
}
TOPICS = {
    "recovery": "NPS recovery",
    "retention": "retention",
    "onboarding": "onboarding",
    "reactivation": "reactivation",
    "referral": "referral",
}


def _sales(frame: pd.DataFrame, shelf: Baskets, *, money: Money) -> list[Suggestion]:
    found = []
    everything = shelf.owned(frame.index)
    for customer_id, row in frame.iterrows():
        owned = everything.get(customer_id, frozenset())
        if upsell := _up_sell(owned, shelf, money=money):
            found.append(Suggestion(customer_id, "up_sell", 50 + _bonus(row), upsell, "up-sell"))
        if rule := _best_rule(owned, shelf):
            found.append(
                Suggestion(
                    customer_id,
                    "cross_sell",
                    45 + 10 * rule.confidence + _bonus(row),
                    f"{rule.confidence:.0%} of customers who bought {rule.antecedent} also bought "
                    f"{rule.consequent} ({rule.lift:.1f}× the usual rate); they have "
                    f"{rule.antecedent} but not {rule.consequent}",
                    "cross-sell",
                )
            )
    return found


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
