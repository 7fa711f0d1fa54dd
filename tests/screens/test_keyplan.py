"""One key plan (screens/keyplan.py): no screen binding is shadowed by an app binding, the
global keys mean the same on every screen, F8 only saves or confirms, F1 shows the plan."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import DataTable, Static

import screens
import screens.widgets
from desk.app import DeskApp
from desk.services.context import DeskContext
from screens.keyplan import CONFIRM_ACTIONS, CONFIRM_KEY, GLOBAL_PLAN, RESERVED
from screens.widgets.keys_panel import KeysPanel
from tests.screens.conftest import settle, wait_until

# Other apps with their own keys: the kiosk, the waiting-room display, the rating pad and the
# queue supervisor's app (desk/queue_apps.py) are not the counter app.
OTHER_APPS = {"screens.kiosk", "screens.display", "screens.rating", "screens.queue_supervisor"}


def _classes() -> list[type[DOMNode]]:
    found: dict[str, type[DOMNode]] = {}
    for pkg in (screens, screens.widgets):
        for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
            if info.name in OTHER_APPS:
                continue
            mod = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(mod, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == info.name:
                    found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def _own_bindings(cls: type[DOMNode]) -> list[tuple[str, Binding]]:
    """(key, binding) for the bindings a desk class declares (not Textual's own classes)."""
    out = []
    for klass in cls.__mro__:
        if not klass.__module__.startswith("screens"):
            continue
        for b in Binding.make_bindings(klass.__dict__.get("BINDINGS", [])):
            out.append((b.key, b))
    return out


def _app_bindings() -> list[Binding]:
    out: list[Binding] = []
    for klass in DeskApp.__mro__:
        out.extend(Binding.make_bindings(klass.__dict__.get("BINDINGS", [])))
    return out


def test_no_screen_binding_is_shadowed_by_an_app_priority_binding() -> None:
    priority = {b.key for b in _app_bindings() if b.priority}
    assert "f9" in priority  # Telex/VNI works inside text fields
    shadowed = [f"{cls.__name__}: {key} → {b.action}" for cls in _classes()
                for key, b in _own_bindings(cls) if key in priority]
    assert shadowed == []


def test_no_screen_rebinds_a_global_key() -> None:
    rebound = [f"{cls.__name__}: {key} → {b.action}" for cls in _classes()
               for key, b in _own_bindings(cls)
               if key in RESERVED and cls.__name__ != "KeysPanel"]
    assert rebound == []


def test_f8_only_saves_or_confirms() -> None:
    app_f8 = [b for b in _app_bindings() if b.key == CONFIRM_KEY]
    assert app_f8 == []  # not a mode key: printers are Ctrl+O
    others = [f"{cls.__name__}: {b.action}" for cls in _classes()
              for key, b in _own_bindings(cls)
              if key == CONFIRM_KEY and b.action not in CONFIRM_ACTIONS]
    assert others == []


def test_every_global_key_is_bound_by_the_app() -> None:
    app_keys = {b.key for b in _app_bindings()} | set(App.BINDINGS and ["ctrl+p"])
    missing = [k for k, _ in GLOBAL_PLAN if k not in app_keys and k not in ("escape", "f8")]
    assert missing == []


def _text(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_f1_shows_the_plan_and_the_screen_keys(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")  # the queue screen
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysPanel)
        plan = _text(app, "#keys-global")
        assert "F12" in plan and "Khoá máy" in plan and "Ctrl+O" in plan
        assert "F6" not in plan  # Lan is a clerk: no dashboard key offered
        own = _text(app, "#keys-screen")
        assert "C" in own and "Chuyển" in own
        assert "Focus" not in own and "Copy" not in own  # no Textual English
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, KeysPanel)


async def test_queue_transfer_key_works_in_the_counter_app(demo_ctx: DeskContext,
                                                           app: DeskApp) -> None:
    """The defect: F9 (Telex) shadowed the queue's transfer key inside the desk."""
    from desk.services.queue import tickets as queue

    queue.issue(demo_ctx, "HT", print_ticket=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("g")  # call next
        await wait_until(pilot, lambda: app.screen.state is not None
                         and app.screen.state.current is not None)
        await pilot.press("c")  # transfer
        await pilot.pause()
        assert type(app.screen).__name__ == "AskModal"
        await pilot.press("2", "enter")
        await wait_until(pilot, lambda: "quầy 2" in _text(app, "#cq-message"))
        assert app.screen.query_one("#cq-table", DataTable) is not None
