"""Customers, purchases and interactions from CSV and Excel files, cleaned as a careful person
would.

Every row either lands in the store or goes to the rejects file with its line number and the
reason; a bad row never stops the good ones. Rows are matched before anything is created (same
e-mail, phone or external id — or, with `merge_names`, the same name and company), so importing a
file twice changes nothing the second time. Writes go in batches, each in one transaction, as bulk
statements; if the database refuses a batch, its rows are retried one by one so only the rows at
fault are rejected.
"""

from __future__ import annotations

import csv
import gc
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import dateparser
import pandas as pd
from phonenumbers.geocoder import LOCALE_DATA
from sqlalchemy import Connection, Engine, Table, bindparam, func, insert, select, update
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError

from crm_store import normalize, privacy
from crm_store.columns import CHANNELS, KINDS, STAGES, Layout, recognize
from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerTag,
    Interaction,
    Purchase,
    Staff,
    utcnow,
)

BATCH = 10_000
TOO_MANY_CELLS = "\x00too many cells:"
LIMITS = {"name": 200, "company": 200, "title": 120, "city": 120, "external_id": 120}
NEXT_IDS = sql(
    "SELECT nextval(pg_get_serial_sequence('customers', 'id')) FROM generate_series(1, :n)"
)
DISTINCT = ("external_id", "email", "phone", "name", "company")
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


class ImportFileError(ValueError):
    """The file can't be read as a table; the message says why in one sentence."""


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
    batch_size: int = BATCH


@dataclass(frozen=True)
class Rejected:
    line: int  # the row number a spreadsheet shows; the header is line 1
    reason: str
    cells: tuple[str, ...]  # as they were, in the file's column order


@dataclass
class ImportSummary:
    kind: str
    source: Path
    layout: Layout
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejects: list[Rejected] = field(default_factory=list)
    rejects_path: Path | None = None

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def lines(self) -> list[str]:
        """The summary as a person reads it, the same on a terminal and in a log."""
        verb = "Would import" if self.dry_run else "Imported"
        lines = [
            f"{verb} {self.kind} from {self.source.name}: {self.rows:,} rows",
            f"  created    {self.created:>9,}",
            f"  updated    {self.updated:>9,}",
            f"  unchanged  {self.unchanged:>9,}",
            f"  rejected   {self.rejected:>9,}"
            + (f"  → {self.rejects_path}" if self.rejects_path else ""),
        ]
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


# ── reading ─────────────────────────────────────────────────────────────────────────────────


