"""`desk calendar due|day|import|list|set` (the options: desk/commands/parsers/calendar.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, emit, fail
from desk.commands.context import context
from desk.commands.dates import parse_date, parse_local_datetime
from desk.commands.read_output import print_day
from desk.domain.calendar import TimeLimit
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.deadlines.calendar import (
    import_exceptions,
    list_exceptions,
    set_exception,
    year_days,
)
from desk.services.deadlines.shapes import DueOut
from storage.engine import read_session
from storage.tables import Procedure


def _limit_for(ctx: Any, args: argparse.Namespace) -> Any:
    if args.limit:
        try:
            return TimeLimit.parse(args.limit)
        except DomainError as e:
            raise fail(e, 2) from None
    with read_session(ctx.engine) as s:
        proc = s.get(Procedure, args.procedure.strip())
    if proc is None:
        raise CommandError(t("cli.no_procedure", code=args.procedure), 1)
    return TimeLimit.of(proc.time_limit_value, proc.time_limit_unit)


def due_(args: argparse.Namespace) -> int:
    ctx = context(args)
    received = parse_local_datetime(args.received, ctx.settings.office.timezone)
    limit = _limit_for(ctx, args)
    try:
        due = ctx.calendar.due(received, limit)
    except DomainError as e:
        raise fail(e) from None
    assert due is not None  # None only while a pause stops the clock, and none is given
    text = due.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M")
    if args.json:
        out: DueOut = {"received": received.strftime("%Y-%m-%d %H:%M"), "limit": {
            "value": limit.value, "unit": limit.unit}, "due": text}
        emit(out, True)
    else:
        print(text)
    return 0


def day_(args: argparse.Namespace) -> int:
    ctx = context(args)
    return print_day(ctx.calendar, args.date, args.json, ctx.local_now().date())


def import_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        n = import_exceptions(ctx, Path(args.file))
    except DomainError as e:
        raise fail(e) from None
    print(n)
    return 0


def list_(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.year is not None:  # every special day of the year, with its source (issue 16)
        days = year_days(ctx, args.year)
        if args.json:
            emit(days, True)
        else:
            for r in days:
                print(f"{r['date']}  {r['kind']:<4}  {r['note']}  [{r['source']}]")
        return 0
    own = list_exceptions(ctx)
    if args.json:
        emit(own, True)
    else:
        for o in own:
            print(f"{o['date']}  {o['kind']:<4}  {o['note']}")
    return 0


def set_(args: argparse.Namespace) -> int:
    ctx = context(args)
    set_exception(ctx, parse_date(args.date), args.kind, args.note)
    return 0
