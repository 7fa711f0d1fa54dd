"""Schema migrations with Alembic, driven from code (no alembic.ini to ship or find).

Features add their tables in their own revisions off the foundation, so the tree may have
several heads; "up to date" means every head is applied.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", str(engine.url))
    return cfg


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revisions() -> tuple[str, ...]:
    return tuple(sorted(script().get_heads()))


def head_revision() -> str:
    """The heads as one printable string ("0002_printing+0003_queue")."""
    return "+".join(head_revisions())


def current_revisions(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as conn:
        return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def current_revision(engine: Engine) -> str | None:
    revs = current_revisions(engine)
    return "+".join(revs) if revs else None


def upgrade(engine: Engine, target: str = "heads") -> tuple[str | None, str | None]:
    """Bring the database to `target`; returns (revision before, revision after)."""
    before = current_revision(engine)
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return before, current_revision(engine)


def is_current(engine: Engine) -> bool:
    return current_revisions(engine) == head_revisions()


def is_known(revision: str) -> bool:
    try:
        return script().get_revision(revision) is not None
    except Exception:  # alembic raises its own error types for unknown ids
        return False
