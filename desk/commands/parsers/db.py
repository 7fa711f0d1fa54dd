"""`desk db upgrade|check`: the options; desk/commands/db.py answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("db", help=h["db"], description=h["db"])
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dsub.add_parser("upgrade", help=h["db.upgrade"], description=h["db.upgrade"])
    up.add_argument("--json", action="store_true", help=h["json"])
    up.set_defaults(handler="desk.commands.db:upgrade")
    ck = dsub.add_parser("check", help=h["db.check"], description=h["db.check"])
    ck.add_argument("--json", action="store_true", help=h["json"])
    ck.set_defaults(handler="desk.commands.db:check")
