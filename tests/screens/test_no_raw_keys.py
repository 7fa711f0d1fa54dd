"""No message key reaches a screen, a printout or a CLI output (issue 14 §3): the dossier
screen and `desk dossier show` of a dossier that went through every kind of event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.widgets import DataTable, Static

from desk.app import DeskApp
from desk.i18n import set_language
from desk.services.context import DeskContext
from desk.services.deadlines import apology
from desk.services.demo_dossiers import seed_demo_dossiers
from desk.services.dossier import fees, lifecycle, steps
from desk.services.dossier.views import event_label, show
from desk.services.trust.auth import login
from screens.dossier import DossierScreen
from tests.rawkeys import raw_keys
from tests.screens.conftest import settle, wait_until


def test_the_detector_finds_keys() -> None:
    assert raw_keys("14:05  action.apology  Trần Văn Minh") == ["action.apology"]
    assert raw_keys("Xem desk.toml; mã 000.00.00.H41-261123-0001, 15.000 đ") == []


def test_every_event_kind_has_a_label() -> None:
    for kind in ("receive", "apology", "fee_paid", "handover", "superseded.apology",
                 "superseded.transfer", "a_kind_from_a_newer_desk"):
        for lang in ("vi", "en"):
            label = event_label(kind, lang)
            assert label and raw_keys(label) == [] and kind not in label, (kind, lang)


def busy_dossier(ctx: DeskContext) -> str:
    """An overdue dossier with a fee, a hand-over and its result, a supplement, an apology."""
    code = seed_demo_dossiers(ctx)["overdue"]
    boss = login(ctx, "Trần Văn Minh", "2345")
    view = show(ctx, code)
    if view["fee"]["status"] == "unpaid":
        fees.pay(ctx, code, boss)
    steps.handover(ctx, code, "Phòng Tư pháp huyện", boss, days=2)
    steps.step_result(ctx, code, boss, note="đã xong")
    for action in [a for a in ("transfer", "start_processing") if a in show(ctx, code)["actions"]]:
        lifecycle.act(ctx, code, action, boss)
    apology.issue(ctx, code, boss, "Cơ quan phối hợp chậm", print_letter=False, notify=False)
    lifecycle.act(ctx, code, "request_supplement", boss, reason="Thiếu giấy",
                  documents=["Bản sao giấy khai sinh"])
    return code


def _screen_text(screen: DossierScreen) -> str:
    parts = [str(screen.query_one("#dossier-head", Static).render())]
    table = screen.query_one("#timeline", DataTable)
    for row in range(table.row_count):
        parts.extend(c.plain if isinstance(c, Text) else str(c) for c in table.get_row_at(row))
    return "\n".join(parts)


async def _dossier_text(app: DeskApp, code: str) -> str:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await wait_until(pilot, lambda: getattr(app.screen, "view", None) is not None)
        return _screen_text(app.screen)  # type: ignore[arg-type]


async def test_dossier_screen_shows_no_key(app: DeskApp, demo_ctx: DeskContext) -> None:
    code = busy_dossier(demo_ctx)
    kinds = {e["kind"] for e in show(demo_ctx, code)["timeline"]}
    assert {"apology", "fee_paid", "handover", "step_result", "request_supplement"} <= kinds
    text = await _dossier_text(app, code)
    assert raw_keys(text) == [] and "Văn bản xin lỗi" in text
    set_language("en")
    again = DeskApp(demo_ctx, background=False)
    again.actor = app.actor
    text = await _dossier_text(again, code)
    assert raw_keys(text) == [] and "Apology letter" in text


def test_cli_dossier_show_prints_no_key(demo_ctx: DeskContext, run_desk: Any,
                                        tmp_path: Path) -> None:
    code = busy_dossier(demo_ctx)
    config = tmp_path / "same.toml"
    config.write_text(f'[storage]\ndatabase = "{demo_ctx.settings.database_path.as_posix()}"\n'
                      f'data_dir = "{(tmp_path / "data").as_posix()}"\n', encoding="utf-8")
    for lang in ("vi", "en"):
        r = run_desk("dossier", "show", code, config=config,
                     env={"DESK_NOW": "2026-11-23 09:30", "DESK_LANG": lang})
        assert r.returncode == 0, r.stderr
        assert raw_keys(r.stdout) == [], (lang, r.stdout)
        assert code in r.stdout