def read_table(path: Path) -> pd.DataFrame:
    """Every cell as trimmed-later text ("" when empty), from CSV (any common encoding and
    delimiter) or Excel. A file that is neither raises ImportFileError, never a parser traceback.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"Can't read {path}: {error.strerror or error}.") from None
    if not raw.strip():
        raise ImportFileError(f"{path.name} is empty.")
    if raw.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_excel(path, raw)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            f"{path.name} is an old-style .xls workbook; save it as .xlsx or CSV and import that."
        )
    content = _decode(raw)
    if _looks_binary(content[:4096]):
        raise ImportFileError(
            f"{path.name} is not a CSV or Excel file (it contains binary data); "
            "export the data as CSV or .xlsx and import that."
        )
    return _read_csv(path, content)


def _read_excel(path: Path, raw: bytes) -> pd.DataFrame:
    try:
        frame = pd.read_excel(io.BytesIO(raw), dtype=str, keep_default_na=False, sheet_name=0)
    except Exception as error:  # openpyxl raises many types for a damaged or foreign zip
        raise ImportFileError(
            f"{path.name} is not an Excel workbook I can read ({error}); "
            "save it again as .xlsx or CSV."
        ) from None
    return frame.fillna("")


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _looks_binary(sample: str) -> bool:
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\r\n\x0c")
    return controls > max(2, len(sample) // 100)


def _delimiter(content: str) -> str:
    """The separator the header line uses most: "," but ";" from European Excel, tabs, pipes."""
    header = content.split("\n", 1)[0]
    return max((",", ";", "\t", "|"), key=header.count)


def _read_csv(path: Path, content: str) -> pd.DataFrame:
    sep = _delimiter(content)
    options: dict[str, Any] = {
        "sep": sep,
        "dtype": str,
        "keep_default_na": False,
        "skip_blank_lines": False,
    }
    try:
        return pd.read_csv(io.StringIO(content), **options).fillna("")
    except pd.errors.ParserError:
        pass  # a row with too many cells: read again, keeping such rows to reject them
    except (pd.errors.EmptyDataError, ValueError) as error:
        raise ImportFileError(f"{path.name} is not a CSV file I can read ({error}).") from None
    try:
        return pd.read_csv(
            io.StringIO(content),
            engine="python",
            on_bad_lines=lambda cells: [f"{TOO_MANY_CELLS}{len(cells)}"],
            **options,
        ).fillna("")
    except (pd.errors.ParserError, ValueError) as error:
        raise ImportFileError(f"{path.name} is not a CSV file I can read ({error}).") from None


# ── cleaning single values ──────────────────────────────────────────────────────────────────


def text(value: str) -> str | None:
    """Trimmed, inner runs of spaces collapsed; None when nothing is left."""
    cleaned = " ".join(value.split())
    return cleaned or None


NUMERIC_DATE = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})"
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$"
)
MONTH_DAY_FIRST_REGIONS = {"US", "CA", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "MP", "UM"}


def day_first(values: Iterable[str], *, region: str) -> bool:
    """Whether "03/04/2025" in this column means 3 April: decided by any value that can only be
    read one way, else by the region's custom (month first in the US)."""
    for value in values:
        found = NUMERIC_DATE.match(value.strip())
        if found:
            first, second = int(found[1]), int(found[2])
            if first > 12 >= second:
                return True
            if second > 12 >= first:
                return False
    return region.upper() not in MONTH_DAY_FIRST_REGIONS


@lru_cache(maxsize=65536)
def parse_moment(value: str, *, day_first: bool) -> datetime | date:
    """A date, or a datetime (aware if it named its offset), from the formats people export.

    ISO 8601, day/month/year or month/day/year with / . or -, and spelled-out months.
    """
    value = value.strip()
    if not value:
        raise ValueError("no date")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return moment.date() if moment.tzinfo is None and moment.time() == time(0) else moment
    if found := NUMERIC_DATE.match(value):
        a, b, year = int(found[1]), int(found[2]), int(found[3])
        day, month = (a, b) if day_first else (b, a)
        if year < 100:
            year += 2000 if year < 70 else 1900
        try:
            if found[4] is None:
                return date(year, month, day)
            hour = int(found[4])
            if found[7]:
                hour = hour % 12 + (12 if found[7].lower() == "pm" else 0)
            return datetime(year, month, day, hour, int(found[5]), int(found[6] or 0))
        except ValueError:
            raise ValueError(f"“{value}” is not a date") from None
    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    parsed = dateparser.parse(value, settings=settings) if re.search(r"\d", value) else None
    if parsed is None:
        raise ValueError(f"“{value}” is not a date")
    return parsed.date() if parsed.time() == time(0) and parsed.tzinfo is None else parsed


