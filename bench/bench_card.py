"""A chip ID card scanned at the intake (issue 17 §1): from the scanner's Enter to the form
filled (budget 300 ms), to the returning citizen matched, and the parse alone.

Driven through the real app with Pilot, keys posted as a keyboard-wedge scanner sends them
(a few ms apart); times are taken inside the app, from the Enter's handling on."""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import NOW, Row, pct

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "domain" / "card_qr_corpus.jsonl"
SCANS = 15


def _parse_us() -> float:
    from desk.domain.card_qr import parse_card_qr

    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    t0 = time.perf_counter()
    for _ in range(20):
        for text in texts:
            parse_card_qr(text)
    return (time.perf_counter() - t0) / (20 * len(texts)) * 1e6


async def _scans(ctx: Any, actor: Any) -> tuple[list[float], list[float]]:
    from textual import events

    from desk.app import DeskApp
    from screens import modes
    from screens.intake import IntakeScreen

    filled: list[float] = []
    matched: list[float] = []
    marks: dict[str, float] = {}
    real_scanned = modes.DeskModes._card_scanned
    real_fill = IntakeScreen.card_scanned
    real_matched = IntakeScreen._card_matched

    def on_enter(self: Any, typed: str) -> None:
        marks["enter"] = time.perf_counter()
        real_scanned(self, typed)

    def on_fill(self: Any, text: str) -> None:
        real_fill(self, text)
        self.call_after_refresh(lambda: filled.append(
            (time.perf_counter() - marks["enter"]) * 1000))

    def on_matched(self: Any, out: dict[str, Any]) -> None:
        real_matched(self, out)
        matched.append((time.perf_counter() - marks["enter"]) * 1000)

    modes.DeskModes._card_scanned = on_enter  # type: ignore[method-assign]
    IntakeScreen.card_scanned = on_fill  # type: ignore[method-assign]
    IntakeScreen._card_matched = on_matched  # type: ignore[method-assign]
    try:
        app = DeskApp(ctx, background=False)
        app.actor = actor
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause(0.5)
            await pilot.press("f2")
            await pilot.pause(0.5)
            for i in range(SCANS):
                card = (f"04019{i:07d}|{100000000 + i}|NGUYỄN THỊ THANH HƯƠNG|0{1 + i % 9}"
                        f"0519{90 + i % 9}|Nữ|Thôn Đồng Tâm, Xã Nghi Phong, Huyện Nghi Lộc, "
                        f"Nghệ An|15032022|")
                t0 = 10_000.0 + i * 10
                for k, ch in enumerate([*card, "enter"]):
                    key = "enter" if ch == "enter" else ("vertical_line" if ch == "|" else ch)
                    event = events.Key(key, "\r" if ch == "enter" else ch)
                    event.time = t0 + k * 0.004
                    app.post_message(event)
                deadline = time.monotonic() + 10
                while len(matched) <= i and time.monotonic() < deadline:
                    await pilot.pause(0.02)
                await pilot.press("ctrl+l")
                await pilot.pause(0.1)
                if app.screen is not None and not isinstance(app.screen, IntakeScreen):
                    await pilot.press("enter")  # the "clear the form?" question
                    await pilot.pause(0.1)
    finally:
        modes.DeskModes._card_scanned = real_scanned  # type: ignore[method-assign]
        IntakeScreen.card_scanned = real_fill  # type: ignore[method-assign]
        IntakeScreen._card_matched = real_matched  # type: ignore[method-assign]
    return filled, matched


def run() -> list[Row]:
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from desk.services.demo import seed_demo
    from desk.services.trust.auth import login

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_dict({"storage": {
            "database": str(Path(tmp) / "office.sqlite3"), "data_dir": str(Path(tmp) / "d")}})
        ctx = DeskContext(settings, clock=fixed_clock(NOW))
        seed_demo(ctx, dossiers=False)
        actor = login(ctx, "Nguyễn Thị Lan", "1234")
        filled, matched = asyncio.run(_scans(ctx, actor))
        ctx.close()
    return [Row("card QR parse (corpus average)", _parse_us(), "µs"),
            Row("card scan: Enter → form filled p50", pct(filled, 50), "ms"),
            Row("card scan: Enter → form filled max", max(filled), "ms", 300),
            Row("card scan: Enter → citizen matched + audit p50", pct(matched, 50), "ms"),
            Row("card scan: Enter → citizen matched + audit max", max(matched), "ms", 300),
            Row("keys beyond typed text, new citizen with a card", 5, "keys", None,
                "F2, Enter, A, Enter, F8; name not typed")]
