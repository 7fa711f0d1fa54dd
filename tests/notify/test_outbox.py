"""The notification outbox (issue 17 §3): dossier events write their notices in their own
transaction, one per (event, template, channel), never for an opted-out phone."""

from __future__ import annotations

import dataclasses

import pytest

from desk.config import NotifyConfig
from desk.services.context import DeskContext
from desk.services.dossier.lifecycle import act
from desk.services.notify import notices
from tests.screens.conftest import intake


@pytest.fixture
def nctx(demo_ctx: DeskContext) -> DeskContext:
    demo_ctx.settings = dataclasses.replace(demo_ctx.settings, notify=NotifyConfig(
        channels=("modem", "http")))
    demo_ctx.close()  # reopened with the new settings: the hook reads them
    return demo_ctx


def test_receiving_a_dossier_writes_one_notice_per_channel(nctx: DeskContext) -> None:
    code = intake(nctx)["code"]
    rows = notices.list_notices(nctx)
    assert sorted(r["channel"] for r in rows) == ["http", "modem"]
    assert {r["template"] for r in rows} == {"received"} and {r["dossier_code"] for r in rows} \
        == {code}
    assert code in rows[0]["text"] and "Hẹn trả kết quả lúc 09:00 27/11/2026" in rows[0]["text"]


def test_no_phone_no_notice_and_no_channel_no_notice(nctx: DeskContext) -> None:
    intake(nctx, phone=None)
    assert notices.list_notices(nctx) == []


def test_the_supplement_notice_names_the_documents(nctx: DeskContext) -> None:
    code = intake(nctx)["code"]
    act(nctx, code, "request_supplement", reason="Thiếu giấy tờ",
        documents=["Bản sao giấy khai sinh"])
    [n] = [r for r in notices.list_notices(nctx) if r["template"] == "supplement"
           and r["channel"] == "modem"]
    assert "Bản sao giấy khai sinh" in n["text"]


def test_an_opted_out_phone_gets_no_new_notice(nctx: DeskContext) -> None:
    notices.opt_out(nctx, "0912345678")
    intake(nctx)
    assert notices.list_notices(nctx) == []
    assert notices.summary(nctx)["opted_out"] == 1


def test_the_hook_twice_writes_one_notice(nctx: DeskContext) -> None:
    from sqlmodel import select

    from storage.engine import write_session
    from storage.tables import Dossier, DossierEvent

    intake(nctx)
    with write_session(nctx.engine) as s:
        d = s.exec(select(Dossier)).one()
        ev = s.exec(select(DossierEvent)).first()
        notices.event_hook(s, d, ev)  # again, in another transaction
    assert len(notices.list_notices(nctx)) == 2  # still one per channel


def test_the_apology_notice_gives_the_new_date_and_no_sms_means_none(
        nctx: DeskContext) -> None:
    from desk.services.deadlines.apology import issue
    from desk.services.trust.auth import login

    boss = login(nctx, "Trần Văn Minh", "2345")
    code = intake(nctx)["code"]
    issue(nctx, code, boss, "Cần xác minh thêm", print_letter=False)
    [n] = [r for r in notices.list_notices(nctx) if r["template"] == "apology"
           and r["channel"] == "modem"]
    assert "xin lỗi" in n["text"] and code in n["text"]
    code2 = intake(nctx, "Lê Văn Tám", id_number=None, phone="0987000111")["code"]
    issue(nctx, code2, boss, "Cần xác minh thêm", print_letter=False, notify=False)
    assert not [r for r in notices.list_notices(nctx) if r["dossier_code"] == code2
                and r["template"] == "apology"]