def as_utc(moment: datetime | date, *, tz: str) -> datetime:
    """A stored time: an offset is kept, a bare time is local to `tz`, a bare date means noon there
    (so the day stays the same in every neighbouring zone)."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(12))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return moment.astimezone(UTC)


CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CODE = re.compile(r"(?<![A-Z])([A-Z]{3})(?![A-Z])")


@lru_cache(maxsize=65536)
def parse_amount(value: str) -> tuple[Decimal, str | None]:
    """An amount and the currency it names, from "$1,234.50", "1.234,50 €", "EUR 1 234,5" …

    The last of "," and "." is the decimal mark when both appear; a lone separator followed by
    exactly three digits groups thousands ("1,200"), otherwise it is the decimal mark ("12,50").
    """
    original = value.strip()
    if not original:
        raise ValueError("no amount")
    upper = original.upper()
    currency = None
    for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True):
        if sign in upper:
            currency = CURRENCY_SIGNS[sign]
            upper = upper.replace(sign, " ")
            break
    if found := CODE.search(upper):
        currency = found[1]
        upper = upper.replace(found[1], " ")
    negative = upper.strip().startswith(("-", "(")) or upper.strip().endswith("-")
    digits = re.sub(r"[\s'’\u00a0\u202f()+-]", "", upper)
    if not re.fullmatch(r"[\d.,]*\d[\d.,]*", digits):
        raise ValueError(f"“{original}” is not an amount")
    marks = [c for c in digits if c in ",."]
    decimal_mark = None
    if "," in marks and "." in marks:
        decimal_mark = digits[max(digits.rfind(","), digits.rfind("."))]
    elif len(marks) == 1:
        head, tail = digits.split(marks[0])
        decimal_mark = None if len(tail) == 3 and head.strip("0") else marks[0]
    if decimal_mark:
        head, tail = digits.rsplit(decimal_mark, 1)
        whole = re.sub(r"[.,]", "", head) + "." + tail
    else:
        whole = re.sub(r"[.,]", "", digits)
    try:
        amount = Decimal(whole)
    except InvalidOperation:
        raise ValueError(f"“{original}” is not an amount") from None
    return (-amount if negative else amount), currency


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for region, by_language in LOCALE_DATA.items():
        for name in by_language.values():
            if not name.startswith("*"):
                names.setdefault(normalize.fold(name), region)
        names[region.lower()] = region
    extra = {
        "usa": "US",
        "united states of america": "US",
        "u s a": "US",
        "u s": "US",
        "america": "US",
        "uk": "GB",
        "u k": "GB",
        "great britain": "GB",
        "england": "GB",
        "scotland": "GB",
        "wales": "GB",
        "northern ireland": "GB",
        "holland": "NL",
        "the netherlands": "NL",
        "czechia": "CZ",
        "korea": "KR",
        "south korea": "KR",
        "russia": "RU",
        "uae": "AE",
    }
    names.update(extra)
    return names


COUNTRIES = _country_names()


@lru_cache(maxsize=4096)
def country(value: str) -> str:
    """An ISO 3166 two-letter code from a code or a country's name in most languages."""
    code = COUNTRIES.get(normalize.fold(value))
    if code is None:
        raise ValueError(f"“{value}” is not a country I know")
    return code


def tags(value: str) -> frozenset[str]:
    """Tags as the bot writes them: folded, spaces as hyphens; separated by , ; or |."""
    if not value.strip():
        return frozenset()
    parts = re.split(r"[,;|]", value)
    return frozenset(tag for part in parts if (tag := normalize.fold(part).replace(" ", "-")[:60]))


# ── the import driver ───────────────────────────────────────────────────────────────────────


Progress = Callable[[int], None]


