"""online-only procedures: a catalog entry submitted on the national portal only (issue 16 §4)

Revision ID: 0011_online_only
Revises: 0001
Create Date: 2026-12-04 19:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_online_only"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy and drop) would trip the dossiers' foreign key
    op.add_column("procedure", sa.Column("online_only", sa.Boolean(), nullable=False,
                                         server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("procedure") as batch_op:
        batch_op.drop_column("online_only")
