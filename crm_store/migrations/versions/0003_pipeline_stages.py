"""pipeline stages, the date a customer entered its stage, product interest, and the delete bin

Stages become configuration (lead → qualified → proposal → customer → lost by default): the fixed
list leaves the schema, prospects become qualified and lapsed customers stay customers (lapsing is
a figure from purchase recency, not a stored stage).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

customers = sa.table(
    "customers",
    sa.column("stage", sa.String),
    sa.column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime()),
    sa.column("stage_changed_at", sqlmodel.sql.sqltypes.UTCDateTime()),
)
RENAMED = {"prospect": "qualified", "lapsed": "customer"}


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stage_changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("deleted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.drop_constraint("ck_stage_valid", type_="check")
    for old, new in RENAMED.items():
        op.execute(customers.update().where(customers.c.stage == old).values(stage=new))
    op.execute(customers.update().values(stage_changed_at=customers.c.updated_at))
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.alter_column(
            "stage_changed_at", existing_type=sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False
        )
        batch_op.create_check_constraint("ck_customer_stage_named", "length(stage) > 0")
        batch_op.create_index(batch_op.f("ix_customers_deleted_at"), ["deleted_at"], unique=False)

    op.create_table(
        "customer_interests",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("interest", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id", "interest"),
    )
    with op.batch_alter_table("customer_interests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_interests_key"), ["key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("customer_interests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_interests_key"))
    op.drop_table("customer_interests")
    op.execute(customers.update().where(customers.c.stage == "qualified").values(stage="prospect"))
    op.execute(
        customers.update()
        .where(customers.c.stage.not_in(["lead", "prospect", "customer"]))
        .values(stage="lead")
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_deleted_at"))
        batch_op.drop_constraint("ck_customer_stage_named", type_="check")
        batch_op.create_check_constraint(
            "ck_stage_valid", "stage IN ('lead', 'prospect', 'customer', 'lapsed')"
        )
        batch_op.drop_column("deleted_at")
        batch_op.drop_column("stage_changed_at")
