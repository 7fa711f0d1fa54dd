"""The desk's one key plan: what each function key means, on every screen.

* F1 keys · F2–F7 the modes · F9 Telex/VNI · F10 quit · F11 notices to citizens' phones ·
  F12 lock the desk (switch clerk) ·
  Ctrl+O printers · Ctrl+P command palette · Esc back (home from the base of a mode).
  These mean the same everywhere: no screen binds them for its own work.
* F8 is the one "save / confirm" key of a form (intake, an action form, the apology letter).
  It means nothing else anywhere.
* A screen's own work uses letters when the screen has no text field (the queue, the dossier,
  the deadlines, the dashboard), Ctrl+letter when it has one (intake, search).

F1 shows this plan and the current screen's own keys (`screens/widgets/keys_panel.py`);
tests/screens/test_keyplan.py checks every screen against it.
"""

from __future__ import annotations

from typing import Final

# (key, message key of its meaning): the order F1 shows them in.
GLOBAL_PLAN: Final[tuple[tuple[str, str], ...]] = (
    ("f1", "keyplan.f1"),
    ("f2", "mode.intake"),
    ("f3", "mode.dossiers"),
    ("f4", "mode.queue"),
    ("f5", "mode.deadlines"),
    ("f6", "keyplan.f6"),
    ("f7", "mode.sync"),
    ("f8", "keyplan.f8"),
    ("f9", "keyplan.f9"),
    ("f10", "key.quit"),
    ("f11", "mode.notices"),
    ("f12", "keyplan.f12"),
    ("ctrl+o", "mode.printers"),
    ("ctrl+p", "keyplan.palette"),
    ("escape", "keyplan.escape"),
)
# Keys no screen may bind: they keep their global meaning everywhere.
RESERVED: Final[frozenset[str]] = frozenset(
    {"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f9", "f10", "f11", "f12", "ctrl+o", "ctrl+p"})
# The action each global key runs (desk/app.py, screens/modes.py). A key's short footer label
# (footer.<key>, desk/i18n/msg_footer.py) means that action only: a terminal that gives the key
# another job (the kiosk's F12 checks an appointment in) shows its own words, never "Khoá".
GLOBAL_ACTIONS: Final[dict[str, str]] = {
    "f1": "show_keys", "f2": "goto('intake')", "f3": "goto('search')", "f4": "goto('queue')",
    "f5": "goto('deadlines')", "f6": "goto('reports')", "f7": "goto('sync')",
    "f9": "cycle_input_method", "f10": "quit", "f11": "goto('notices')", "f12": "lock",
    "ctrl+o": "goto('printers')", "ctrl+p": "command_palette",
}
CONFIRM_KEY: Final = "f8"
# The only actions F8 may run (save a form, confirm a form).
CONFIRM_ACTIONS: Final[frozenset[str]] = frozenset({"save", "submit", "confirm"})


def key_label(key: str) -> str:
    """"f2" → "F2", "ctrl+o" → "Ctrl+O", "escape" → "Esc" (as a clerk reads a keyboard)."""
    names = {"escape": "Esc", "enter": "Enter", "space": "Space", "pagedown": "PgDn",
             "pageup": "PgUp", "up": "↑", "down": "↓", "left": "←", "right": "→",
             "tab": "Tab", "delete": "Del"}
    parts = key.split("+")
    out = []
    for p in parts:
        if p in names:
            out.append(names[p])
        elif p in ("ctrl", "shift", "alt"):
            out.append(p.capitalize())
        else:
            out.append(p.upper())
    return "+".join(out)
