"""`desk report --from DATE --to DATE [--format table|csv|xlsx|json|pdf] [--out FILE]` and
`desk report book --from DATE --to DATE --format xlsx|pdf --out FILE` (Form 06)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk.commands.base import CommandError, fail
from desk.commands.cli_auth import actor_for, authorize
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.reports.book import book_head, book_rows
from desk.services.reports.exports import (
    BOOK_FORMATS,
    REPORT_FORMATS,
    render_book,
    render_report,
    write_file,
)
from desk.services.reports.period import period_report
from desk.services.trust.roles import require


def report_(args: argparse.Namespace) -> int:
    first, last = parse_date(args.first), parse_date(args.last)
    book = args.what == "book"
    fmt = args.fmt or ("xlsx" if book else "table")
    formats = BOOK_FORMATS if book else REPORT_FORMATS
    if fmt not in formats:
        raise CommandError(t("report.bad_format", format=fmt, what=args.what,
                             formats=", ".join(formats)), 2)
    if fmt in ("xlsx", "pdf") and not args.out:
        raise CommandError(t("report.need_out", format=fmt), 2)
    ctx = context(args)

    if book and args.out:  # the book lists every applicant: a bulk disclosure (issue 15)
        actor = authorize(ctx, args, "report.export")
    else:
        actor = actor_for(ctx, args.clerk, args.pin_stdin)
    try:
        if args.out:
            require(ctx, actor, "report.export")
        data = (_book(ctx, first, last, fmt, actor) if book
                else _summary(ctx, first, last, fmt, actor))
    except DomainError as e:
        raise fail(e) from None
    if args.out:
        path = write_file(data, args.out)
        print(t("report.written", path=path), file=sys.stderr)
    else:
        sys.stdout.write(data.decode("utf-8-sig"))
    return 0


def _summary(ctx: Any, first: Any, last: Any, fmt: str, actor: Any) -> bytes:
    return render_report(period_report(ctx, first, last, actor=actor), fmt)


def _book(ctx: Any, first: Any, last: Any, fmt: str, actor: Any) -> bytes:
    return render_book(book_rows(ctx, first, last, actor), book_head(ctx, first, last), fmt,
                       ctx.local_now())
