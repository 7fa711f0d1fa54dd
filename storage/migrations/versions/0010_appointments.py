"""appointments: booked slots of queue services (issue 18)

Revision ID: 0010_appointments
Revises: 0001
Create Date: 2026-12-04 18:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = "0010_appointments"
down_revision = "0001"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "appointment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", _S(length=12), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("slot", _S(length=5), nullable=False),
        sa.Column("service_code", _S(length=20), nullable=False),
        sa.Column("id_key", _S(length=64), nullable=False),
        sa.Column("id_masked", _S(length=20), nullable=False),
        sa.Column("state", _S(), nullable=False),
        sa.Column("channel", _S(), nullable=False),
        sa.Column("booked_at", sa.DateTime(), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("ticket_label", _S(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.create_index("ix_appointment_day_service", ["day", "service_code", "slot"],
                              unique=False)
        batch_op.create_index("ix_appointment_id_key_day", ["id_key", "day"], unique=False)


def downgrade() -> None:
    op.drop_table("appointment")
