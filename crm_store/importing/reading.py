"""Reading a CSV (any common encoding and delimiter) or Excel file into rows of text cells."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm_store.columns import Layout

if TYPE_CHECKING:
    import pandas as pd

TOO_MANY_CELLS = "\x00too many cells:"


class ImportFileError(ValueError):
    """The file can't be read as a table; the message says why in one sentence."""


@dataclass(frozen=True)
class Cells:
    """A table as text: its column names, and each row's cells (as many as there are names)."""

    headers: list[str]
    rows: list[tuple[str, ...]]


def read_cells(path: Path) -> Cells:
    """Every cell as text ("" when empty), as `read_table` reads it. A plain CSV (unique,
    named columns and no row longer than the header: what exports write) is read by the csv
    module, without loading pandas; anything else (Excel, a row with too many cells, repeated
    or unnamed columns) goes through `read_table`."""
    content = _content(path)
    if content is not None:
        plain = _plain_csv(content)
        if plain is not None:
            return plain
    frame = read_table(path).astype(str)
    return Cells(
        [str(h) for h in frame.columns],
        list(zip(*(frame[h].tolist() for h in frame.columns), strict=True)),
    )


def _plain_csv(content: str) -> Cells | None:
    """The rows of a CSV file as pandas would read them, or None when pandas is needed to say
    (columns unnamed or repeated, a row with more cells than the header, a malformed file)."""
    if content.count("\r") != content.count("\r\n"):
        return None  # a lone carriage return: pandas has its own reading of those
    try:
        records = csv.reader(
            io.StringIO(content, newline=""), delimiter=_delimiter(content), strict=True
        )
        headers = next(records, None)
        if not headers or len(set(headers)) < len(headers) or not all(headers):
            return None
        width = len(headers)
        rows = []
        padding = ("",) * width
        for record in records:
            if len(record) == width:
                rows.append(tuple(record))
            elif len(record) < width:  # pandas fills the missing cells (with NaN, then "")
                rows.append((*record, *padding[len(record) :]))
            else:
                return None
    except csv.Error:
        return None
    if rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()  # pandas drops a last line that is empty
    return Cells(headers, rows)


def read_table(path: Path) -> pd.DataFrame:
    """Every cell as text ("" when empty), from CSV (any common encoding and
    delimiter) or Excel. A file that is neither raises ImportFileError, never a parser traceback.
    """
    content = _content(path)
    if content is None:
        return _read_excel(path, path.read_bytes())
    return _read_csv(path, content)


def _content(path: Path) -> str | None:
    """A CSV file's text (None for an Excel workbook); ImportFileError for anything else."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"Can't read {path}: {error.strerror or error}.") from None
    if not raw.strip():
        raise ImportFileError(f"{path.name} is empty.")
    if raw.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return None
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
    return content.replace("\x00", "")  # a stray NUL is noise in any cell


def _read_excel(path: Path, raw: bytes) -> pd.DataFrame:
    import pandas as pd

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
    import pandas as pd

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


@dataclass
class Row:
    line: int
    cells: tuple[str, ...]  # the original cells, for the rejects file
    values: dict[str, str]  # field → the first non-empty cell among its columns
    too_many: str | None = None  # why the row is unreadable, if it is


def table_rows(table: Cells, layout: Layout) -> Iterator[Row]:
    headers = table.headers
    position = {h: i for i, h in enumerate(headers)}
    fields = list(layout.sources)
    sources = [[position[source] for source in layout.sources[name]] for name in fields]
    single = [(name, columns[0]) for name, columns in zip(fields, sources, strict=True)]
    if any(len(columns) > 1 for columns in sources):
        single = None  # some field reads the first non-empty cell of several columns
    for index, cells in enumerate(table.rows):
        if not "".join(cells).strip():
            continue  # a blank line holds nothing to import or lose
        if single is not None:  # each field has one column: its cell, "" if only spaces
            values = {name: cell if (cell := cells[c]).strip() else "" for name, c in single}
        else:
            values = {}
            for name, columns in zip(fields, sources, strict=True):
                # the first non-empty cell among the field's columns
                values[name] = next((cells[c] for c in columns if cells[c].strip()), "")
        row = Row(index + 2, cells, values)
        if cells[0].startswith(TOO_MANY_CELLS):
            count = cells[0].removeprefix(TOO_MANY_CELLS)
            row.cells = ()
            row.too_many = f"the row has {count} cells but the header has {len(headers)}"
        yield row
