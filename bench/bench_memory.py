"""Memory after an hour of simulated counter work (issue 10), compressed into a few minutes.

The real DeskApp (background=False, the demo clerk logged in, the demo office on a temporary
file) is driven headless with Pilot. One round is what a clerk does for one citizen:

    an intake (through the service, receipt queued for printing)
    F3 and a name typed into the search box, results waited for     (search as you type)
    ↓ Enter: the dossier opens; Esc back                           (opening a dossier)
    F2 intake, Esc home, F5 deadlines, F8 printers, Esc home      (mode switches)

ROUNDS rounds (300 by default, BENCH_MEMORY_ROUNDS to change; about an hour's traffic at a
busy commune counter), the first WARMUP of them not measured. The resident set size is read
from /proc/self/statm (Linux; elsewhere the figures are NaN) after a full garbage collection.
Figures only, no budget. BENCH_MEMORY_PARTS=intake,search,open,modes picks the parts of a
round (to find where memory goes); BENCH_MEMORY_TRACE=1 prints time and RSS after each round.
"""

from __future__ import annotations

import asyncio
import gc
import math
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import NOW, Row

ROUNDS = int(os.environ.get("BENCH_MEMORY_ROUNDS", "300"))
WARMUP = max(1, min(30, ROUNDS // 10))
# Which parts of a round run (to find where memory goes): intake, search, open, modes.
PARTS = frozenset(os.environ.get("BENCH_MEMORY_PARTS", "intake,search,open,modes").split(","))
FAMILY = ("nguyen", "tran", "le", "pham", "hoang", "vu", "dang", "bui")
GIVEN = ("lan", "minh", "hoa", "tuan", "nam", "linh", "binh", "long", "mai", "thu")
ACCENTED = {"nguyen": "Nguyễn", "tran": "Trần", "le": "Lê", "pham": "Phạm", "hoang": "Hoàng",
            "vu": "Vũ", "dang": "Đặng", "bui": "Bùi", "lan": "Lan", "minh": "Minh",
            "hoa": "Hoa", "tuan": "Tuấn", "nam": "Nam", "linh": "Linh", "binh": "Bình",
            "long": "Long", "mai": "Mai", "thu": "Thu"}


def rss_mb() -> float:
    """Resident set size of this process in MB (NaN where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            resident = int(f.read().split()[1])
        return resident * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        return math.nan


def _settled_rss() -> float:
    gc.collect()
    return rss_mb()


async def _until(pilot: Any, predicate: Any, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise RuntimeError(f"the screen never reached the expected state: {pilot.app.screen!r} "
                               f"{pilot.app.current_mode}")
        await pilot.pause(0.02)


async def _search(pilot: Any, text: str) -> None:
    """F3, the text typed key by key into the search box, the results shown."""
    from textual.widgets import Input

    from screens.search import SearchScreen

    app = pilot.app
    await pilot.press("f3")
    await _until(pilot, lambda: isinstance(app.screen, SearchScreen))
    search = app.screen
    box = search.query_one("#query", Input)
    box.focus()
    box.value = ""
    before = search.searches
    await pilot.press(*text)
    await _until(pilot, lambda: search.searches > before and bool(search.rows)
                 and search._timer is None)


async def _open(pilot: Any) -> None:
    """From the results: down, Enter, the dossier shown, Esc back to the results."""
    from screens.dossier import DossierScreen
    from screens.search import SearchScreen

    app = pilot.app
    await pilot.press("down", "enter")
    await _until(pilot, lambda: isinstance(app.screen, DossierScreen))
    await app.workers.wait_for_complete()
    await pilot.press("escape")
    await _until(pilot, lambda: isinstance(app.screen, SearchScreen))


# F8 is "save" on the intake screen and Esc does nothing at the deadlines screen's root,
# hence this order.
MODE_KEYS = ("f2", "escape", "f5", "f8", "escape")


async def _modes(pilot: Any) -> None:
    for key in MODE_KEYS:
        await pilot.press(key)
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    if pilot.app.current_mode != "home":
        raise RuntimeError(f"the round ended in {pilot.app.current_mode}, not home")


async def _drive(ctx: Any, actor: Any) -> dict[str, float]:
    from desk.app import DeskApp
    from desk.services.citizens import ApplicantIn
    from desk.services.intake import IntakeIn, receive

    app = DeskApp(ctx, background=False)
    app.actor = actor
    actions = 0
    marks: dict[str, float] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        t0 = time.perf_counter()
        for i in range(ROUNDS):
            if i == WARMUP:
                marks["warm_rss"], marks["warm_actions"] = _settled_rss(), actions
            family, given = FAMILY[i % len(FAMILY)], GIVEN[(i // len(FAMILY)) % len(GIVEN)]
            if "intake" in PARTS or i == 0:  # at least one dossier to find and open
                receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
                    name=f"{ACCENTED[family]} Văn {ACCENTED[given]}",
                    id_number=f"040095{i:06d}", phone=f"0912{i:06d}",
                    address="Xóm 3, xã Minh Châu")), actor)
                actions += 1
            if "search" not in PARTS:
                family, given = FAMILY[0], GIVEN[0]
            if PARTS & {"search", "open"}:
                await _search(pilot, f"{family} {given}")
                actions += 1
            if "open" in PARTS:
                await _open(pilot)
                actions += 1
            if "modes" in PARTS:
                await _modes(pilot)
                actions += len(MODE_KEYS)
            elif PARTS & {"search", "open"}:
                await pilot.press("escape")
            if os.environ.get("BENCH_MEMORY_TRACE"):
                print(f"round {i}: {time.perf_counter() - t0:.1f} s, {rss_mb():.1f} MB",
                      flush=True)
        marks["end_t"], marks["start_t"] = time.perf_counter(), t0
        marks["end_rss"], marks["actions"] = _settled_rss(), actions
    return marks


def run() -> list[Row]:
    from desk.config import Settings
    from desk.services.auth import login
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from desk.services.demo import seed_demo

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.model_validate({"storage": {
            "database": str(Path(tmp) / "office.sqlite3"), "data_dir": str(Path(tmp) / "data")}})
        ctx = DeskContext(settings, clock=fixed_clock(NOW))
        try:
            seed_demo(ctx)
            actor = login(ctx, "Nguyễn Thị Lan", "1234")
            start_rss = _settled_rss()
            m = asyncio.run(_drive(ctx, actor))
        finally:
            ctx.close()
    measured = m["actions"] - m["warm_actions"]
    growth = (m["end_rss"] - m["warm_rss"]) / measured * 100 if measured else math.nan
    note = f"{ROUNDS} rounds, {int(m['actions'])} actions"
    return [
        Row("memory: RSS before the app starts (demo office open)", start_rss, "MB"),
        Row(f"memory: RSS after warm-up ({WARMUP} rounds)", m["warm_rss"], "MB"),
        Row("memory: RSS at the end of the simulated hour", m["end_rss"], "MB", note=note),
        Row("memory: growth per 100 actions after warm-up", growth, "MB",
            note=f"{int(measured)} actions measured"),
        Row("memory: simulated hour took", m["end_t"] - m["start_t"], "s",
            note=f"{(m['end_t'] - m['start_t']) / m['actions'] * 1000:.0f} ms per action"),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r.name:<56} {r.value:>9.2f} {r.unit:<3} {r.note}")
