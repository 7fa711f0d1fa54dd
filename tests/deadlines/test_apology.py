"""Apology letters: once only, late marking, the new date's rules, roles, PDF, SMS, results."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desk.domain.errors import DomainError
from desk.i18n import render_error
from desk.notify.file_outbox import OUTBOX_NAME
from desk.services.context import DeskContext
from desk.services.deadlines import apology
from desk.services.deadlines import watch as deadlines
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from tests.conftest import local
from tests.deadlines.conftest import CLERK, SUPERVISOR, intake

REASON = "Cơ quan phối hợp chưa có ý kiến trả lời đúng hạn"


def _overdue(office: Callable[..., DeskContext]) -> tuple[DeskContext, str]:
    """Mon 23/11/2026 09:00; the dossier (received Tue 17/11 09:00) was due Fri 20/11 09:00."""
    ctx = office(2026, 11, 23, 9, 0)
    return ctx, intake(ctx, local(2026, 11, 17, 9, 0))["code"]


def _events(ctx: DeskContext, code: str) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in show(ctx, code)["timeline"] if e["kind"] == "apology"]


def test_issue_records_extends_and_counts(office: Callable[..., DeskContext]) -> None:
    ctx, code = _overdue(office)
    assert deadlines.counts(ctx).overdue_no_letter == 1
    out = apology.issue(ctx, code, SUPERVISOR, REASON, print_letter=False, notify=False)
    # proposed: 3 more working days from now (Tue 24/11 is a holiday) → end of Fri 27/11
    assert out["new_due_at"] == "2026-11-27T17:00+07:00"
    assert out["old_due_at"] == "2026-11-20T09:00+07:00"
    assert out["late"] is True and out["letter_no"] == "001/2026"
    [event] = _events(ctx, code)
    assert event["clerk"] == "Trần Văn Minh"
    p = event["payload"]
    assert set(p) == {"reason", "old_due_at", "new_due_at", "late", "letter_no", "form_set"}
    assert p["reason"] == REASON and p["late"] is True and p["form_set"] == "2025"
    assert datetime.fromisoformat(p["new_due_at"]) == local(2026, 11, 27, 17, 0)
    v = show(ctx, code)
    assert v["extended_due_at"] == "2026-11-27T17:00+07:00" and v["apologised"] is True
    assert v["due_at"] == "2026-11-20T09:00+07:00"  # the original stays
    assert v["deadline_state"] == "ok"  # against the new date
    assert deadlines.counts(ctx).as_dict() == {"due_today": 0, "due_soon": 0, "overdue": 0,
                                               "overdue_no_letter": 0}


def test_second_letter_is_refused_with_the_first_date(office: Callable[..., DeskContext]) -> None:
    ctx, code = _overdue(office)
    apology.issue(ctx, code, SUPERVISOR, REASON, print_letter=False, notify=False)
    later = office(2026, 11, 25, 10, 0)
    with pytest.raises(DomainError) as info:
        apology.issue(later, code, SUPERVISOR, "Lý do khác", date(2026, 12, 4),
                      print_letter=False, notify=False)
    message = render_error(info.value)
    assert info.value.key == "apology.once_only"
    assert "09:00 23/11/2026" in message and "001/2026" in message and "một lần" in message
    assert len(_events(later, code)) == 1
    assert apology.draft(later, code).existing is not None


def test_late_marking_one_working_day_before(office: Callable[..., DeskContext]) -> None:
    # received Wed 25/11 09:00 + 3 wd → due Mon 30/11 09:00
    ctx = office(2026, 11, 25, 9, 0)
    code = intake(ctx, local(2026, 11, 25, 9, 0))["code"]
    assert show(ctx, code)["due_at"] == "2026-11-30T09:00+07:00"
    # Fri 27/11 09:00 is exactly one working day before: in time
    out = apology.issue(office(2026, 11, 27, 9, 0), code, SUPERVISOR, REASON,
                        print_letter=False, notify=False)
    assert out["late"] is False
    code2 = intake(ctx, local(2026, 11, 25, 9, 0), name="Trần Thị B")["code"]
    # Fri 27/11 09:01: less than one working day left → allowed, marked late
    out2 = apology.issue(office(2026, 11, 27, 9, 1), code2, SUPERVISOR, REASON,
                         print_letter=False, notify=False)
    assert out2["late"] is True
    assert _events(ctx, code2)[0]["payload"]["late"] is True


@pytest.mark.parametrize(("day", "why"), [
    (date(2026, 11, 28), "Thứ Bảy"),  # a Saturday
    (date(2026, 11, 24), "Ngày Văn hóa Việt Nam"),  # a statutory holiday
])
def test_new_date_on_a_day_off_is_refused(office: Callable[..., DeskContext], day: date,
                                          why: str) -> None:
    ctx, code = _overdue(office)
    with pytest.raises(DomainError) as info:
        apology.issue(ctx, code, SUPERVISOR, REASON, day, print_letter=False, notify=False)
    assert info.value.key == "apology.not_working_day"
    message = render_error(info.value)
    assert day.strftime("%d/%m/%Y") in message and "không phải ngày làm việc" in message
    assert _events(ctx, code) == []
    if why == "Ngày Văn hóa Việt Nam":
        assert why in message and "25/11/2026" in message  # the next working day is offered


def test_new_date_must_be_later(office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    code = intake(ctx, local(2026, 11, 23, 9, 0))["code"]  # due Fri 27/11 09:00
    with pytest.raises(DomainError) as info:
        apology.issue(ctx, code, SUPERVISOR, REASON, date(2026, 11, 26), print_letter=False)
    assert info.value.key == "apology.not_later"
    out = apology.issue(ctx, code, SUPERVISOR, REASON, date(2026, 12, 2), print_letter=False,
                        notify=False)
    assert out["new_due_at"] == "2026-12-02T17:00+07:00" and out["late"] is False
    ctx2, code2 = _overdue(office)
    with pytest.raises(DomainError) as info:  # after the old date, but already past
        apology.issue(ctx2, code2, SUPERVISOR, REASON, date(2026, 11, 20), print_letter=False)
    assert info.value.key in ("apology.in_past", "apology.not_later")


def test_clerk_may_not_issue_and_reason_is_required(office: Callable[..., DeskContext]) -> None:
    ctx, code = _overdue(office)
    with pytest.raises(DomainError) as info:
        apology.issue(ctx, code, CLERK, REASON, print_letter=False)
    assert info.value.key == "apology.role"
    assert "Chỉ lãnh đạo hoặc quản trị" in render_error(info.value)
    assert "Nguyễn Thị Lan" in render_error(info.value)
    with pytest.raises(DomainError) as info:
        apology.issue(ctx, code, SUPERVISOR, "   ", print_letter=False)
    assert info.value.key == "apology.reason_required"
    assert _events(ctx, code) == []


def test_no_letter_for_closed_or_paused_dossiers(office: Callable[..., DeskContext]) -> None:
    ctx, code = _overdue(office)
    act(ctx, code, "request_supplement", reason="Thiếu giấy tờ", documents=["Giấy X"])
    with pytest.raises(DomainError) as info:
        apology.issue(ctx, code, SUPERVISOR, REASON, print_letter=False)
    assert info.value.key == "apology.paused"
    act(ctx, code, "withdraw")
    with pytest.raises(DomainError) as info:
        apology.issue(ctx, code, SUPERVISOR, REASON, print_letter=False)
    assert info.value.key == "apology.bad_status"


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return " ".join(out.stdout.split())


def test_letter_pdf_print_jobs_and_sms(office: Callable[..., DeskContext],
                                       tmp_path: Path) -> None:
    from desk.services.printing import spooler as printing

    ctx, code = _overdue(office)
    pdf = tmp_path / "letters" / "xin-loi.pdf"
    out = apology.issue(ctx, code, SUPERVISOR, REASON, date(2026, 12, 2), pdf)
    assert out["pdf"] == str(pdf) and pdf.read_bytes().startswith(b"%PDF")
    text = _pdftotext(pdf)
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert code in text and REASON in text
    assert "ngày 20 tháng 11 năm 2026" in text  # the old appointment
    assert "ngày 02 tháng 12 năm 2026" in text or "ngày 2 tháng 12 năm 2026" in text
    jobs = {j["kind"]: j for j in printing.jobs(ctx, ref=code)}
    assert set(jobs) == {"letter", "form"}
    assert set(out["print_jobs"]) == {"letter", "slip"}
    slip = (printing.job(ctx, out["print_jobs"]["slip"]) or {})["transcript"]
    assert "VĂN BẢN XIN LỖI" in slip  # the slip follows the dossier's rule set (issue 16)
    # the notice outbox's "file" channel (the default), written at once
    lines = (ctx.settings.data_dir / OUTBOX_NAME).read_text(encoding="utf-8").splitlines()
    sms = [json.loads(line) for line in lines if json.loads(line)["template"] == "apology"]
    assert len(sms) == 1
    assert sms[0]["phone"] == "0912345678" == out["sms"]
    assert code in sms[0]["text"] and "17:00 02/12/2026" in sms[0]["text"]


def test_form_2018_title_and_no_channel_no_notice(office: Callable[..., DeskContext],
                                                  tmp_path: Path) -> None:
    from desk.config import NotifyConfig

    ctx0 = office(2026, 11, 23, 9, 0)  # seeds the office
    settings = replace(ctx0.settings, office=replace(ctx0.settings.office, form_set="2018"),
                       notify=NotifyConfig(channels=()))
    from desk.services.clock import fixed_clock

    ctx = DeskContext(settings, clock=fixed_clock(local(2026, 11, 23, 9, 0)))
    try:
        code = intake(ctx, local(2026, 11, 17, 9, 0))["code"]
        out = apology.issue(ctx, code, SUPERVISOR, REASON, pdf_path=tmp_path / "a.pdf",
                            print_letter=False)
    finally:
        ctx.close()
    assert out["form_set"] == "2018"
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in _pdftotext(tmp_path / "a.pdf")
    assert out["sms"] is None  # [notify] channels = []: no notice anywhere
    assert not (ctx.settings.data_dir / OUTBOX_NAME).exists()


def test_finished_by_the_new_date_still_counts_late(office: Callable[..., DeskContext]) -> None:
    ctx, code = _overdue(office)
    apology.issue(ctx, code, SUPERVISOR, REASON, print_letter=False, notify=False)  # → 27/11
    later = office(2026, 11, 26, 10, 0)
    for a in ("transfer", "start_processing", "result_ready"):
        act(later, code, a)
    v = show(later, code)
    assert v["result_class"] == "late" and v["apologised"] is True
    assert deadlines.result_kind(v) == "late_apologised"
    assert deadlines.result_label(v) == "Quá hạn, đã xin lỗi"
    assert deadlines.result_label(v, "en") == "Late, apologised"
    assert deadlines.result_label({"result_class": None}) == ""
    assert deadlines.result_label({"result_class": "on_time", "apologised": True}) == "Đúng hạn"
