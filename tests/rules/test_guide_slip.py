"""The guide slip of an assisted online submission (issue 16 §4) is a paper of the 2025 rule set
(data, like the forms): printed instead of the receipt on A4 (Decree 30 layout) and as a
thermal slip, as the office's printers are, and offered again by the dossier's paper picker in
place of the receipt (no paper receipt was given)."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

from desk.services.context import DeskContext
from desk.services.dossier.views import show
from desk.services.printing import spooler as printing
from desk.services.printing.papers import papers_of
from screens.widgets.paper_picker import paper_label
from storage.engine import read_session
from storage.tables import PrintJob
from tests.rules.test_online_only import _catalog, _take

PORTAL = "G22.99.1-261123-0042"


def test_the_guide_slip_prints_on_a4_and_thermal_and_replaces_the_receipt(
        demo_ctx: DeskContext, tmp_path: Path) -> None:
    _catalog(demo_ctx)
    view = _take(demo_ctx, "1.004194", PORTAL)
    assert view["guide_a4_job"] and view["guide_job"] != view["guide_a4_job"]
    with read_session(demo_ctx.engine) as s:
        job = s.get(PrintJob, uuid.UUID(view["guide_a4_job"]))
        assert job is not None and job.printer == "a4"
        pdf = tmp_path / "guide.pdf"
        pdf.write_bytes(job.data)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    for words in ("PHIẾU HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  f"Mã hồ sơ trên Cổng DVC: {PORTAL}", "Trực tuyến (hỗ trợ tại quầy)",
                  "Tờ khai thay đổi thông tin cư trú (CT01)", "VNeID", "NGƯỜI HỖ TRỢ",
                  "Ông/Bà: Lê Thị Mai"):
        assert words in text, words
    slip = printing.job(demo_ctx, view["guide_job"]) or {}
    assert slip["printer"] == "receipt" and PORTAL in slip["transcript"]
    assert "PHIẾU HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN" in slip["transcript"]
    offered = papers_of(demo_ctx, show(demo_ctx, PORTAL))
    assert {p.key for p in offered} == {"guide", "control"}  # no receipt: none was given
    labels = [paper_label(demo_ctx, p) for p in offered if p.key == "guide"]
    assert labels == ["Phiếu hướng dẫn nộp hồ sơ trực tuyến — phiếu nhiệt, in ở máy in biên nhận",
                      "Phiếu hướng dẫn nộp hồ sơ trực tuyến — khổ A4, in ở máy in A4"]
