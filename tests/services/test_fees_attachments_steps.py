"""Fees, digitised copies and liên thông steps, on a real SQLite file and real files."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desk.domain.errors import DomainError
from desk.i18n import render_error
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.dossier.attachments import attach, list_scans, scanner_dir
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.fees import exempt, pay
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.lifecycle import act
from desk.services.dossier.steps import handover, step_result
from desk.services.dossier.views import show
from tests.conftest import local


def _intake(ctx: DeskContext, proc: str = "1.004873", **kw: Any) -> str:
    applicant = ApplicantIn(name="Nguyễn Văn Hiệp", id_number="040095000123",
                            phone="0912345678")
    view = receive(ctx, IntakeIn(procedure_code=proc, applicant=applicant, **kw),
                   print_receipt=False)
    return str(view["code"])


@pytest.fixture
def at_time(demo_ctx: DeskContext) -> Iterator[Any]:
    """Another context on the same office with the clock at a later moment."""
    opened: list[DeskContext] = []

    def make(when: datetime) -> DeskContext:
        c = DeskContext(demo_ctx.settings, clock=fixed_clock(when))
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.close()


# ---------------------------------------------------------------------------------- fees

def test_fee_defaults_from_catalog_times_sets(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx, sets=2)  # 15.000 đ a set
    assert show(demo_ctx, code)["fee"]["status"] == "unpaid"
    v = pay(demo_ctx, code, method="transfer", receipt=" BL-0042 ")
    fee = v["fee"]
    assert (fee["status"], fee["amount"], fee["due"]) == ("paid", 30000, 30000)
    assert (fee["method"], fee["receipt"]) == ("transfer", "BL-0042")
    last = v["timeline"][-1]
    assert last["kind"] == "fee_paid" and last["payload"]["catalog_amount"] == 30000
    assert v["status"] == "RECEIVED"  # a fact, not a transition


def test_fee_amount_typed_and_bad_input(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)
    with pytest.raises(DomainError) as info:
        pay(demo_ctx, code, method="cheque")
    assert "cheque" in render_error(info.value)
    with pytest.raises(DomainError) as info:
        pay(demo_ctx, code, amount=0)
    assert info.value.key == "fees.bad_amount"
    assert pay(demo_ctx, code, amount=20000)["fee"]["amount"] == 20000


def test_free_procedure_needs_an_amount_or_exemption(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx, proc="1.004837")  # fee 0 in the catalog
    assert show(demo_ctx, code)["fee"]["status"] == "free"
    with pytest.raises(DomainError) as info:
        pay(demo_ctx, code)
    assert info.value.key == "fees.no_fee_in_catalog"


def test_exemption_with_reason(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)
    with pytest.raises(DomainError) as info:
        exempt(demo_ctx, code, "  ")
    assert "người có công" in render_error(info.value)
    v = exempt(demo_ctx, code, "hộ nghèo")
    assert v["fee"]["status"] == "exempt" and v["fee"]["reason"] == "hộ nghèo"
    assert v["timeline"][-1]["kind"] == "fee_exempted"
    assert v["timeline"][-1]["payload"]["waived"] == 15000


def test_second_payment_refused_unless_a_correction(demo_ctx: DeskContext) -> None:
    from desk.services.trust.auth import login

    code = _intake(demo_ctx)
    pay(demo_ctx, code, receipt="BL-1")
    with pytest.raises(DomainError) as info:
        pay(demo_ctx, code, receipt="BL-2")
    assert info.value.key == "fees.already_recorded"
    assert "15.000" in render_error(info.value)
    with pytest.raises(DomainError):
        exempt(demo_ctx, code, "hộ nghèo")
    with pytest.raises(DomainError) as info:
        pay(demo_ctx, code, amount=10000, correction=" ")
    assert info.value.key == "fees.correction_reason"
    lan = login(demo_ctx, "Nguyễn Thị Lan", "1234")  # a clerk may not correct
    with pytest.raises(DomainError) as info:
        pay(demo_ctx, code, lan, amount=10000, correction="gõ nhầm số tiền")
    assert info.value.key.startswith("role.")
    v = pay(demo_ctx, code, amount=10000, correction="gõ nhầm số tiền")
    assert v["fee"]["amount"] == 10000 and v["fee"]["corrections"] == 1
    kinds = [e["kind"] for e in v["timeline"]]
    assert kinds.count("fee_paid") == 2  # facts: always appended


def test_no_fee_on_a_closed_dossier(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)
    act(demo_ctx, code, "refuse", reason="Không thuộc thẩm quyền")
    with pytest.raises(DomainError) as info:
        pay(demo_ctx, code)
    assert info.value.key == "fees.closed"


# --------------------------------------------------------------------------- attachments

def _scan(ctx: DeskContext, name: str, data: bytes) -> Path:
    folder = scanner_dir(ctx)
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data)
    return p


def test_attach_copies_with_hash_and_dedupes(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)
    data = b"%PDF-1.4 scanned page\n" * 1000
    src = _scan(demo_ctx, "to-khai.PDF", data)
    assert scanner_dir(demo_ctx) == demo_ctx.settings.data_dir / "scans" / "inbox"
    assert [f["name"] for f in list_scans(demo_ctx)] == ["to-khai.PDF"]
    assert show(demo_ctx, code)["digitised"] is False
    v = attach(demo_ctx, code, src)
    digest = hashlib.sha256(data).hexdigest()
    a = v["attached"]
    assert a["added"] is True and a["sha256"] == digest and a["size"] == len(data)
    stored = demo_ctx.settings.data_dir / "attachments" / code / f"{digest}.pdf"
    assert Path(a["path"]) == stored and stored.read_bytes() == data
    assert src.read_bytes() == data  # copied, never moved
    if os.name == "posix":
        assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert v["digitised"] is True and v["result_digitised"] is False
    assert v["timeline"][-1]["payload"] == {"name": "to-khai.PDF", "sha256": digest,
                                            "size": len(data), "kind": "document"}
    # the same content again (another name): no second copy, no second event
    again = attach(demo_ctx, code, _scan(demo_ctx, "copy.pdf", data))
    assert again["attached"]["added"] is False
    assert [e["kind"] for e in again["timeline"]].count("attachment_added") == 1
    assert len([p for p in stored.parent.iterdir()]) == 1


def test_result_attachment_and_closed_dossier(demo_ctx: DeskContext) -> None:
    code = _intake(demo_ctx)
    for a in ("transfer", "start_processing", "result_ready"):
        act(demo_ctx, code, a)
    act(demo_ctx, code, "return_result", method="counter", receiver="Nguyễn Văn Hiệp")
    with pytest.raises(DomainError) as info:
        attach(demo_ctx, code, _scan(demo_ctx, "doc.png", b"doc"))
    assert info.value.key == "attach.closed"
    v = attach(demo_ctx, code, _scan(demo_ctx, "ket-qua.jpg", b"result"), kind="result")
    assert v["result_digitised"] is True and v["digitised"] is False
    with pytest.raises(DomainError) as info:
        attach(demo_ctx, code, demo_ctx.settings.data_dir / "missing.pdf", kind="result")
    assert info.value.key == "attach.not_a_file"


def test_scanner_dir_from_config(tmp_path: Path) -> None:
    from desk.config import Settings

    s = Settings.from_dict({"storage": {"data_dir": str(tmp_path / "d"),
                                             "scanner_dir": str(tmp_path / "scans")}})
    c = DeskContext(s, clock=fixed_clock(local(2026, 11, 23, 9, 0)))
    try:
        assert scanner_dir(c) == tmp_path / "scans"
        assert list_scans(c) == []
    finally:
        c.close()


# ------------------------------------------------------------------------------- steps

def test_step_deadline_over_a_weekend_and_classification(demo_ctx: DeskContext,
                                                         at_time: Any) -> None:
    code = _intake(demo_ctx, received_at=local(2026, 11, 20, 8, 0))  # Friday
    # handed Friday 14:00 with 1 working day → Monday 14:00 (the weekend does not count)
    v = handover(demo_ctx, code, "UBND xã — Công chức Tư pháp", days=1,
                 receiver="Trần Văn Bình", at=local(2026, 11, 20, 14, 0))
    step = v["steps"][-1]
    assert step["deadline"] == "2026-11-23T14:00+07:00" and step["result"] is None
    assert step["giver"] and step["receiver"] == "Trần Văn Bình"  # giver: the acting actor
    assert v["status"] == "RECEIVED"
    with pytest.raises(DomainError) as info:  # one open step at a time
        handover(demo_ctx, code, "Phòng Tư pháp huyện", days=2)
    assert info.value.key == "steps.step_open"
    with pytest.raises(DomainError) as info:
        step_result(demo_ctx, code, agency="Phòng Tư pháp huyện")
    assert info.value.key == "steps.other_agency"
    v = step_result(demo_ctx, code, agency="ubnd xa — cong chuc tu phap")  # folded match
    assert v["steps"][-1]["result"] == "on_time"  # Monday, the due date
    # 5 working days from Monday 09:00: Tue 24/11 is a holiday, then the weekend → Tue 1/12
    v = handover(demo_ctx, code, "Phòng Tư pháp huyện", days=5, giver="Trần Văn Bình")
    assert v["steps"][-1]["deadline"] == "2026-12-01T09:00+07:00"
    late = at_time(local(2026, 12, 2, 10, 0))
    v = step_result(late, code, agency="Phòng Tư pháp huyện", note="thiếu chữ ký")
    assert v["steps"][-1]["result"] == "late" and v["steps"][-1]["result_note"] == "thiếu chữ ký"
    with pytest.raises(DomainError) as info:  # the dossier's own deadline is past
        handover(late, code, "Bộ phận một cửa")
    assert info.value.key == "steps.deadline_past"
    v = handover(late, code, "Bộ phận một cửa", days=1)
    assert v["steps"][-1]["deadline"] == "2026-12-03T10:00+07:00"
    assert len(v["steps"]) == 3


def test_step_default_deadline_and_early(demo_ctx: DeskContext, at_time: Any) -> None:
    code = _intake(demo_ctx)  # Monday 09:00, 3 working days → Friday 27/11 09:00
    v = handover(demo_ctx, code, "Công an xã")
    assert v["steps"][-1]["deadline"] == v["due_at"] == "2026-11-27T09:00+07:00"
    v = step_result(at_time(local(2026, 11, 25, 10, 0)), code)
    assert v["steps"][-1]["result"] == "early"
    with pytest.raises(DomainError) as info:
        step_result(demo_ctx, code)
    assert info.value.key == "steps.none_open"
    with pytest.raises(DomainError):
        handover(demo_ctx, code, "  ")
    with pytest.raises(DomainError):
        handover(demo_ctx, code, "X", days=0)


def test_form05_is_built_from_the_steps(demo_ctx: DeskContext, at_time: Any) -> None:
    from desk.services.dossier.receipts import form_data
    from printers.layouts.control import ControlData, build_control

    code = _intake(demo_ctx, received_at=local(2026, 11, 20, 8, 0))
    pay(demo_ctx, code)  # not a step: not on the slip
    handover(demo_ctx, code, "Công chức Tư pháp", days=1, giver="Nguyễn Thị Lan",
             receiver="Trần Văn Bình", at=local(2026, 11, 20, 14, 0))
    step_result(demo_ctx, code, note="đã ký")
    handover(demo_ctx, code, "Phòng Tư pháp huyện", days=2)
    data = form_data(demo_ctx, 5, code)
    assert isinstance(data, ControlData)
    assert [(s.giver, s.receiver, s.result) for s in data.steps] == [
        ("Nguyễn Thị Lan", "Trần Văn Bình (Công chức Tư pháp)", "Đúng hạn: đã ký"),
        (data.steps[1].giver, "Phòng Tư pháp huyện", ""),
    ]
    assert data.steps[0].handed_at == local(2026, 11, 20, 14, 0)
    assert data.dossier_code == code
    build_control(data)  # the layout takes it as before


# --------------------------------------------------------------------------------- CLI

def test_cli_fee_attach_step(run_desk: Any, tmp_path: Path) -> None:
    env = {"DESK_NOW": "2026-11-23 09:00"}
    assert run_desk("demo", "--no-tui", env=env).returncode == 0
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Lê Thị Hoa",
                 "--sets", "2", "--no-print", "--json", env=env)
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["code"]
    r = run_desk("dossier", "fee", code, "--receipt", "BL-7", env=env)
    assert r.returncode == 0, r.stderr
    assert "30.000 đ" in r.stdout and "BL-7" in r.stdout
    again = run_desk("dossier", "fee", code, "--exempt", "hộ nghèo", env=env)
    assert again.returncode != 0 and "đính chính" in again.stderr
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"scan")
    r = run_desk("dossier", "attach", code, str(scan), "--json", env=env)
    assert r.returncode == 0, r.stderr
    view = json.loads(r.stdout)
    assert view["digitised"] is True and view["attached"]["added"] is True
    assert scan.exists()
    r = run_desk("dossier", "step", code, "--to", "Công an xã", "--days", "5",
                 "--receiver", "Trần Văn Bình", "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["steps"][-1]["deadline"] == "2026-12-01T09:00+07:00"
    r = run_desk("dossier", "step-result", code, "--agency", "Công an xã", "--note", "xong",
                 env=env)
    assert r.returncode == 0, r.stderr
    assert "Trước hạn" in r.stdout
    shown = json.loads(run_desk("dossier", "show", code, "--json", env=env).stdout)
    assert shown["fee"]["status"] == "paid" and shown["steps"][0]["result"] == "early"
    h = run_desk("dossier", "fee", "--help", env={**env, "DESK_LANG": "en"})
    assert "--exempt" in h.stdout


# ------------------------------------------------------------------------------ screen

@pytest.mark.skipif(sys.platform == "win32", reason="terminal driver")
async def test_fee_key_on_the_dossier_screen(demo_ctx: DeskContext) -> None:
    from textual.widgets import Input

    from desk.app import DeskApp
    from desk.services.trust.auth import login
    from screens.dossier import DossierScreen
    from screens.widgets.action_form import ActionForm
    from tests.screens.conftest import settle

    code = _intake(demo_ctx, sets=2)
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, "Nguyễn Thị Lan", "1234")
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        assert screen.check_action("fee", ()) is True
        await pilot.press("p")
        assert isinstance(app.screen, ActionForm)
        assert app.screen.query_one("#f-amount", Input).value == "30000"
        app.screen.query_one("#f-receipt", Input).value = "BL-9"
        await pilot.press("f8")
        await settle(pilot)
        assert app.screen is screen
        assert screen.view is not None and screen.view["fee"]["status"] == "paid"
        assert screen.check_action("fee", ()) is False  # recorded: the key is hidden
    fee = show(demo_ctx, code)["fee"]
    assert (fee["amount"], fee["receipt"], fee["clerk"]) == (30000, "BL-9", "Nguyễn Thị Lan")


async def test_scan_and_handover_keys_on_the_dossier_screen(demo_ctx: DeskContext) -> None:
    from textual.widgets import Input

    from desk.app import DeskApp
    from desk.services.trust.auth import login
    from screens.dossier import DossierScreen, ScanPicker
    from screens.widgets.action_form import ActionForm
    from tests.screens.conftest import settle

    code = _intake(demo_ctx)
    _scan(demo_ctx, "giay-to.pdf", b"scan of the papers")
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, "Nguyễn Thị Lan", "1234")
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        await pilot.press("s")
        assert isinstance(app.screen, ScanPicker)
        await pilot.press("1")
        await settle(pilot)
        assert app.screen is screen and screen.view is not None
        assert screen.view["digitised"] is True
        await pilot.press("l")
        assert isinstance(app.screen, ActionForm)
        app.screen.query_one("#f-to_agency", Input).value = "Công an xã"
        app.screen.query_one("#f-days", Input).value = "2"
        await pilot.press("f8")
        await settle(pilot)
        assert screen.view["steps"][-1]["to_agency"] == "Công an xã"
        assert screen.view["steps"][-1]["giver"] == "Nguyễn Thị Lan"
        await pilot.press("l")  # a step is open: its result
        assert isinstance(app.screen, ActionForm)
        await pilot.press("f8")
        await settle(pilot)
        assert screen.view["steps"][-1]["result"] == "early"
