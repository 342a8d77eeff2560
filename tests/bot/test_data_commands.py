"""`crmbot import` and `crmbot export` as someone moving their data in and out uses them."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from crm_store import exporting
from crm_store.db import make_engine
from crm_store.models import AuditEntry

SAMPLE = Path(__file__).parent.parent.parent / "samples" / "hubspot_contacts.csv"
DATA = Path(__file__).parent.parent / "data"


def crmbot(*args: str, db: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "bot.cli", *args, "--db", db]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'crm.db'}"


@pytest.fixture
def sample(tmp_path) -> Path:
    return Path(shutil.copy(SAMPLE, tmp_path / SAMPLE.name))


def test_an_import_prints_its_summary_and_a_re_run_changes_nothing(db, sample):
    first = crmbot("import", "customers", str(sample), db=db)
    assert first.returncode == 0, first.stderr
    rejects = sample.with_name("hubspot_contacts.rejects.csv")
    assert first.stdout.splitlines()[:5] == [
        "Imported customers from hubspot_contacts.csv: 12 rows",
        "  created            9",
        "  updated            1",
        "  unchanged          0",
        f"  rejected           2  → {rejects}",
    ]
    assert "Traceback" not in first.stderr
    with rejects.open(encoding="utf-8") as rejected:
        assert [row["line"] for row in csv.DictReader(rejected)] == ["8", "12"]
    again = crmbot("import", "customers", str(sample), db=db)
    assert again.stdout.splitlines()[1:4] == [
        "  created            0",
        "  updated            0",
        "  unchanged         10",
    ]
    exported = crmbot("export", "customers", "--segment", "customer", db=db)
    assert exported.returncode == 0, exported.stderr
    emails = [row["email"] for row in csv.DictReader(exported.stdout.splitlines())]
    assert emails == ["jane.doe@acme.com", "amy.chen@acme.com", "kwame@accrafoods.com.gh"]
    engine = make_engine(db)
    with Session(engine) as session:
        [entry] = session.exec(select(AuditEntry).where(AuditEntry.action == "export.csv")).all()
    engine.dispose()
    assert entry.description == (
        "exported 3 customers (segment: customer) to standard output from the command line"
    )


def test_a_dry_run_and_a_column_map_on_a_file_with_its_own_headers(db, tmp_path):
    path = Path(shutil.copy(DATA / "cp1252_customers.csv", tmp_path / "kunden.csv"))
    maps = ["--map", "Nachname=last_name", "--map", "Vorname=first_name", "--map", "Firma=company"]
    dry = crmbot("import", "customers", str(path), "--dry-run", *maps, "--map", "Land=", db=db)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0] == "Would import customers from kunden.csv: 2 rows"
    assert "Dry run: nothing was written." in dry.stdout
    assert "Columns not imported: Telefon, Stadt, Land" in dry.stdout
    out = tmp_path / "out.csv"
    exported = crmbot("export", "customers", "--segment", "champions", "-o", str(out), db=db)
    assert exported.stderr.strip() == f"Exported 0 customers (segment: champions) to {out}."
    assert out.read_text().splitlines() == [",".join(exporting.COLUMNS["customers"])]


def test_a_file_that_is_not_a_table_gets_one_sentence_and_no_traceback(db, tmp_path):
    path = Path(shutil.copy(DATA / "not_a_table.csv", tmp_path / "photo.csv"))
    result = crmbot("import", "customers", str(path), db=db)
    assert result.returncode == 1
    assert result.stderr.startswith("crmbot: photo.csv is not a CSV or Excel file")
    assert "Traceback" not in result.stderr
    wrong_map = crmbot("import", "customers", str(path), "--map", "Nachname", db=db)
    assert wrong_map.returncode == 2
    assert wrong_map.stderr.strip() == "crmbot: --map wants COLUMN=FIELD, not “Nachname”"


def test_export_with_metrics_says_what_the_bot_believes_as_of_a_day(db, tmp_path):
    (tmp_path / "customers.csv").write_text(
        "External ID,Name,Email\n"
        "A1,Ann Able,ann@a.com\nB2,Bob Best,bob@b.com\nC3,Cy Cole,cy@c.com\n"
    )
    (tmp_path / "purchases.csv").write_text(
        "Email,Product,Amount,Date\n"
        "ann@a.com,Widget,100,2026-01-10\n"
        "ann@a.com,Widget,50,2026-01-10\n"  # the same day: one order day
        "ann@a.com,Widget,100,2026-06-01\n"
        "bob@b.com,Widget,300,2026-10-01\n"
    )
    for kind in ("customers", "purchases"):
        done = crmbot("import", kind, str(tmp_path / f"{kind}.csv"), db=db)
        assert done.returncode == 0, done.stderr
    out = tmp_path / "metrics.csv"
    done = crmbot(
        "export",
        "customers",
        "--metrics",
        "--now",
        "2026-11-18T10:00",
        "--horizon-days",
        "90",
        "-o",
        str(out),
        db=db,
    )
    assert done.returncode == 0, done.stderr
    rows = {row["external_id"]: row for row in csv.DictReader(out.open())}
    assert set(exporting.METRICS) <= set(rows["A1"])
    assert (rows["A1"]["recency_days"], rows["A1"]["frequency"], rows["A1"]["monetary"]) == (
        "170",
        "2",
        "250.00",
    )
    assert rows["B2"]["frequency"] == "1" and rows["B2"]["recency_days"] == "48"
    assert rows["A1"]["rfm_segment"] and float(rows["A1"]["expected_orders"]) > 0
    assert rows["C3"]["rfm_segment"] == "" and rows["C3"]["expected_value"] == ""
    refused = crmbot("export", "purchases", "--metrics", db=db)
    assert refused.returncode == 2 and "--metrics" in refused.stderr
