"""How fast customers go in: 100,000 generated rows into SQLite and into PostgreSQL.

    python bench/import.py [--rows 100000] [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]

The PostgreSQL figure uses a throwaway database created on that server and dropped afterwards.
Each store is imported twice: a first import (every row created) and a re-run (every row
matched and unchanged).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import make_url, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crm_store.db import make_engine, upgrade  # noqa: E402
from crm_store.importing import import_file  # noqa: E402

FIRST = ["Jane", "Rahul", "Sofia", "Tom", "Amy", "Kwame", "Claire", "Kenji", "Olivia", "Marcus"]
LAST = ["Doe", "Mehta", "Rossi", "Becker", "Chen", "Mensah", "Dubois", "Sato", "Brown", "Lee"]
CITIES = [("San Francisco", "United States"), ("London", "UK"), ("Berlin", "Germany")]
STAGES = ["Lead", "Sales Qualified Lead", "Customer", "Opportunity"]


def generate(path: Path, rows: int) -> None:
    """A HubSpot-style export: vendor headers, mixed-case e-mails, national phone formats."""
    chance = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "Record ID",
                "First Name",
                "Last Name",
                "Email",
                "Phone Number",
                "Company Name",
                "Job Title",
                "City",
                "Country/Region",
                "Lifecycle Stage",
                "Create Date",
            ]
        )
        for n in range(rows):
            first, last = chance.choice(FIRST), chance.choice(LAST)
            city, country = chance.choice(CITIES)
            writer.writerow(
                [
                    100000 + n,
                    first,
                    last,
                    f"{first}.{last}{n}@Example{n % 97}.com",
                    f"(415) {200 + n // 10000:03d}-{n % 10000:04d}",
                    f"{last} {chance.choice(['Inc.', 'GmbH', 'Ltd'])} {n % 5000}",
                    chance.choice(["CEO", "Buyer", "CTO", ""]),
                    city,
                    country,
                    chance.choice(STAGES),
                    f"2024-{1 + n % 12:02d}-{1 + n % 28:02d} 10:{n % 60:02d}",
                ]
            )


def measure(url: str, path: Path, label: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    try:
        for run in ("first import", "re-run"):
            started = time.perf_counter()
            summary = import_file(engine, path, "customers")
            took = time.perf_counter() - started
            print(
                f"{label:<11} {run:<13} {summary.rows:>8,} rows in {took:5.2f} s = "
                f"{summary.rows / took:>8,.0f} rows/s  (created {summary.created:,}, "
                f"unchanged {summary.unchanged:,}, rejected {summary.rejected:,})"
            )
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test", metavar="URL"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        generate(path, args.rows)
        measure(f"sqlite:///{Path(folder) / 'bench.db'}", path, "SQLite")
        admin = make_engine(args.postgres).execution_options(isolation_level="AUTOCOMMIT")
        name = f"crmbot_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(args.postgres).set(database=name)
            measure(url.render_as_string(hide_password=False), path, "PostgreSQL")
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
