"""ratings: satisfaction ratings of citizens after service

Revision ID: 0006_ratings
Revises: 0001
Create Date: 2026-11-24 12:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = "0006_ratings"
down_revision = "0001"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "rating",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("level", _S(length=20), nullable=False),
        sa.Column("ticket_label", _S(length=12), nullable=True),
        sa.Column("dossier_code", _S(length=60), nullable=True),
        sa.Column("counter_number", sa.Integer(), nullable=True),
        sa.Column("clerk_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["clerk_id"], ["clerk.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rating_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_at"))
    op.drop_table("rating")
