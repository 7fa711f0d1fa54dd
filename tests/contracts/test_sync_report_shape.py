"""`desk sync --once --json` against a real district server (SQLite, in a thread): the cycle's
report has its declared shape, and so has the province's decision on a dossier it received
(`desk district act --json`) (issue 20 step 5)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from desk.district.shapes import DecisionOut
from desk.sync.shapes import SyncReportOut
from tests.cli_in_process import run_cli
from tests.contracts.shape_check import problems
from tests.sync.harness import OFFICE, desk_ctx, intake, start_district, write_config


def test_a_sync_cycle_and_a_decision_print_their_declared_shapes(tmp_path: Path) -> None:
    district = start_district(f"sqlite:///{tmp_path / 'district.sqlite3'}",
                              files_dir=tmp_path / "district-files")
    try:
        ctx = desk_ctx(tmp_path)
        codes = intake(ctx, 2)
        ctx.close()
        cfg = write_config(tmp_path, district.url, district.token)
        env = {**os.environ, "DESK_CONFIG": str(cfg), "HOME": str(tmp_path),
               "XDG_DATA_HOME": str(tmp_path / "xdg"), "PYTHONIOENCODING": "utf-8",
               "DESK_NOW": "2026-11-23 09:00"}
        r = run_cli(["sync", "--once", "--json"], env=env, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        report = json.loads(r.stdout)
        assert report["events_up"] == 2 and report["pushed"]
        assert problems(report, SyncReportOut) == []
        r = run_cli(["district", "act", OFFICE, codes[0], "transfer", "--by", "Sở",
                     "--db", f"sqlite:///{tmp_path / 'district.sqlite3'}", "--json"],
                    env=env, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        decision = json.loads(r.stdout)
        assert decision["code"] == codes[0] and problems(decision, DecisionOut) == []
    finally:
        district.stop()
