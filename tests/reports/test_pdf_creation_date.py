"""The period report and the dossier book as PDFs carry the desk's clock in their
CreationDate (the report's "lập lúc" instant), not the machine's clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desk.services.reports.exports import render_report
from tests.printers.test_pdf_creation_date import creation_date
from tests.reports.conftest import History


def test_the_report_pdf_is_created_when_the_report_says(history: History, report_of: Any) -> None:
    report = report_of()
    assert creation_date(render_report(report, "pdf")) == "D:20261123090000+07'00'"


def test_the_book_pdf_is_created_at_the_desks_time(history: History, run_desk: Any,
                                                    tmp_path: Path) -> None:
    cfg = tmp_path / "desk.toml"
    db = history.ctx.settings.database_path
    cfg.write_text(f'[storage]\ndatabase = "{db}"\n', encoding="utf-8")
    out = tmp_path / "book.pdf"
    res = run_desk("report", "book", "--from", "2026-11-02", "--to", "2026-11-13", "--format",
                   "pdf", "--out", str(out), "--clerk", "Trần Văn Minh", config=cfg,
                   env={"DESK_PIN": "2345", "DESK_NOW": "2026-11-24 07:45"})
    assert res.returncode == 0, res.stderr
    assert creation_date(out.read_bytes()) == "D:20261124074500+07'00'"
