"""A throwaway PostgreSQL database for a bench run, dropped when the bench is done."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import make_url, text

from crm_store.db import make_engine


def throwaway_postgres(
    server: str, *, prefix: str = "crmbot_bench"
) -> tuple[str, Callable[[], None]]:
    """A new empty database on `server`: its URL, and the call that drops it."""
    admin = make_engine(server).execution_options(isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop
