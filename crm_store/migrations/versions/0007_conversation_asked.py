"""conversation subjects keep the last question asked (a report, a list, tasks), for "by rep?"

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.add_column(sa.Column("asked", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.drop_column("asked")
