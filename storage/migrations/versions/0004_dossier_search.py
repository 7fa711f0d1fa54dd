"""dossier search: an FTS5 index over folded name, code, personal ID and phone

Kept by triggers, so every way a dossier arrives (intake, sync, import, benchmarks) is indexed.
Terms are folded (no diacritics, đ → d) because unicode61 does not fold đ.

Revision ID: 0004_dossier_search
Revises: 0001
"""
from alembic import op

revision = "0004_dossier_search"
down_revision = "0001"
branch_labels = None
depends_on = None

TERMS = (
    "new.name_folded || ' ' || new.code || ' ' || "
    "coalesce((SELECT coalesce(c.id_number, '') || ' ' || coalesce(c.phone, '') "
    "FROM citizen c WHERE c.id = new.citizen_id), '')"
)


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE dossier_fts USING fts5(terms, prefix='1 2 3 4', "
        "tokenize=\"unicode61 tokenchars '-'\")"
    )
    op.execute(
        f"CREATE TRIGGER dossier_fts_ai AFTER INSERT ON dossier BEGIN "
        f"INSERT INTO dossier_fts(rowid, terms) VALUES (new.rowid, {TERMS}); END"
    )
    op.execute(
        f"CREATE TRIGGER dossier_fts_au AFTER UPDATE OF name_folded, code, citizen_id ON dossier "
        f"BEGIN DELETE FROM dossier_fts WHERE rowid = old.rowid; "
        f"INSERT INTO dossier_fts(rowid, terms) VALUES (new.rowid, {TERMS}); END"
    )
    op.execute(
        "CREATE TRIGGER dossier_fts_ad AFTER DELETE ON dossier BEGIN "
        "DELETE FROM dossier_fts WHERE rowid = old.rowid; END"
    )
    op.execute(
        f"INSERT INTO dossier_fts(rowid, terms) SELECT new.rowid, {TERMS} "
        "FROM dossier AS new"
    )


def downgrade() -> None:
    for trig in ("dossier_fts_ai", "dossier_fts_au", "dossier_fts_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {trig}")
    op.execute("DROP TABLE IF EXISTS dossier_fts")
