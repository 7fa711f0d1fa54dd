"""At 120 columns the footer shows every global key with its label (issue 14, seen at the
counter: F9 and F12 were cut off); at 80 the form's F8 and F1 stay in sight."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.trust.auth import login
from screens.keyplan import GLOBAL_PLAN
from tests.screens.conftest import settle

GLOBAL = [k for k, _ in GLOBAL_PLAN if k not in ("f8", "escape")]


def _visible(app: Any) -> dict[str, str]:
    """The footer keys drawn whole inside the screen, left of the palette key: key → text."""
    keys = list(app.screen.query(FooterKey))
    palette = [fk for fk in keys if fk.has_class("-command-palette")]
    edge = palette[0].region.x if palette else app.size.width
    out = {}
    for fk in keys:
        r = fk.region
        whole = r.width > 0 and r.x >= 0 and (fk in palette or r.right <= edge)
        if whole:
            out[fk.key] = str(fk.render()).strip()
    return out


# the supervisor at counter 2: at no counter F4 asks which (tests/screens/test_counter_choice.py)
@pytest.mark.parametrize(("who", "pin", "counter"),
                         [("Nguyễn Thị Lan", "1234", None), ("Trần Văn Minh", "2345", 2)])
async def test_every_global_key_fits_at_120_columns(demo_ctx: DeskContext, who: str,
                                                    pin: str, counter: int | None) -> None:
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, who, pin, counter)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for mode_key in ("escape", "f2", "f3", "f4", "f5", "f7", "ctrl+o", "f11"):
            await pilot.press(mode_key)
            await settle(pilot)
            offered = {fk.key for fk in app.screen.query(FooterKey)}
            shown = _visible(app)
            wanted = [k for k in GLOBAL if k in offered]
            assert len(wanted) >= len(GLOBAL) - 1  # F6 is a supervisor's
            cut = [k for k in wanted if k not in shown or len(shown[k].split()) < 2]
            assert cut == [], (mode_key, shown)
            if mode_key == "f2":  # the form's own save key leads
                assert shown["f8"] == "f8 Lưu"


async def test_at_80_columns_the_form_keeps_f8_and_f1(app: DeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        shown = _visible(app)
        assert {"f8", "f1", "f10", "f2", "f3", "ctrl+p"} <= shown.keys(), shown
