"""Reading a CSV (any common encoding and delimiter) or Excel file into rows of text cells."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from crm_store.columns import Layout

TOO_MANY_CELLS = "\x00too many cells:"


class ImportFileError(ValueError):
    """The file can't be read as a table; the message says why in one sentence."""


def read_table(path: Path) -> pd.DataFrame:
    """Every cell as text ("" when empty), from CSV (any common encoding and
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
    return _read_csv(path, content.replace("\x00", ""))  # a stray NUL is noise in any cell


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


@dataclass
class Row:
    line: int
    cells: tuple[str, ...]  # the original cells, for the rejects file
    values: dict[str, str]  # field → the first non-empty cell among its columns
    too_many: str | None = None  # why the row is unreadable, if it is


def table_rows(frame: pd.DataFrame, layout: Layout) -> Iterator[Row]:
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
        row = Row(index + 2, cells, dict(zip(fields, values, strict=True)))
        if cells[0].startswith(TOO_MANY_CELLS):
            count = cells[0].removeprefix(TOO_MANY_CELLS)
            row.cells = ()
            row.too_many = f"the row has {count} cells but the header has {len(headers)}"
        yield row
