"""Snapshots of the counter screens with a fixed clock and data (pytest --snapshot-update once
to accept a deliberate change; look at the SVGs under __snapshots__ first)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.lifecycle import act
from tests.screens.conftest import intake, settle, still_cursor, wait_until


def test_login_snapshot(snap_compare: Any, demo_ctx: DeskContext) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await wait_until(pilot, lambda: pilot.app.screen.query("#clerks").first().option_count)
        await pilot.press(*"lan", "enter")
        await wait_until(pilot, lambda: pilot.app.screen.query_one("#counter").value == "1")
        still_cursor(pilot.app)

    app = DeskApp(demo_ctx, background=False)
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_intake_snapshot(snap_compare: Any, app: DeskApp, demo_ctx: DeskContext) -> None:
    intake(demo_ctx)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await wait_until(pilot, lambda: pilot.app.screen.procedures)
        await pilot.press(*"xac nhan hon", "enter", "a", "enter", *"0912345678", "enter")
        await wait_until(pilot, lambda: pilot.app.screen.query_one("#name").value)
        still_cursor(pilot.app)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_dossier_snapshot(snap_compare: Any, app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx, actor=app.actor)["code"]
    act(demo_ctx, code, "transfer", app.actor, agency="Công chức Tư pháp - Hộ tịch")  # type: ignore[arg-type]
    act(demo_ctx, code, "request_supplement", app.actor,  # type: ignore[arg-type]
        reason="Thiếu bản sao giấy khai sinh", documents=["Bản sao giấy khai sinh"])

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        pilot.app.open_dossier(code)  # type: ignore[attr-defined]
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "view", None))

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_search_snapshot(snap_compare: Any, app: DeskApp, demo_ctx: DeskContext) -> None:
    intake(demo_ctx)
    intake(demo_ctx, "Nguyễn Thị Hoa", id_number="001190000001", phone="0987000111")
    intake(demo_ctx, "Trần Văn Nam", id_number=None, phone=None, proc="1.004194")

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press(*"nguyen")
        await wait_until(pilot, lambda: len(pilot.app.screen.rows) == 2)
        still_cursor(pilot.app)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
