"""customer figures: folded search keys on customers, stored per-customer and store figures

Revision ID: 0004
Revises: 0005
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

from crm_store.normalize import name_key

revision = "0004"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "name_key",
                sqlmodel.sql.sqltypes.AutoString(length=200),
                nullable=False,
                server_default="",
            )
        )
        batch_op.add_column(
            sa.Column(
                "company_key",
                sqlmodel.sql.sqltypes.AutoString(length=200),
                nullable=False,
                server_default="",
            )
        )
        batch_op.create_index(batch_op.f("ix_customers_updated_at"), ["updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_created_at"), ["created_at"], unique=False)
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index("ix_interactions_occurred_at", ["occurred_at"], unique=False)
    with op.batch_alter_table("purchases", schema=None) as batch_op:
        batch_op.create_index(
            "ix_purchases_day_money",
            ["purchased_on", "currency", "amount", "customer_id"],
            unique=False,
        )
    _backfill_keys()

    op.create_table(
        "customer_figures",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("value_cents", sa.BigInteger(), nullable=False),
        sa.Column("first_order", sa.Date(), nullable=True),
        sa.Column("last_order", sa.Date(), nullable=True),
        sa.Column("r_score", sa.Integer(), nullable=True),
        sa.Column("f_score", sa.Integer(), nullable=True),
        sa.Column("m_score", sa.Integer(), nullable=True),
        sa.Column("segment", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("high_value", sa.Boolean(), nullable=False),
        sa.Column("p_alive", sa.Float(), nullable=True),
        sa.Column("expected_orders", sa.Float(), nullable=True),
        sa.Column("expected_value_cents", sa.BigInteger(), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    with op.batch_alter_table("customer_figures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_figures_segment"), ["segment"], unique=False)
    op.create_table(
        "store_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("computed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("boundaries", sa.JSON(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def _backfill_keys() -> None:
    """Fold every existing name and company once, in batches."""
    connection = op.get_bind()
    customers = sa.table(
        "customers",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("company", sa.String),
        sa.column("name_key", sa.String),
        sa.column("company_key", sa.String),
    )
    rows = connection.execute(
        sa.select(customers.c.id, customers.c.name, customers.c.company)
    ).all()
    statement = (
        sa.update(customers)
        .where(customers.c.id == sa.bindparam("_id"))
        .values(name_key=sa.bindparam("_name_key"), company_key=sa.bindparam("_company_key"))
    )
    for start in range(0, len(rows), BATCH):
        connection.execute(
            statement,
            [
                {
                    "_id": id_,
                    "_name_key": name_key(name) if name else "",
                    "_company_key": name_key(company) if company else "",
                }
                for id_, name, company in rows[start : start + BATCH]
            ],
        )


def downgrade() -> None:
    op.drop_table("store_figures")
    with op.batch_alter_table("customer_figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_figures_segment"))
    op.drop_table("customer_figures")
    with op.batch_alter_table("purchases", schema=None) as batch_op:
        batch_op.drop_index("ix_purchases_day_money")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_occurred_at")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_created_at"))
        batch_op.drop_index(batch_op.f("ix_customers_updated_at"))
        batch_op.drop_column("company_key")
        batch_op.drop_column("name_key")
