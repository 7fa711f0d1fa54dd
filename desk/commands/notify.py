"""`desk notify list|status|opt-out|resend` — notices to citizens' phones (issue 17; the options:
desk/commands/parsers/notify.py; `send`, `run`: notify_send.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.notify import notices


def list_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        rows = notices.list_notices(ctx, args.status)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(rows, True)
        return 0
    for n in rows:
        print(f"{n['created_at'][:16]}  {n['phone']}  {n['channel']:<5} "
              f"{t('notify.status.' + n['status']):<14} {n['text'][:50]}")
    return 0


def status_(args: argparse.Namespace) -> int:
    ctx = context(args)
    data = notices.summary(ctx)
    if args.json:
        emit(data, True)
        return 0
    for st, n in data["counts"].items():
        print(f"{t('notify.status.' + st):<16} {n}")
    return 0


def opt_out_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        phone = notices.opt_out(ctx, args.phone)
    except DomainError as e:
        raise fail(e) from None
    print(t("notify.cli.opted_out", phone=phone))
    return 0


def resend_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        n = notices.resend(ctx, args.id)
    except (DomainError, ValueError) as e:
        raise fail(e if isinstance(e, DomainError) else DomainError(
            "notify.not_found", id=args.id)) from None
    print(t("notify.cli.resend", phone=n["phone"]))
    return 0
