"""`desk dossier show|list|search` through the services, when the quick read
(desk/commands/quick_read.py) is not possible (the options: desk/commands/parsers/dossier.py)."""

from __future__ import annotations

import argparse
from datetime import datetime, time

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.commands.read_output import print_view, rows_out, show_typed
from desk.domain.errors import DomainError
from desk.services.dossier.search import search
from desk.services.dossier.views import event_label, list_dossiers, show


def show_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        view = show_typed(ctx.settings.office.id, ctx.local_now(), args.code,
                          lambda code: show(ctx, code))
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
    else:
        print_view(view, event_label)
    return 0


def list_(args: argparse.Namespace) -> int:
    ctx = context(args)
    due_before = None
    if args.due_before:
        due_before = datetime.combine(parse_date(args.due_before), time(0), tzinfo=ctx.tz)
    return rows_out(list_dossiers(ctx, status=args.status, due_before=due_before,
                               limit=args.limit), args.json)


def search_(args: argparse.Namespace) -> int:
    ctx = context(args)
    return rows_out(search(ctx, args.text, limit=args.limit), args.json)
