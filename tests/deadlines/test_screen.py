"""The deadlines screen, keys only: two apology letters in one sitting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from desk.services.context import DeskContext
from desk.services.demo_dossiers import seed_demo_dossiers
from desk.services.dossier.views import show
from screens.apology_form import ApologyForm
from screens.deadlines import DeadlinesScreen
from screens.widgets.confirm import Confirm
from screens.widgets.deadline_badge import DeadlineBadge
from tests.deadlines.conftest import CLERK, SUPERVISOR
from tests.tui import workers_done


class _App(App[None]):
    def __init__(self, ctx: DeskContext, actor: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.actor = actor
        self.told: list[str] = []

    def notify(self, message: str, **kw: Any) -> None:  # type: ignore[override]
        self.told.append(message)
        super().notify(message, **kw)

    def on_mount(self) -> None:
        self.push_screen(DeadlinesScreen())


async def _settle(app: App[Any], pilot: Any) -> None:
    for _ in range(3):
        await workers_done(app)
        await pilot.pause()


async def test_two_letters_by_keys_only(office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    seeded = seed_demo_dossiers(ctx)
    needing = {seeded["overdue"], seeded["overdue_2"], seeded["overdue_3"]}
    app = _App(ctx, SUPERVISOR)
    async with app.run_test(size=(150, 40)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DeadlinesScreen)
        badge = screen.query_one(DeadlineBadge)
        assert badge.counts == {"due_today": 1, "due_soon": 1, "overdue": 4,
                                "overdue_no_letter": 3}
        first = screen.current_code()
        assert first in needing  # the cursor starts on an overdue row without a letter
        issued = []
        for _ in range(2):
            code = screen.current_code()
            await pilot.press("x")  # the letter (xin lỗi)
            await _settle(app, pilot)
            assert isinstance(app.screen, ApologyForm)
            await pilot.press("down")  # the second common reason
            await pilot.press("enter")  # picks it: the letter is not issued by one Enter
            await _settle(app, pilot)
            assert isinstance(app.screen, ApologyForm)
            await pilot.press("f8")  # review: the confirmation shows the new date
            await _settle(app, pilot)
            assert isinstance(app.screen, Confirm)
            new_day = app.screen.query_one("#question").render()
            assert "Hẹn trả kết quả mới" in str(new_day)
            await pilot.press("enter")
            await _settle(app, pilot)
            assert app.screen is screen
            issued.append(code)
            assert screen.current_code() in needing - set(issued)  # moved to the next one
        assert badge.counts is not None and badge.counts["overdue_no_letter"] == 1
    for code in issued:
        [event] = [e for e in show(ctx, code)["timeline"] if e["kind"] == "apology"]
        assert event["payload"]["reason"] == "Cơ quan phối hợp chưa có ý kiến trả lời đúng hạn"
        assert event["clerk"] == SUPERVISOR.name and event["payload"]["late"] is True
    assert len(set(issued)) == 2


async def test_refusals_stay_in_the_form(office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    seed_demo_dossiers(ctx)
    app = _App(ctx, SUPERVISOR)
    async with app.run_test(size=(150, 40)) as pilot:
        await _settle(app, pilot)
        code = app.screen.current_code()  # type: ignore[attr-defined]
        await pilot.press("x")
        await _settle(app, pilot)
        form = app.screen
        assert isinstance(form, ApologyForm)
        await pilot.press("tab", "tab")  # reason list → free text → date
        date_input = form.query_one("#new-date")
        assert app.focused is date_input
        date_input.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"28/11/2026", "enter")  # a Saturday
        await _settle(app, pilot)
        assert "28/11/2026" in str(app.screen.query_one("#question").render())
        await pilot.press("enter")  # issue: the service refuses
        await _settle(app, pilot)
        assert app.screen is form
        error = str(form.query_one("#apology-error").render())
        assert "không phải ngày làm việc" in error
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, DeadlinesScreen)
    assert [e for e in show(ctx, code)["timeline"] if e["kind"] == "apology"] == []


async def test_clerk_is_told_who_may_sign(office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    seed_demo_dossiers(ctx)
    app = _App(ctx, CLERK)
    async with app.run_test(size=(150, 40)) as pilot:
        await _settle(app, pilot)
        await pilot.press("x")
        await _settle(app, pilot)
        assert isinstance(app.screen, DeadlinesScreen)
        assert any("Chỉ lãnh đạo" in m for m in app.told)


async def test_one_enter_never_issues_a_letter(office: Callable[..., DeskContext]) -> None:
    """The defect: Enter in the reason list issued the official letter at once."""
    ctx = office(2026, 11, 23, 9, 0)
    seed_demo_dossiers(ctx)
    app = _App(ctx, SUPERVISOR)
    async with app.run_test(size=(150, 40)) as pilot:
        await _settle(app, pilot)
        code = app.screen.current_code()  # type: ignore[attr-defined]
        await pilot.press("x")
        await _settle(app, pilot)
        assert isinstance(app.screen, ApologyForm)
        await pilot.press("enter", "enter")  # reason picked, free text left empty
        await _settle(app, pilot)
        assert isinstance(app.screen, ApologyForm)
        assert app.focused is app.screen.query_one("#new-date")
        await pilot.press("enter")  # the date: a confirmation, not the letter
        await _settle(app, pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # "review": back to the form, nothing issued
        await _settle(app, pilot)
        assert isinstance(app.screen, ApologyForm)
    assert [e for e in show(ctx, code)["timeline"] if e["kind"] == "apology"] == []
