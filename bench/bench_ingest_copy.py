"""How the district writes a batch's event rows on PostgreSQL (issue 19 §2: "COPY where it fits").

One run, the ways interleaved batch by batch, each batch of 200 events in its own transaction
(then sent again: every row conflicts, nothing is written twice):

- the cached multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING` (SQLAlchemy's
  "insertmanyvalues", what the server used before);
- COPY into a temporary table + `INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING`
  (desk/district/event_rows.py, what it uses now);
- `INSERT … SELECT FROM unnest(one array per column) … ON CONFLICT DO NOTHING RETURNING`.

Prints client CPU (the server process's share of the work) and wall time per batch.
`python -m bench.bench_ingest_copy [--batches 20]`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from bench.bench_province import day_events, office_id
from desk.district.db import open_district, write
from desk.district.event_rows import COLS, EVENTS, store
from desk.district.tables import utcnow
from desk.sync import protocol as P
from tests.sync.harness import start_pg

UNNEST = (f"INSERT INTO event ({', '.join(COLS)}) SELECT * FROM unnest("
          "%s::varchar[], %s::varchar[], %s::varchar[], %s::int[], %s::int[], %s::bigint[],"
          " %s::varchar[], %s::varchar[], %s::timestamp[], %s::int[], %s::int[], %s::json[],"
          " %s::varchar[], %s::timestamp[], %s::varchar[])"
          " ON CONFLICT (event_id) DO NOTHING RETURNING event_id")


def rows_of(office: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(event_id=e["i"], office_id=office, device="pc1", epoch=0, seq=e["s"],
                 hlc=e["h"], type=e["t"], entity_id=e["e"], at=P.from_epoch(e["a"]),
                 base_version=e["v"], schema_v=P.SCHEMA_V, payload=e,
                 payload_sha256=P.event_digest(e), result="accepted") for e in events]


def by_insert(s: Any, rows: list[dict[str, Any]]) -> set[str]:
    stmt = postgresql.insert(EVENTS).on_conflict_do_nothing(
        index_elements=["event_id"]).returning(EVENTS.c.event_id)
    return set(s.connection().execute(stmt, rows).scalars())


def by_copy(s: Any, rows: list[dict[str, Any]]) -> set[str]:
    return store(s, rows, postgres=True)


def by_unnest(s: Any, rows: list[dict[str, Any]]) -> set[str]:
    naive = utcnow().replace(tzinfo=None)
    cols = [[r.get(c) for r in rows] for c in COLS]
    cols[COLS.index("at")] = [r["at"].astimezone(UTC).replace(tzinfo=None) for r in rows]
    cols[COLS.index("payload")] = [json.dumps(p) for p in cols[COLS.index("payload")]]
    cols[COLS.index("received_at")] = [naive] * len(rows)
    with s.connection().connection.driver_connection.cursor() as cur:
        cur.execute(UNNEST, cols)
        return {r[0] for r in cur.fetchall()}


WAYS: dict[str, Callable[[Any, list[dict[str, Any]]], set[str]]] = {
    "multi-row INSERT (before)": by_insert, "COPY + INSERT … SELECT (now)": by_copy,
    "INSERT … SELECT FROM unnest": by_unnest}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batches", type=int, default=20)
    args = ap.parse_args(argv)
    spent = {name: [0.0, 0.0] for name in WAYS}
    with tempfile.TemporaryDirectory(prefix="desk-copy-") as tmp:
        os.chmod(tmp, 0o755)  # the cluster runs as the postgres user when we are root
        pg = start_pg(Path(tmp) / "pg")
        try:
            engine = open_district(pg.new_db("copy"))
            k = 0
            for round_ in range(args.batches + 1):  # round 0 warms the caches, not counted
                for name, way in WAYS.items():
                    k += 1
                    rows = rows_of(office_id(k), day_events(office_id(k), 200))
                    c0, w0 = time.process_time(), time.perf_counter()
                    with write(engine) as s:
                        got = way(s, rows)
                    c1, w1 = time.process_time(), time.perf_counter()
                    assert len(got) == len(rows), name
                    with write(engine) as s:  # sent again: nothing written twice
                        assert way(s, rows) == set(), name
                    if round_:
                        spent[name][0] += c1 - c0
                        spent[name][1] += w1 - w0
            with engine.connect() as c:
                n, distinct = c.execute(text(
                    "SELECT count(*), count(DISTINCT event_id) FROM event")).one()
            engine.dispose()
        finally:
            pg.stop()
    print(f"{args.batches} batches of 200 events each way, interleaved; {n} rows "
          f"({distinct} distinct); load average {os.getloadavg()[0]:.1f}")
    for name, (cpu, wall) in spent.items():
        print(f"  {name:30s} CPU {1000 * cpu / args.batches:6.1f} ms/batch, "
              f"wall {1000 * wall / args.batches:6.1f} ms/batch")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
