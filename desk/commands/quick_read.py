"""The quick handlers of desk/commands/quick.py: `calendar day`, `dossier show|list|search`,
`deadlines` through desk/services/quick, printing exactly what the regular handlers print.
Each answers None when the quick read is not possible."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, time

from desk.commands import deadlines as deadlines_cmd
from desk.commands import dossier as dossier_cmd
from desk.commands.base import context, emit, fail, parse_date
from desk.commands.calendar import print_day
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
        print(f"{v['code']}  {t('status.' + v['status'])}")  # as dossier._print_view
        print(f"  {v['applicant']['name']} — {v['procedure']['code']} {v['procedure']['name']}")
        due = v["extended_due_at"] or v["due_at"]
        print(f"  {t('dossier.received_at')}: {v['received_at']}   "
              f"{t('dossier.due_at')}: {due}")
        for e in v.get("timeline", []):
            print(f"    {e['at']}  {_event_label(e['kind'])}  {e['clerk']}")
        return 0
    return _run(args, body, write=True)  # showing a citizen's record is audited


def dossier_list(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        due_before = None
        if args.due_before:
            due_before = datetime.combine(parse_date(args.due_before), time(0),
                                          tzinfo=q.ctx.tz)
        return dossier_cmd._rows(quick_dossiers.list_dossiers(
            q, status=args.status, due_before=due_before, limit=args.limit), args.json)
    return _run(args, body)


def dossier_search(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        return dossier_cmd._rows(quick_dossiers.search(q, args.text, limit=args.limit),
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
        print(t("deadlines.cli.counts", **c))  # as deadlines.deadlines_
        if not rows:
            print(t("deadlines.cli.none"))
        for r in rows:
            letter = t("deadlines.letter_yes") if r["apologised"] else t("deadlines.letter_no")
            print(f"{t('deadline.state.' + r['state']):<16} "
                  f"{deadlines_cmd._hm_dmy(r['effective_due_at'])}  "
                  f"{r['code']}  {r['applicant']}  [{r['field']}] {r['agency'] or '-'}  "
                  f"({t('deadlines.col.letter')}: {letter})")
        return 0
    return _run(args, body)


