"""`desk deadlines`: the watch list and counts, through the services when the quick read
(desk/commands/quick_read.py) is not possible (the options: desk/commands/parsers/deadlines.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.commands.read_output import print_watch
from desk.domain.errors import DomainError
from desk.services.deadlines import watch


def deadlines_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        c = watch.counts(ctx)
        rows = watch.watch_list(ctx, args.sort, limit=args.limit)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit({"now": ctx.local_now().isoformat(timespec="minutes"), "counts": c.as_dict(),
              "summary": watch.at_risk_summary(ctx, c), "sort": args.sort,
              "dossiers": rows}, True)
        return 0
    print_watch(c.as_dict(), rows)
    return 0
