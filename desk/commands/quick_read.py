"""The quick handlers of desk/commands/quick.py: `calendar day`, `dossier show|list|search`,
`deadlines` through desk/services/quick, printing exactly what the regular handlers print.
Each answers None when the quick read is not possible."""

from __future__ import annotations

import argparse
from datetime import datetime, time

from desk.commands.base import emit
from desk.commands.dates import parse_date
from desk.commands.quick_run import run_quick
from desk.commands.read_output import print_day, print_view, print_watch, rows_out, show_typed
from desk.services.dossier.view_model import event_label
from desk.services.quick import deadlines as quick_deadlines
from desk.services.quick import dossiers as quick_dossiers
from desk.services.quick.context import QuickContext


def calendar_day(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        return print_day(q.calendar, args.date, args.json, q.ctx.local_now().date())
    return run_quick(args, body)


def dossier_show(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        v = show_typed(q.ctx.settings.office.id, q.ctx.local_now(), args.code,
                       lambda code: quick_dossiers.show(q, code))
        if args.json:
            emit(v, True)
            return 0
        print_view(v, event_label)
        return 0
    return run_quick(args, body, write=True)  # showing a citizen's record is audited


def dossier_list(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        due_before = None
        if args.due_before:
            due_before = datetime.combine(parse_date(args.due_before), time(0),
                                          tzinfo=q.ctx.tz)
        return rows_out(quick_dossiers.list_dossiers(
            q, status=args.status, due_before=due_before, limit=args.limit), args.json)
    return run_quick(args, body)


def dossier_search(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        return rows_out(quick_dossiers.search(q, args.text, limit=args.limit),
                                 args.json)
    return run_quick(args, body)


def deadlines(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        c = quick_deadlines.counts(q)
        rows = quick_deadlines.watch_list(q, args.sort, limit=args.limit)
        if args.json:
            emit({"now": q.ctx.local_now().isoformat(timespec="minutes"), "counts": c,
                  "summary": quick_deadlines.at_risk_summary(c), "sort": args.sort,
                  "dossiers": rows}, True)
            return 0
        print_watch(c, rows)
        return 0
    return run_quick(args, body)


