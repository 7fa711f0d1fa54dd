"""`desk notify send|run`: a notice sent now, and the notice worker in the foreground — the
channels (modem, HTTP gateway, file) load only here (the options:
desk/commands/parsers/notify.py)."""

from __future__ import annotations

import argparse
import threading

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.notify import notices
from desk.services.notify.worker import drain, start


def send_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        notice = notices.send(ctx, args.phone, args.text, args.channel)
    except DomainError as e:
        raise fail(e) from None
    if args.wait > 0:
        drain(ctx, args.wait)
    notice = next((n for n in notices.list_notices(ctx) if n["id"] == notice["id"]), notice)
    if args.json:
        emit(notice, True)
    else:
        status = t(f"notify.status.{notice['status']}")
        print(t("notify.cli.sent", phone=notice["phone"], status=status,
                error=notice["last_error"]))
    return 0


def run_(args: argparse.Namespace) -> int:
    """The notice worker in the foreground (a desk without the TUI, or a service)."""
    ctx = context(args)
    worker = start(ctx)
    if worker is None:
        return 0
    stop = threading.Event()
    try:
        stop.wait(args.seconds if args.seconds > 0 else None)
    finally:
        worker.stop.set()
    return 0
