"""`desk audit verify|list`: the options; desk/commands/audit.py answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("audit", help=h["audit"], description=h["audit"])
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help=h["audit.verify"], description=h["audit.verify"])
    v.add_argument("--json", action="store_true", help=h["json"])
    v.set_defaults(handler="desk.commands.audit_verify:verify_")
    ls = asub.add_parser("list", help=h["audit.list"], description=h["audit.list"])
    ls.add_argument("--citizen", metavar="ID", help=h["audit.citizen"])
    ls.add_argument("--clerk", metavar="NAME", help=h["audit.clerk"])
    ls.add_argument("--action", metavar="ACTION", help=h["audit.action"])
    ls.add_argument("--limit", type=int, default=200, help=h["audit.limit"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler="desk.commands.audit:list_")