def import_file(
    engine: Engine,
    path: Path,
    kind: str,
    *,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    total: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Import one file of `kind` (customers, purchases or interactions) and write its rejects.

    `total` hears the number of rows once the file is read, `progress` each batch's row count.
    ImportFileError if the file can't be read or holds none of the fields needed.
    """
    if kind not in KINDS:
        raise ValueError(f"can't import “{kind}”; choose one of {', '.join(KINDS)}")
    options = options or ImportOptions()
    frame = read_table(path)
    headers = [str(h) for h in frame.columns]
    try:
        layout = recognize(headers, kind, mapping=options.mapping)
    except ValueError as error:
        raise ImportFileError(f"{path.name}: {error}.") from None
    summary = ImportSummary(kind=kind, source=path, layout=layout, dry_run=options.dry_run)
    with _without_cycle_collection():
        rows = list(_rows(frame, layout))
        if total:
            total(len(rows))
        with engine.connect() as connection:
            importer = IMPORTERS[kind](connection, options, layout, rows)
        _run(engine, importer, rows, summary, options, progress)
    summary.rejects.sort(key=lambda r: r.line)
    summary.rejects_path = _write_rejects(path, headers, summary.rejects)
    return summary


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """An import allocates millions of small dicts and tuples that never form cycles; left on,
    the cycle collector re-scans them again and again and costs more than half the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Row:
    line: int
    cells: tuple[str, ...]  # the original cells, for the rejects file
    values: dict[str, str]  # field → the first non-empty cell among its columns
    too_many: str | None = None  # why the row is unreadable, if it is


def _rows(frame: pd.DataFrame, layout: Layout) -> Iterator[_Row]:
    frame = frame.astype(str)
    headers = [str(h) for h in frame.columns]
    filled = frame.apply(lambda column: column.str.strip().ne(""))
    fields = list(layout.sources)
    combined = []  # per field, the first non-empty cell of its columns, row by row
    for name in fields:
        column = pd.Series("", index=frame.index, dtype=str)
        for source in reversed(layout.sources[name]):
            column = frame[source].where(filled[source], column)
        combined.append(column.tolist())
    cells_by_row = zip(*(frame[h].tolist() for h in frame.columns), strict=True)
    values_by_row = zip(*combined, strict=True)
    blank = ~filled.any(axis=1).to_numpy()
    for index, (cells, values) in enumerate(zip(cells_by_row, values_by_row, strict=True)):
        if blank[index]:
            continue  # a blank line holds nothing to import or lose
        row = _Row(index + 2, cells, dict(zip(fields, values, strict=True)))
        if cells[0].startswith(TOO_MANY_CELLS):
            count = cells[0].removeprefix(TOO_MANY_CELLS)
            row.cells = ()
            row.too_many = f"the row has {count} cells but the header has {len(headers)}"
        yield row


def _run(
    engine: Engine,
    importer: _Importer,
    rows: list[_Row],
    summary: ImportSummary,
    options: ImportOptions,
    progress: Progress | None,
) -> None:
    for start in range(0, len(rows), options.batch_size):
        chunk = rows[start : start + options.batch_size]
        summary.rows += len(chunk)
        cleaned = []
        for row in chunk:
            if row.too_many:
                summary.rejects.append(Rejected(row.line, row.too_many, row.cells))
                continue
            try:
                cleaned.append((row, {**importer.clean(row.values), "line": row.line}))
            except RowError as error:
                summary.rejects.append(Rejected(row.line, str(error), row.cells))
        if cleaned:
            with engine.connect() as connection:
                importer.prepare(connection, [item for _, item in cleaned])
        batch = _Batch()
        planned = _plan(importer, batch, cleaned, summary)
        if options.dry_run or not planned:
            batch.add_to(summary)
        elif not _write(engine, importer, batch, summary, lines=(chunk[0].line, chunk[-1].line)):
            batch.undo()
            for row, item in planned:  # find the rows the database refuses, one at a time
                single = _Batch()
                if _plan(importer, single, [(row, item)], summary) and not _write(
                    engine, importer, single, summary, lines=(row.line, row.line), row=row
                ):
                    single.undo()
        if progress:
            progress(len(chunk))


def _plan(importer, batch: _Batch, cleaned, summary: ImportSummary) -> list:
    planned = []
    for row, item in cleaned:
        try:
            batch.count(importer.plan(item, batch))
        except RowError as error:
            summary.rejects.append(Rejected(row.line, str(error), row.cells))
            continue
        planned.append((row, item))
    return planned


def _write(
    engine: Engine,
    importer: _Importer,
    batch: _Batch,
    summary: ImportSummary,
    *,
    lines: tuple[int, int],
    row: _Row | None = None,
) -> bool:
    try:
        with engine.begin() as connection:
            importer.write(connection, batch)
            if batch.changed:
                connection.execute(
                    insert(AuditEntry.__table__),
                    {
                        "command_id": f"import:{summary.source.name}:{lines[0]}",
                        "staff_id": None,
                        "at": utcnow(),
                        "action": f"{summary.kind}.import",
                        "entity": "import",
                        "entity_id": None,
                        "before": None,
                        "after": {
                            "file": summary.source.name,
                            "lines": list(lines),
                            **batch.counts,
                        },
                        "description": f"imported {summary.kind} from {summary.source.name} "
                        f"lines {lines[0]}–{lines[1]}",
                        "undone_at": None,
                    },
                )
    except DBAPIError as error:
        if row is not None:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            summary.rejects.append(
                Rejected(row.line, f"the database refused it: {reason}", row.cells)
            )
        return False
    batch.add_to(summary)
    return True


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with the same keys: executemany, or COPY on PostgreSQL, which takes them
    about three times faster than a pipelined executemany. Values pass through each column type's
    own bind processing either way, so they are stored exactly as the ORM would store them."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    dialect = connection.dialect
    columns = list(rows[0])
    processors = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    pairs = list(zip(columns, processors, strict=True))
    names = ", ".join(dialect.identifier_preparer.quote(c) for c in columns)
    with connection.connection.driver_connection.cursor() as cursor:
        with cursor.copy(
            f"COPY {dialect.identifier_preparer.format_table(table)} ({names}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row([process(row[c]) if process else row[c] for c, process in pairs])


def _write_rejects(path: Path, headers: list[str], rejects: list[Rejected]) -> Path | None:
    """FILE.rejects.csv: line, reason, then the row's own cells, so it can be fixed and re-run."""
    target = path.with_name(f"{path.stem}.rejects.csv")
    if not rejects:
        target.unlink(missing_ok=True)  # an old file would describe rows that now went in
        return None
    with target.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["line", "reason", *headers])
        for reject in rejects:
            writer.writerow([reject.line, reject.reason, *reject.cells])
    return target


class _Batch:
    """What one batch will write, and how to forget it in memory if the database refuses it."""

    def __init__(self) -> None:
        self.counts = {"created": 0, "updated": 0, "unchanged": 0}
        self.inserts: list[dict[str, Any]] = []
        self.updates: dict[int, dict[str, Any]] = {}
        self.tags: list[tuple[dict[str, Any], str]] = []
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

    def add_to(self, summary: ImportSummary) -> None:
        summary.created += self.counts["created"]
        summary.updated += self.counts["updated"]
        summary.unchanged += self.counts["unchanged"]


# ── what each kind of row means ─────────────────────────────────────────────────────────────


class _Importer:
    def __init__(
        self, connection: Connection, options: ImportOptions, layout: Layout, rows: list[_Row]
    ) -> None:
        self.options = options
        self.erased = privacy.erased_digests(connection)
        self.staff = _StaffNames(connection)

    def clean(self, values: dict[str, str]) -> dict[str, Any]:
        raise NotImplementedError

    def prepare(self, connection: Connection, items: list[dict[str, Any]]) -> None:
        """Load what planning these items needs from the store (before any of them is planned)."""

    def plan(self, item: dict[str, Any], batch: _Batch) -> str:
        raise NotImplementedError

    def write(self, connection: Connection, batch: _Batch) -> None:
        raise NotImplementedError

    def refuse_erased(self, kind: str, value: str | None) -> None:
        if not (value and self.erased):
            return
        if privacy.identifier_digest(kind, value, key=self.options.erasure_key) in self.erased:
            raise RowError(
                f"{value} belonged to a customer whose personal data was erased at their request; "
                "add them by hand if they have come back"
            )

    def _email(self, value: str) -> str | None:
        if not value.strip():
            return None
        try:
            address = normalize.email(value)
        except ValueError as error:
            raise RowError(str(error)) from None
        self.refuse_erased("email", address)
        return address

    def _phone(self, value: str, *, region: str | None = None) -> str | None:
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


class _StaffNames:
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


def _limited(values: dict[str, str], name: str) -> str | None:
    value = text(values.get(name, ""))
    if value and name in LIMITS and len(value) > LIMITS[name]:
        raise RowError(f"the {name.replace('_', ' ')} is longer than {LIMITS[name]} characters")
    return value


class _CustomerImporter(_Importer):
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
        table = Customer.__table__
        tag_sets: dict[int, set[str]] = {}
        for customer_id, tag in connection.execute(
            select(CustomerTag.customer_id, CustomerTag.tag)
        ):
            tag_sets.setdefault(customer_id, set()).add(tag)
        columns = [table.c.id, *(table.c[f] for f in CUSTOMER_FIELDS)]
        live = select(*columns).where(table.c.forgotten_at.is_(None)).order_by(table.c.id)
        for found in connection.execute(live).mappings():
            record = dict(found)
            record["tags"] = frozenset(tag_sets.get(record["id"], ()))
            self._index(record, None)

    def _name_key(self, record: dict[str, Any]) -> tuple[str, str]:
        return (
            normalize.name_key(record["name"] or ""),
            normalize.name_key(record["company"] or ""),
        )

    def _index(self, record: dict[str, Any], batch: _Batch | None) -> None:
        for kind in ("external_id", "email", "phone"):
            if record[kind]:
                self._put(self.index[kind], record[kind], record, batch)
        if not self.by_name:
            return
        key = self._name_key(record)
        if key not in self.index["name"]:
            self._put(self.index["name"], key, record, batch)

    @staticmethod
    def _put(mapping: dict, key: Any, value: Any, batch: _Batch | None) -> None:
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
            "email": self._email(values.get("email", "")),
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
        item["phone"] = self._phone(values.get("phone", ""), region=item["country"])
        if raw := text(values.get("owner", "")):
            item["owner_id"] = self.staff.find(raw)
        if raw := text(values.get("stage", "")):
            stage = _stage(raw)
            if stage is None:
                raise RowError(f"“{raw}” is not a stage (lead, prospect, customer or lapsed)")
            item["stage"] = stage
        item["tags"] = tags(values.get("tags", ""))
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

    def plan(self, item: dict[str, Any], batch: _Batch) -> str:
        record = self._match(item)
        if record is None:
            record = {f: item[f] for f in CUSTOMER_FIELDS}
            record["stage"] = record["stage"] or "lead"
            record["id"] = None
            record["tags"] = item["tags"]
            record["created_at"] = item["created_at"]
            record["line"] = item["line"]
            self._index(record, batch)
            batch.inserts.append(record)
            batch.tags.extend((record, tag) for tag in sorted(item["tags"]))
            return "created"
        changes = {
            f: item[f] for f in CUSTOMER_FIELDS if item[f] is not None and item[f] != record[f]
        }
        self._refuse_contradictions(item, record, changes)
        batch.put(record, "line", item["line"])
        new_tags = item["tags"] - record["tags"]
        if not changes and not new_tags:
            return "unchanged"
        for kind in ("external_id", "email", "phone"):
            if kind in changes and record[kind]:
                batch.drop(self.index[kind], record[kind])
        for name, value in changes.items():
            batch.put(record, name, value)
        if new_tags:
            batch.put(record, "tags", record["tags"] | new_tags)
            batch.tags.extend((record, tag) for tag in sorted(new_tags))
        self._index(record, batch)
        if record["id"] is not None and changes:
            batch.updates[record["id"]] = record
        return "updated"

    def write(self, connection: Connection, batch: _Batch) -> None:
        table = Customer.__table__
        now = utcnow()
        if batch.inserts:
            rows = [
                {
                    **{f: r[f] for f in CUSTOMER_FIELDS},
                    "consent_marketing": False,
                    "created_at": r["created_at"] or now,
                    "updated_at": now,
                }
                for r in batch.inserts
            ]
            keys = [tuple(record[f] for f in DISTINCT) for record in batch.inserts]
            if connection.dialect.name == "postgresql":
                # ids drawn from the sequence up front let the rows go in by COPY
                ids = connection.execute(NEXT_IDS, {"n": len(rows)}).scalars().all()
                for row, new_id in zip(rows, ids, strict=True):
                    row["id"] = new_id
                bulk_insert(connection, table, rows)
            elif len(set(keys)) == len(keys):
                # batched RETURNING is unordered on SQLite, so each new row is known by what sets
                # it apart in this import: its identifiers, or else its name and company
                statement = insert(table).returning(table.c.id, *(table.c[f] for f in DISTINCT))
                found = {tuple(row[1:]): row[0] for row in connection.execute(statement, rows)}
                ids = [found[key] for key in keys]
            else:
                statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
                ids = connection.execute(statement, rows).scalars().all()
            for record, new_id in zip(batch.inserts, ids, strict=True):
                record["id"] = new_id  # if the batch fails, undo drops these records anyway
        if batch.updates:
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values({f: bindparam(f"_{f}") for f in (*CUSTOMER_FIELDS, "updated_at")})
            )
            connection.execute(
                statement,
                [
                    {"_id": i, "_updated_at": now, **{f"_{f}": r[f] for f in CUSTOMER_FIELDS}}
                    for i, r in batch.updates.items()
                ],
            )
        if batch.tags:
            bulk_insert(
                connection,
                CustomerTag.__table__,
                [{"customer_id": record["id"], "tag": tag} for record, tag in batch.tags],
            )


