"""Opening the office database: create at the latest schema, refuse a newer one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from desk.domain.errors import DomainError


def open_store(path: Path, *, upgrade: bool = True) -> Engine:
    from storage import migrate
    from storage.engine import make_engine

    engine = make_engine(path)
    current = migrate.current_revision(engine)
    head = migrate.head_revision()
    if current == head:
        return engine
    if current is not None and not _known(current):
        raise DomainError("db.newer_schema", path=str(path), revision=current)
    if upgrade:
        migrate.upgrade(engine)
    return engine


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    from storage.migrate import alembic_config

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises its own errors for unknown ids
        return False


def check(engine: Engine) -> dict[str, object]:
    """`PRAGMA integrity_check` plus the schema revision: what `desk db check` reports."""
    from storage import migrate

    with engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check")).all()]
        fk = conn.execute(text("PRAGMA foreign_key_check")).all()
    revision = migrate.current_revision(engine)
    head = migrate.head_revision()
    return {
        "integrity": "ok" if rows == ["ok"] else "; ".join(rows[:10]),
        "foreign_keys": "ok" if not fk else f"{len(fk)} dangling",
        "revision": revision,
        "head": head,
        "current": revision == head,
        "ok": rows == ["ok"] and not fk and revision == head,
    }
