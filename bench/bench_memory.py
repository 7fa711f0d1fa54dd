"""Memory after an hour of simulated counter work (issue 10), compressed into a few minutes.

The real DeskApp (background=False, the demo clerk logged in, the demo office on a temporary
file) is driven headless. One round is what a clerk does for one citizen (15 actions):

    queue   a ticket is taken at the kiosk (service); F4, F2 call it, F5 start,
            F6 + Enter finish (a modal question), Esc home                       5 actions
    intake  F2, the procedure typed and picked, A (all documents), the citizen's phone
            looked up, F8 saves (receipt queued, a toast)                        4 actions
    search  F3 and the citizen's name typed, results shown (search as you type)  1 action
    open    ↓ Enter: the dossier opens (a new screen each time); Esc back        2 actions
    modes   F5 deadlines, F8 printers, Esc home                                  3 actions

ROUNDS rounds (180 by default, BENCH_MEMORY_ROUNDS to change): a citizen a minute through every
part of the desk, three hours at a busy commune counter (2,700 actions). The growth is reported
after the first WARMUP rounds and over the last simulated hour, where the budget applies: the
first hour fills bounded caches (Textual's styles and strips, SQLite's statements). Keys are
delivered to the app the way Pilot delivers them, but without Pilot's idle waits after every
key (20 to 40 ms each); the benchmark waits for the state each step leads to instead. Memory is
read after a full garbage collection: the resident set size (/proc/self/statm; NaN elsewhere),
the widgets alive, and with BENCH_MEMORY_TRACEMALLOC=1 the Python heap traced by tracemalloc
(one frame, started before the app; it makes the run about three times slower).

BENCH_MEMORY_PARTS=queue,intake,search,open,modes picks the parts of a round (to find where
memory goes); BENCH_MEMORY_TRACE=1 prints time, RSS and live widgets every 10 rounds.
"""

from __future__ import annotations

import asyncio
import gc
import math
import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import NOW, Row

