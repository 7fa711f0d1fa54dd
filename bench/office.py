"""A generated office of realistic size, built once and cached under bench/.cache.

1,000,000 dossiers with their events (receive, transfer, result, return), 100,000 citizens,
over about three years; names drawn from common Vietnamese family, middle and given names.
Rows go in with plain executemany (the services would take hours); the FTS triggers of the
real schema index them as they arrive, exactly as in an office.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from uuid6 import uuid7

from desk.services.clock import system_clock

CACHE = Path(__file__).resolve().parent / ".cache"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hiệp", "Hoa", "Hương", "Khánh", "Lan", "Linh",
         "Long", "Mai", "Nam", "Ngọc", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang",
         "Tuấn", "Vân", "Yến", "Hiếu", "Hải", "Hạnh", "Giang", "Đạt", "Châu", "Kiên"]


def office_path(dossiers: int) -> Path:
    return CACHE / f"office-{dossiers}.sqlite3"


def build(dossiers: int = 1_000_000, citizens: int = 100_000, seed: int = 7) -> Path:
    """The cached office database with `dossiers` dossiers (built if missing)."""
    path = office_path(dossiers)
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    from desk.domain.text import fold
    from desk.services.store import open_store

    open_store(tmp).dispose()  # the real schema, at the latest revision
    rnd = random.Random(seed)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")  # building only; offices run FULL
    started = time.perf_counter()
    _catalog(con)
    procs = [r[0:3] for r in con.execute(
        "SELECT code, field_code, time_limit_value FROM procedure")]
    cit_rows = []
    for i in range(citizens):
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        cit_rows.append((uuid7().hex, name, fold(name), f"0400{i:08d}", "CCCD",
                         f"09{rnd.randrange(10**8):08d}", "", "", _ts(system_clock()),
                         _ts(system_clock())))
    con.executemany("INSERT INTO citizen (id, full_name, name_folded, id_number, id_type, "
                    "phone, address, email, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    cit_rows)
    start = datetime(2023, 12, 1, 1, 0, tzinfo=UTC)
    span = (datetime(2026, 11, 20, tzinfo=UTC) - start).total_seconds()
    seq: dict[str, int] = {}
    batch_d: list[tuple] = []  # type: ignore[type-arg]
    batch_e: list[tuple] = []  # type: ignore[type-arg]
    offsets = sorted(rnd.random() * span for _ in range(dossiers))
    for n, off in enumerate(offsets):
        received = start + timedelta(seconds=off)
        cit = cit_rows[rnd.randrange(citizens)]
        code_proc, field, limit = procs[rnd.randrange(len(procs))]
        day = (received + timedelta(hours=7)).strftime("%y%m%d")
        seq[day] = seq.get(day, 0) + 1
        code = f"000.00.00.H41-{day}-{seq[day]:04d}"
        due = received + timedelta(days=max(1, limit) * 1.4)
        did = uuid7().hex
        age = (datetime(2026, 11, 20, tzinfo=UTC) - received).days
        status, result, returned = "RETURNED", due - timedelta(hours=rnd.randrange(-30, 60)), None
        if age < 10 and rnd.random() < 0.7:
            status, result = rnd.choice(["RECEIVED", "TRANSFERRED", "PROCESSING"]), None
        if result is not None:
            returned = result + timedelta(hours=2)
        batch_d.append((did, code, "000.00.00.H41", code_proc, field, cit[0], cit[1], cit[2],
                        rnd.choice(["direct"] * 6 + ["online"] * 3 + ["postal"]), 1, "",
                        limit, "working_days", "2025", _ts(received), _ts(due), status,
                        _ts(result) if result else None, _ts(returned) if returned else None,
                        1, _ts(received)))
        kinds = ["receive", "transfer"] + (["result_ready", "return_result"] if result else [])
        for k, kind in enumerate(kinds):
            at = received + timedelta(hours=k)
            batch_e.append((uuid7().hex, did, kind, _ts(at), _ts(at), "Nguyễn Thị Lan", 0,
                            json.dumps({"bench": True})))
        if len(batch_d) >= 20_000 or n == dossiers - 1:
            _flush(con, batch_d, batch_e)
            batch_d, batch_e = [], []
            print(f"  {n + 1:>9,} dossiers  {time.perf_counter() - started:6.1f} s",
                  file=sys.stderr, flush=True)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()
    os.replace(tmp, path)
    return path


def _flush(con: sqlite3.Connection, dossiers: list[tuple], events: list[tuple]) -> None:  # type: ignore[type-arg]
    with con:
        con.executemany(
            "INSERT INTO dossier (id, code, office_id, procedure_code, field_code, citizen_id, "
            "applicant_name, name_folded, channel, sets, notes, time_limit_value, "
            "time_limit_unit, rule_version, received_at, due_at, status, result_at, "
            "returned_at, version, updated_at, handling_agency) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, '')", dossiers)
        con.executemany(
            "INSERT INTO dossier_event (id, dossier_id, kind, at, recorded_at, clerk_name, "
            "backdated, payload) VALUES (?,?,?,?,?,?,?,?)", events)


def _catalog(con: sqlite3.Connection) -> None:
    data = json.loads((Path(__file__).resolve().parents[1] / "desk" / "demo_data" /
                       "catalog.json").read_text(encoding="utf-8"))
    from desk.domain.text import fold

    with con:
        for f in data["fields"]:
            con.execute("INSERT INTO field (code, name) VALUES (?, ?)", (f["code"], f["name"]))
        for p in data["procedures"]:
            con.execute(
                "INSERT INTO procedure (code, name, name_folded, field_code, time_limit_value,"
                " time_limit_unit, fee_amount, fee_note, documents, level, url, code_verified,"
                " active, catalog_version) VALUES (?,?,?,?,?,?,?,?,?,'','',1,1,1)",
                (p["code"], p["name"], fold(p["name"]), p["field"], p["time_limit"]["value"],
                 p["time_limit"]["unit"], p["fee"]["amount"], p["fee"]["note"],
                 json.dumps(p["documents"], ensure_ascii=False)))
        con.execute("INSERT INTO catalog_version (version, checksum, source, imported_at,"
                    " procedures) VALUES (1, 'bench', 'bench', '2026-01-01 00:00:00.000000', ?)",
                    (len(data["procedures"]),))


def _ts(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(build(n))