@lru_cache(maxsize=1024)
def _stage(typed: str) -> str | None:
    return STAGES.get(normalize.fold(typed))


def _who(record: dict[str, Any]) -> str:
    label = record["name"] or record["company"]
    return f"{label} (#{record['id']})" if record["id"] else f"{label} (earlier in this file)"


class _CustomerRefs:
    """How purchases and interactions name their customer: external id, e-mail, phone or the
    exact name."""

    def __init__(self, connection: Connection, importer: _Importer) -> None:
        self.importer = importer
        table = Customer.__table__
        self.by_id: dict[str, dict[str, int]] = {"external_id": {}, "email": {}, "phone": {}}
        self.by_name: dict[str, set[int]] = {}
        columns = (table.c.id, table.c.external_id, table.c.email, table.c.phone)
        query = select(*columns, table.c.name, table.c.company).where(
            table.c.forgotten_at.is_(None)
        )
        for id_, external_id, email, phone, name, company in connection.execute(query):
            for kind, value in (("external_id", external_id), ("email", email), ("phone", phone)):
                if value:
                    self.by_id[kind][value] = id_
            for label in {name, company, f"{name} ({company})" if name and company else None}:
                if label:
                    self.by_name.setdefault(_exact(label), set()).add(id_)

    def find(self, typed: str) -> int:
        typed = typed.strip()
        if not typed:
            raise RowError("no customer")
        if found := self.by_id["external_id"].get(typed):
            return found
        if "@" in typed:
            address = self.importer._email(typed)
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
                number = self.importer._phone(typed)
            except RowError:
                number = None
            if number and (found := self.by_id["phone"].get(number)):
                return found
        raise RowError(f"no customer matches “{typed}” (by external id, e-mail, phone or name)")


