"""Engines, sessions and schema migrations for SQLite and PostgreSQL alike."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION = "SELECT version_num FROM alembic_version"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine ready for several processes: SQLite gets WAL and a busy timeout."""
    # statements' parameters are customers' data: never in an error message or a log line
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, hide_parameters=True, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, echo=echo, hide_parameters=True, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-65536")  # up to 64 MB: a big import keeps its index pages
    cursor.execute("PRAGMA secure_delete=ON")  # erased data is overwritten, not just unlinked
    cursor.close()


def alembic_config(engine: Engine):
    from alembic.config import Config  # migrations: loaded only when the schema is checked

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; safe to call on every start (a store already
    there is recognised without loading Alembic)."""
    if _at_head(engine):
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def _at_head(engine: Engine) -> bool:
    """Whether the store's recorded revisions are exactly the newest of our migrations."""
    revisions, replaced = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if found := re.search(r"^revision = ['\"]([^'\"]+)", source, re.M):
            revisions.add(found[1])
        if found := re.search(r"^down_revision = (.+)$", source, re.M):
            replaced.update(re.findall(r"['\"]([^'\"]+)['\"]", found[1]))
    try:
        with engine.connect() as connection:
            current = {row[0] for row in connection.execute(text(VERSION))}
    except DBAPIError:
        return False
    return bool(current) and current == revisions - replaced


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One unit of work: committed if the block finishes, rolled back whole if it raises."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def open_store(url: str) -> Engine:
    """An engine on a store migrated to the current schema: what every entry point starts with."""
    engine = make_engine(url)
    upgrade(engine)
    return engine
