"""What every kind of import shares: options, row errors, batches that can be taken back, bulk
inserts, and the lookups of staff and erased identifiers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    ColumnElement,
    Connection,
    Table,
    Text,
    any_,
    bindparam,
    func,
    select,
)
from sqlalchemy import column as result_column

from crm_store import normalize, privacy
from crm_store.columns import Layout
from crm_store.importing.reading import Row
from crm_store.importing.values import parse_moment
from crm_store.models import Staff, utcnow
from crm_store.pipeline import DEFAULT, Pipeline

BATCH = 50_000  # rows planned and written in one transaction: fewer, bigger commits rewrite
# the indexes' pages less often (a million purchases took a fifth longer in batches of 10,000)


class RowError(ValueError):
    """One row can't be imported; the message is the reason written to the rejects file."""


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    mapping: dict[str, str] = field(default_factory=dict)  # header → field ("" skips it)
    merge_names: bool = False
    region: str = "US"  # phone numbers without a country code, and the date order
    tz: str = "UTC"  # for times without an offset
    currency: str = "USD"  # for amounts that name none
    erasure_key: str = ""  # the key of the erased-identifier hashes
    now: datetime | None = None  # the import's moment (created_at, the audit entry); default: now
    batch_size: int = BATCH
    pipeline: Pipeline = DEFAULT  # the stages a row may name, besides the vendors' own words

    def moment(self) -> datetime:
        return self.now or utcnow()


class Batch:
    """What one batch will write, and how to forget it in memory if the database refuses it."""

    def __init__(self) -> None:
        self.counts = {"created": 0, "updated": 0, "unchanged": 0}
        self.inserts: list[dict[str, Any]] = []
        self.updates: dict[int, dict[str, Any]] = {}
        self.tags: list[tuple[dict[str, Any], str]] = []
        self.interests: list[tuple[dict[str, Any], str, str]] = []  # record, key, as typed
        self._journal: list[tuple[dict, Any, Any]] = []

    _MISSING = object()

    def put(self, mapping: dict, key: Any, value: Any) -> None:
        self._journal.append((mapping, key, mapping.get(key, self._MISSING)))
        mapping[key] = value

    def drop(self, mapping: dict, key: Any) -> None:
        if key in mapping:
            self._journal.append((mapping, key, mapping.pop(key)))

    def undo(self) -> None:
        for mapping, key, old in reversed(self._journal):
            if old is self._MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = old
        self._journal.clear()

    def count(self, outcome: str) -> None:
        self.counts[outcome] += 1

    @property
    def changed(self) -> bool:
        return bool(self.counts["created"] or self.counts["updated"])


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with the same keys: COPY on PostgreSQL, which takes them about three
    times faster than a pipelined executemany, else the driver's own executemany of plain tuples.
    Values pass through each column type's own bind processing either way, so they are stored
    exactly as the ORM would store them."""
    if not rows:
        return
    dialect = connection.dialect
    columns = list(rows[0])
    names = ", ".join(dialect.identifier_preparer.quote(c) for c in columns)
    target = dialect.identifier_preparer.format_table(table)
    values = _bound(dialect, table, columns, rows)
    if dialect.name != "postgresql":
        marks = ", ".join("?" if dialect.paramstyle == "qmark" else "%s" for _ in columns)
        connection.exec_driver_sql(f"INSERT INTO {target} ({names}) VALUES ({marks})", values)
        return
    types = _binary_types(connection, target, columns, values)
    binary = " (FORMAT BINARY)" if types else ""
    with connection.connection.driver_connection.cursor() as cursor:
        with cursor.copy(f"COPY {target} ({names}) FROM STDIN{binary}") as copy:
            if types:
                copy.set_types(types)
            for row in values:
                copy.write_row(row)


# PostgreSQL types whose binary form psycopg writes from the Python values the importers give
# them: booleans, integers, floats, text, numeric, dates, and times with a zone
BINARY_COPY = {16, 20, 21, 23, 25, 700, 701, 1043, 1082, 1184, 1700}
TIMESTAMPTZ = 1184


def _binary_types(connection: Connection, target: str, columns: list[str], values) -> list | None:
    """The columns' type ids, when COPY can take the rows in binary (about four times less work
    for the driver than text); None keeps text. A time without a zone stays on text, where the
    server reads it in the session's zone, as it always did."""
    found = dict(
        connection.exec_driver_sql(
            "SELECT attname, atttypid::int FROM pg_attribute "
            "WHERE attrelid = %(t)s::regclass AND attnum > 0 AND NOT attisdropped",
            {"t": target},
        ).all()
    )
    types = [found.get(c) for c in columns]
    if not all(t in BINARY_COPY for t in types):
        return None
    zoned = [i for i, t in enumerate(types) if t == TIMESTAMPTZ]
    for row in values:
        for i in zoned:
            moment = row[i]
            if moment is not None and (
                not isinstance(moment, datetime) or moment.utcoffset() is None
            ):
                return None
    return types


