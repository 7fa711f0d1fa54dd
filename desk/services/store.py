"""Opening the office database: create at the latest schema, refuse a newer one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from desk.domain.errors import DomainError
from desk.services.clock import Clock
from desk.services.shapes import StoreCheck
from storage.engine import make_engine, sqlite_of
from storage.schema_heads import HEADS
from storage.tables.common import set_clock


def open_store(path: Path, *, upgrade: bool = True, clock: Clock | None = None) -> Engine:
    if clock is not None:  # the rows' stamps (created_at…) on the desk's clock
        set_clock(clock)
    engine = make_engine(path)
    if _applied(engine) == _known_heads():
        return engine  # the everyday case: no Alembic import at all
    from storage import migrate  # noqa: PLC0415 — Alembic (~200 ms), only to migrate
    if migrate.is_current(engine):
        return engine
    unknown = [r for r in migrate.current_revisions(engine) if not migrate.is_known(r)]
    if unknown:
        engine.dispose()
        raise DomainError("db.newer_schema", path=str(path), revision=", ".join(unknown))
    if upgrade:
        migrate.upgrade(engine)
    return engine


def _known_heads() -> frozenset[str]:
    return HEADS


def _applied(engine: Engine) -> frozenset[str]:
    try:
        with engine.connect() as conn:
            return frozenset(r[0] for r in conn.execute(text(
                "SELECT version_num FROM alembic_version")))
    except OperationalError:  # a new file: no table yet
        return frozenset()


def check(engine: Engine) -> StoreCheck:
    """`PRAGMA integrity_check` plus the schema revision: what `desk db check` reports."""
    with engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check")).all()]
        fk = conn.execute(text("PRAGMA foreign_key_check")).all()
    # Alembic and a scratch migrated file: only for `desk db check`
    from storage import migrate, schema_check  # noqa: PLC0415

    revision = migrate.current_revision(engine)
    head = migrate.head_revision()
    raw = engine.raw_connection()
    try:  # objects the migrations did not create; the audit trail's append-only triggers
        schema = schema_check.problems(sqlite_of(raw.driver_connection))
    finally:
        raw.close()
    return {
        "schema": schema,
        "integrity": "ok" if rows == ["ok"] else "; ".join(rows[:10]),
        "foreign_keys": "ok" if not fk else f"{len(fk)} dangling",
        "revision": revision,
        "head": head,
        "current": migrate.is_current(engine),
        "ok": rows == ["ok"] and not fk and migrate.is_current(engine) and not schema,
    }
