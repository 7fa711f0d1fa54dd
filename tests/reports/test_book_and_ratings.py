"""Form 06 (the dossier book), satisfaction ratings and the Circular 01/2018 bands."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desk.domain.errors import DomainError
from desk.domain.statistics import Figures, Satisfaction, band, indicator_online, score
from desk.services.context import DeskContext
from tests.conftest import local
from tests.reports import expected as X
from tests.reports.conftest import History

PERIOD = (date(2026, 11, 2), date(2026, 11, 13))


def test_book_rows(history: History) -> None:
    from desk.services.reports.book import book_rows

    rows = book_rows(history.ctx, *PERIOD)
    assert [r.code for r in rows] == [history.codes[x] for x in X.BOOK_ORDER]
    assert [r.no for r in rows] == list(range(1, 10))
    g = rows[0]
    assert g.procedure == "Cấp Giấy xác nhận tình trạng hôn nhân" and g.sets == 1
    assert g.applicant == "Công dân G" and g.contact == "Xóm 8, xã Minh Châu, 0912345008"
    assert g.agency == "Công chức Tư pháp - Hộ tịch"
    assert (g.received_at, g.due_at) == (local(2026, 11, 2, 9, 0), local(2026, 11, 5, 9, 0))
    assert (g.transferred_at, g.result_at, g.returned_at) == (
        local(2026, 11, 2, 10, 0), local(2026, 11, 4, 10, 0), local(2026, 11, 9, 9, 0))
    assert g.method == "Tại Bộ phận Một cửa" and g.signature == ""
    by = {r.code: r for r in rows}
    i = by[history.codes["I"]]
    assert i.method == "Qua bưu chính"
    assert by[history.codes["K"]].notes == "Từ chối giải quyết"
    assert by[history.codes["L"]].notes == "Công dân rút hồ sơ"
    assert by[history.codes["O"]].notes == "gia hạn đến 17/11/2026 17:00"
    n = by[history.codes["N"]]
    assert (n.transferred_at, n.result_at, n.returned_at, n.method) == (None, None, None, "")


def test_book_xlsx_and_pdf(history: History, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desk.services.reports.book import book_head, book_rows
    from desk.services.reports.exports import render_book
    from desk.services.reports.exports.book import COLUMNS, HEADER_ROW

    rows = book_rows(history.ctx, *PERIOD)
    head = book_head(history.ctx, *PERIOD)
    path = tmp_path / "b.xlsx"
    path.write_bytes(render_book(rows, head, "xlsx", history.ctx.local_now()))
    ws = load_workbook(path).active
    assert ws is not None
    assert ws["A2"].value == "SỔ THEO DÕI HỒ SƠ"
    keys = [k for k, _, _ in COLUMNS]
    assert ws.cell(HEADER_ROW, keys.index("received") + 1).value == "Ngày, tháng, năm"
    assert ws.cell(HEADER_ROW + 1, keys.index("returned") + 1).value == \
        "Trả kết quả cho cá nhân, tổ chức"
    first = HEADER_ROW + 2
    assert ws.cell(first, 1).value == 1
    assert ws.cell(first, keys.index("code") + 1).value == history.codes["G"]
    assert ws.cell(first, keys.index("received") + 1).value == "09:00 02/11/2026"
    assert ws.cell(first, keys.index("signature") + 1).value is None
    assert ws.cell(first + 8, 1).value == 9 and ws.cell(first + 9, 1).value is None
    assert ws.page_setup.orientation == "landscape"
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(render_book(rows, head, "pdf", history.ctx.local_now()))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Công dân G" in text and "Công dân N" in text
    assert "Từ chối giải quyết" in text


def test_rate_accepts_keys_and_names_and_refuses_others(demo_ctx: DeskContext) -> None:
    from desk.services.queue.ratings import rate

    v = rate(demo_ctx, "1", ticket_label=" a015 ", counter=2)
    assert (v.level, v.ticket_label, v.counter) == ("rat_hai_long", "A015", 2)
    assert rate(demo_ctx, "khong_hai_long", dossier_code="x").level == "khong_hai_long"
    with pytest.raises(DomainError) as info:
        rate(demo_ctx, "4")
    assert info.value.key == "rating.bad_level"


def test_satisfaction_rates() -> None:
    s = Satisfaction("1", "1", very=3, satisfied=1, unsatisfied=0)
    assert s.total == 4 and s.rate == 1.0 and s.share("rat_hai_long") == 0.75
    assert Satisfaction().rate is None
    assert (s + Satisfaction(unsatisfied=4)).rate == 0.5


@pytest.mark.parametrize(("points", "name"), [
    (18, "xuat_sac"), (15, "xuat_sac"), (14.9, "tot"), (12, "tot"), (11.9, "kha"), (9, "kha"),
    (8.9, "trung_binh"), (6, "trung_binh"), (5.9, "yeu"), (0, "yeu")])
def test_band_boundaries(points: float, name: str) -> None:
    assert band(points) == name


def test_indicators() -> None:
    assert indicator_online(30, 100) == 2.0 and indicator_online(29, 100) == 1.0
    assert indicator_online(15, 100) == 1.0 and indicator_online(14, 100) == 0.0
    assert indicator_online(0, 0) is None
    sc = score(Figures(early=5, new_online=3, new_direct=7))
    assert [i.points for i in sc.indicators if i.points is not None] == [2.0, 2.0]
    assert sc.estimate == 18.0 and sc.band == "xuat_sac" and not sc.complete
    full = score(Figures(early=1), extra={n: 1.7 for n in range(2, 10)})
    assert full.complete and full.points == pytest.approx(15.6) and full.band == "xuat_sac"
    assert score(Figures()).band is None
