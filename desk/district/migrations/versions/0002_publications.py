"""district: catalog_version, calendar_version (published to every office by pull)

Revision ID: d0002
Revises: d0001
Create Date: 2026-11-25 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "d0002"
down_revision = "d0001"
branch_labels = None
depends_on = None

S = sa.String


def upgrade() -> None:
    for name in ("catalog_version", "calendar_version"):
        op.create_table(
            name,
            sa.Column("version", sa.Integer(), primary_key=True, autoincrement=False),
            sa.Column("checksum", S(), nullable=False),
            sa.Column("body", sa.JSON(), nullable=False),
            sa.Column("change_id", S(), nullable=False),
            sa.Column("published_at", sa.DateTime(), nullable=False),
        )


def downgrade() -> None:
    for name in ("calendar_version", "catalog_version"):
        op.drop_table(name)