def _exact(label: str) -> str:
    return " ".join(label.split()).casefold()


class _Additions(_Importer):
    """Rows that only ever add (purchases, interactions). A row equal to a stored one is that
    record: each distinct row counts once per time it appears, so two equal orders in one file are
    both kept, and running the file again adds nothing."""

    table: Any
    key_columns: tuple[str, ...]

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
            .where(self.table.c.customer_id.in_(sorted(wanted)))
            .group_by(*columns)
        )
        for *values, count in connection.execute(query):
            self.stored[self._key(dict(zip(self.key_columns, values, strict=True)))] += count
        self.loaded |= wanted

    def plan(self, item: dict[str, Any], batch: _Batch) -> str:
        key = self._key(item)
        batch.put(self.seen, key, self.seen[key] + 1)
        if self.seen[key] <= self.stored[key]:
            return "unchanged"
        batch.inserts.append(item)
        return "created"

    def write(self, connection: Connection, batch: _Batch) -> None:
        if batch.inserts:
            now = utcnow()
            bulk_insert(
                connection,
                self.table,
                [
                    {**self.extra, **{k: v for k, v in i.items() if k != "line"}, "created_at": now}
                    for i in batch.inserts
                ],
            )

    extra: dict[str, Any] = {}


class _PurchaseImporter(_Additions):
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
            if not re.fullmatch(r"[A-Z]{3}", currency):
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


class _InteractionImporter(_Additions):
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


IMPORTERS: dict[str, type[_Importer]] = {
    "customers": _CustomerImporter,
    "purchases": _PurchaseImporter,
    "interactions": _InteractionImporter,
}
