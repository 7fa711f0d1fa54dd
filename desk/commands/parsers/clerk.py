"""`desk clerk add|unlock|list`: the options; desk/commands/clerk.py answers."""

from __future__ import annotations

from typing import Any

from desk.commands.parsers.options import add_pin_options


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("clerk", help=h["clerk"], description=h["clerk"])
    csub = p.add_subparsers(dest="clerk_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", help=h["clerk.add"], description=h["clerk.add"])
    add.add_argument("name", metavar="NAME", help=h["clerk.name"])
    add.add_argument("--role", required=True, choices=("clerk", "supervisor", "admin"),
                     help=h["clerk.role"])
    add.add_argument("--counter", type=int, help=h["clerk.counter"])
    add.add_argument("--pin-stdin", action="store_true", help=h["clerk.pin_stdin"])
    add.add_argument("--json", action="store_true", help=h["json"])
    add_pin_options(add, stdin=False)  # --pin-stdin: the admin's PIN first, then the new one
    add.set_defaults(handler="desk.commands.clerk:add_")
    un = csub.add_parser("unlock", help=h["clerk.unlock"], description=h["clerk.unlock"])
    un.add_argument("name", metavar="NAME", help=h["clerk.name"])
    add_pin_options(un)
    un.set_defaults(handler="desk.commands.clerk:unlock_")
    ls = csub.add_parser("list", help=h["clerk.list"], description=h["clerk.list"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler="desk.commands.clerk:list_")
