"""The local store: created at the latest schema, pragmas for power cuts, integrity check."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.store import check, open_store
from storage import migrate


def test_new_database_is_created_at_the_latest_revision(ctx: DeskContext) -> None:
    assert migrate.current_revision(ctx.engine) == migrate.head_revision()
    with ctx.engine.connect() as c:
        tables = {r[0] for r in c.execute(text("select name from sqlite_master"
                                               " where type='table'"))}
    assert {"procedure", "field", "citizen", "dossier", "dossier_event", "clerk", "counter",
            "calendar_exception", "catalog_version", "dossier_sequence"} <= tables


def test_every_connection_has_the_durability_pragmas(ctx: DeskContext) -> None:
    with ctx.engine.connect() as c:
        assert c.execute(text("pragma journal_mode")).scalar() == "wal"
        assert c.execute(text("pragma synchronous")).scalar() == 2  # FULL
        assert c.execute(text("pragma foreign_keys")).scalar() == 1
        assert c.execute(text("pragma busy_timeout")).scalar() >= 5000


def test_foreign_keys_are_enforced(ctx: DeskContext) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), ctx.engine.begin() as c:
        c.execute(text("insert into procedure (code, name, name_folded, field_code,"
                       " time_limit_value, time_limit_unit, fee_amount, fee_note, documents,"
                       " level, url, code_verified, active, catalog_version) values"
                       " ('x', 'x', 'x', 'NO_SUCH_FIELD', 0, 'same_day', 0, '', '[]', '', '',"
                       " 1, 1, 1)"))


def test_check_reports_ok_and_revision(ctx: DeskContext) -> None:
    result = check(ctx.engine)
    assert result["ok"] is True
    assert result["integrity"] == "ok"
    assert result["revision"] == migrate.head_revision()


def test_a_database_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    engine = open_store(path)
    with engine.begin() as c:
        c.execute(text("insert into alembic_version (version_num) values ('9999_future')"))
    engine.dispose()
    with pytest.raises(DomainError) as info:
        open_store(path)
    assert info.value.key == "db.newer_schema"


def test_upgrade_keeps_existing_data(tmp_path: Path) -> None:
    """An office upgrading keeps its rows: build at base, add data, upgrade to head."""
    path = tmp_path / "old.sqlite3"
    engine = open_store(path, upgrade=False)
    migrate.upgrade(engine, "0001")
    with engine.begin() as c:
        c.execute(text("insert into field (code, name) values ('HT', 'Hộ tịch')"))
    migrate.upgrade(engine)
    with engine.connect() as c:
        assert c.execute(text("select name from field where code='HT'")).scalar() == "Hộ tịch"
    assert migrate.is_current(engine)



def test_the_fast_heads_list_matches_the_migrations() -> None:
    """storage/schema_heads.py lets an up-to-date database open without Alembic."""
    from storage.schema_heads import HEADS

    assert frozenset(migrate.head_revisions()) == HEADS


def test_opening_an_up_to_date_database_imports_no_alembic(ctx: DeskContext) -> None:
    """Alembic (~200 ms on an office PC) is for migrating; every command that only opens the
    database (calendar, dossier show, queue call…) must not pay for it (issue 19 §1)."""
    import subprocess
    import sys

    ctx.engine  # noqa: B018 — created and migrated here, in the test process
    code = ("import sys\nfrom pathlib import Path\nfrom desk.services.store import open_store\n"
            f"open_store(Path({str(ctx.settings.database_path)!r}))\n"
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
