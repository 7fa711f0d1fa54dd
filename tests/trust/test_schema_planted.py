"""Issue 15 §5: a database or backup holding objects the migrations never create (a planted
trigger copying citizens' IDs into a new table) is refused by restore and reported by
`db check`; a missing append-only trigger of the audit trail is reported too."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

ADMIN = {"DESK_CLERK": "Lê Quốc Huy", "DESK_PIN": "3456"}
PLANT = ("CREATE TABLE loot (id_number TEXT);"
         "CREATE TRIGGER siphon AFTER INSERT ON citizen BEGIN "
         "INSERT INTO loot VALUES (new.id_number); END;")


def test_planted_objects_are_refused_and_reported(run_desk: Any, tmp_path: Path) -> None:
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    ok = run_desk("db", "check", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["schema"] == [], ok.stdout
    made = run_desk("backup", "--json")
    assert made.returncode == 0, made.stderr
    backup = Path(json.loads(made.stdout)["path"])
    crafted = tmp_path / "crafted.sqlite3"
    crafted.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(crafted)
    conn.executescript(PLANT)
    conn.close()
    r = run_desk("restore", str(crafted), env=ADMIN)
    assert r.returncode == 1 and "siphon" in r.stderr and "Traceback" not in r.stderr
    assert run_desk("restore", str(backup), env=ADMIN).returncode == 0  # the real one restores

    db = tmp_path / "office.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript(PLANT + "DROP TRIGGER audit_log_no_delete;")
    conn.close()
    bad = run_desk("db", "check", "--json")
    assert bad.returncode == 1
    schema = json.loads(bad.stdout)["schema"]
    assert "unknown trigger siphon" in schema and "unknown table loot" in schema
    assert "missing trigger audit_log_no_delete" in schema
    verify = run_desk("audit", "verify")  # the chain is intact, the schema is not
    assert verify.returncode == 1 and "audit_log_no_delete" in verify.stderr
