"""conversation subjects keep the customers last listed, in the order shown, for "the 3rd one"

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.add_column(sa.Column("shown", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.drop_column("shown")
