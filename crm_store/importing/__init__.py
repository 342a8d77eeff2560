"""Customers, purchases and interactions from CSV and Excel files, cleaned as a careful person
would.

Every row either lands in the store or goes to the rejects file with its line number and the
reason; a bad row never stops the good ones. Rows are matched before anything is created (same
e-mail, phone or external id — or, with `merge_names`, the same name and company), so importing a
file twice changes nothing the second time. Writes go in batches, each in one transaction, as bulk
statements; if the database refuses a batch, it is retried in halves (and halves of those) so only
the rows at fault are rejected.
"""

from __future__ import annotations

import csv
import gc
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy.exc import DBAPIError

from crm_store.columns import KINDS, Layout, recognize
from crm_store.importing.activity import InteractionImporter, PurchaseImporter
from crm_store.importing.base import BATCH, Batch, Importer, ImportOptions, RowError
from crm_store.importing.customers import CustomerImporter
from crm_store.importing.reading import (
    ImportFileError,
    Row,
    read_cells,
    read_table,
    table_rows,
)
from crm_store.importing.values import as_utc, country, day_first, parse_amount, parse_moment, tags
from crm_store.models import AuditEntry

__all__ = [
    "BATCH",
    "ImportFileError",
    "ImportOptions",
    "ImportSummary",
    "Rejected",
    "RowError",
    "as_utc",
    "country",
    "day_first",
    "import_file",
    "parse_amount",
    "parse_moment",
    "read_table",
    "tags",
]


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

    def add(self, counts: dict[str, int]) -> None:
        self.created += counts["created"]
        self.updated += counts["updated"]
        self.unchanged += counts["unchanged"]

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def lines(self) -> list[str]:
        """The summary as a person reads it, the same on a terminal and in a log."""
        verb = "Would import" if self.dry_run else "Imported"
        lines = [
            f"{verb} {self.kind} from {self.source.name}: {self.rows:,} "
            + ("row" if self.rows == 1 else "rows"),
            f"  created    {self.created:>9,}",
            f"  updated    {self.updated:>9,}",
            f"  unchanged  {self.unchanged:>9,}",
            f"  rejected   {self.rejected:>9,}"
            + (f"  → {self.rejects_path}" if self.rejects_path else ""),
        ]
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


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
    frame = read_cells(path)
    headers = frame.headers
    try:
        layout = recognize(headers, kind, mapping=options.mapping)
    except ValueError as error:
        raise ImportFileError(f"{path.name}: {error}.") from None
    summary = ImportSummary(kind=kind, source=path, layout=layout, dry_run=options.dry_run)
    with _without_cycle_collection():
        _import_rows(engine, frame, layout, summary, options, progress, total)
    summary.rejects.sort(key=lambda r: r.line)
    summary.rejects_path = _write_rejects(path, headers, summary.rejects)
    return summary


def _import_rows(engine, frame, layout, summary, options, progress, total) -> None:
    """The rows and what the importer knows are dropped when this returns, before the cycle
    collector is back: its first pass would otherwise walk all of them once more."""
    rows = list(table_rows(frame, layout))
    if total:
        total(len(rows))
    with engine.connect() as connection:
        importer = IMPORTERS[summary.kind](connection, options, layout, rows)
    _run(engine, importer, rows, summary, options, progress, command_id=uuid.uuid4().hex)


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


def _run(
    engine: Engine,
    importer: Importer,
    rows: list[Row],
    summary: ImportSummary,
    options: ImportOptions,
    progress: Progress | None,
    *,
    command_id: str,
) -> None:
    """Clean, match and write batch by batch; one import is one command in the audit log."""
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
        batch = Batch()
        planned = _plan(importer, batch, cleaned, summary)
        lines = (chunk[0].line, chunk[-1].line)
        if options.dry_run or not planned:
            summary.add(batch.counts)
        elif not _write(engine, importer, batch, summary, command_id, lines):
            batch.undo()
            # another process may have added some of these people since the batch was planned
            # (the store refuses a second live customer with one e-mail or phone): plan it
            # again against the store as it is now
            with engine.connect() as connection:
                importer.prepare(connection, [item for _, item in planned])
            batch = Batch()
            planned = _plan(importer, batch, planned, summary)
            if planned and not _write(engine, importer, batch, summary, command_id, lines):
                batch.undo()
                _halve(engine, importer, planned, summary, command_id)
        if progress:
            progress(len(chunk))


def _halve(engine, importer, planned: list, summary: ImportSummary, command_id: str) -> None:
    """Find the rows the database refuses: each half is planned again and written on its own,
    and a half refused is halved again, down to single rows, which are rejected. The rows go in
    the file's order, so the outcome is that of writing them one at a time, in a few dozen
    transactions rather than one per row of a big batch."""
    middle = len(planned) // 2
    for part in (planned[:middle], planned[middle:]) if middle else (planned,):
        with engine.connect() as connection:
            importer.prepare(connection, [item for _, item in part])
        batch = Batch()
        again = _plan(importer, batch, part, summary)
        if not again:
            continue
        lines = (again[0][0].line, again[-1][0].line)
        single = again[0][0] if len(again) == 1 else None
        if not _write(engine, importer, batch, summary, command_id, lines, row=single):
            batch.undo()
            if single is None:
                _halve(engine, importer, again, summary, command_id)


def _plan(importer, batch: Batch, cleaned, summary: ImportSummary) -> list:
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
    importer: Importer,
    batch: Batch,
    summary: ImportSummary,
    command_id: str,
    lines: tuple[int, int],
    *,
    row: Row | None = None,
) -> bool:
    """Write one batch in one transaction; False (and the row rejected, if it is one) if the
    database refuses it."""
    try:
        with engine.begin() as connection:
            importer.write(connection, batch)
            if batch.changed:
                connection.execute(
                    insert(AuditEntry.__table__),
                    {
                        "command_id": command_id,
                        "staff_id": None,
                        "at": importer.options.moment(),
                        "action": f"{summary.kind}.import",
                        "entity": "import",
                        "entity_id": None,
                        "before": None,
                        "after": {
                            "file": summary.source.name,
                            "lines": list(lines),
                            **batch.counts,
                        },
                        "description": f"imported {summary.kind} from {summary.source.name[:300]} "
                        f"lines {lines[0]}–{lines[1]}",
                        "undone_at": None,
                    },
                )
    except (DBAPIError, engine.dialect.loaded_dbapi.Error) as error:  # COPY raises the driver's
        if row is not None:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            summary.rejects.append(
                Rejected(row.line, f"the database refused it: {reason}", row.cells)
            )
        return False
    summary.add(batch.counts)
    return True


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


IMPORTERS: dict[str, type[Importer]] = {
    "customers": CustomerImporter,
    "purchases": PurchaseImporter,
    "interactions": InteractionImporter,
}
