"""district: ticket_fact, rating_fact (queue tickets and ratings: facts, append-only)

Revision ID: d0005
Revises: d0002
Create Date: 2026-11-26 11:00:00
"""
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "d0005"
down_revision = "d0002"  # a branch off the foundation, like d0003 and d0004
branch_labels = None
depends_on = None

S = sa.String


def _stream() -> list[sa.Column[Any]]:
    return [
        sa.Column("event_id", S(32), primary_key=True),
        sa.Column("office_id", S(), nullable=False),
        sa.Column("device", S(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
    ]


def _tail() -> list[sa.Column[Any]]:
    return [
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("payload_sha256", S(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "ticket_fact", *_stream(),
        sa.Column("kind", S(), nullable=False),
        sa.Column("day", S(10), nullable=False),
        sa.Column("label", S(), nullable=False),
        sa.Column("service_code", S(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("leg", sa.Integer(), nullable=True),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("clerk", S(), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        *_tail(),
    )
    op.create_index("ix_ticket_fact_office_day", "ticket_fact", ["office_id", "day", "kind"])
    op.create_table(
        "rating_fact", *_stream(),
        sa.Column("level", S(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("clerk", S(), nullable=False),
        *_tail(),
    )
    op.create_index("ix_rating_fact_office_at", "rating_fact", ["office_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_rating_fact_office_at", table_name="rating_fact")
    op.drop_table("rating_fact")
    op.drop_index("ix_ticket_fact_office_day", table_name="ticket_fact")
    op.drop_table("ticket_fact")
