"""trust: one live customer per e-mail and phone, ids never reused, undo that can be dropped

Revision ID: 0005
Revises: 0003
"""

import re

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

# tables whose integer ids name records in the audit trail and in exports
ID_TABLES = (
    "staff",
    "customers",
    "products",
    "interactions",
    "purchases",
    "tasks",
    "nps_answers",
    "audit_log",
    "pending_questions",
    "digest_deliveries",
)
LIVE = "forgotten_at IS NULL"


def upgrade() -> None:
    bind = op.get_bind()
    for column in ("email", "phone"):
        _refuse_duplicates(bind, column)
    if bind.dialect.name == "sqlite":
        for table in ID_TABLES:
            _autoincrement(bind, table)
    for column in ("email", "phone"):
        op.create_index(
            f"uq_customers_live_{column}",
            "customers",
            [column],
            unique=True,
            sqlite_where=sa.text(LIVE),
            postgresql_where=sa.text(LIVE),
        )
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(
            sa.Column("undo_dropped_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    # a record's history (undo, access requests, erasure) is looked up by entity and id
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_entity", table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("undo_dropped_at")
    for column in ("email", "phone"):
        op.drop_index(f"uq_customers_live_{column}", table_name="customers")


def _refuse_duplicates(bind, column: str) -> None:
    """A store that already holds two live customers with one e-mail or phone can't get the
    index; a person must decide which record is right, so say which ones they are."""
    clashes = bind.execute(
        sa.text(
            f"SELECT {column}, MIN(id), MAX(id) FROM customers WHERE {LIVE} "
            f"AND {column} IS NOT NULL GROUP BY {column} HAVING COUNT(*) > 1"
        )
    ).all()
    if clashes:
        pairs = ", ".join(f"#{low} and #{high}" for _, low, high in clashes[:10])
        raise RuntimeError(
            f"{len(clashes)} {column} values are shared by several live customers ({pairs}); "
            f"change or erase one of each pair, then run `crmbot db upgrade` again"
        )


def _autoincrement(bind, table: str) -> None:
    """SQLite reuses the largest id after a delete unless the key is AUTOINCREMENT; the table is
    rebuilt with the same definition, rows, ids and indexes."""
    found = bind.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"), {"t": table}
    ).scalar()
    if found is None or "AUTOINCREMENT" in found:
        return
    definition = re.sub(
        r"\bid INTEGER NOT NULL,", "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,", found, count=1
    )
    definition = re.sub(r",\s*PRIMARY KEY \(id\)", "", definition, count=1)
    indexes = (
        bind.execute(
            sa.text(
                "SELECT sql FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = :t AND sql IS NOT NULL"
            ),
            {"t": table},
        )
        .scalars()
        .all()
    )
    # keep other tables' REFERENCES pointing at the name, not following the renamed old table
    bind.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    bind.exec_driver_sql(f'ALTER TABLE "{table}" RENAME TO "_old_{table}"')
    bind.exec_driver_sql(definition)
    bind.exec_driver_sql(f'INSERT INTO "{table}" SELECT * FROM "_old_{table}"')
    bind.exec_driver_sql(f'DROP TABLE "_old_{table}"')
    bind.exec_driver_sql("PRAGMA legacy_alter_table = OFF")
    for index in indexes:
        bind.exec_driver_sql(index)
