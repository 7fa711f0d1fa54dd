"""A dossier is found by the short forms of its code, as the receipt prints them: the office
tail and the rest, the date and number, today's number alone (issue 14 §2)."""

from __future__ import annotations

import json
from typing import Any

from textual.widgets import DataTable

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.search import code_candidates, find_code, search
from screens.dossier import DossierScreen
from tests.screens.conftest import intake, settle, wait_until


def _three(ctx: DeskContext) -> list[str]:
    return [intake(ctx, name, id_number=None, phone=None)["code"]
            for name in ("Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba")]


def test_short_forms_find_the_dossier(demo_ctx: DeskContext) -> None:
    codes = _three(demo_ctx)
    third = codes[2]
    assert third == "000.00.00.H41-261123-0003"
    for typed in ("000.00.00.H41-261123-0003", "H41-261123-0003", "h41-261123-0003",
                  "261123-0003", "261123-3", "0003", "3", " 0003 "):
        rows = search(demo_ctx, typed)
        assert [r["code"] for r in rows] == [third], typed
        assert find_code(demo_ctx, typed) == third


def test_short_forms_that_name_nothing(demo_ctx: DeskContext) -> None:
    _three(demo_ctx)
    assert search(demo_ctx, "0009") == []  # no ninth dossier today, and no such phone
    assert search(demo_ctx, "X99-261123-0003") == []  # another office's code
    assert code_candidates(demo_ctx, "Nguyễn") == []
    assert find_code(demo_ctx, "Nguyễn") is None


def test_four_digits_are_still_a_phone_when_no_code_matches(demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx, "Phạm Thị Bốn", id_number=None, phone="0912000111")["code"]
    assert [r["code"] for r in search(demo_ctx, "0912")] == [code]


def test_cli_search_by_short_code(run_desk: Any, tmp_path: Any) -> None:
    env = {"DESK_NOW": "2026-12-04 09:30"}
    assert run_desk("demo", "--no-tui", "--no-dossiers", env=env).returncode == 0
    for name in ("Nguyen Van Mot", "Tran Thi Hai", "Le Van Ba"):
        r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", name,
                     "--no-print", env=env)
        assert r.returncode == 0, r.stderr
    code = r.stdout.splitlines()[0]
    assert code.endswith("-261204-0003")
    for typed in ("261204-0003", "0003", "H41-261204-0003"):
        r = run_desk("dossier", "search", typed, "--json", env=env)
        assert r.returncode == 0, r.stderr
        assert [row["code"] for row in json.loads(r.stdout)] == [code], typed


async def test_tui_search_box_opens_a_short_code(app: DeskApp, demo_ctx: DeskContext) -> None:
    third = _three(demo_ctx)[2]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"261123-0003")
        await wait_until(pilot, lambda: [r["code"] for r in screen.rows] == [third])
        assert screen.query_one("#results", DataTable).row_count == 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert app.screen.code == third
        await pilot.press("escape")
        await settle(pilot)
        screen.query_one("#query").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"H41-261123-0003", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert app.screen.view is not None and app.screen.view["code"] == third
