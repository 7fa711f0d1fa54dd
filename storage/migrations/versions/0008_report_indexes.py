"""report indexes: results and returns by time, for period reports over a big office

The period report reads the dossiers still open at the start of the period or returned in it,
and counts results per day; without these it walks the whole table.

Revision ID: 0008_report_indexes
Revises: 0001
"""
from alembic import op

revision = "0008_report_indexes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossier_returned", "dossier", ["returned_at"])
    op.create_index("ix_dossier_result", "dossier", ["result_at"])


def downgrade() -> None:
    op.drop_index("ix_dossier_result", "dossier")
    op.drop_index("ix_dossier_returned", "dossier")
