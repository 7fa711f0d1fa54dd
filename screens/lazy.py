"""The one place where the app loads screens lazily (issue 20 §1).

Before the first paint the app imports only the login and what it shows (docs/performance.md:
"Start of the TUI"). Every other screen, and the widgets only they use, is named here and
imported when first asked for; those modules import services, widgets and other screens at
their top like any module.
"""

from __future__ import annotations

import importlib
from typing import Any

from desk.services.context import load_stack

# name → "module:attribute" (or "module")
LATER: dict[str, str] = {
    "home": "screens.home:HomeScreen",
    "intake": "screens.intake:IntakeScreen",
    "search": "screens.search:SearchScreen",
    "queue": "screens.counter_queue:CounterQueueScreen",
    "queue_board": "screens.queue_supervisor:QueueSupervisorScreen",  # `desk queue board`
    "kiosk": "screens.kiosk:KioskScreen",  # `desk kiosk`
    "deadlines": "screens.deadlines:DeadlinesScreen",
    "reports": "screens.dashboard:DashboardScreen",
    "sync": "screens.sync:SyncScreen",
    "notices": "screens.notices:NoticesScreen",  # issue 17: F11
    "printers": "screens.printers:PrintersScreen",
    "dossier": "screens.dossier:DossierScreen",
    "status_line": "screens.widgets.status_line:StatusLine",
    "confirm": "screens.widgets.confirm:Confirm",
    "ask": "screens.counter_queue:AskModal",
    "open_keys": "screens.widgets.keys_panel:open_keys",
    "scanner": "screens.scanner",  # a module: the barcode and ID-card scanner's rules
}
# Loaded without the database stack: F1 and a question work at the login too.
WITHOUT_STACK = frozenset({"confirm", "open_keys", "scanner"})


def later(name: str) -> Any:
    """The screen class (function, module) named `name`, imported on first use."""
    if name not in WITHOUT_STACK:
        # The screens import services, hence SQLAlchemy, at their top: under the same lock
        # as the workers that load it (two threads importing it at once can fail).
        load_stack()
    module, _, attribute = LATER[name].partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded
