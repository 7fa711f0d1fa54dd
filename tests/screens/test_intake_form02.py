"""Form 02 at the counter (issue 16 §2): an incomplete dossier gets the supplement request of
the rule set in force — the paper that guides the citizen to complete the dossier — on A4 in
the Decree 30 layout and as a thermal slip, with no code (the dossier is not received)."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.printing import spooler as printing
from screens.widgets.confirm import Confirm
from storage.engine import read_session
from storage.tables import PrintJob
from tests.rawkeys import raw_keys
from tests.screens.conftest import settle


async def test_an_incomplete_dossier_gets_form_02_of_the_2025_set_on_a4_and_slip(
        app: DeskApp, demo_ctx: DeskContext, tmp_path: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press(*"khai sinh", "enter")  # 1.001193: three documents
        await pilot.press("space", "enter", "enter", *"Tran Thi Mai", "f8")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # issue Form 02
        await settle(pilot)
    jobs = {j["printer"]: j for j in printing.jobs(demo_ctx)}
    assert set(jobs) == {"a4", "receipt"}  # both printers of the office
    with read_session(demo_ctx.engine) as s:
        pdf = s.get(PrintJob, uuid.UUID(jobs["a4"]["id"])).data  # type: ignore[union-attr]
    path = tmp_path / "form02.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    for words in ("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Minh Châu, ngày 23 tháng 11 năm 2026", "Hồ sơ của: Tran Thi Mai",
                  "Giấy chứng sinh", "NGƯỜI HƯỚNG DẪN", "Nguyễn Thị Lan"):
        assert words in flat, words
    assert "Tờ khai đăng ký khai sinh" not in flat  # ticked: it is there
    assert "Mã hồ sơ" not in flat and raw_keys(flat) == []  # not received: no code
    slip = printing.job(demo_ctx, jobs["receipt"]["id"]) or {}
    assert "PHIẾU YÊU CẦU BỔ SUNG" in slip["transcript"] and "Giấy chứng sinh" in \
        slip["transcript"] and "Mã hồ sơ" not in slip["transcript"]
