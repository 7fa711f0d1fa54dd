"""Migration 0010: existing dossiers get the rule set of their receipt date (issue 16 §1)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desk.services.store import open_store
from storage import migrate

OFFICE = "000.00.00.H41"


def _dossier(c, n: int, received_utc: str) -> None:  # type: ignore[no-untyped-def]
    c.execute(text(
        "INSERT INTO dossier (id, code, office_id, procedure_code, field_code, applicant_name, "
        "name_folded, channel, sets, notes, time_limit_value, time_limit_unit, rule_version, "
        "received_at, due_at, status, version, updated_at, handling_agency) VALUES "
        f"('{n:032d}', '{OFFICE}-{n:06d}-0001', '{OFFICE}', 'P', 'HT', 'A', 'a', 'direct', 1, "
        f"'', 1, 'working_days', '2025', '{received_utc}', '{received_utc}', 'RECEIVED', 1, "
        f"'{received_utc}', '')"))


def test_existing_dossiers_get_the_set_of_their_receipt_date(tmp_path: Path) -> None:
    engine = open_store(tmp_path / "old.sqlite3", upgrade=False)
    migrate.upgrade(engine, "0001")
    with engine.begin() as c:
        c.execute(text("INSERT INTO field (code, name) VALUES ('HT', 'Hộ tịch')"))
        c.execute(text("INSERT INTO procedure (code, name, name_folded, field_code, "
                       "time_limit_value, time_limit_unit, fee_amount, fee_note, documents, "
                       "level, url, code_verified, active, catalog_version) VALUES "
                       "('P', 'P', 'p', 'HT', 1, 'working_days', 0, '', '[]', '', '', 1, 1, 1)"))
        _dossier(c, 1, "2025-06-30 09:59:00.000000")  # 30/6/2025 16:59 office time
        _dossier(c, 2, "2025-06-30 17:00:00.000000")  # 1/7/2025 00:00 office time
        _dossier(c, 3, "2019-03-01 02:00:00.000000")
    migrate.upgrade(engine)
    with engine.connect() as c:
        got = dict(c.execute(text("SELECT code, rule_version FROM dossier")).all())
    assert got == {f"{OFFICE}-000001-0001": "2018", f"{OFFICE}-000002-0001": "2025",
                   f"{OFFICE}-000003-0001": "2018"}
    assert migrate.is_current(engine)
    engine.dispose()
