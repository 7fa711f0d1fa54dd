"""Alembic environment: runs on the connection the desk hands it (see storage/migrate.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import storage.tables  # noqa: F401  (registers the tables)
from storage.engine import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url") or ""
        engine = make_engine(url.removeprefix("sqlite:///"))
        with engine.connect() as connection:
            _run(connection)
    else:
        _run(connection)


def _include(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # Full-text indexes are virtual tables kept by hand-written migrations, not by models.
    return not (type_ == "table" and name is not None and "_fts" in name)


def _run(connection: Connection) -> None:
    context.configure(
        include_object=_include,
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
