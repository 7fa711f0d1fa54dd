"""Intake and lifecycle on a real SQLite file with a fixed clock."""

from __future__ import annotations

import pytest

from desk.domain.errors import DomainError
from desk.i18n import render_error
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from tests.conftest import local


def _intake(ctx: DeskContext, proc: str = "1.004873", **kw) -> dict:  # type: ignore[no-untyped-def,type-arg]
    applicant = kw.pop("applicant", ApplicantIn(name="Nguyễn Văn Hiệp", id_number="040095000123",
                                                phone="0912345678"))
    return receive(ctx, IntakeIn(procedure_code=proc, applicant=applicant, **kw),
                   print_receipt=False)


def test_receive_gives_code_deadline_and_event(demo_ctx: DeskContext) -> None:
    # Monday 2026-11-23 09:00, 3 working days; Tuesday 24/11 is Ngày Văn hóa Việt Nam (a
    # holiday from 2026 in the statutory list) → Friday 09:00
    view = _intake(demo_ctx)
    assert view["code"] == "000.00.00.H41-261123-0001"
    assert view["status"] == "RECEIVED"
    assert view["due_at"] == "2026-11-27T09:00+07:00"
    assert [e["kind"] for e in view["timeline"]] == ["receive"]
    assert _intake(demo_ctx)["code"].endswith("-0002")


def test_returning_citizen_is_reused_and_updated(demo_ctx: DeskContext) -> None:
    from desk.services.dossier.citizens import lookup

    _intake(demo_ctx)
    _intake(demo_ctx, applicant=ApplicantIn(name="Nguyễn Văn Hiệp", id_number="040095000123",
                                            address="Xóm 3"))
    found = lookup(demo_ctx, "0912 345 678")
    assert len(found) == 1 and found[0]["address"] == "Xóm 3"


def test_incomplete_dossier_gets_no_code(demo_ctx: DeskContext) -> None:
    with pytest.raises(DomainError) as info:
        _intake(demo_ctx, proc="1.001193", documents_present=["Tờ khai đăng ký khai sinh"])
    assert "Giấy chứng sinh" in render_error(info.value)
    assert _intake(demo_ctx)["code"].endswith("-0001")  # no number was used


def test_bad_id_is_refused_with_a_reason(demo_ctx: DeskContext) -> None:
    with pytest.raises(DomainError) as info:
        _intake(demo_ctx, applicant=ApplicantIn(name="A", id_number="04009500012"))
    assert "12 chữ số" in render_error(info.value)


def test_markup_and_escapes_are_stored_literally(demo_ctx: DeskContext) -> None:
    name = "[bold]Lê\x1b[2J Thị\x00 Hoa[/bold]"
    view = _intake(demo_ctx, applicant=ApplicantIn(name=name))
    assert view["applicant"]["name"] == "[bold]Lê[2J Thị Hoa[/bold]"


def test_full_lifecycle_with_supplement_pause(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)["code"]
    act(demo_ctx, code, "transfer", agency="Công chức Tư pháp - Hộ tịch")
    v = act(demo_ctx, code, "request_supplement", reason="Thiếu bản sao giấy khai sinh",
            documents=["Bản sao giấy khai sinh"], at=local(2026, 11, 23, 9, 0))
    assert v["status"] == "SUPPLEMENT_REQUESTED" and v["deadline_state"] == "paused"
    assert v["timeline"][-1]["payload"]["restart"] is True  # agency asked within 3 days
    with pytest.raises(DomainError) as info:
        act(demo_ctx, code, "result_ready")
    assert "Chờ bổ sung hồ sơ" in render_error(info.value)
    v = act(demo_ctx, code, "supplement_received")
    assert v["status"] == "TRANSFERRED"
    act(demo_ctx, code, "start_processing")
    act(demo_ctx, code, "result_ready")
    v = act(demo_ctx, code, "return_result", method="post", tracking="EMS123")
    assert v["status"] == "RETURNED" and v["return_method"] == "post"
    assert v["actions"] == []
    assert [e["kind"] for e in show(demo_ctx, code)["timeline"]] == [
        "receive", "transfer", "request_supplement", "supplement_received",
        "start_processing", "result_ready", "return_result"]


def test_refuse_needs_a_reason(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)["code"]
    with pytest.raises(DomainError) as info:
        act(demo_ctx, code, "refuse", reason="  ")
    assert info.value.key == "lifecycle.reason_required"
    assert act(demo_ctx, code, "refuse", reason="Không thuộc thẩm quyền")["status"] == "REFUSED"


def test_return_at_counter_needs_receiver(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)["code"]
    for a in ("transfer", "start_processing", "result_ready"):
        act(demo_ctx, code, a)
    with pytest.raises(DomainError):
        act(demo_ctx, code, "return_result", method="counter")
    v = act(demo_ctx, code, "return_result", method="counter", receiver="Nguyễn Văn Hiệp")
    assert v["timeline"][-1]["payload"]["receiver"] == "Nguyễn Văn Hiệp"


def test_backdated_intake_after_an_outage(demo_ctx: DeskContext) -> None:
    v = _intake(demo_ctx, received_at=local(2026, 11, 20, 16, 0))  # Friday
    assert v["code"] == "000.00.00.H41-261120-0001"
    assert v["timeline"][0]["backdated"] is True
    # 3 working days of 7.5 h from Fri 16:00, over the weekend and the 24/11 holiday
    assert v["due_at"] == "2026-11-26T16:00+07:00"
