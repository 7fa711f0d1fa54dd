"""`desk report --format json` prints exactly the keys its declared shape names
(desk/services/reports/shapes.py; issue 20 step 5)."""

from __future__ import annotations

import json
from pathlib import Path

from desk.domain.statistics import LEVELS
from desk.services.reports.exports.table import VALUE_KEYS
from desk.services.reports.shapes import FiguresOut, ReportOut, SatisfactionOut
from tests.cli_in_process import run_cli
from tests.contracts.office_cli import desk_json, office_env
from tests.contracts.shape_check import problems


def test_the_report_as_json_has_its_declared_shape(tmp_path: Path) -> None:
    (tmp_path / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n',
                                        encoding="utf-8")
    desk_json(tmp_path, "demo", "--no-tui")  # the demo office with its month of dossiers
    r = run_cli(["report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"],
                env=office_env(tmp_path), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["fields"] and report["procedures"] and report["total"]["received"]
    assert report["template"]["rows"] and report["indicators_766"]
    assert problems(report, ReportOut) == []


def test_the_declared_columns_follow_the_report_columns() -> None:
    """A column added to the report (VALUE_KEYS) or a satisfaction level must be declared."""
    assert list(FiguresOut.__annotations__)[:len(VALUE_KEYS)] == list(VALUE_KEYS)
    assert set(LEVELS) <= set(SatisfactionOut.__annotations__)
