"""sync: outbox_event, sync_state, sync_conflict, applied_change

Revision ID: 0005_sync
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = "0005_sync"
down_revision = "0001"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "outbox_event",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("office_id", _S(), nullable=False),
        sa.Column("device_epoch", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hlc", _S(), nullable=False),
        sa.Column("type", _S(), nullable=False),
        sa.Column("entity_type", _S(), nullable=False),
        sa.Column("entity_id", _S(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("schema_v", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("payload_sha256", _S(), nullable=False),
        sa.Column("state", _S(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", _S(), nullable=False),
        sa.Column("server_result", _S(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("event_id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("outbox_event", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_state_seq", ["state", "seq"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", _S(), nullable=False),
        sa.Column("device_epoch", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("pull_cursor", _S(), nullable=False),
        sa.Column("hlc_last", _S(), nullable=False),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", _S(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("entity_id", _S(), nullable=False),
        sa.Column("reason", _S(), nullable=False),
        sa.Column("local", sa.JSON(), nullable=False),
        sa.Column("server", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflict_entity_id"), ["entity_id"],
                              unique=False)
    op.create_table(
        "applied_change",
        sa.Column("change_id", _S(), nullable=False),
        sa.Column("kind", _S(), nullable=False),
        sa.Column("entity_id", _S(), nullable=False),
        sa.Column("local_event_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", _S(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("change_id"),
    )
    with op.batch_alter_table("applied_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applied_change_local_event_id"),
                              ["local_event_id"], unique=False)


def downgrade() -> None:
    op.drop_table("applied_change")
    op.drop_table("sync_conflict")
    op.drop_table("sync_state")
    op.drop_table("outbox_event")
