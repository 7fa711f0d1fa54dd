"""A dossier's history keeps the order facts were recorded, whatever the desk's clock does
(issue 14 §1): pinned by DESK_NOW, frozen, or set back by a dead CMOS battery."""

from __future__ import annotations

from datetime import datetime

from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from storage.tables.common import set_clock
from tests.conftest import local


def _set_clock(ctx: DeskContext, when: datetime) -> None:
    ctx.clock = fixed_clock(when)
    set_clock(ctx.clock)  # the row stamps follow the context's clock, as open_store arranges


def test_a_clock_set_back_never_puts_a_new_fact_before_an_old_one(demo_ctx: DeskContext) -> None:
    code = receive(demo_ctx, IntakeIn(procedure_code="1.004873",
                                      applicant=ApplicantIn(name="Lê Văn Tám")),
                   print_receipt=False)["code"]
    _set_clock(demo_ctx, local(2026, 11, 23, 10, 0))
    act(demo_ctx, code, "transfer")
    _set_clock(demo_ctx, local(2026, 11, 23, 9, 30))  # set back half an hour
    act(demo_ctx, code, "start_processing")  # legal only after the transfer
    act(demo_ctx, code, "result_ready")  # frozen: the same instant again
    view = show(demo_ctx, code)
    assert [e["kind"] for e in view["timeline"]] == [
        "receive", "transfer", "start_processing", "result_ready"]
    assert view["status"] == "RESULT_READY"
