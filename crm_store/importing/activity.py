"""Purchases and interactions: rows that add to a customer's history, never change it."""

from __future__ import annotations

import re
import weakref
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, select

from crm_store import normalize
from crm_store.columns import CHANNELS
from crm_store.importing.base import Batch, Importer, RowError, among, bulk_insert
from crm_store.importing.values import CURRENCY_SIGNS, as_utc, day_first, parse_amount, text
from crm_store.models import Customer, Interaction, Purchase

CODE = re.compile(r"[A-Z]{3}")


class _CustomerRefs:
    """How purchases and interactions name their customer: external id, e-mail, phone or the
    exact name."""

    def __init__(self, connection: Connection, importer: Importer) -> None:
        self.importer = weakref.proxy(importer)  # no cycle: the importer goes when it is done
        table = Customer.__table__
        self.by_id: dict[str, dict[str, int]] = {"external_id": {}, "email": {}, "phone": {}}
        self._names: list[tuple[int, str | None, str | None]] = []
        self._by_name: dict[str, set[int]] | None = None
        columns = (table.c.id, table.c.external_id, table.c.email, table.c.phone)
        query = select(*columns, table.c.name, table.c.company).where(
            table.c.forgotten_at.is_(None)
        )
        for id_, external_id, email, phone, name, company in connection.execute(query):
            for kind, value in (("external_id", external_id), ("email", email), ("phone", phone)):
                if value:
                    self.by_id[kind][value] = id_
            self._names.append((id_, name, company))

    @property
    def by_name(self) -> dict[str, set[int]]:
        """Customers by exact name, company or "name (company)": folded only when a file names
        a customer that way (most name them by external id or e-mail)."""
        if self._by_name is None:
            self._by_name = {}
            for id_, name, company in self._names:
                for label in {name, company, f"{name} ({company})" if name and company else None}:
                    if label:
                        self._by_name.setdefault(_exact(label), set()).add(id_)
        return self._by_name

    def find(self, typed: str) -> int:
        typed = typed.strip()
        if not typed:
            raise RowError("no customer")
        if found := self.by_id["external_id"].get(typed):
            return found
        if "@" in typed:
            address = self.importer.clean_email(typed)
            if found := self.by_id["email"].get(address):
                return found
            raise RowError(f"no customer has the e-mail {address}")
        ids = self.by_name.get(_exact(typed), set())
        if len(ids) == 1:
            return next(iter(ids))
        if len(ids) > 1:
            raise RowError(
                f"{len(ids)} customers are called “{typed}”; name the customer by e-mail or "
                "external id"
            )
        if sum(c.isdigit() for c in typed) >= 6:
            try:
                number = self.importer.clean_phone(typed)
            except RowError:
                number = None
            if number and (found := self.by_id["phone"].get(number)):
                return found
        raise RowError(f"no customer matches “{typed}” (by external id, e-mail, phone or name)")


def _exact(label: str) -> str:
    return " ".join(label.split()).casefold()


class _Additions(Importer):
    """Rows that only ever add (purchases, interactions). A row equal to a stored one is that
    record: each distinct row counts once per time it appears, so two equal orders in one file are
    both kept, and running the file again adds nothing."""

    table: Any
    key_columns: tuple[str, ...]
    extra: dict[str, Any] = {}  # columns every new row gets

    def __init__(self, connection, options, layout, rows) -> None:
        super().__init__(connection, options, layout, rows)
        self.customers = _CustomerRefs(connection, self)
        self.day_first = day_first((r.values.get("date", "") for r in rows), region=options.region)
        self.stored: Counter = Counter()
        self.seen: Counter = Counter()
        self.loaded: set[int] = set()

    def _key(self, item: dict[str, Any]) -> tuple:
        raise NotImplementedError

    def prepare(self, connection: Connection, items: list[dict[str, Any]]) -> None:
        wanted = {i["customer_id"] for i in items} - self.loaded
        if not wanted:
            return
        columns = [self.table.c[c] for c in self.key_columns]
        query = (
            select(*columns, func.count())
            .where(among(connection, self.table.c.customer_id, sorted(wanted)))
            .group_by(*columns)
        )
        for *values, count in connection.execute(query):
            self.stored[self._key(dict(zip(self.key_columns, values, strict=True)))] += count
        self.loaded |= wanted

    def plan(self, item: dict[str, Any], batch: Batch) -> str:
        key = self._key(item)
        batch.put(self.seen, key, self.seen[key] + 1)
        if self.seen[key] <= self.stored[key]:
            return "unchanged"
        batch.inserts.append(item)
        return "created"

    def write(self, connection: Connection, batch: Batch) -> None:
        if batch.inserts:
            now = self.options.moment()
            bulk_insert(
                connection,
                self.table,
                [
                    {**self.extra, **{k: v for k, v in i.items() if k != "line"}, "created_at": now}
                    for i in batch.inserts
                ],
            )


