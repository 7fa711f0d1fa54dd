"""Machines that disagree about the time: applying synced events never raises, never stops a
pull, and the deadline clock stays ordered (issue 14 §1).

The desk's clock is pinned (harness.DESK_NOW or a skewed one); every district decision is
dated explicitly with `at=`, so nothing here depends on the real date."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desk.district.changes import decide, state_of
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from tests.sync.harness import OFFICE, TZ, check, client, desk_ctx, intake

DISTRICT_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=TZ)

SKEWS = {
    "desk_3_days_behind": DISTRICT_NOW - timedelta(days=3),
    "desk_3_days_ahead": DISTRICT_NOW + timedelta(days=3),
    "desk_set_to_2010": datetime(2010, 1, 1, 8, 0, tzinfo=TZ),
}


@pytest.fixture(params=list(SKEWS))
def skewed_office(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    ctx = desk_ctx(tmp_path, now=SKEWS[request.param])
    yield ctx
    ctx.close()


def test_supplement_from_the_district_then_a_local_withdraw(district: Any,
                                                             skewed_office: Any) -> None:
    """The district pauses the clock at its own time; the desk ends the pause at its own,
    which may lie days before the pause. The pull and the push both go through."""
    office = skewed_office
    code = intake(office, 1)[0]
    act(office, code, "transfer")
    c = client(office, district.url, district.token)
    c.sync_once()
    decide(district.engine, OFFICE, code, "start_processing", at=DISTRICT_NOW)
    decide(district.engine, OFFICE, code, "request_supplement", reason="Thiếu giấy chứng sinh",
           at=DISTRICT_NOW + timedelta(minutes=5))
    act(office, code, "withdraw", reason="Công dân xin rút")
    rep = c.sync_once()
    assert rep.pushed == {"accepted": 1}
    assert state_of(district.engine, OFFICE)[code] == "WITHDRAWN"
    assert show(office, code)["status"] == "WITHDRAWN"
    check(office, district.engine)


def test_a_paused_dossier_resumed_locally_keeps_a_due_date(district: Any,
                                                          skewed_office: Any) -> None:
    """Supplement asked by the district, completed at the desk: the projection folds both and
    the due date exists (a pause that ends 'before' it began counts as no pause)."""
    office = skewed_office
    code = intake(office, 1)[0]
    act(office, code, "transfer")
    c = client(office, district.url, district.token)
    c.sync_once()
    decide(district.engine, OFFICE, code, "start_processing", at=DISTRICT_NOW)
    decide(district.engine, OFFICE, code, "request_supplement", reason="Thiếu bản sao",
           at=DISTRICT_NOW + timedelta(minutes=5))
    assert c.sync_once().pulled == 2
    act(office, code, "supplement_received")
    c.sync_once()
    shown = show(office, code)
    assert shown["status"] not in ("SUPPLEMENT_REQUESTED",)
    assert shown["due_at"]
    check(office, district.engine)
