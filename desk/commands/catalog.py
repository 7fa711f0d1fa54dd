"""`desk catalog import FILE`, `desk catalog list [--json]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.commands.base import context, emit, fail, say
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("catalog", help=h["catalog"], description=h["catalog"])
    csub = p.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    imp = csub.add_parser("import", help=h["catalog.import"], description=h["catalog.import"])
    imp.add_argument("file", metavar="FILE", help=h["catalog.file"])
    imp.add_argument("--json", action="store_true", help=h["json"])
    imp.set_defaults(handler=import_)
    ls = csub.add_parser("list", help=h["catalog.list"], description=h["catalog.list"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler=list_)


def import_(args: argparse.Namespace) -> int:
    from desk.services.catalog import import_catalog

    ctx = context(args)
    try:
        result = import_catalog(ctx, Path(args.file))
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(result, True)
    else:
        say("catalog.imported" if result["changed"] else "catalog.unchanged", **result)
    return 0


def list_(args: argparse.Namespace) -> int:
    from desk.services.catalog import list_procedures

    ctx = context(args)
    rows = list_procedures(ctx)
    if args.json:
        emit(rows, True)
        return 0
    if not rows:
        print(t("cli.catalog_empty"))
        return 0
    for r in rows:
        limit = r["time_limit"]
        fee = f"{r['fee']['amount']:,}đ".replace(",", ".")
        print(f"{r['code']:<10} {r['field']:<3} {limit['value']:>2} {limit['unit']:<13} "
              f"{fee:>9}  {r['name']}")
    return 0
