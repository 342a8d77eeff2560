"""conversation subjects: what each chat last talked about, for "her", "those" and "same for"

Revision ID: 0006
Revises: 0004
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_subjects",
        sa.Column("conversation", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("selection", sa.JSON(), nullable=True),
        sa.Column("change", sa.JSON(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("conversation"),
    )


def downgrade() -> None:
    op.drop_table("conversation_subjects")
