"""district: office, event, dossier_state, change_log, conflict, nonce, quarantine

Revision ID: d0001
Revises:
Create Date: 2026-11-24 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "d0001"
down_revision = None
branch_labels = None
depends_on = None

S = sa.String


def upgrade() -> None:
    op.create_table(
        "office",
        sa.Column("id", S(35), primary_key=True),
        sa.Column("name", S(), nullable=False),
        sa.Column("token_hash", S(), nullable=False, index=True),
        sa.Column("signing_key", S(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_contact", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "event",
        sa.Column("event_id", S(32), primary_key=True),
        sa.Column("office_id", S(), nullable=False, index=True),
        sa.Column("device", S(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("type", S(), nullable=False),
        sa.Column("entity_id", S(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("schema_v", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("payload_sha256", S(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("result", S(), nullable=False),
    )
    op.create_index("ix_event_office_entity", "event", ["office_id", "entity_id"])
    op.create_table(
        "dossier_state",
        sa.Column("office_id", S(), primary_key=True),
        sa.Column("code", S(), primary_key=True),
        sa.Column("procedure", S(), nullable=False),
        sa.Column("applicant", S(), nullable=False),
        sa.Column("status", S(), nullable=False),
        sa.Column("resume_status", S(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("last_event", S(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("updated", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "change_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("txid", sa.BigInteger(), nullable=False),
        sa.Column("office_id", S(), nullable=False),
        sa.Column("change_id", S(32), nullable=False, unique=True),
        sa.Column("kind", S(), nullable=False),
        sa.Column("entity_id", S(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_change_log_office_order", "change_log", ["office_id", "txid", "id"])
    op.create_table(
        "conflict",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("office_id", S(), nullable=False, index=True),
        sa.Column("event_id", S(), nullable=False),
        sa.Column("entity_id", S(), nullable=False),
        sa.Column("reason", S(), nullable=False),
        sa.Column("local", sa.JSON(), nullable=False),
        sa.Column("server", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "nonce",
        sa.Column("office_id", S(), primary_key=True),
        sa.Column("nonce", S(64), primary_key=True),
        sa.Column("seen_at", sa.DateTime(), nullable=False, index=True),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("office_id", S(), nullable=False),
        sa.Column("reason", S(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for name in ("quarantine", "nonce", "conflict", "change_log", "dossier_state", "event",
                 "office"):
        op.drop_table(name)
