"""`desk validate id|phone`: the options; desk/commands/validate.py answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("validate", help=h["validate"], description=h["validate"])
    vsub = p.add_subparsers(dest="validate_command", metavar="WHAT", required=True)
    i = vsub.add_parser("id", help=h["validate.id"], description=h["validate.id"])
    i.add_argument("number", metavar="NUMBER", help=h["validate.number"])
    i.add_argument("--birth", metavar="YYYY-MM-DD", help=h["validate.birth"])
    i.add_argument("--sex", choices=("M", "F"), help=h["validate.sex"])
    i.add_argument("--json", action="store_true", help=h["json"])
    i.set_defaults(handler="desk.commands.validate:validate_id")
    ph = vsub.add_parser("phone", help=h["validate.phone"], description=h["validate.phone"])
    ph.add_argument("number", metavar="NUMBER", help=h["validate.number"])
    ph.add_argument("--json", action="store_true", help=h["json"])
    ph.set_defaults(handler="desk.commands.validate_phone:validate_phone")
