"""The read-only commands administrators script in loops, answered through `sqlite3`
(desk/services/quick, desk/commands/quick_read.py) instead of SQLAlchemy: `calendar day`,
`dossier show|list|search`, `deadlines`. Same output, text and `--json`
(tests/cli/test_quick_cli.py compares both paths); whenever the quick read is not possible (no
file yet, a schema to migrate) the regular command runs. DESK_QUICK=0 turns the quick path off.
Importing this module costs nothing for the other commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desk import environment

Handler = Callable[[argparse.Namespace], int]

# (module, function) of a regular handler → its quick twin in desk.commands.quick_read
QUICK = {
    ("desk.commands.calendar", "day_"): "calendar_day",
    ("desk.commands.dossier", "show_"): "dossier_show",
    ("desk.commands.dossier", "list_"): "dossier_list",
    ("desk.commands.dossier", "search_"): "dossier_search",
    ("desk.commands.deadlines", "deadlines_"): "deadlines",
}


def wrap(handler: Handler) -> Handler:
    """`handler`, answered quickly when it can be."""
    name = QUICK.get((getattr(handler, "__module__", ""), getattr(handler, "__name__", "")))
    if name is None or environment.text(environment.QUICK) == "0":
        return handler

    def run(args: argparse.Namespace) -> int:
        from desk.commands import quick_read  # the quick reads, only for these commands

        done = getattr(quick_read, name)(args)
        return handler(args) if done is None else int(done)
    return run
