"""`desk deadlines` and `desk apology CODE`: the options; desk/commands/deadlines.py and
desk/commands/apology.py answer."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("deadlines", help=h["deadlines"], description=h["deadlines"])
    p.add_argument("--sort", default="due", choices=("due", "field", "agency"),
                   help=h["deadlines.sort"])
    p.add_argument("--limit", type=int, default=200, help=h["deadlines.limit"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler="desk.commands.deadlines:deadlines_")

    a = sub.add_parser("apology", help=h["apology"], description=h["apology"])
    a.add_argument("code", metavar="CODE", help=h["apology.code"])
    a.add_argument("--reason", required=True, metavar="TEXT", help=h["apology.reason"])
    a.add_argument("--new-date", metavar="YYYY-MM-DD", help=h["apology.new_date"])
    a.add_argument("--pdf", metavar="FILE", help=h["apology.pdf"])
    a.add_argument("--clerk", metavar="NAME", help=h["apology.clerk"])
    a.add_argument("--no-print", action="store_true", help=h["apology.no_print"])
    a.add_argument("--no-sms", action="store_true", help=h["apology.no_sms"])
    a.add_argument("--json", action="store_true", help=h["json"])
    a.set_defaults(handler="desk.commands.apology:apology_")
