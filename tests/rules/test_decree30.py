"""The apology letter and the stop notice in the layout of Decree 30/2020 (issue 14 §4,
issue 16 §2): number and symbol, place (the commune) and the ISSUE date, title, authority line,
signer's name, recipients; Form 05 queued when a dossier is stopped or withdrawn."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.deadlines import apology
from desk.services.dossier.lifecycle import act
from desk.services.printing import rule_forms
from desk.services.printing import spooler as printing
from tests.conftest import local
from tests.deadlines.conftest import CLERK, SUPERVISOR, intake

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
REASON = "Cơ quan phối hợp chưa có ý kiến trả lời đúng hạn"


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return " ".join(out.stdout.split())


def _signed(office: Callable[..., DeskContext], *when: int) -> DeskContext:
    base = office(*when)
    o = replace(base.settings.office, signer_title="PHÓ CHỦ TỊCH", signer_name="Lê Văn Bình")
    return DeskContext(replace(base.settings, office=o), clock=fixed_clock(local(*when)))


def test_apology_letter_has_number_authority_signer_recipients_and_issue_date(
        office: Callable[..., DeskContext], tmp_path: Path) -> None:
    ctx = _signed(office, 2026, 11, 23, 9, 0)
    code = intake(ctx, local(2026, 11, 17, 9, 0))["code"]
    out = apology.issue(ctx, code, SUPERVISOR, REASON, pdf_path=tmp_path / "a.pdf",
                        print_letter=False, notify=False)
    text = _text(tmp_path / "a.pdf")
    assert f"Số: {out['letter_no'].split('/')[0]}/XL" in text
    assert "Minh Châu, ngày 23 tháng 11 năm 2026" in text  # issued on 23/11, not the new date
    assert "TM. ỦY BAN NHÂN DÂN" in text and "KT. CHỦ TỊCH" in text
    assert "PHÓ CHỦ TỊCH" in text and "Lê Văn Bình" in text
    assert "Nơi nhận:" in text and "Lưu: VT" in text
    # a reprint days later, as `desk print form 4 CODE` makes it, keeps the issue date
    later = _signed(office, 2026, 11, 26, 10, 0)
    again = tmp_path / "b.pdf"
    again.write_bytes(rule_forms.pdf_bytes(later, rule_forms.prepare(later, 4, code)))
    text2 = _text(again)
    assert "Minh Châu, ngày 23 tháng 11 năm 2026" in text2
    assert "ngày 27 tháng 11 năm 2026" not in text2.split("VĂN BẢN")[0]  # not in the header
    ctx.close()
    later.close()


@pytest.mark.parametrize("action", ["stop", "withdraw"])
def test_stopping_or_withdrawing_queues_form_05_with_its_reason(
        office: Callable[..., DeskContext], tmp_path: Path, action: str) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    code = intake(ctx, local(2026, 11, 23, 8, 0))["code"]
    reason = "Cơ quan có thẩm quyền đề nghị dừng để xác minh"
    view = act(ctx, code, action, CLERK, reason=reason)
    jobs = view["stop_notice_jobs"]
    assert set(jobs) == {"letter", "slip"}
    slip = printing.job(ctx, jobs["slip"]) or {}
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in slip["transcript"]
    assert reason in " ".join(slip["transcript"].split())
    pdf = tmp_path / "tb.pdf"
    pdf.write_bytes(rule_forms.pdf_bytes(ctx, rule_forms.prepare(ctx, 5, code)))
    text = _text(pdf)
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and reason in text
    assert ("rút hồ sơ" in text) == (action == "withdraw")


def test_a_2018_dossier_gets_no_stop_notice(office: Callable[..., DeskContext]) -> None:
    ctx = office(2025, 6, 30, 9, 0)
    code = intake(ctx, local(2025, 6, 30, 8, 0))["code"]
    view = act(ctx, code, "stop", CLERK, reason="Dừng theo đề nghị của cơ quan giải quyết")
    assert "stop_notice_jobs" not in view
    assert rule_forms.prepare(ctx, 5, code).form.key == "control"  # 2018: Form 05 = control
