"""district: event.epoch (a desk's stream is (device, epoch, seq): a restore starts a new one)

Revision ID: d0004
Revises: d0002
Create Date: 2026-11-26 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "d0004"
down_revision = "d0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event") as b:
        b.add_column(sa.Column("epoch", sa.Integer(), nullable=False, server_default="0"))
    op.create_index("ix_event_office_device_seq", "event", ["office_id", "device", "seq"])


def downgrade() -> None:
    op.drop_index("ix_event_office_device_seq", table_name="event")
    with op.batch_alter_table("event") as b:
        b.drop_column("epoch")
