"""Dossier codes: a per-office daily sequence that two processes can never both take."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date
from pathlib import Path

from desk.services.dossier.codes import take_dossier_code
from desk.services.store import open_store
from storage.engine import write_session

OFFICE = "000.17.22.H56"


def _take_many(path: str, n: int, start: mp.synchronize.Event, out: mp.Queue) -> None:  # type: ignore[name-defined]
    engine = open_store(Path(path))
    start.wait()
    codes = []
    for _ in range(n):
        with write_session(engine) as s:
            codes.append(take_dossier_code(s, OFFICE, date(2021, 5, 31)))
    out.put(codes)
    engine.dispose()


def test_two_processes_racing_never_share_a_code(tmp_path: Path) -> None:
    path = tmp_path / "race.sqlite3"
    open_store(path).dispose()
    spawn = mp.get_context("spawn")
    start, out = spawn.Event(), spawn.Queue()
    procs = [spawn.Process(target=_take_many, args=(str(path), 150, start, out)) for _ in range(2)]
    for p in procs:
        p.start()
    start.set()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    every = results[0] + results[1]
    assert len(every) == 300
    assert len(set(every)) == 300, "a dossier code was handed out twice"
    assert sorted(every) == [f"{OFFICE}-210531-{n:04d}" for n in range(1, 301)]
    assert all(len(r) == 150 for r in results)


def test_sequence_restarts_each_local_day_and_per_office(tmp_path: Path) -> None:
    engine = open_store(tmp_path / "d.sqlite3")
    with write_session(engine) as s:
        a = take_dossier_code(s, OFFICE, date(2021, 5, 31))
        b = take_dossier_code(s, OFFICE, date(2021, 5, 31))
        c = take_dossier_code(s, OFFICE, date(2021, 6, 1))
        d = take_dossier_code(s, "000.00.00.H41", date(2021, 5, 31))
    assert (a, b, c, d) == (
        "000.17.22.H56-210531-0001", "000.17.22.H56-210531-0002",
        "000.17.22.H56-210601-0001", "000.00.00.H41-210531-0001",
    )


def test_a_rolled_back_intake_does_not_burn_the_number(tmp_path: Path) -> None:
    engine = open_store(tmp_path / "r.sqlite3")
    try:
        with write_session(engine) as s:
            take_dossier_code(s, OFFICE, date(2021, 5, 31))
            raise RuntimeError("printer worker crashed before commit")
    except RuntimeError:
        pass
    with write_session(engine) as s:
        assert take_dossier_code(s, OFFICE, date(2021, 5, 31)).endswith("-0001")


def test_numbers_already_stored_are_never_reused(tmp_path: Path) -> None:
    """After a restore or a sync, the day's counter may lag the stored codes."""
    from sqlalchemy import text

    engine = open_store(tmp_path / "s.sqlite3")
    with write_session(engine) as s:
        take_dossier_code(s, OFFICE, date(2021, 5, 31))
    with engine.begin() as c:  # the counter row is lost, the dossier codes are not
        c.execute(text("INSERT INTO field (code, name) VALUES ('HT', 'Hộ tịch')"))
        c.execute(text("INSERT INTO procedure (code, name, name_folded, field_code, "
                       "time_limit_value, time_limit_unit, fee_amount, fee_note, documents, "
                       "level, url, code_verified, active, catalog_version) VALUES "
                       "('P', 'P', 'p', 'HT', 1, 'working_days', 0, '', '[]', '', '', 1, 1, 1)"))
        c.execute(text("INSERT INTO dossier (id, code, office_id, procedure_code, field_code, "
                       "applicant_name, name_folded, channel, sets, notes, time_limit_value, "
                       "time_limit_unit, rule_version, received_at, due_at, status, version, "
                       "updated_at, handling_agency) VALUES ('00000000000000000000000000000001',"
                       f" '{OFFICE}-210531-0007', '{OFFICE}', 'P', 'HT', 'A', 'a', 'direct', 1,"
                       " '', 1, 'working_days', '2025', '2021-05-31 01:00:00.000000',"
                       " '2021-06-01 01:00:00.000000', 'RECEIVED', 1,"
                       " '2021-05-31 01:00:00.000000', '')"))
        c.execute(text("DELETE FROM dossier_sequence"))
    with write_session(engine) as s:
        assert take_dossier_code(s, OFFICE, date(2021, 5, 31)).endswith("-0008")