HOUR = 60  # rounds: a citizen a minute
# Three simulated hours: the first fills Textual's and SQLite's bounded caches, the last shows
# whether anything still grows (the budget is judged there).
ROUNDS = int(os.environ.get("BENCH_MEMORY_ROUNDS", str(3 * HOUR)))
WARMUP = max(1, min(30, ROUNDS // 10))
PARTS = frozenset(os.environ.get("BENCH_MEMORY_PARTS",
                                 "queue,intake,search,open,modes").split(","))
TRACEMALLOC = os.environ.get("BENCH_MEMORY_TRACEMALLOC", "0") == "1"  # 3× slower
BUDGET_MB_PER_100 = 0.5  # "no growth": what is left is noise
FAMILY = ("nguyen", "tran", "le", "pham", "hoang", "vu", "dang", "bui")
GIVEN = ("lan", "minh", "hoa", "tuan", "nam", "linh", "binh", "long", "mai", "thu")
ACCENTED = {"nguyen": "Nguyễn", "tran": "Trần", "le": "Lê", "pham": "Phạm", "hoang": "Hoàng",
            "vu": "Vũ", "dang": "Đặng", "bui": "Bùi", "lan": "Lan", "minh": "Minh",
            "hoa": "Hoa", "tuan": "Tuấn", "nam": "Nam", "linh": "Linh", "binh": "Bình",
            "long": "Long", "mai": "Mai", "thu": "Thu"}
CITIZENS = len(FAMILY) * len(GIVEN)  # returning citizens, registered before the first round
PROCEDURE_TEXT = "xac nhan hon"  # 1.004873, confirmation of marital status


def rss_mb() -> float:
    """Resident set size of this process in MB (NaN where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            resident = int(f.read().split()[1])
        return resident * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        return math.nan


def live_widgets() -> int:
    from textual.widget import Widget

    return sum(1 for o in gc.get_objects() if isinstance(o, Widget))


def _measure() -> dict[str, float]:
    gc.collect()
    traced = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else math.nan
    return {"rss": rss_mb(), "traced": traced, "widgets": float(live_widgets())}


def _citizen(i: int) -> tuple[str, str, str]:
    """Round i's citizen: (name typed in the search box, accented name, phone)."""
    family, given = FAMILY[i % len(FAMILY)], GIVEN[(i // len(FAMILY)) % len(GIVEN)]
    return (f"{family} {given}", f"{ACCENTED[family]} Văn {ACCENTED[given]}",
            f"0912{i % CITIZENS:06d}")


class Clerk:
    """Presses keys on the app and waits for what they lead to."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def press(self, *keys: str) -> None:
        """Keys as Pilot sends them (`App._press_keys`), without its idle waits."""
        from textual import events
        from textual.keys import _character_to_key

        driver = self.app._driver
        for key in keys:
            char: str | None = key if len(key) == 1 else None
            if len(key) == 1 and not key.isalnum():
                key = _character_to_key(key)
            if char is None and key == "space":
                char = " "
            event = events.Key(key, char)
            event.set_sender(self.app)
            driver.send_message(event)

    async def until(self, predicate: Callable[[], object], what: str,
                    timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > end:
                raise RuntimeError(f"never reached: {what} (screen {self.app.screen!r}, "
                                   f"mode {self.app.current_mode})")
            await asyncio.sleep(0.005)

    async def workers_done(self) -> None:
        """Every worker finished (a cancelled one counts as finished)."""
        await self.until(lambda: not any(w.is_running for w in self.app.workers), "workers idle")

    async def home(self, key: str | None = "escape") -> None:
        """Back to the home screen by a key, or directly (key None: not a clerk's action)."""
        if key is None:
            self.app.action_goto("home")
        else:
            self.press(key)
        await self.until(lambda: self.app.current_mode == "home" and len(
            self.app.screen_stack) == 1, "home")


async def _queue(clerk: Clerk, ctx: Any) -> None:
    from desk.services.queue import tickets as queue
    from screens.counter_queue import AskModal, CounterQueueScreen

    app = clerk.app
    label = queue.issue(ctx, "HT", print_ticket=False).ticket.label  # at the kiosk

    def current(state: str | None) -> bool:
        s = app.screen
        if not isinstance(s, CounterQueueScreen) or s.state is None:
            return False
        cur = s.state.current
        return cur is None if state is None else (cur is not None and cur.state == state)

    clerk.press("f4")
    await clerk.until(lambda: isinstance(app.screen, CounterQueueScreen)
                      and app.screen.state is not None, "queue screen")
    clerk.press("g")  # call next (screens/keyplan.py: letters on the queue screen)
    await clerk.until(lambda: current("CALLED"), f"{label} called")
    clerk.press("b")
    await clerk.until(lambda: current("SERVING"), f"{label} served")
    clerk.press("x")
    await clerk.until(lambda: isinstance(app.screen, AskModal), "finish asks the dossier")
    clerk.press("enter")
    await clerk.until(lambda: current(None), f"{label} finished")
    await clerk.home()


async def _intake(clerk: Clerk, phone: str) -> None:
    from textual.widgets import Input

    from screens.intake import DocChecklist, IntakeScreen

    app = clerk.app
    clerk.press("f2")
    await clerk.until(lambda: isinstance(app.screen, IntakeScreen) and bool(app.screen.procedures)
                      and app.focused is app.screen.query_one("#procedure"), "intake form")
    screen = app.screen
    before = screen.last_result
    clerk.press(*PROCEDURE_TEXT, "enter")
    await clerk.until(lambda: isinstance(app.focused, DocChecklist), "procedure picked")
    clerk.press("a", "enter")  # keys go to the focused widget: wait for the focus to move
    await clerk.until(lambda: app.focused is screen.query_one("#lookup"), "lookup box")
    clerk.press(*phone, "enter")
    await clerk.until(lambda: screen.query_one("#phone", Input).value == phone,
                      "returning citizen filled in")
    clerk.press("f8")
    await clerk.until(lambda: screen.last_result is not before, "dossier received")
    await clerk.workers_done()  # the draft and the receipt job


async def _search(clerk: Clerk, text: str) -> None:
    from textual.widgets import Input

    from screens.search import SearchScreen

    app = clerk.app
    clerk.press("f3")
    await clerk.until(lambda: isinstance(app.screen, SearchScreen) and len(
        app.screen_stack) == 1 and bool(app.screen.query("#query")), "search screen")
    search = app.screen
    box = search.query_one("#query", Input)
    box.focus()
    before = search.searches
    if box.value:  # the previous citizen's name: the clerk empties the box
        box.value = ""
        await clerk.until(lambda: search.searches > before and search._timer is None,
                          "the box emptied")
    else:
        await clerk.until(lambda: search.searches > 0 and search._timer is None, "first list")
    await clerk.until(lambda: app.focused is box, "the box focused")
    before = search.searches
    clerk.press(*text)
    await clerk.until(lambda: box.value == text and search._timer is None
                      and search.searches > before and bool(search.rows), "results")


async def _open(clerk: Clerk) -> None:
    """From the results: down, Enter, the dossier shown, Esc back to the results."""
    from screens.dossier import DossierScreen
    from screens.search import SearchScreen

    app = clerk.app
    clerk.press("down")
    await clerk.until(lambda: app.focused is app.screen.query_one("#results"), "results table")
    clerk.press("enter")
    await clerk.until(lambda: isinstance(app.screen, DossierScreen), "dossier")
    await clerk.workers_done()
    clerk.press("escape")
    await clerk.until(lambda: isinstance(app.screen, SearchScreen), "back to the results")


async def _modes(clerk: Clerk) -> None:
    from screens.deadlines import DeadlinesScreen
    from screens.printers import PrintersScreen

    app = clerk.app
    clerk.press("f5")
    await clerk.until(lambda: isinstance(app.screen, DeadlinesScreen), "deadlines")
    await clerk.workers_done()
    clerk.press("ctrl+o")
    await clerk.until(lambda: isinstance(app.screen, PrintersScreen), "printers")
    await clerk.workers_done()
    await clerk.home()


ACTIONS = {"queue": 5, "intake": 4, "search": 1, "open": 2, "modes": 3}


async def _round(clerk: Clerk, ctx: Any, i: int) -> int:
    typed, _, phone = _citizen(i)
    if "queue" in PARTS:
        await _queue(clerk, ctx)
    if "intake" in PARTS:
        await _intake(clerk, phone)
    if PARTS & {"search", "open"}:
        await _search(clerk, typed)
        if "open" in PARTS:
            await _open(clerk)
    if "modes" in PARTS:
        await _modes(clerk)
    elif clerk.app.current_mode != "home":
        await clerk.home(None)
    await clerk.workers_done()
    return sum(n for part, n in ACTIONS.items() if part in PARTS)


async def drive(ctx: Any, actor: Any, rounds: int, warmup: int,
                on_round: Callable[[int, float], None] | None = None) -> dict[str, Any]:
    """Run the rounds; memory after warm-up and at the end (and a function per round)."""
    from desk.app import DeskApp

    app = DeskApp(ctx, background=False)
    app.actor = actor
    actions = 0
    marks: dict[str, Any] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        clerk = Clerk(app)
        await clerk.workers_done()
        t0 = time.perf_counter()
        for i in range(rounds):
            if i == warmup:
                marks["warm"], marks["warm_actions"] = _measure(), actions
                marks["warm_t"] = time.perf_counter()
            if i == max(warmup, rounds - HOUR):  # the start of the last simulated hour
                marks["last"], marks["last_actions"] = _measure(), actions
            actions += await _round(clerk, ctx, i)
            if on_round is not None:
                on_round(i, time.perf_counter() - t0)
        marks["end_t"], marks["start_t"] = time.perf_counter(), t0
        marks["end"], marks["actions"] = _measure(), actions
        marks["stack"] = len(app.screen_stack)
    return marks


def _trace(i: int, elapsed: float) -> None:
    if (i + 1) % 10 == 0:
        m = _measure()
        print(f"round {i + 1}: {elapsed:.1f} s, RSS {m['rss']:.1f} MB, traced "
              f"{m['traced']:.1f} MB, {m['widgets']:.0f} widgets", flush=True)


def register_citizens(ctx: Any, actor: Any) -> None:
    """The returning citizens, each with one earlier dossier."""
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn, receive

    for i in range(CITIZENS):
        _, name, phone = _citizen(i)
        receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
            name=name, id_number=f"040095{i:06d}", phone=phone,
            address="Xóm 3, xã Minh Châu")), actor, print_receipt=False)


def run() -> list[Row]:
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from desk.services.demo import seed_demo
    from desk.services.trust.auth import login

    if TRACEMALLOC:
        tracemalloc.start(1)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings.from_dict({"storage": {
                "database": str(Path(tmp) / "office.sqlite3"),
                "data_dir": str(Path(tmp) / "data")}})
            ctx = DeskContext(settings, clock=fixed_clock(NOW))
            try:
                seed_demo(ctx)
                actor = login(ctx, "Nguyễn Thị Lan", "1234")
                register_citizens(ctx, actor)
                start = _measure()
                on_round = _trace if os.environ.get("BENCH_MEMORY_TRACE") else None
                m = asyncio.run(drive(ctx, actor, ROUNDS, WARMUP, on_round))
            finally:
                ctx.close()
    finally:
        tracemalloc.stop()
    warm, end = m["warm"], m["end"]
    measured = m["actions"] - m["warm_actions"]

    def per_100(key: str) -> float:
        return (end[key] - warm[key]) / measured * 100 if measured else math.nan

    last_n = m["actions"] - m["last_actions"]
    last_rss = (end["rss"] - m["last"]["rss"]) / last_n * 100 if last_n else math.nan

    took = m["end_t"] - m["start_t"]
    note = f"{ROUNDS} rounds, {int(m['actions'])} actions"
    return [
        Row("memory: RSS / traced before the app starts", start["rss"], "MB",
            note=f"traced {start['traced']:.1f} MB (demo office open)"),
        Row(f"memory: RSS / traced after warm-up ({WARMUP} rounds)", warm["rss"], "MB",
            note=f"traced {warm['traced']:.1f} MB, {warm['widgets']:.0f} widgets alive"),
        Row("memory: RSS / traced at the end of the simulated hour", end["rss"], "MB",
            note=f"traced {end['traced']:.1f} MB, {end['widgets']:.0f} widgets alive, "
                 f"{m['stack']} screen(s) on the stack; {note}"),
        Row("memory: RSS growth per 100 actions after warm-up", per_100("rss"), "MB",
            note=f"{int(measured)} actions measured (caches still filling)"),
        Row("memory: RSS growth per 100 actions, last simulated hour", last_rss, "MB",
            BUDGET_MB_PER_100, note=f"{int(last_n)} actions"),
        Row("memory: traced growth per 100 actions after warm-up", per_100("traced"), "MB",
            note=f"widgets alive {per_100('widgets'):+.1f} per 100 actions"),
        Row(f"memory: {ROUNDS / HOUR:g} simulated hour(s) took", took, "s",
            note=f"{took / m['actions'] * 1000:.0f} ms per action"),
    ]


if __name__ == "__main__":
    for r in run():
        budget = "" if r.budget is None else f"(budget {r.budget:g}: {r.verdict})"
        print(f"{r.name:<56} {r.value:>9.2f} {r.unit:<3} {budget} {r.note}")
