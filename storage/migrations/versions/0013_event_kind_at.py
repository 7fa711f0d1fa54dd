"""event kind and time: the period report's fees paid in a month (issue 20)

The Decision 766 "online fees" indicator reads the fee_paid events of the period; without
this index the report walks every event the office ever recorded (4 per dossier).

Revision ID: 0013_event_kind_at
Revises: 0001
"""
from alembic import op

revision = "0013_event_kind_at"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossier_event_kind_at", "dossier_event", ["kind", "at"])


def downgrade() -> None:
    op.drop_index("ix_dossier_event_kind_at", "dossier_event")
