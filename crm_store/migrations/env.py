"""Alembic environment: the engine is handed in by crm_store.db, never read from a file."""

from alembic import context
from sqlmodel import SQLModel

from crm_store import models  # noqa: F401  (registers the tables)

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=engine.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
