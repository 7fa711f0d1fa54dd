"""`desk appointment book|list|checkin`: booked slots of the queue's services (issue 18)."""

from __future__ import annotations

import argparse
from datetime import time
from typing import Any

from desk.commands.base import CommandError, emit, fail
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.queue import appointments


def _time(value: str | None) -> Any:
    if value is None:
        return None
    try:
        hh, mm = value.strip().split(":")
        return time(int(hh), int(mm))
    except ValueError:
        raise CommandError(t("cli.bad_datetime", value=value), 2) from None


def _domain(fn: Any, *args: Any, **kw: Any) -> Any:
    try:
        return fn(*args, **kw)
    except DomainError as e:
        raise fail(e) from None


def book_(args: argparse.Namespace) -> int:
    ctx = context(args)
    v = _domain(appointments.book, ctx, args.service, parse_date(args.date), args.id_number,
                at=_time(args.time))
    if args.json:
        emit(v.as_dict(), True)
    else:
        print(t("appt.cli.booked", code=v.code, service=v.service_name, date=v.day,
                time=v.slot))
    return 0


def list_(args: argparse.Namespace) -> int:
    ctx = context(args)
    day = parse_date(args.date) if args.date else None
    rows = _domain(appointments.list_day, ctx, day)
    if args.json:
        emit([r.as_dict() for r in rows], True)
    elif not rows:
        print(t("appt.cli.none", date=day or ctx.local_now().date()))
    else:
        for r in rows:
            print(f"{r.slot}  {r.code}  {r.service_code:<4} {r.id_masked}  "
                  f"{t('appt.state.' + r.state)}  {r.ticket_label or ''}".rstrip())
    return 0


def checkin_(args: argparse.Namespace) -> int:
    ctx = context(args)
    v, issued = _domain(appointments.checkin, ctx, args.code, print_ticket=not args.no_print)
    if args.json:
        emit(appointments.checked_in_dict(v, issued), True)
    else:
        print(t("appt.cli.checked_in", code=v.code, label=issued.ticket.label))
    return 0
