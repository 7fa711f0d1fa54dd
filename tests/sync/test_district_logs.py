"""Issue 15 §1: statement parameters (event payloads: citizens' names) never reach PostgreSQL's
log nor the district's own tracebacks, even where the database is set to log them."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from desk.district.db import open_district

NAME = "Phạm Thị Riêng Tư"


def _error_with_a_name(engine: Any) -> str:
    """A server-side error whose statement carries a citizen's name as a parameter."""
    sql = text("INSERT INTO change_log (txid, office_id, change_id, kind, entity_id, payload, "
               "created_at) VALUES (0, 'X', :cid, 'decision', 'X', :p, now())")
    with engine.begin() as c:
        c.execute(sql, {"cid": "c" * 32, "p": '{"name": "ok"}'})
    with pytest.raises(SQLAlchemyError) as caught, engine.begin() as c:
        c.execute(sql, {"cid": "c" * 32, "p": json.dumps({"name": NAME})})  # duplicate change_id
    return str(caught.value)


def test_postgres_log_and_tracebacks_hold_no_parameters(pg_cluster: Any) -> None:
    name = f"logs_{os.getpid()}_{time.monotonic_ns()}"
    url = pg_cluster.new_db(name)
    with psycopg.connect(f"host=127.0.0.1 port={pg_cluster.port} user=postgres dbname=postgres",
                         autocommit=True) as c:  # a DBA asked for full parameters on errors
        c.execute(f'ALTER DATABASE "{name}" SET log_parameter_max_length_on_error = -1')
    log = pg_cluster.datadir.parent / "log"
    start = log.stat().st_size
    engine = open_district(url)
    try:
        message = _error_with_a_name(engine)
    finally:
        engine.dispose()
    time.sleep(0.3)  # the logger process writes asynchronously
    with log.open("rb") as f:
        f.seek(start)
        written = f.read().decode("utf-8", "replace")
    assert "change_log_change_id_key" in written or "duplicate key" in written  # it did log
    assert NAME not in written
    assert NAME not in message
