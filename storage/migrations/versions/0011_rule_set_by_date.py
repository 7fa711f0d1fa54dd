"""rule set by date: each dossier records the rule set in force on its receipt date

Until now `dossier.rule_version` held the office's configured form set ("2025" by default) for
every dossier, even one received before Decree 118/2025 took effect. Dossiers received before
1 July 2025 (office time, UTC+7: 30 June 2025 17:00 UTC) get "2018"; later ones "2025".

Revision ID: 0011_rule_set_by_date
Revises: 0001
Create Date: 2026-12-04 18:00:00
"""
from alembic import op

revision = "0011_rule_set_by_date"
down_revision = "0001"
branch_labels = None
depends_on = None

SWITCH_UTC = "2025-06-30 17:00:00"  # 1 July 2025 00:00 in Vietnam (no DST)


def upgrade() -> None:
    op.execute(f"UPDATE dossier SET rule_version = CASE WHEN received_at < '{SWITCH_UTC}' "
               "THEN '2018' ELSE '2025' END WHERE rule_version IN ('2018', '2025')")


def downgrade() -> None:
    pass  # the earlier value (the office's setting) is not known; the new one is harmless
