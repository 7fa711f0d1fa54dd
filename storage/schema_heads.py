"""The Alembic heads this release knows, as plain data, so that opening an up-to-date
database needs one SELECT and no Alembic import (~200 ms on an old PC). A test checks that
this set equals what Alembic computes from storage/migrations/versions."""

HEADS = frozenset({
    "0002_printing",
    "0003_queue",
    "0004_dossier_search",
    "0005_sync",
    "0006_ratings",
    "0007_audit",
    "0008_report_indexes",
    "0009_attachment_upload",
    "0010_appointments",
    "0011_online_only",
    "0011_rule_set_by_date",
    "0012_notices",
    "0013_event_kind_at",
})
