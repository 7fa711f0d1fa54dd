"""The district database: a URL (PostgreSQL via psycopg 3, or SQLite for the demo), migrations.

`--db` takes `postgresql://…`, `sqlite:///path` or a bare file path (SQLite).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlmodel import Session

from storage.engine import make_engine

ENV_DB = "DESK_DISTRICT_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "district_alembic_version"


def normalize_url(url: str) -> str:
    url = url.strip()
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def default_url(configured: str = "", data_dir: Path | None = None) -> str:
    """`--db`, else desk.toml [district] db, else DESK_DISTRICT_DB, else a file in the data dir."""
    if configured:
        return normalize_url(configured)
    env = os.environ.get(ENV_DB, "")
    if env:
        return normalize_url(env)
    base = data_dir or Path.cwd()
    return normalize_url(str(base / "district.sqlite3"))


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def make_district_engine(url: str) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite:///"):
        return make_engine(url.removeprefix("sqlite:///"))
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def open_district(url: str, *, upgrade: bool = True) -> Engine:
    engine = make_district_engine(url)
    if upgrade:
        migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    from alembic import command  # noqa: PLC0415 — Alembic is heavy and only migrations need it

    # Alembic is heavy and only migrations need it
    from alembic.config import Config  # noqa: PLC0415

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


@contextmanager
def write(engine: Engine) -> Iterator[Session]:
    """One write transaction (BEGIN IMMEDIATE on SQLite; row locks on PostgreSQL)."""
    with Session(engine.execution_options(sqlite_immediate=True), expire_on_commit=False) as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


@contextmanager
def read(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as s:
        yield s
