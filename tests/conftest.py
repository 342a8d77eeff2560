"""Shared fixtures: a migrated store on SQLite and on PostgreSQL, and a fixed clock.

PostgreSQL tests use a throwaway database created on the server named by CRMBOT_TEST_POSTGRES_URL
(default: the local server's `test` database). Without a reachable server they skip, unless
CRMBOT_TEST_POSTGRES_REQUIRED=1 (as in CI), where they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, make_url, text
from sqlmodel import SQLModel

from crm_store.db import make_engine, upgrade

POSTGRES_URL = os.environ.get(
    "CRMBOT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
POSTGRES_REQUIRED = os.environ.get("CRMBOT_TEST_POSTGRES_REQUIRED") == "1"

NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)  # a Wednesday


def pytest_sessionstart(session):
    """The parser's model, trained once from the corpus (or read from its cache) before any test
    waits on a reply, and outside any test's time limit: first use after a corpus change takes a
    minute or two."""
    from intents.model import model

    model()


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database for this test session, dropped at the end."""
    admin = make_engine(POSTGRES_URL, echo=False).execution_options(isolation_level="AUTOCOMMIT")
    name = f"crmbot_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        admin.dispose()
        if POSTGRES_REQUIRED:
            raise
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {error}")
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    migrated = make_engine(url)
    upgrade(migrated)
    migrated.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _empty_postgres(engine: Engine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """The URL of an empty, migrated store; every test using it runs on both databases."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'crm.db'}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        return url
    url = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    _empty_postgres(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path) -> Iterator[Engine]:
    """SQLite only, for tests of the pipeline where the database makes no difference."""
    engine = make_engine(f"sqlite:///{tmp_path / 'crm.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()
