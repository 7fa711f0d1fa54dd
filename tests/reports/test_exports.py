"""XLSX, CSV, JSON and PDF of the fixture report all carry the hand-computed figures."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desk.services.reports.exports import render_report
from desk.services.reports.exports.table import VALUE_KEYS
from tests.reports import expected as X
from tests.reports.conftest import History

ROWS = [("field", "CT"), ("procedure", "2.001019"), ("field", "CU"), ("procedure", "1.004194"),
        ("field", "HT"), ("procedure", "1.001193"), ("procedure", "1.004873"), ("total", "")]


def _expected_values(level: str, code: str) -> dict[str, Any]:
    from desk.domain.statistics import Figures

    counts = X.TOTAL if level == "total" else X.FIELDS[code] if level == "field" \
        else X.PROCEDURES[code]
    f = Figures(**counts)
    return {k: f.value(k) for k in VALUE_KEYS}


def test_xlsx_cell_by_cell(history: History, report_of: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desk.services.reports.exports.xlsx import FIRST_DATA_ROW, HEADER_ROW

    path = tmp_path / "r.xlsx"
    path.write_bytes(render_report(report_of(), "xlsx"))
    wb = load_workbook(path)
    ws = wb["Báo cáo"]
    assert ws["A1"].value == "UBND XÃ MINH CHÂU (VĂN PHÒNG MẪU)"
    assert ws["A2"].value.startswith("BÁO CÁO TÌNH HÌNH TIẾP NHẬN")
    assert ws["A3"].value == "Kỳ báo cáo: từ ngày 02/11/2026 đến ngày 13/11/2026"
    assert ws.cell(HEADER_ROW, 4).value == "Số hồ sơ nhận giải quyết"
    assert ws.cell(HEADER_ROW + 1, 5).value == "Kỳ trước chuyển sang"
    assert ws.cell(HEADER_ROW, 1).font.b and ws.cell(HEADER_ROW + 1, 5).font.b
    for i, (level, code) in enumerate(ROWS):
        row = FIRST_DATA_ROW + i
        assert (ws.cell(row, 2).value or "") == code, row
        want = _expected_values(level, code)
        for j, key in enumerate(VALUE_KEYS):
            got = ws.cell(row, 4 + j).value
            if key == "on_time_rate":
                assert got == pytest.approx(want[key]), (code, key)
                assert ws.cell(row, 4 + j).number_format == "0.0%"
            else:
                assert got == want[key], (code, key)
            assert ws.cell(row, 4 + j).border.left.style == "thin"
    total_row = FIRST_DATA_ROW + len(ROWS) - 1
    assert ws.cell(total_row, 3).value == "TỔNG CỘNG" and ws.cell(total_row, 4).font.b
    # print setup: landscape A4, one page wide, header rows repeated
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + 1}"
    assert ws.column_dimensions["C"].width > 20
    # the per-day sheet and the satisfaction sheet
    days = wb["Theo ngày"]
    got = {days.cell(r, 1).value.date(): days.cell(r, 2).value
           for r in range(HEADER_ROW + 1, HEADER_ROW + 13) if days.cell(r, 2).value}
    assert got == X.RECEIVED_BY_DAY
    sat = wb["Hài lòng"]
    texts = [[c.value for c in row] for row in sat.iter_rows()]
    assert ["Quầy 1", 3, 1, 0, 4, 1.0] in texts
    assert ["Trần Văn Minh", 0, 1, 1, 2, 0.5] in texts


def test_csv_and_json_carry_the_same_figures(history: History, report_of: Any) -> None:
    report = report_of()
    text = render_report(report, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Cấp", "Mã", "Lĩnh vực / thủ tục"]
    assert len(rows) == 1 + len(ROWS)
    for (level, code), row in zip(ROWS, rows[1:], strict=True):
        assert row[1] == code
        want = _expected_values(level, code)
        for j, key in enumerate(VALUE_KEYS):
            cell = row[3 + j]
            if key == "on_time_rate":
                assert float(cell) == pytest.approx(want[key], abs=1e-4)
            else:
                assert int(cell) == want[key]
    data = json.loads(render_report(report, "json"))
    assert data["period"] == {"from": "2026-11-02", "to": "2026-11-13"}
    total = data["total"]
    assert {k: total[k] for k in X.TOTAL} == X.TOTAL
    assert total["received"] == 14 and total["on_time_rate"] == pytest.approx(5 / 7)
    assert {p["code"]: {k: p[k] for k in X.TOTAL} for p in data["procedures"]} == X.PROCEDURES
    assert {f["code"]: {k: f[k] for k in X.TOTAL} for f in data["fields"]} == X.FIELDS
    assert data["rates"]["digitised"] == 0.0  # computed now (issue 16): no scan attached here
    assert data["rates"]["online"] == pytest.approx(2 / 9)
    assert data["satisfaction"]["total"]["rate"] == pytest.approx(5 / 6)
    assert data["score"]["band"] == "kha" and data["score"]["estimate_18"] == 9.0
    assert sum(d["received"] for d in data["days"]) == 9


def _pdftotext(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_pdf_shows_the_totals(history: History, report_of: Any, tmp_path: Path) -> None:
    text = _pdftotext(render_report(report_of(), "pdf"), tmp_path)
    assert "BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ" in text
    assert "từ ngày 02/11/2026 đến ngày 13/11/2026" in text
    total = next(line for line in text.splitlines() if "TỔNG CỘNG" in line)
    numbers = total.split("TỔNG CỘNG", 1)[1].split()
    want = _expected_values("total", "")
    shown = [("71,4" if k == "on_time_rate" else str(want[k])) for k in VALUE_KEYS]
    assert [n for n in numbers if n != "%"] == shown
    assert "Tỷ lệ giải quyết đúng hạn (trước hạn + đúng hạn): 71,4 %" in text
    assert "Tỷ lệ hài lòng: 83,3 %" in text
    assert "Khá" in text


def test_text_table(history: History, report_of: Any) -> None:
    text = render_report(report_of(), "table").decode()
    total = next(line for line in text.splitlines() if line.startswith("TỔNG CỘNG"))
    assert total.split()[2:9] == ["14", "5", "7", "2", "3", "2", "71,4"]


def test_cli_report_formats_agree(history: History, tmp_path: Path) -> None:
    """`desk report` in-process on the fixture database: json on stdout, xlsx to a file."""
    from desk.cli import main

    cfg = tmp_path / "desk.toml"
    db = history.ctx.settings.database_path
    cfg.write_text(f'[storage]\ndatabase = "{db}"\n', encoding="utf-8")
    out = tmp_path / "r.xlsx"
    import os

    env = os.environ.get("DESK_NOW")
    os.environ["DESK_NOW"] = "2026-11-23 09:00"
    try:
        assert main(["--config", str(cfg), "report", "--from", "2026-11-02", "--to",
                     "2026-11-13", "--format", "xlsx", "--out", str(out)]) == 0
        # the book with personal columns to a file needs a supervisor's PIN (issue 15 §4)
        os.environ["DESK_PIN"] = "2345"
        try:
            assert main(["--config", str(cfg), "report", "book", "--from", "2026-11-02", "--to",
                         "2026-11-13", "--format", "pdf", "--out", str(tmp_path / "b.pdf"),
                         "--clerk", "Trần Văn Minh"]) == 0
        finally:
            os.environ.pop("DESK_PIN", None)
        assert main(["--config", str(cfg), "report", "book", "--from", "2026-11-02", "--to",
                     "2026-11-13", "--format", "csv"]) == 2
    finally:
        if env is None:
            os.environ.pop("DESK_NOW", None)
        else:
            os.environ["DESK_NOW"] = env
    from openpyxl import load_workbook

    from desk.services.reports.exports.xlsx import FIRST_DATA_ROW

    ws = load_workbook(out).active
    assert ws is not None
    assert ws.cell(FIRST_DATA_ROW + len(ROWS) - 1, 4).value == 14
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
