"""`crmbot import` and `crmbot export`: customers, purchases and interactions in and out."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlmodel import Session

from bot.commands.options import add_clock, add_db, fixed_now
from bot.settings import Settings
from crm_store import analytics, exporting, segments
from crm_store.columns import KINDS
from crm_store.db import open_store
from crm_store.importing import ImportFileError, ImportOptions, import_file


def register(subparsers) -> None:
    importing = subparsers.add_parser(
        "import",
        help="import customers, purchases or interactions from CSV or Excel",
        description="Rows are cleaned and matched to existing records (by e-mail, phone or "
        "external id) before anything is created; rejected rows go to FILE.rejects.csv with "
        "their line number and the reason. Running the same file again changes nothing.",
    )
    importing.add_argument("kind", choices=KINDS)
    importing.add_argument("file", type=Path, metavar="FILE", help="a .csv, .xlsx or .xlsm file")
    importing.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="read COLUMN as FIELD (e.g. --map 'Nachname=last_name'); COLUMN= skips a column",
    )
    importing.add_argument(
        "--merge-names",
        action="store_true",
        help="also treat the same name and company as the same customer",
    )
    add_db(importing)
    add_clock(importing)
    importing.set_defaults(func=run_import)

    exporting_ = subparsers.add_parser(
        "export", help="export customers, purchases or interactions as CSV"
    )
    exporting_.add_argument("kind", choices=exporting.KINDS)
    exporting_.add_argument(
        "--segment",
        metavar="SEGMENT",
        help="only this segment's or pipeline stage's customers, as the bot's lists see them "
        "today: " + ", ".join(segments.ALL_SEGMENTS) + ", or a stage",
    )
    exporting_.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    add_db(exporting_)
    add_clock(exporting_)
    exporting_.set_defaults(func=run_export)


def _mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip():
            raise ValueError(f"--map wants COLUMN=FIELD, not “{pair}”")
        mapping[column.strip()] = field.strip()
    return mapping


def run_import(args, settings: Settings) -> int:
    console = Console(stderr=True)
    try:
        options = ImportOptions(
            dry_run=args.dry_run,
            mapping=_mapping(args.map),
            merge_names=args.merge_names,
            region=settings.phone_region,
            tz=args.tz or settings.tz,
            currency=settings.currency,
            erasure_key=settings.erasure_key,
            now=fixed_now(args.now, args.tz or settings.tz),
            pipeline=settings.pipeline,
        )
    except ValueError as error:
        print(f"crmbot: {error}", file=sys.stderr)
        return 2
    engine = open_store(settings.database_url)
    progress = Progress(
        TextColumn(f"Importing {args.kind}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    try:
        with progress:
            task = progress.add_task("rows", total=None)
            summary = import_file(
                engine,
                args.file,
                args.kind,
                options=options,
                total=lambda count: progress.update(task, total=count),
                progress=lambda done: progress.advance(task, done),
            )
    except ImportFileError as error:
        print(f"crmbot: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print("\n".join(summary.lines()))
    if summary.layout.ignored:
        print(f"Columns not imported: {', '.join(summary.layout.ignored)}")
    return 0


def run_export(args, settings: Settings) -> int:
    known = args.segment is None or args.segment in segments.ALL_SEGMENTS
    if not known and settings.pipeline.read(args.segment) is None:
        print(
            f"crmbot: “{args.segment}” is neither a segment ({', '.join(segments.ALL_SEGMENTS)}) "
            f"nor a stage ({settings.pipeline.describe()})",
            file=sys.stderr,
        )
        return 2
    engine = open_store(settings.database_url)
    try:
        with Session(engine) as session:
            members = _members(session, args, settings) if args.segment else None
            if args.output is None:
                try:
                    exporting.write_csv(session, args.kind, sys.stdout, customer_ids=members)
                except BrokenPipeError:  # `| head` stopped reading: not an error
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return 0
            with args.output.open("w", newline="", encoding="utf-8") as out:
                count = exporting.write_csv(session, args.kind, out, customer_ids=members)
    finally:
        engine.dispose()
    which = f" (segment: {args.segment})" if args.segment else ""
    print(f"Exported {count:,} {args.kind}{which} to {args.output}.", file=sys.stderr)
    return 0


def _members(session: Session, args, settings: Settings) -> list[int]:
    """The segment's customers as the bot's lists see them on the (local) day of --now."""
    tz = args.tz or settings.tz
    today = (fixed_now(args.now, tz) or datetime.now(UTC)).astimezone(ZoneInfo(tz)).date()
    snap = analytics.snapshot(
        session, today=today, currency=settings.currency, lapsed_days=settings.lapsed_days
    )
    stage = settings.pipeline.read(args.segment)
    criteria = segments.Criteria(stage=stage) if stage else segments.Criteria(segment=args.segment)
    return segments.find(session, snap, criteria).index.tolist()
