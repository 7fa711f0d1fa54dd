"""The period report and the dossier book as XLSX carry the desk's clock in their document
properties (docProps/core.xml, what Excel shows as "Created" and "Last modified"), as their
PDFs do (test_pdf_creation_date.py), not the machine's clock."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from desk.services.reports.exports import render_report
from tests.reports.conftest import History


def core_dates(xlsx: bytes) -> dict[str, str]:
    """dcterms:created and dcterms:modified as written (UTC, W3CDTF)."""
    core = zipfile.ZipFile(io.BytesIO(xlsx)).read("docProps/core.xml").decode("utf-8")
    return dict(re.findall(r"<dcterms:(created|modified)\b[^>]*>([^<]*)<", core))


def test_the_report_xlsx_is_created_when_the_report_says(history: History,
                                                         report_of: Any) -> None:
    report = report_of()  # made at 09:00 on 23/11/2026, office time (UTC+7)
    assert core_dates(render_report(report, "xlsx")) == {
        "created": "2026-11-23T02:00:00Z", "modified": "2026-11-23T02:00:00Z"}


def test_the_book_xlsx_is_created_at_the_desks_time(history: History, run_desk: Any,
                                                     tmp_path: Path) -> None:
    cfg = tmp_path / "desk.toml"
    db = history.ctx.settings.database_path
    cfg.write_text(f'[storage]\ndatabase = "{db}"\n', encoding="utf-8")
    out = tmp_path / "book.xlsx"
    res = run_desk("report", "book", "--from", "2026-11-02", "--to", "2026-11-13", "--format",
                   "xlsx", "--out", str(out), "--clerk", "Trần Văn Minh", config=cfg,
                   env={"DESK_PIN": "2345", "DESK_NOW": "2026-11-24 07:45"})
    assert res.returncode == 0, res.stderr
    assert core_dates(out.read_bytes()) == {
        "created": "2026-11-24T00:45:00Z", "modified": "2026-11-24T00:45:00Z"}
