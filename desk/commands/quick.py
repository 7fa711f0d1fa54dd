"""The read-only commands administrators script in loops, answered through `sqlite3`
(desk/services/quick, desk/commands/quick_read.py) instead of SQLAlchemy: `calendar day`,
`dossier show|list|search`, `deadlines`. Same output, text and `--json`
(tests/cli/test_quick_cli.py compares both paths); whenever the quick read is not possible (no
file yet, a schema to migrate) the quick handler answers None and the regular command runs.
DESK_QUICK=0 turns the quick path off. desk/cli.py asks here by the handler's name, before it
imports the regular handler's module, so the quick path never loads it."""

from __future__ import annotations

from desk import environment

# the regular handler, as the parsers name it → its quick twin
QUICK = {
    "desk.commands.calendar:day_": "desk.commands.quick_read:calendar_day",
    "desk.commands.dossier_read:show_": "desk.commands.quick_read:dossier_show",
    "desk.commands.dossier_read:list_": "desk.commands.quick_read:dossier_list",
    "desk.commands.dossier_read:search_": "desk.commands.quick_read:dossier_search",
    "desk.commands.deadlines:deadlines_": "desk.commands.quick_read:deadlines",
    # the writes scripted in loops: sqlite3 (queue issue --no-print, call without --clerk)
    "desk.commands.queue:issue_": "desk.commands.quick_write:queue_issue",
    "desk.commands.queue_acts:call_": "desk.commands.quick_write:queue_call",
    "desk.commands.print_form:print_form": "desk.commands.quick_print:print_form",  # --pdf
    "desk.commands.apology:apology_": "desk.commands.apology_ahead:apology",  # PIN ahead, None
}


def quick_twin(handler: str) -> str | None:
    """The quick twin of `handler` ("module:function"), if it has one and it is not turned off."""
    twin = QUICK.get(handler)
    if twin is None or environment.text(environment.QUICK) == "0":
        return None
    return twin
