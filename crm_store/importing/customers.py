"""Customers, matched on external id, e-mail or phone (or name and company) before creating."""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, or_, select, update
from sqlalchemy import text as sql

from crm_store import interests, normalize
from crm_store.columns import STAGES
from crm_store.importing.base import (
    Batch,
    Importer,
    RowError,
    among,
    bulk_insert,
    insert_numbered,
)
from crm_store.importing.values import as_utc, country, day_first, tags, text
from crm_store.models import Customer, CustomerInterest, CustomerTag, search_keys

LIMITS = {"name": 200, "company": 200, "title": 120, "city": 120, "external_id": 120}
NEXT_IDS = sql(
    "SELECT nextval(pg_get_serial_sequence('customers', 'id')) FROM generate_series(1, :n)"
)
CUSTOMER_FIELDS = (
    "external_id",
    "name",
    "company",
    "title",
    "email",
    "phone",
    "city",
    "country",
    "owner_id",
    "stage",
)
KEYS = ("name_key", "company_key")  # folded at write time for search
_fields = itemgetter(*CUSTOMER_FIELDS)
LIVE = select(
    Customer.__table__.c.id,
    Customer.__table__.c.stage_changed_at,
    *(Customer.__table__.c[f] for f in CUSTOMER_FIELDS),
).where(Customer.__table__.c.forgotten_at.is_(None))


def _limited(values: dict[str, str], name: str) -> str | None:
    value = text(values.get(name, ""))
    if value and name in LIMITS and len(value) > LIMITS[name]:
        raise RowError(f"the {name.replace('_', ' ')} is longer than {LIMITS[name]} characters")
    return value


