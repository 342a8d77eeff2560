"""`crmbot import` and `crmbot export`: customers, purchases and interactions in and out."""

from __future__ import annotations

import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.commands.options import add_clock, add_db, fixed_now
from bot.settings import Settings
from crm_store.columns import KINDS
from crm_store.segment_names import ALL_SEGMENTS


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
    exporting_.add_argument("kind", choices=KINDS)
    exporting_.add_argument(
        "--segment",
        metavar="SEGMENT",
        help="only this segment's or pipeline stage's customers, as the bot's lists see them "
        "today: " + ", ".join(ALL_SEGMENTS) + ", or a stage",
    )
    exporting_.add_argument(
        "--metrics",
        action="store_true",
        help="customers: add RFM scores, segment, chance still buying and the forecast",
    )
    exporting_.add_argument(
        "--horizon-days", type=int, default=365, metavar="N", help="forecast span (default 365)"
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
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from crm_store.db import open_store
    from crm_store.importing import ImportFileError, ImportOptions, import_file

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
        print("\n".join(summary.lines()))
        if summary.layout.ignored:
            print(f"Columns not imported: {', '.join(summary.layout.ignored)}")
        if not args.dry_run and args.kind == "purchases":
            print(_refresh_figures(engine, settings))
    except ImportFileError as error:
        print(f"crmbot: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def _refresh_figures(engine, settings: Settings) -> str:
    """Every customer's figures and the forecast, refitted on the purchases just imported."""
    from crm_store import analytics
    from crm_store.db import transaction

    today = datetime.now(ZoneInfo(settings.tz)).date()
    with transaction(engine) as session:
        figures = analytics.refresh(session, today=today, currency=settings.currency)
    how = "forecast fitted" if figures.model.fitted else f"store averages: {figures.model.reason}"
    return f"Figures refreshed for {len(figures.customers):,} buyers ({how})."


def run_export(args, settings: Settings) -> int:
    from sqlmodel import Session

    from crm_store import exporting
    from crm_store.db import open_store

    known = args.segment is None or args.segment in ALL_SEGMENTS
    if not known and settings.pipeline.read(args.segment) is None:
        print(
            f"crmbot: “{args.segment}” is neither a segment ({', '.join(ALL_SEGMENTS)}) "
            f"nor a stage ({settings.pipeline.describe()})",
            file=sys.stderr,
        )
        return 2
    if args.metrics and args.kind != "customers":
        print("crmbot: --metrics goes with `export customers`.", file=sys.stderr)
        return 2
    if args.horizon_days < 1:
        print("crmbot: --horizon-days needs a whole number of days, 1 or more.", file=sys.stderr)
        return 2
    try:
        now = fixed_now(args.now, args.tz or settings.tz) or datetime.now(UTC)
    except ValueError:
        print(
            f"crmbot: --now {args.now} is not a date and time (e.g. 2026-11-18T10:00).",
            file=sys.stderr,
        )
        return 2
    engine = open_store(settings.database_url)
    try:
        with Session(engine) as session:
            today = now.astimezone(ZoneInfo(args.tz or settings.tz)).date()
            members = _members(session, args.segment, settings, today) if args.segment else None
            metrics = (
                exporting.customer_metrics(
                    session, today=today, currency=settings.currency, horizon_days=args.horizon_days
                )
                if args.metrics
                else None
            )
            which = f" (segment: {args.segment})" if args.segment else ""
            if args.output is None:
                try:
                    count = exporting.write_csv(
                        session, args.kind, sys.stdout, customer_ids=members, metrics=metrics
                    )
                except BrokenPipeError:  # `| head` stopped reading: not an error
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                    count = None
                _record(engine, f"{args.kind}{which} to standard output", count)
                return 0
            with args.output.open("w", newline="", encoding="utf-8") as out:
                count = exporting.write_csv(
                    session, args.kind, out, customer_ids=members, metrics=metrics
                )
            _record(engine, f"{args.kind}{which} to {args.output}", count)
    finally:
        engine.dispose()
    print(f"Exported {count:,} {args.kind}{which} to {args.output}.", file=sys.stderr)
    return 0


def _record(engine, what: str, count: int | None) -> None:
    """Every export is in the audit trail: what left the store, and when (by the operator)."""
    from crm_store import audit
    from crm_store.db import transaction

    rows = "" if count is None else f"{count:,} "
    with transaction(engine) as session:
        audit.record_event(
            session,
            command_id=uuid.uuid4().hex,
            staff_id=None,
            action="export.csv",
            entity="export",
            description=f"exported {rows}{what} from the command line",
            at=datetime.now(UTC),
        )


def _members(session, segment: str, settings: Settings, today) -> list[int]:
    """The segment's customers as the bot's lists see them on the (local) day of --now."""
    from crm_store import analytics, segments

    snap = analytics.snapshot(
        session, today=today, currency=settings.currency, lapsed_days=settings.lapsed_days
    )
    stage = settings.pipeline.read(segment)
    criteria = segments.Criteria(stage=stage) if stage else segments.Criteria(segment=segment)
    return segments.find(session, snap, criteria).index.tolist()
