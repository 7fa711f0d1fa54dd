"""The district database: a URL (PostgreSQL via psycopg 3, or SQLite for the demo), migrations.

`--db` takes `postgresql://…`, `sqlite:///path` or a bare file path (SQLite).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlmodel import Session

from desk import environment
from storage.engine import make_engine

ENV_DB = environment.DISTRICT_DB
MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "district_alembic_version"
log = logging.getLogger("desk.district")


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
    env = environment.get(ENV_DB)
    if env:
        return normalize_url(env)
    base = data_dir or Path.cwd()
    return normalize_url(str(base / "district.sqlite3"))


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


# Statement parameters are event payloads with citizens' names: they stay out of the server's
# log (PostgreSQL's, on an error or a slow statement) and out of our own tracebacks (issue 15).
# Each is superuser-only: a district running as an ordinary role sets them in postgresql.conf
# (docs/security.md), and the server says so once.
QUIET_LOGS = ("SET log_parameter_max_length_on_error = 0", "SET log_parameter_max_length = 0",
              "SET log_min_error_statement = panic")
_warned: list[str] = []


def _quiet_logs(dbapi_conn: Any, _record: Any) -> None:
    for sql in QUIET_LOGS:
        try:
            with dbapi_conn.cursor() as cur:
                cur.execute(sql)
            dbapi_conn.commit()
        except Exception as e:  # psycopg.errors.InsufficientPrivilege: not a superuser
            dbapi_conn.rollback()
            if not _warned:
                _warned.append(sql)
                log.warning("PostgreSQL refused %r (%s): set it in postgresql.conf so "
                            "statement parameters never reach the server log", sql,
                            type(e).__name__)


def make_district_engine(url: str) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite:///"):
        engine = make_engine(url.removeprefix("sqlite:///"))
        engine.hide_parameters = True  # never a citizen's name in a logged traceback
        return engine
    engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5,
                           hide_parameters=True)
    event.listen(engine, "connect", _quiet_logs)
    return engine


def open_district(url: str, *, upgrade: bool = True) -> Engine:
    engine = make_district_engine(url)
    if upgrade:
        migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    from alembic import command  # noqa: PLC0415 — Alembic is heavy and only migrations need it
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


@contextmanager
def single_statements(engine: Engine, *, write: bool = False) -> Iterator[Connection]:
    """A connection for one or two statements that each stand alone: on PostgreSQL in
    autocommit (no BEGIN/COMMIT round trips); on SQLite a short transaction (BEGIN IMMEDIATE
    when it writes)."""
    if is_postgres(engine):
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn
    elif write:
        with engine.execution_options(sqlite_immediate=True).begin() as conn:
            yield conn
    else:
        with engine.connect() as conn:
            yield conn
