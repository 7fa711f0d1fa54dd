"""`desk appointment book|list|checkin` (issue 18): the options; desk/commands/appointment.py
answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    def tr(key: str) -> str:
        return h["appointment" if key == "appointment" else f"appointment.{key}"]

    p = sub.add_parser("appointment", help=tr("appointment"), description=tr("appointment"))
    a = p.add_subparsers(dest="appointment_command", metavar="ACTION", required=True)
    b = a.add_parser("book", help=tr("book"), description=tr("book"))
    b.add_argument("--service", required=True, help=tr("service"))
    b.add_argument("--date", required=True, metavar="DATE", help=tr("date"))
    b.add_argument("--id", required=True, metavar="N", dest="id_number", help=tr("id"))
    b.add_argument("--time", metavar="HH:MM", help=tr("time"))
    b.add_argument("--json", action="store_true", help=tr("json"))
    b.set_defaults(handler="desk.commands.appointment:book_")
    ls = a.add_parser("list", help=tr("list"), description=tr("list"))
    ls.add_argument("--date", metavar="DATE", help=tr("list_date"))
    ls.add_argument("--json", action="store_true", help=tr("json"))
    ls.set_defaults(handler="desk.commands.appointment:list_")
    c = a.add_parser("checkin", help=tr("checkin"), description=tr("checkin"))
    c.add_argument("code", metavar="CODE", help=tr("code"))
    c.add_argument("--no-print", action="store_true", help=tr("no_print"))
    c.add_argument("--json", action="store_true", help=tr("json"))
    c.set_defaults(handler="desk.commands.appointment:checkin_")
