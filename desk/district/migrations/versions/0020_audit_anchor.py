"""district: audit_anchor (each office device's audit-chain heads, one per day; issue 15)

Revision ID: d0020
Revises: d0002
Create Date: 2026-12-04 21:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "d0020"
down_revision = "d0002"  # a branch off the foundation, like d0003 … d0005
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("office_id", sa.String(), primary_key=True),
        sa.Column("device", sa.String(64), primary_key=True),
        sa.Column("epoch", sa.Integer(), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_anchor")
