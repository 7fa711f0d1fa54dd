"""district: the nonce table unlogged on PostgreSQL; event's redundant office_id index dropped

Nonces live ±10 minutes and only stop replays: on PostgreSQL they need no WAL (issue 19 §2,
desk/district/seen.py; the trade-off is in docs/security.md). `ix_event_office_id` duplicates
the leading column of `ix_event_office_entity` and `ix_event_office_device_seq`: one index less
to write per ingested event.

Revision ID: d0019
Revises: d0002
Create Date: 2026-12-04 21:00:00
"""
from alembic import op

revision = "d0019"
down_revision = "d0002"  # a branch off the foundation, like d0003, d0004 and d0005
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE nonce SET UNLOGGED")
    op.drop_index("ix_event_office_id", table_name="event")


def downgrade() -> None:
    op.create_index("ix_event_office_id", "event", ["office_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE nonce SET LOGGED")
