"""`desk calendar due|day|import|list|set`: the options; desk/commands/calendar.py answers."""

from __future__ import annotations

from typing import Any

from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("calendar", help=h["calendar"], description=h["calendar"])
    csub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    due = csub.add_parser("due", help=h["calendar.due"], description=h["calendar.due"])
    due.add_argument("--received", required=True, metavar='"YYYY-MM-DD HH:MM"',
                     help=h["calendar.received"])
    which = due.add_mutually_exclusive_group(required=True)
    which.add_argument("--limit", metavar='"N UNIT"', help=h["calendar.limit"])
    which.add_argument("--procedure", metavar="CODE", help=h["calendar.procedure"])
    due.add_argument("--json", action="store_true", help=h["json"])
    due.set_defaults(handler="desk.commands.calendar:due_")
    day = csub.add_parser("day", help=h["calendar.day"], description=h["calendar.day"])
    day.add_argument("date", metavar="DATE", nargs="?", help=h["calendar.day_date"])
    day.add_argument("--json", action="store_true", help=h["json"])
    day.set_defaults(handler="desk.commands.calendar:day_")
    imp = csub.add_parser("import", help=h["calendar.import"], description=h["calendar.import"])
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(handler="desk.commands.calendar:import_")
    ls = csub.add_parser("list", help=h["calendar.list"], description=h["calendar.list"])
    ls.add_argument("--year", type=int, metavar="YYYY", help=t("help.calendar.year"))
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler="desk.commands.calendar:list_")
    st = csub.add_parser("set", help=h["calendar.set"], description=h["calendar.set"])
    st.add_argument("date", metavar="DATE", help=h["calendar.date"])
    st.add_argument("kind", choices=("OFF", "WORK"), help=h["calendar.kind"])
    st.add_argument("--note", default="", help=h["calendar.note"])
    st.set_defaults(handler="desk.commands.calendar:set_")
