"""`desk calendar due|day|import|list|set`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, context, emit, fail, parse_date, parse_local_datetime
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("calendar", help=h["calendar"], description=h["calendar"])
    csub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    due = csub.add_parser("due", help=h["calendar.due"], description=h["calendar.due"])
    due.add_argument("--received", required=True, metavar='"YYYY-MM-DD HH:MM"',
                     help=h["calendar.received"])
    which = due.add_mutually_exclusive_group(required=True)
    which.add_argument("--limit", metavar='"N UNIT"', help=h["calendar.limit"])
    which.add_argument("--procedure", metavar="CODE", help=h["calendar.procedure"])
    due.add_argument("--json", action="store_true", help=h["json"])
    due.set_defaults(handler=due_)
    day = csub.add_parser("day", help=h["calendar.day"], description=h["calendar.day"])
    day.add_argument("date", metavar="DATE", help=h["calendar.date"])
    day.add_argument("--json", action="store_true", help=h["json"])
    day.set_defaults(handler=day_)
    imp = csub.add_parser("import", help=h["calendar.import"], description=h["calendar.import"])
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(handler=import_)
    ls = csub.add_parser("list", help=h["calendar.list"], description=h["calendar.list"])
    ls.add_argument("--year", type=int, metavar="YYYY", help=t("help.calendar.year"))
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler=list_)
    st = csub.add_parser("set", help=h["calendar.set"], description=h["calendar.set"])
    st.add_argument("date", metavar="DATE", help=h["calendar.date"])
    st.add_argument("kind", choices=("OFF", "WORK"), help=h["calendar.kind"])
    st.add_argument("--note", default="", help=h["calendar.note"])
    st.set_defaults(handler=set_)


def _limit_for(ctx: Any, args: argparse.Namespace) -> Any:
    from desk.domain.calendar import TimeLimit
    if args.limit:
        try:
            return TimeLimit.parse(args.limit)
        except DomainError as e:
            raise fail(e, 2) from None
    from storage.engine import read_session
    from storage.tables import Procedure

    with read_session(ctx.engine) as s:
        proc = s.get(Procedure, args.procedure.strip())
    if proc is None:
        raise CommandError(t("cli.no_procedure", code=args.procedure), 1)
    return TimeLimit(proc.time_limit_value, proc.time_limit_unit)  # type: ignore[arg-type]


def due_(args: argparse.Namespace) -> int:
    ctx = context(args)
    received = parse_local_datetime(args.received, ctx.settings.office.timezone)
    limit = _limit_for(ctx, args)
    try:
        due = ctx.calendar.due(received, limit).astimezone(ctx.tz)
    except DomainError as e:
        raise fail(e) from None
    text = due.strftime("%Y-%m-%d %H:%M")
    if args.json:
        emit({"received": received.strftime("%Y-%m-%d %H:%M"), "limit": {
            "value": limit.value, "unit": limit.unit}, "due": text}, True)
    else:
        print(text)
    return 0


def day_(args: argparse.Namespace) -> int:
    return print_day(context(args).calendar, args.date, args.json)


def print_day(calendar: Any, text: str, as_json: bool) -> int:
    """`desk calendar day`, on either read path (desk/commands/quick_read.py)."""
    d = parse_date(text)
    info = calendar.day_info(d)
    reason = t(info.reason_key, note=info.note, date=d.isoformat())
    if as_json:
        emit({"date": d.isoformat(), "working": info.working, "reason": reason,
              "reason_key": info.reason_key, "note": info.note}, True)
    else:
        word = t("cli.working") if info.working else t("cli.not_working")
        print(f"{d.isoformat()}: {word} — {reason}")
    return 0


def import_(args: argparse.Namespace) -> int:
    from desk.services.deadlines.calendar import import_exceptions

    ctx = context(args)
    try:
        n = import_exceptions(ctx, Path(args.file))
    except DomainError as e:
        raise fail(e) from None
    print(n)
    return 0


def list_(args: argparse.Namespace) -> int:
    from desk.services.deadlines.calendar import list_exceptions, year_days

    ctx = context(args)
    if args.year is not None:  # every special day of the year, with its source (issue 16)
        days = year_days(ctx, args.year)
        if args.json:
            emit(days, True)
        else:
            for r in days:
                print(f"{r['date']}  {r['kind']:<4}  {r['note']}  [{r['source']}]")
        return 0
    rows = list_exceptions(ctx)
    if args.json:
        emit(rows, True)
    else:
        for r in rows:
            print(f"{r['date']}  {r['kind']:<4}  {r['note']}")
    return 0


def set_(args: argparse.Namespace) -> int:
    from desk.services.deadlines.calendar import set_exception

    ctx = context(args)
    set_exception(ctx, parse_date(args.date), args.kind, args.note)
    return 0
