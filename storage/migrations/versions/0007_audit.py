"""audit: hash-chained audit_log (append-only) and device_state

Revision ID: 0007_audit
Revises: 0001
Create Date: 2026-11-24 15:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = "0007_audit"
down_revision = "0001"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", _S(), nullable=False),
        sa.Column("actor_id", _S(), nullable=False),
        sa.Column("actor_name", _S(), nullable=False),
        sa.Column("actor_role", _S(), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("target_type", _S(), nullable=False),
        sa.Column("target_id", _S(), nullable=False),
        sa.Column("citizen_id", _S(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", _S(), nullable=False),
        sa.Column("hash", _S(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_citizen", ["citizen_id", "seq"], unique=False)
        batch_op.create_index("ix_audit_log_actor", ["actor_name", "seq"], unique=False)
    # Append-only: the desk never updates or deletes an entry (the hash chain catches whoever
    # drops these triggers by hand).
    op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    op.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    op.create_table(
        "device_state",
        sa.Column("key", _S(length=60), nullable=False),
        sa.Column("value", _S(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("device_state")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_actor")
        batch_op.drop_index("ix_audit_log_citizen")
    op.drop_table("audit_log")
