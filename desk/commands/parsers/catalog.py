"""`desk catalog import|list`: the options; desk/commands/catalog.py answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("catalog", help=h["catalog"], description=h["catalog"])
    csub = p.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    imp = csub.add_parser("import", help=h["catalog.import"], description=h["catalog.import"])
    imp.add_argument("file", metavar="FILE", help=h["catalog.file"])
    imp.add_argument("--json", action="store_true", help=h["json"])
    imp.set_defaults(handler="desk.commands.catalog:import_")
    ls = csub.add_parser("list", help=h["catalog.list"], description=h["catalog.list"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler="desk.commands.catalog:list_")
