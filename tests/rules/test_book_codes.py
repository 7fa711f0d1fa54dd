"""The book (Form 07, A4 landscape) never breaks a dossier code inside its cell: a reader
copies the code from the paper, and "000.00.00.H41-26110" / "6-0001" is two wrong codes. Checked
on the PDF's text (pdftotext) and its rendered page (pdftoppm), for today's office ids and for
the longest one the desk accepts (35 characters)."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desk.config import Settings
from desk.domain.codes import OFFICE_ID_MAX, format_dossier_code
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.demo import seed_demo
from desk.services.printing import rule_forms
from desk.services.reports.book import BookRow
from desk.services.reports.exports.book import book_pdf
from tests.conftest import local
from tests.deadlines.conftest import intake

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LONGEST = "H41.00001.ABCDEFGH.0123456789.9ZZZZ"  # 35 characters, the most an office id may have


def _rows(office_id: str) -> list[BookRow]:
    at = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
    return [BookRow(no=n, code=format_dossier_code(office_id, at.date(), n),
                    procedure="Cấp Giấy xác nhận tình trạng hôn nhân", sets=1,
                    applicant="Nguyễn Văn Hiệp", contact="Xóm 3, xã Minh Châu, 0912345678",
                    agency="Công chức Tư pháp - Hộ tịch", received_at=at, due_at=at,
                    transferred_at=None, result_at=None, returned_at=None, method="",
                    notes="Hồ sơ mẫu với một ghi chú dài để cột ghi chú phải xuống dòng nhiều lần")
            for n in range(1, 13)]


@pytest.mark.parametrize("office_id", ["000.00.00.H41", "000.17.22.H56", "H41.12345",
                                       LONGEST])
def test_no_dossier_code_wraps_in_the_book(office_id: str, tmp_path: Path) -> None:
    assert len(office_id) <= OFFICE_ID_MAX
    rows = _rows(office_id)
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(book_pdf(rows, {"office": "UBND xã Minh Châu", "title": "SỔ THEO DÕI HỒ SƠ",
                                    "period": "Kỳ báo cáo: 23/11/2026"}))
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    for r in rows:  # each code whole on one line of the page
        assert any(r.code in line for line in lines), (r.code, [x for x in lines if
                                                               r.code[:8] in x])
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_form_07_of_one_dossier_keeps_its_code_on_one_line(tmp_path: Path) -> None:
    """`desk print form 7 CODE` (the book row of one dossier, from the rule set's data): the
    code column is marked `nowrap`, so a long code is set smaller rather than broken."""
    settings = Settings.from_dict({
        "storage": {"data_dir": str(tmp_path / "data"), "database": str(tmp_path / "d.sqlite3")},
        "office": {"id": LONGEST}})
    ctx = DeskContext(settings, clock=fixed_clock(local(2026, 11, 23, 9, 0)))
    try:
        seed_demo(ctx, dossiers=False)
        code = intake(ctx, local(2026, 11, 23, 8, 0))["code"]
        pdf = tmp_path / "form07.pdf"
        pdf.write_bytes(rule_forms.pdf_bytes(ctx, rule_forms.prepare(ctx, 7, code)))
    finally:
        ctx.close()
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "SỔ THEO DÕI HỒ SƠ" in text
    heading = f"Mã hồ sơ: {code}"
    cell = [line for line in text.splitlines() if code in line and heading not in line]
    assert cell, text  # the table's cell, whole, besides the heading above the table
