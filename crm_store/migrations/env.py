"""Alembic environment: the engine is handed in by crm_store.db, never read from a file.

On SQLite, foreign keys are switched off while migrating (the only way SQLite lets a migration
rebuild a table that others reference) and checked as a whole before the migration commits.
"""

from alembic import context
from sqlmodel import SQLModel

from crm_store import models  # noqa: F401  (registers the tables)

config = context.config
engine = config.attributes["engine"]
sqlite = engine.dialect.name == "sqlite"

with engine.connect() as connection:
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")  # outside any transaction
        connection.commit()
    with connection.begin():
        context.configure(
            connection=connection,
            target_metadata=SQLModel.metadata,
            render_as_batch=sqlite,
        )
        with context.begin_transaction():
            before = context.get_context().get_current_revision()
            context.run_migrations()
            migrated = context.get_context().get_current_revision() != before
        if sqlite and migrated:
            if broken := connection.exec_driver_sql("PRAGMA foreign_key_check").all():
                raise RuntimeError(f"the migration left rows pointing nowhere: {broken[:5]}")
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        connection.commit()
