"""Customers matching a combination of criteria, each with the reason they match.

A segment is an RFM segment, `lapsed` (no purchase for the configured days), `high_value` (top
decile by lifetime value) or an NPS category of the customer's latest answer; every other criterion
(pipeline stage, owner, product interest, tag, city, silence, value) narrows it further. Customers
in the bin are never in a segment.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pandas as pd
from sqlalchemy import Select, or_
from sqlmodel import Session, col, select

from crm_store import interests, normalize
from crm_store.analytics import Snapshot, cents_to_money, orders_said
from crm_store.models import Customer, CustomerFigures, CustomerTag, NpsAnswer, Product, Purchase
from crm_store.segment_names import ALL_SEGMENTS, NPS_CATEGORIES, SEGMENTS

SORTS = ("value", "recency", "frequency")

Money = Callable[[Decimal], str]


@dataclass(frozen=True)
class Criteria:
    segment: str | None = None
    no_purchase_days: int | None = None
    bought_days: int | None = None  # bought within this many days ("who bought in the last 90")
    no_contact_days: int | None = None
    contacted_days: int | None = None  # contacted within this many days ("contacted this week")
    no_stage_change_days: int | None = None
    never_contacted: bool = False
    added_since: date | None = None  # added on this day or later
    added_before: date | None = None  # added before this day
    never_purchased: bool = False
    city: str | None = None
    tag: str | None = None
    not_tag: str | None = None  # without this tag
    interest: str | None = None
    bought: tuple[str, ...] = ()  # bought one of these products (as sold: see `products_named`)
    never_bought: tuple[str, ...] = ()  # bought none of these products
    owner_id: int | None = None
    # a stage of the store's pipeline, or several ("leads and proposals"), checked by the caller
    stage: str | tuple[str, ...] | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None  # worth less than this
    sort: str = "value"
    # only these customers, found by something outside the figures ("the ones I got from Sam")
    among: frozenset[int] | None = None

    @property
    def stages(self) -> tuple[str, ...]:
        return (self.stage,) if isinstance(self.stage, str) else tuple(self.stage or ())

    def __post_init__(self) -> None:
        if self.segment is not None and self.segment not in ALL_SEGMENTS:
            raise ValueError(f"unknown segment {self.segment!r}")
        for days in (
            self.no_purchase_days,
            self.bought_days,
            self.no_contact_days,
            self.contacted_days,
            self.no_stage_change_days,
        ):
            if days is not None and days < 0:
                raise ValueError("a number of days can't be negative")
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}")


def find(session: Session, snap: Snapshot, criteria: Criteria) -> pd.DataFrame:
    """The matching rows of the snapshot, best first by `criteria.sort`."""
    frame = snap.customers
    keep = pd.Series(True, index=frame.index)
    if criteria.segment in SEGMENTS:
        keep &= frame["segment"] == criteria.segment
    elif criteria.segment == "lapsed":
        keep &= frame["lapsed"]
    elif criteria.segment == "high_value":
        keep &= frame["high_value"]
    elif criteria.segment in NPS_CATEGORIES:
        keep &= frame["nps_category"] == criteria.segment
    if criteria.stage:
        keep &= frame["stage"].isin(criteria.stages)
    if criteria.no_purchase_days is not None:
        keep &= (frame["recency_days"] >= criteria.no_purchase_days).fillna(False)
    if criteria.bought_days is not None:
        keep &= (frame["recency_days"] <= criteria.bought_days).fillna(False)
    if criteria.never_purchased:
        keep &= frame["orders"].fillna(0) == 0
    if criteria.no_contact_days is not None:
        keep &= (frame["quiet_days"] >= criteria.no_contact_days).fillna(True)
    if criteria.contacted_days is not None:
        keep &= (frame["contact_days"] <= criteria.contacted_days).fillna(False)
    if criteria.never_contacted:
        keep &= frame["contact_days"].isna()
    if criteria.added_since is not None or criteria.added_before is not None:
        added = frame["created_at"].dt.date
        keep &= added >= (criteria.added_since or date.min)
        keep &= added < (criteria.added_before or date.max)
    if criteria.no_stage_change_days is not None:
        keep &= (frame["stage_days"] >= criteria.no_stage_change_days).fillna(False)
    if criteria.city:
        keep &= _in_places(frame, criteria.city)
    if criteria.owner_id is not None:
        keep &= (frame["owner_id"] == criteria.owner_id).fillna(False)
    if criteria.among is not None:
        keep &= frame.index.isin(list(criteria.among))
    if criteria.min_value is not None:
        keep &= frame["value"] >= int(criteria.min_value * 100)
    if criteria.max_value is not None:
        keep &= frame["value"].fillna(0) < int(criteria.max_value * 100)
    if criteria.tag:
        keep &= frame.index.isin(_tagged(session, criteria.tag))
    if criteria.not_tag:
        keep &= ~frame.index.isin(_tagged(session, criteria.not_tag))
    if criteria.bought:
        buyers = _buyers(criteria.bought, _bought_since(criteria, snap.today))
        keep &= frame.index.isin(list(session.exec(buyers)))
    if criteria.never_bought:
        keep &= ~frame.index.isin(list(session.exec(_buyers(criteria.never_bought))))
    if criteria.interest:
        keep &= frame.index.isin(interests.interested(session, criteria.interest))
    return _sorted(frame[keep.astype(bool)], criteria.sort)


def _in_places(frame: pd.DataFrame, said: str) -> pd.Series:
    """Customers in one of the places said: towns, or countries ("paris and madrid", "germany",
    "berlin or the uk")."""
    places = {normalize.fold(place) for place in re.split(r"\s*,\s*|\s+(?:and|or|&|\+)\s+", said)}
    folded = {city: normalize.fold(city) for city in frame["city"].dropna().unique()}
    inside = frame["city"].map(folded).isin(places)
    towns = set(folded.values())
    countries = {normalize.country_code(p, codes=False) for p in places - towns} - {None}
    return inside | frame["country"].isin(countries) if countries else inside


def narrowing(criteria: Criteria, *, today: date) -> Select | None:
    """The customer ids the stored figures allow for these criteria (a superset: `find` still
    applies every criterion), or None when nothing narrows them."""
    query = select(Customer.id).join(
        CustomerFigures, CustomerFigures.customer_id == Customer.id, isouter=True
    )
    conditions = []
    if criteria.segment in SEGMENTS:
        conditions.append(CustomerFigures.segment == criteria.segment)
    elif criteria.segment == "high_value":
        conditions.append(col(CustomerFigures.high_value).is_(True))
    elif criteria.segment in NPS_CATEGORIES:
        conditions.append(col(Customer.id).in_(select(NpsAnswer.customer_id)))
    elif criteria.segment == "lapsed":
        conditions.append(CustomerFigures.days > 0)
    if criteria.stage:
        conditions.append(col(Customer.stage).in_(criteria.stages))
    if criteria.owner_id is not None:
        conditions.append(Customer.owner_id == criteria.owner_id)
    if criteria.among is not None:
        conditions.append(col(Customer.id).in_(list(criteria.among)))
    if criteria.min_value is not None:
        conditions.append(CustomerFigures.value_cents >= int(criteria.min_value * 100))
    if criteria.max_value is not None:  # a customer with no figures yet is worth nothing
        below = CustomerFigures.value_cents < int(criteria.max_value * 100)
        conditions.append(or_(col(CustomerFigures.value_cents).is_(None), below))
    if criteria.no_purchase_days is not None:
        cutoff = today - timedelta(days=criteria.no_purchase_days)
        conditions.append(CustomerFigures.last_order <= cutoff)
    if criteria.bought_days is not None:
        conditions.append(
            CustomerFigures.last_order >= today - timedelta(days=criteria.bought_days)
        )
    if criteria.tag:
        conditions.append(col(Customer.id).in_(_tag_query(criteria.tag)))
    if criteria.bought:
        conditions.append(
            col(Customer.id).in_(_buyers(criteria.bought, _bought_since(criteria, today)))
        )
    return query.where(*conditions) if conditions else None


def reason(row: pd.Series, criteria: Criteria, *, money: Money) -> str:
    """Why this customer is in the list, in words a rep can repeat."""
    parts = []
    added = f"added {row['created_at']:%-d %b %Y}"
    added_said = False
    if row["orders"]:
        parts.append(f"last order {_days(row['recency_days'])}")
        parts.append(orders_said(row["orders"]))
        parts.append(money(cents_to_money(row["value"])))
    else:
        parts.append("no orders yet")
    if (
        criteria.no_contact_days is not None
        or criteria.contacted_days is not None
        or criteria.never_contacted
        or (criteria.stage and not row["orders"])
    ):
        days = row["contact_days"]
        added_said = pd.isna(days)
        if added_said:  # how long "never" has been: quiet since they were added
            parts.append(f"never contacted, {added}")
        else:
            parts.append(f"last contact {_days(days)}")
    if (criteria.added_since or criteria.added_before) and not added_said:
        parts.append(added)
    if criteria.city:
        place = [row[part] for part in ("city", "country") if pd.notna(row[part])]
        parts.append(f"in {', '.join(place)}" if place else "no town")
    if criteria.no_stage_change_days is not None or criteria.stage:
        parts.append(f"{row['stage']} since {row['stage_changed_at']:%-d %b %Y}")
    if criteria.segment in NPS_CATEGORIES:
        parts.append(f"NPS {int(row['nps'])} on {row['nps_on']:%-d %b %Y}")
    if criteria.segment == "high_value":
        parts.append("top 10% by value")
    elif criteria.segment in SEGMENTS and row["orders"]:
        parts.append(f"RFM {row['r']}-{row['f']}-{row['m']}")
    return ", ".join(parts)


def to_csv(frame: pd.DataFrame, *, owners: dict[int, str], currency: str) -> bytes:
    """Every matching customer with their figures, for a spreadsheet."""
    money = lambda cents: cents.map(lambda c: str(cents_to_money(c)))  # noqa: E731
    table = pd.DataFrame(
        {
            "id": frame.index,
            "name": frame["name"],
            "company": frame["company"],
            "email": frame["email"],
            "phone": frame["phone"],
            "city": frame["city"],
            "country": frame["country"],
            "owner": frame["owner_id"].map(owners),
            "stage": frame["stage"],
            "segment": frame["segment"],
            "orders": frame["orders"],
            f"lifetime_value_{currency}": money(frame["value"]),
            f"predicted_12_months_{currency}": money(frame["predicted"]),
            "last_order": frame["last_order"].dt.strftime("%Y-%m-%d"),
            "last_contact": frame["last_contact"].dt.strftime("%Y-%m-%d"),
            "r": frame["r"],
            "f": frame["f"],
            "m": frame["m"],
            "nps": frame["nps"].astype("Int64"),
        }
    )
    out = io.StringIO()
    table.to_csv(out, index=False, lineterminator="\r\n")
    return out.getvalue().encode("utf-8")


def _tagged(session: Session, tag: str) -> list[int]:
    return list(session.exec(_tag_query(tag)))


def _tag_query(tag: str) -> Select:
    """Customers with the tag, or with any of several: "vip or partner"."""
    wanted = {normalize.fold(t.lstrip("#")).replace(" ", "-") for t in re.split(r"\s+or\s+", tag)}
    return select(CustomerTag.customer_id).where(col(CustomerTag.tag).in_(wanted))


def products_named(session: Session, typed: str) -> tuple[str, ...]:
    """The products sold or in the catalogue that the words name, plurals and all: "crm" names
    CRM Pro and CRM Enterprise, "training workshops" names Training Workshop."""
    wanted = normalize.singular_key(typed).split()
    if not wanted:
        return ()
    sold = session.exec(select(Purchase.product).distinct()).all()
    names = {*sold, *session.exec(select(Product.name))}
    return tuple(
        sorted(n for n in names if normalize.has_words(normalize.singular_key(n).split(), wanted))
    )


def _buyers(products: tuple[str, ...], since: date | None = None) -> Select:
    """Who bought one of the products (since a day, when said: "bought X in the last 90 days")."""
    bought = select(Purchase.customer_id).where(col(Purchase.product).in_(products))
    if since is not None:
        bought = bought.where(Purchase.purchased_on >= since)
    return bought.distinct()


def _bought_since(criteria: Criteria, today: date) -> date | None:
    if criteria.bought_days is None:
        return None
    return today - timedelta(days=criteria.bought_days)


def _sorted(frame: pd.DataFrame, sort: str) -> pd.DataFrame:
    """Best first; equals in customer-id order, however the rows were read."""
    frame = frame.sort_index()
    if sort == "recency":
        return frame.sort_values(
            ["recency_days", "value"], ascending=[True, False], na_position="last", kind="stable"
        )
    if sort == "frequency":
        return frame.sort_values(["orders", "value"], ascending=[False, False], kind="stable")
    return frame.sort_values(["value", "orders"], ascending=[False, False], kind="stable")


def _days(days) -> str:
    days = int(days)
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def _iso(value) -> str:
    return "" if pd.isna(value) else value.date().isoformat()


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _blank(value) -> str:
    return "" if pd.isna(value) else str(int(value))
