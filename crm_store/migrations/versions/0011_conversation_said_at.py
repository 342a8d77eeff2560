"""conversation subjects keep when the sender last wrote, so "undo" after a message that changed
nothing asks before it takes back an older change

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.add_column(sa.Column("said_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversation_subjects") as table:
        table.drop_column("said_at")
