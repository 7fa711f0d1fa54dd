"""notices: the outbox of messages to citizens' phones, and opt-outs (issue 17)

Revision ID: 0012_notices
Revises: 0001
Create Date: 2026-12-04 18:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = "0012_notices"
down_revision = "0001"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "notice",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("source", _S(length=80), nullable=False),
        sa.Column("template", _S(length=40), nullable=False),
        sa.Column("channel", _S(length=10), nullable=False),
        sa.Column("dossier_code", _S(length=60), nullable=True),
        sa.Column("phone", _S(length=16), nullable=False),
        sa.Column("text", _S(), nullable=False),
        sa.Column("status", _S(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", _S(), nullable=False),
        sa.Column("channel_ref", _S(), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("bytes_sent", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "template", "channel", name="uq_notice_source"),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index("ix_notice_status_next", ["status", "next_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_notice_dossier_code"), ["dossier_code"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_notice_phone"), ["phone"], unique=False)
    op.create_table(
        "notice_opt_out",
        sa.Column("phone", _S(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", _S(), nullable=False),
        sa.PrimaryKeyConstraint("phone"),
    )


def downgrade() -> None:
    op.drop_table("notice_opt_out")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_phone"))
        batch_op.drop_index(batch_op.f("ix_notice_dossier_code"))
        batch_op.drop_index("ix_notice_status_next")
    op.drop_table("notice")