class CustomerImporter(Importer):
    """Customers, matched on external id, e-mail or phone (or name and company) before creating."""

    def __init__(self, connection, options, layout, rows) -> None:
        super().__init__(connection, options, layout, rows)
        created = [r.values.get("created_at", "") for r in rows]
        self.day_first = day_first(created, region=options.region)
        self.index: dict[str, dict[Any, dict[str, Any]]] = {
            "external_id": {},
            "email": {},
            "phone": {},
            "name": {},
        }
        unidentified = any(
            not any(r.values.get(f, "").strip() for f in ("external_id", "email", "phone"))
            for r in rows
        )
        self.by_name = options.merge_names or unidentified  # else names are never compared
        self.stored: dict[int, dict[str, Any]] = {}  # every record the store holds, by id
        tag_sets: dict[int, set[str]] = {}
        for customer_id, tag in connection.execute(
            select(CustomerTag.customer_id, CustomerTag.tag)
        ):
            tag_sets.setdefault(customer_id, set()).add(tag)
        interest_sets: dict[int, set[str]] = {}
        for customer_id, key in connection.execute(
            select(CustomerInterest.customer_id, CustomerInterest.key)
        ):
            interest_sets.setdefault(customer_id, set()).add(key)
        for found in connection.execute(LIVE.order_by(Customer.__table__.c.id)).mappings():
            record = dict(found)
            record["tags"] = frozenset(tag_sets.get(record["id"], ()))
            record["interests"] = frozenset(interest_sets.get(record["id"], ()))
            self.stored[record["id"]] = record
            self._index(record, None)

    def prepare(self, connection: Connection, items: list[dict[str, Any]]) -> None:
        """Match this batch against the store as it is now, not as it was when the import began:
        the customers that other processes added or changed meanwhile replace what was known."""
        table = Customer.__table__
        wanted = {
            kind: {item[kind] for item in items if item[kind]}
            for kind in ("external_id", "email", "phone")
        }
        for kind, values in wanted.items():
            for value in values:  # forget what the store said; it is read again below
                record = self.index[kind].get(value)
                if record is not None and record["id"] is not None:
                    del self.index[kind][value]
        conditions = [
            among(connection, table.c[kind], values) for kind, values in wanted.items() if values
        ]
        if not conditions:
            return
        for found in connection.execute(LIVE.where(or_(*conditions))).mappings():
            record = self.stored.get(found["id"])
            if record is None:
                tags = connection.execute(
                    select(CustomerTag.tag).where(CustomerTag.customer_id == found["id"])
                )
                keys = connection.execute(
                    select(CustomerInterest.key).where(CustomerInterest.customer_id == found["id"])
                )
                record = self.stored[found["id"]] = {
                    "tags": frozenset(tags.scalars()),
                    "interests": frozenset(keys.scalars()),
                }
            record.update(found)
            for kind in ("external_id", "email", "phone"):
                if record[kind]:
                    self.index[kind][record[kind]] = record

    def _name_key(self, record: dict[str, Any]) -> tuple[str, str]:
        return (
            normalize.name_key(record["name"] or ""),
            normalize.name_key(record["company"] or ""),
        )

    def _index(self, record: dict[str, Any], batch: Batch | None) -> None:
        for kind in ("external_id", "email", "phone"):
            if record[kind]:
                self._put(self.index[kind], record[kind], record, batch)
        if not self.by_name:
            return
        key = self._name_key(record)
        if key not in self.index["name"]:
            self._put(self.index["name"], key, record, batch)

    @staticmethod
    def _put(mapping: dict, key: Any, value: Any, batch: Batch | None) -> None:
        if batch is None:
            mapping.setdefault(key, value)
        else:
            batch.put(mapping, key, value)

    def clean(self, values: dict[str, str]) -> dict[str, Any]:
        name = _limited(values, "name")
        if not name:
            first, last = text(values.get("first_name", "")), text(values.get("last_name", ""))
            name = " ".join(filter(None, [first, last])) or None
            if name and len(name) > LIMITS["name"]:
                raise RowError(f"the name is longer than {LIMITS['name']} characters")
        company = _limited(values, "company")
        if not name and not company:
            raise RowError("no name or company")
        item: dict[str, Any] = {
            "external_id": _limited(values, "external_id"),
            "name": name,
            "company": company,
            "title": _limited(values, "title"),
            "city": _limited(values, "city"),
            "email": self.clean_email(values.get("email", "")),
            "country": None,
            "owner_id": None,
            "stage": None,
        }
        self.refuse_erased("external_id", item["external_id"])
        if raw := text(values.get("country", "")):
            try:
                item["country"] = country(raw)
            except ValueError as error:
                raise RowError(str(error)) from None
        item["phone"] = self.clean_phone(values.get("phone", ""), region=item["country"])
        if raw := text(values.get("owner", "")):
            item["owner_id"] = self.staff.find(raw)
        if raw := text(values.get("stage", "")):
            pipeline = self.options.pipeline
            stage = pipeline.read(raw) or pipeline.read(_vendor_stage(raw))
            if stage is None:
                raise RowError(f"“{raw}” is not a stage ({pipeline.describe()})")
            item["stage"] = stage
        item["tags"] = tags(values.get("tags", ""))
        item["interests"] = {
            interests.interest_key(each): each
            for each in interests.split(values.get("interest", ""))
        }
        item["created_at"] = None
        if values.get("created_at", "").strip():
            moment = self._moment(values, "created_at", day_first_dates=self.day_first)
            item["created_at"] = as_utc(moment, tz=self.options.tz)
        return item

    def _match(self, item: dict[str, Any]) -> dict[str, Any] | None:
        found: dict[int, dict[str, Any]] = {}
        said = {}
        for kind in ("external_id", "email", "phone"):
            if item[kind] and (record := self.index[kind].get(item[kind])) is not None:
                found[id(record)] = record
                said[kind] = record
        if len(found) > 1:
            (kind_a, a), (kind_b, b) = list(said.items())[:2]
            raise RowError(
                f"its {kind_a.replace('_', ' ')} belongs to {_who(a)} but its "
                f"{kind_b.replace('_', ' ')} to {_who(b)}"
            )
        if found:
            return next(iter(found.values()))
        identified = item["external_id"] or item["email"] or item["phone"]
        if identified and not self.options.merge_names:
            return None
        return self.index["name"].get(self._name_key(item))

    @staticmethod
    def _refuse_contradictions(
        item: dict[str, Any], record: dict[str, Any], changes: dict[str, Any]
    ) -> None:
        """A person decides these, not the order of rows: another external id for the same
        person, or a row disagreeing with an earlier row of the same file."""
        if "external_id" in changes and record["external_id"]:
            raise RowError(
                f"it matches {_who(record)}, whose external id is {record['external_id']}, "
                f"not {item['external_id']}"
            )
        earlier = record.get("line")
        clashes = [f for f in changes if earlier and record[f] is not None]
        if clashes:
            name = clashes[0]
            shown = {"owner_id": "owner"}.get(name, name.replace("_", " "))
            raise RowError(
                f"it repeats line {earlier} with another {shown} "
                f"(“{item[name]}” here, “{record[name]}” there)"
            )

    def plan(self, item: dict[str, Any], batch: Batch) -> str:
        record = self._match(item)
        if record is None:
            record = dict(zip(CUSTOMER_FIELDS, _fields(item), strict=True))
            record["stage"] = record["stage"] or self.options.pipeline.first
            record["id"] = None
            record["tags"] = item["tags"]
            record["interests"] = frozenset(item["interests"])
            record["created_at"] = item["created_at"]
            record["stage_changed_at"] = item["created_at"] or self.options.moment()
            record["line"] = item["line"]
            self._index(record, batch)
            batch.inserts.append(record)
            if item["tags"]:
                batch.tags.extend((record, tag) for tag in sorted(item["tags"]))
            if item["interests"]:
                batch.interests.extend((record, k, v) for k, v in sorted(item["interests"].items()))
            return "created"
        changes = {
            f: item[f] for f in CUSTOMER_FIELDS if item[f] is not None and item[f] != record[f]
        }
        self._refuse_contradictions(item, record, changes)
        batch.put(record, "line", item["line"])
        new_tags = item["tags"] - record["tags"]
        new_interests = set(item["interests"]) - record["interests"]
        if not changes and not new_tags and not new_interests:
            return "unchanged"
        for kind in ("external_id", "email", "phone"):
            if kind in changes and record[kind]:
                batch.drop(self.index[kind], record[kind])
        for name, value in changes.items():
            batch.put(record, name, value)
        if new_tags:
            batch.put(record, "tags", record["tags"] | new_tags)
            batch.tags.extend((record, tag) for tag in sorted(new_tags))
        if new_interests:
            batch.put(record, "interests", record["interests"] | new_interests)
            batch.interests.extend((record, k, item["interests"][k]) for k in sorted(new_interests))
        if "stage" in changes:
            batch.put(record, "stage_changed_at", self.options.moment())
        self._index(record, batch)
        if record["id"] is not None and changes:
            batch.updates[record["id"]] = record
        return "updated"

    def write(self, connection: Connection, batch: Batch) -> None:
        table = Customer.__table__
        now = self.options.moment()
        if batch.inserts:
            rows = [
                dict(
                    zip(CUSTOMER_FIELDS, _fields(r), strict=True),
                    consent_marketing=False,
                    created_at=r["created_at"] or now,
                    updated_at=now,
                    stage_changed_at=r["created_at"] or now,
                    **search_keys(r["name"], r["company"]),
                )
                for r in batch.inserts
            ]
            if connection.dialect.name == "postgresql":
                # ids drawn from the sequence up front let the rows go in by COPY
                ids = connection.execute(NEXT_IDS, {"n": len(rows)}).scalars().all()
                for row, new_id in zip(rows, ids, strict=True):
                    row["id"] = new_id
                bulk_insert(connection, table, rows)
            else:
                ids = insert_numbered(connection, table, rows)
            for record, new_id in zip(batch.inserts, ids, strict=True):
                record["id"] = new_id  # if the batch fails, undo drops these records anyway
                self.stored[new_id] = record
        if batch.updates:
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values(
                    {
                        f: bindparam(f"_{f}")
                        for f in (*CUSTOMER_FIELDS, *KEYS, "updated_at", "stage_changed_at")
                    }
                )
            )
            connection.execute(
                statement,
                [
                    {
                        "_id": i,
                        "_updated_at": now,
                        "_stage_changed_at": r["stage_changed_at"],
                        **{f"_{f}": r[f] for f in CUSTOMER_FIELDS},
                        **{f"_{k}": v for k, v in search_keys(r["name"], r["company"]).items()},
                    }
                    for i, r in batch.updates.items()
                ],
            )
        if batch.tags:
            bulk_insert(
                connection,
                CustomerTag.__table__,
                [{"customer_id": record["id"], "tag": tag} for record, tag in batch.tags],
            )
        if batch.interests:
            bulk_insert(
                connection,
                CustomerInterest.__table__,
                [
                    {"customer_id": record["id"], "interest": typed, "key": key}
                    for record, key, typed in batch.interests
                ],
            )


@lru_cache(maxsize=1024)
def _vendor_stage(typed: str) -> str | None:
    """The default pipeline's stage for a vendor's name of it ("Closed Won" → customer)."""
    return STAGES.get(normalize.fold(typed))


def _who(record: dict[str, Any]) -> str:
    label = record["name"] or record["company"]
    return f"{label} (#{record['id']})" if record["id"] else f"{label} (earlier in this file)"
