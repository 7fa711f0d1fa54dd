"""Issue 14 §5 on screen: Textual's own texts in Vietnamese (F1, the palette), the palette
offering the desk's commands, no English leftovers, no text eaten as markup, the demo PINs
on the demo login, raw Telex converted where a clerk can see it, the office clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from textual.binding import Binding
from textual.command import CommandInput, CommandList
from textual.widgets import Input, Static

from desk.app import DeskApp
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from screens.widgets.telex_input import TelexInput, current_method
from tests.screens.conftest import settle, wait_until

TEXTUAL_ENGLISH = {"Focus Next", "Focus Previous", "Copy selected text", "Quit",
                   "Move cursor left", "Delete character left", "Submit", "palette",
                   "Paste text from the clipboard", "Select all", "Cursor up", "Select"}


def _shown_descriptions(app: Any) -> list[str]:
    return [ab.binding.description for ab in app.screen.active_bindings.values()
            if ab.binding.description]


async def test_key_texts_speak_vietnamese_even_for_textuals_own_keys(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2")  # intake: an Input has the focus, its keys are listed too
        await settle(pilot)
        assert isinstance(app.focused, Input)
        shown = _shown_descriptions(app)  # what the footer and the keys panel read
        assert shown and not TEXTUAL_ENGLISH & set(shown), shown
        assert "Ô tiếp theo" in shown  # tab (Textual's "Focus Next")
        assert "Chép phần đã chọn" in shown  # ctrl+c in an Input


async def test_palette_placeholder_no_matches_and_the_desks_commands(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        box = palette.query_one(CommandInput)
        assert box.placeholder.startswith("Tìm lệnh")
        await pilot.press(*"tiep nhan")  # without accents, as a clerk often types
        await wait_until(pilot, lambda: palette.query_one(CommandList).option_count > 0)
        prompts = [str(palette.query_one(CommandList).get_option_at_index(i).prompt)
                   for i in range(palette.query_one(CommandList).option_count)]
        assert any("Tiếp nhận" in p for p in prompts), prompts  # the F2 mode
        await pilot.press("ctrl+u", *"qqqzzz")  # nothing matches
        await pilot.pause(1.0)
        await settle(pilot)
        prompts = [str(palette.query_one(CommandList).get_option_at_index(i).prompt)
                   for i in range(palette.query_one(CommandList).option_count)]
        assert any("Không có lệnh nào khớp" in p for p in prompts), prompts
        assert not any("No matches" in p for p in prompts)


async def test_palette_offers_the_screens_actions_and_runs_them(app: DeskApp) -> None:
    from screens.widgets.textual_texts import desk_commands

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [c.title for c in desk_commands(app, app.screen)]
        assert not {"Theme", "Screenshot", "Quit", "Keys"} & set(titles)
        assert len(titles) >= 5 and all(t and "." not in t.split()[0] for t in titles), titles
        await pilot.press("f7")  # the sync screen: its own F5/r actions come first-class
        await settle(pilot)
        sync_titles = [c.title for c in desk_commands(app, app.screen)]
        assert set(sync_titles) - set(titles), (sync_titles, titles)
        intake = next(c for c in desk_commands(app, app.screen) if "Tiếp nhận" in c.title)
        intake.callback()
        await settle(pilot)
        assert app.current_mode == "intake"


async def test_sync_hint_keeps_the_word_in_brackets(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        app.screen.action_sync_now()  # its key: no [sync] section configured, the hint names it
        await settle(pilot)
        toasts = list(app._notifications)  # what the toasts show
        hint = next(n for n in toasts if "desk.toml" in n.message)
        assert "[sync]" in hint.message
        assert not hint.markup  # as markup, Rich would take "[sync]" for a tag and drop it


def test_sync_screen_names_event_kinds_in_vietnamese() -> None:
    from screens.sync import kind_label

    assert kind_label("receive") == "Tiếp nhận hồ sơ"
    assert kind_label("transfer") == "Chuyển xử lý"
    assert kind_label("ticket.call") == "Số thứ tự (gọi số)"
    assert kind_label("rating") == "Đánh giá hài lòng"
    assert "receive" not in kind_label("receive")


async def test_demo_login_shows_the_demo_accounts(demo_ctx: DeskContext) -> None:
    app = DeskApp(demo_ctx, background=False)
    app.demo_accounts = [{"name": "Nguyễn Thị Lan", "role": "clerk", "pin": "1234"}]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#login-demo", Static).render())
        assert "Nguyễn Thị Lan" in text and "1234" in text and "cán bộ một cửa" in text
        assert "clerk" not in text
    plain = DeskApp(demo_ctx, background=False)
    async with plain.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not plain.screen.query("#login-demo")  # a real office shows no PIN


async def test_raw_telex_is_converted_on_screen_and_telex_switched_on(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        name = app.screen.query_one("#name", TelexInput)
        name.focus()
        await pilot.pause()
        assert current_method(app) == "off"
        await pilot.press(*"Nguyeenx Vawn Hieepj")
        assert name.value == "Nguyeenx Vawn Hieepj"  # typed as keys: no method on
        await pilot.press("tab")
        await settle(pilot)
        assert name.value == "Nguyễn Văn Hiệp"
        assert current_method(app) == "telex"
        assert any("Nguyễn Văn Hiệp" in n.message for n in app._notifications)


async def test_text_with_vietnamese_letters_is_left_as_typed(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        notes = app.screen.query_one("#notes", TelexInput)
        notes.focus()
        notes.value = "Phòng Taif chinhs"  # an input method was on: not raw Telex
        await pilot.press("tab")
        await settle(pilot)
        assert notes.value == "Phòng Taif chinhs" and current_method(app) == "off"


@pytest.mark.parametrize(("style", "word"), [("old", "Thủy"), ("new", "Thuỷ")])
async def test_telex_tone_style_follows_the_office_setting(demo_ctx: DeskContext, lan: Any,
                                                           style: str, word: str) -> None:
    from dataclasses import replace

    from desk.config import Settings

    settings: Settings = demo_ctx.settings
    office = replace(settings.office, tone_style=style)
    ctx = DeskContext(replace(settings, office=office), clock=demo_ctx.clock)
    app = DeskApp(ctx, background=False)
    app.actor = lan
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("f9")  # Telex on
            await pilot.press("f2")
            await settle(pilot)
            app.screen.query_one("#name", TelexInput).focus()
            await pilot.pause()
            await pilot.press(*"Thuyr")
            assert app.screen.query_one("#name", TelexInput).value == word
    finally:
        ctx.close()


async def test_header_clock_shows_office_time_not_the_machines(demo_ctx: DeskContext,
                                                               lan: Any) -> None:
    from screens.widgets.office_header import OfficeClock

    at = datetime(2026, 11, 23, 14, 37, 5, tzinfo=ZoneInfo("UTC"))  # 21:37:05 in Hà Nội
    ctx = DeskContext(demo_ctx.settings, clock=fixed_clock(at))
    app = DeskApp(ctx, background=False)
    app.actor = lan
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            clock = app.screen.query_one(OfficeClock)
            assert str(clock.render()) == "21:37:05"
    finally:
        ctx.close()


def test_no_textual_binding_description_is_left_in_english() -> None:
    """Every Textual widget the desk uses: its key descriptions have a translation."""
    import textual.app
    import textual.screen
    import textual.widgets as w

    from screens.widgets.textual_texts import label

    missing = []
    for cls in (textual.app.App, textual.screen.Screen, w.Input, w.DataTable, w.OptionList,
                w.ListView, w.Button, w.Checkbox, w.RadioSet, w.Select, w.SelectionList):
        for klass in cls.__mro__:
            for b in getattr(klass, "BINDINGS", []) or []:
                desc = b.description if isinstance(b, Binding) else (b[2] if len(b) > 2 else "")
                if desc and label(desc) == desc:
                    missing.append(f"{klass.__name__}: {desc}")
    assert missing == []
