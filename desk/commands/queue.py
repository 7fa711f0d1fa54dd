"""`desk queue issue|call|act|pause|resume|waiting|stats` (the options:
desk/commands/parsers/queue.py; the Textual terminals: queue_terminals.py, display.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.commands.queue_output import print_issued
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.queue import tickets as queue


def domain_call(fn: Any, *args: Any, **kw: Any) -> Any:
    try:
        return fn(*args, **kw)
    except DomainError as e:
        raise fail(e) from None


def issue_(args: argparse.Namespace) -> int:
    ctx = context(args)
    issued = domain_call(queue.issue, ctx, args.service, args.priority,
                     print_ticket=not args.no_print)
    return print_issued(args, issued)  # the same bytes as the quick twin (quick_write.py)


def waiting_(args: argparse.Namespace) -> int:
    rows = queue.waiting_summary(context(args))
    if args.json:
        emit([r.as_dict() for r in rows], True)
    else:
        for r in rows:
            oldest = "—" if r.oldest_wait_seconds is None else f"{r.oldest_wait_seconds / 60:.0f}'"
            print(f"{r.prefix} {r.code:<4} {r.waiting:>3} ({r.priority_waiting} ƯT)  {oldest}  "
                  f"{r.name}")
    return 0


def stats_(args: argparse.Namespace) -> int:
    ctx = context(args)
    day = parse_date(args.date) if args.date else None
    st = queue.stats(ctx, day)
    if args.csv:
        path = queue.export_csv(ctx, st.day, Path(args.csv))
        if not args.json:
            print(t("queue.cli.exported", path=path))
    if args.json:
        emit(queue.stats_dict(st), True)
    elif not args.csv:
        sys.stdout.write(queue.stats_csv(st))
    return 0
