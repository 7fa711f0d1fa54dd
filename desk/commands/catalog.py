"""`desk catalog import FILE`, `desk catalog list [--json]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.commands.base import emit, fail, say
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.catalog import import_catalog, list_procedures


def import_(args: argparse.Namespace) -> int:
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
