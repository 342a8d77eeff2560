"""conversation subjects keep the tasks last set or changed, for "push it to friday"

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.add_column(sa.Column("task_ids", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.drop_column("task_ids")
