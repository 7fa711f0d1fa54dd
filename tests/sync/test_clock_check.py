"""The desk notices a wrong clock (issue 14 §1): against the district's reply time on every
sync, and against the newest dossier it has received. A warning at login and in the status
line; a new dossier code refused while the clock is before a stored dossier."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desk.district import tables
from desk.domain.errors import DomainError
from desk.i18n import render_error
from desk.services.clock import fixed_clock
from desk.services.deadlines.clock_check import check, describe_clock
from tests.sync.harness import DESK_NOW, TZ, client, desk_ctx, intake


@pytest.fixture
def district_at(district_sqlite: Any) -> Any:
    """The district whose clock reads `district_at.now` (pinned), put back afterwards."""
    holder: dict[str, datetime] = {"now": DESK_NOW}
    old = tables.set_clock(lambda: holder["now"])
    district_sqlite.now = holder
    yield district_sqlite
    tables.set_clock(old)


def _sync(office: Any, district: Any) -> None:
    c = client(office, district.url, district.token)
    try:
        c.sync_once()
    finally:
        c.close()


@pytest.mark.parametrize(("skew", "word"), [(timedelta(days=3), "chậm"),
                                            (-timedelta(days=3), "nhanh"),
                                            (timedelta(minutes=6), "chậm")])
def test_a_desk_off_the_districts_clock_is_warned(district_at: Any, tmp_path: Path,
                                                   skew: timedelta, word: str) -> None:
    district_at.now["now"] = DESK_NOW + skew
    office = desk_ctx(tmp_path)
    try:
        intake(office, 1)
        _sync(office, district_at)
        c = check(office)
        assert c.problem == "skew" and not c.blocks_new_code
        short, sentence = describe_clock(office)
        assert short == "⚠ Giờ máy sai" and word in sentence and "máy chủ huyện" in sentence
        intake(office, 1)  # a warning only: work goes on
    finally:
        office.close()


def test_a_desk_within_five_minutes_is_fine(district_at: Any, tmp_path: Path) -> None:
    district_at.now["now"] = DESK_NOW + timedelta(minutes=4)
    office = desk_ctx(tmp_path)
    try:
        _sync(office, district_at)
        assert check(office).ok and describe_clock(office) == ("", "")
    finally:
        office.close()


def test_a_clock_gone_back_since_the_last_sync_is_warned(district_at: Any,
                                                        tmp_path: Path) -> None:
    office = desk_ctx(tmp_path)
    try:
        _sync(office, district_at)
        assert check(office).ok
    finally:
        office.close()
    back = desk_ctx(tmp_path, now=DESK_NOW - timedelta(hours=2))  # the CMOS battery died
    try:
        assert check(back).problem == "backwards"
        assert "lùi" in describe_clock(back)[1]
    finally:
        back.close()


def test_a_clock_before_the_newest_dossier_refuses_a_new_code(tmp_path: Path) -> None:
    office = desk_ctx(tmp_path)
    try:
        intake(office, 2)
    finally:
        office.close()
    reset = desk_ctx(tmp_path, now=datetime(2010, 1, 1, 8, 0, tzinfo=TZ))  # dead CMOS battery
    try:
        assert check(reset).blocks_new_code
        with pytest.raises(DomainError) as info:
            intake(reset, 1)
        assert info.value.key == "clock.behind_stored"
        text = render_error(info.value)
        assert "Không cấp mã hồ sơ mới" in text and "01/01/2010" in text and "23/11/2026" in text
        assert "⚠" in describe_clock(reset)[0]
    finally:
        reset.close()
    two_min = desk_ctx(tmp_path, now=DESK_NOW - timedelta(minutes=2))  # two PCs a bit apart
    try:
        assert intake(two_min, 1)
    finally:
        two_min.close()


async def test_the_warning_is_said_at_login_and_in_the_status_line(tmp_path: Path) -> None:
    from desk.app import DeskApp
    from desk.services.context import DeskContext
    from desk.services.demo import seed_demo
    from desk.services.trust.auth import login
    from screens.login import LoginScreen
    from screens.widgets.status_line import StatusLine
    from tests.screens.conftest import settle, wait_until

    office = desk_ctx(tmp_path)
    seed_demo(office, dossiers=False)
    intake(office, 1)
    lan = login(office, "Nguyễn Thị Lan", "1234")
    office.close()
    ctx = DeskContext(office.settings, clock=fixed_clock(datetime(2010, 1, 1, 8, 0, tzinfo=TZ)))
    app = DeskApp(ctx, background=False)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, LoginScreen)
            app.logged_in(lan)
            await wait_until(pilot, lambda: any(
                "Không cấp mã hồ sơ mới" in n.message for n in app._notifications))
            await wait_until(pilot, lambda: bool(app.screen.query(StatusLine))
                             and app.screen.query_one(StatusLine).clock_warning != "")
            line = app.screen.query_one(StatusLine)
            assert "Giờ máy sai" in str(line.render())
    finally:
        ctx.close()