def among(connection: Connection, column, values) -> ColumnElement[bool]:
    """`column IN values` with the values as one parameter, however many there are: an array on
    PostgreSQL, a JSON list on SQLite. A batch's tens of thousands of e-mails and ids neither
    render one placeholder each (which took longer than the look-up) nor meet SQLite's limit on
    a statement's parameters."""
    values = list(values)
    integers = bool(values) and isinstance(values[0], int)
    if connection.dialect.name == "postgresql":
        kind = ARRAY(BigInteger if integers else Text)
        return column == any_(bindparam(None, values, type_=kind))
    listed = func.json_each(bindparam(None, json.dumps(values), type_=Text))
    return column.in_(select(result_column("value")).select_from(listed).scalar_subquery())


def insert_numbered(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows without ids and return the ids they were given, in order (SQLite).

    Inside one write transaction nobody else writes, and SQLite gives each new row of a table
    with an integer primary key the largest id so far plus one: a batch's ids are the run that
    ends at the last one inserted."""
    bulk_insert(connection, table, rows)
    last = connection.exec_driver_sql("SELECT last_insert_rowid()").scalar_one()
    return list(range(last - len(rows) + 1, last + 1))


def _bound(dialect, table: Table, columns: list[str], rows: list[dict[str, Any]]) -> list[tuple]:
    """Each row's values as the driver takes them. A value shared by many rows (the import's
    moment, a date many rows name) is processed once: it is the same object in every row."""
    processors = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    get = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    if not any(processors):
        return [get(row) for row in rows]
    seen: dict[int, tuple[Any, Any]] = {}

    def once(process, value):
        if value is None:
            return process(value)
        kept = seen.get(id(value))
        if kept is None or kept[0] is not value:
            kept = seen[id(value)] = (value, process(value))
        return kept[1]

    processed = [(i, process) for i, process in enumerate(processors) if process]
    values = []
    for row in rows:
        cells = list(get(row))
        for i, process in processed:
            cells[i] = once(process, cells[i])
        values.append(tuple(cells))
    return values


class Importer:
    """One kind of row. Each row is cleaned (typed values, or RowError with the reason), each
    batch's rows are prepared for (store lookups), planned one by one against what is already
    known (created, updated or unchanged), then written in one go."""

    def __init__(
        self, connection: Connection, options: ImportOptions, layout: Layout, rows: list[Row]
    ) -> None:
        self.options = options
        self.erased = privacy.erased_digests(connection)
        self.staff = StaffNames(connection)

    def clean(self, values: dict[str, str]) -> dict[str, Any]:
        raise NotImplementedError

    def prepare(self, connection: Connection, items: list[dict[str, Any]]) -> None:
        """Load what planning these items needs from the store (before any of them is planned)."""

    def plan(self, item: dict[str, Any], batch: Batch) -> str:
        raise NotImplementedError

    def write(self, connection: Connection, batch: Batch) -> None:
        raise NotImplementedError

    def refuse_erased(self, kind: str, value: str | None) -> None:
        if not (value and self.erased):
            return
        if privacy.identifier_digest(kind, value, key=self.options.erasure_key) in self.erased:
            raise RowError(
                f"{value} belonged to a customer whose personal data was erased at their request; "
                "add them by hand if they have come back"
            )

    def clean_email(self, value: str) -> str | None:
        if not value.strip():
            return None
        try:
            address = normalize.email(value)
        except ValueError as error:
            raise RowError(str(error)) from None
        self.refuse_erased("email", address)
        return address

    def clean_phone(self, value: str, *, region: str | None = None) -> str | None:
        """E.164; a number without a country code is read in the row's country, else the
        configured region."""
        if not value.strip():
            return None
        try:
            number = normalize.phone(value, region=region or self.options.region)
        except ValueError as error:
            raise RowError(str(error)) from None
        self.refuse_erased("phone", number)
        return number

    def _moment(self, values: dict[str, str], name: str, *, day_first_dates: bool) -> datetime:
        value = values.get(name, "")
        if not value.strip():
            raise RowError(f"no {name}")
        try:
            return parse_moment(value, day_first=day_first_dates)
        except ValueError as error:
            raise RowError(str(error)) from None


class StaffNames:
    """Staff by name as people write it: exact (any case), else the only one it begins."""

    def __init__(self, connection: Connection) -> None:
        self.ids = {
            name.casefold(): id_ for id_, name in connection.execute(select(Staff.id, Staff.name))
        }

    def find(self, typed: str) -> int:
        wanted = " ".join(typed.split()).casefold()
        if wanted in self.ids:
            return self.ids[wanted]
        starting = [id_ for name, id_ in self.ids.items() if name.startswith(wanted)]
        if len(starting) == 1:
            return starting[0]
        raise RowError(
            f"“{typed.strip()}” is not a staff member (enrol them with crmbot staff add)"
        )
