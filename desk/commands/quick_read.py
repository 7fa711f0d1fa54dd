"""The quick handlers of desk/commands/quick.py: `calendar day`, `dossier show|list|search`,
`deadlines` through desk/services/quick, printing exactly what the regular handlers print.
Each answers None when the quick read is not possible."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, time

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.commands.read_output import print_day, print_view, print_watch, rows_out
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.quick import deadlines as quick_deadlines
from desk.services.quick import dossiers as quick_dossiers
from desk.services.quick.context import QuickContext, open_quick

_SUPERSEDED = "superseded."  # desk.services.dossier.views.SUPERSEDED


def _run(args: argparse.Namespace, body: Callable[[QuickContext], int], *,
         write: bool = False) -> int | None:
    q = open_quick(context(args), write=write)
    if q is None:
        return None
    try:
        return body(q)
    except DomainError as e:
        raise fail(e) from None
    finally:
        q.close()


def calendar_day(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        return print_day(q.calendar, args.date, args.json)
    return _run(args, body)


def _event_label(kind: str) -> str:
    """desk.services.dossier.views.event_label (a timeline kind → its name, never a message key)."""
    key = f"action.{kind}"
    text = t(key)
    if text != key:
        return text
    if kind.startswith(_SUPERSEDED):
        return t("action.superseded_other", action=_event_label(kind.removeprefix(_SUPERSEDED)))
    return t("action.other")


def dossier_show(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        v = quick_dossiers.show(q, args.code)
        if args.json:
            emit(v, True)
            return 0
        print_view(v, _event_label)
        return 0
    return _run(args, body, write=True)  # showing a citizen's record is audited


def dossier_list(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        due_before = None
        if args.due_before:
            due_before = datetime.combine(parse_date(args.due_before), time(0),
                                          tzinfo=q.ctx.tz)
        return rows_out(quick_dossiers.list_dossiers(
            q, status=args.status, due_before=due_before, limit=args.limit), args.json)
    return _run(args, body)


def dossier_search(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        return rows_out(quick_dossiers.search(q, args.text, limit=args.limit),
                                 args.json)
    return _run(args, body)


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
    return _run(args, body)


