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