class PurchaseImporter(_Additions):
    table = Purchase.__table__
    key_columns = ("customer_id", "purchased_on", "product", "quantity", "amount", "currency")
    extra = {"staff_id": None}

    def _key(self, item: dict[str, Any]) -> tuple:
        amount = Decimal(item["amount"]).quantize(Decimal("0.01"))
        return (*(item[c] for c in self.key_columns[:4]), amount, item["currency"])

    def clean(self, values: dict[str, str]) -> dict[str, Any]:
        customer_id = self.customers.find(values.get("customer", ""))
        moment = self._moment(values, "date", day_first_dates=self.day_first)
        purchased_on = moment.date() if isinstance(moment, datetime) else moment
        product = text(values.get("product", ""))
        if not product:
            raise RowError("no product")
        if len(product) > 120:
            raise RowError("the product is longer than 120 characters")
        return {
            "customer_id": customer_id,
            "purchased_on": purchased_on,
            "product": product,
            "quantity": _quantity(values.get("quantity", "")),
            **self._money(values),
        }

    def _money(self, values: dict[str, str]) -> dict[str, Any]:
        raw = values.get("amount", "").strip()
        if not raw:
            raise RowError("no amount")
        try:
            amount, named = parse_amount(raw)
        except ValueError as error:
            raise RowError(str(error)) from None
        if amount < 0:
            raise RowError(f"the amount {raw} is negative")
        if amount >= Decimal("1e12"):
            raise RowError(f"the amount {raw} is too large")
        currency = text(values.get("currency", ""))
        if currency:
            currency = CURRENCY_SIGNS.get(currency, currency.upper())
            if not CODE.fullmatch(currency):
                raise RowError(f"“{values['currency'].strip()}” is not a currency code like EUR")
            if named and named != currency:
                raise RowError(f"the amount is in {named} but the currency column says {currency}")
        return {
            "amount": amount.quantize(Decimal("0.01")),
            "currency": currency or named or self.options.currency,
        }


def _quantity(raw: str) -> int:
    if not raw.strip():
        return 1
    try:
        number, _ = parse_amount(raw)
    except ValueError:
        number = Decimal(0)
    if number <= 0 or number != number.to_integral_value():
        raise RowError(f"“{raw.strip()}” is not a quantity (a whole number above 0)")
    return int(number)


class InteractionImporter(_Additions):
    table = Interaction.__table__
    key_columns = ("customer_id", "occurred_at", "channel", "summary")
    extra = {"source_platform": "import", "source_message_id": None}

    def _key(self, item: dict[str, Any]) -> tuple:
        moment = item["occurred_at"]
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
        return (item["customer_id"], moment, item["channel"], item["summary"])

    def clean(self, values: dict[str, str]) -> dict[str, Any]:
        customer_id = self.customers.find(values.get("customer", ""))
        moment = self._moment(values, "date", day_first_dates=self.day_first)
        raw = text(values.get("channel", "")) or ""
        channel = CHANNELS.get(normalize.fold(raw))
        if channel is None:
            raise RowError(
                f"“{raw}” is not a channel (call, email, meeting, chat, sms, visit or note)"
                if raw
                else "no channel"
            )
        summary = values.get("summary", "").strip()
        if len(summary) > 4000:
            raise RowError("the summary is longer than 4,000 characters")
        staff = text(values.get("staff", ""))
        return {
            "customer_id": customer_id,
            "occurred_at": as_utc(moment, tz=self.options.tz),
            "channel": channel,
            "summary": summary,
            "staff_id": self.staff.find(staff) if staff else None,
        }
