"""`desk notify send|list|status|opt-out|resend` — notices to citizens' phones (issue 17)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import context, emit, fail
from desk.domain.errors import DomainError
from desk.i18n import t

STATUSES = ("waiting", "sending", "sent", "delivered", "failed")


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("notify", help=h["notify"], description=h["notify"])
    nsub = p.add_subparsers(dest="notify_command", metavar="ACTION", required=True)
    sd = nsub.add_parser("send", help=h["notify.send"], description=h["notify.send"])
    sd.add_argument("--phone", required=True, metavar="P", help=h["notify.phone"])
    sd.add_argument("--text", required=True, metavar="T", help=h["notify.text"])
    sd.add_argument("--channel", choices=("modem", "http", "file"),
                    help=h["notify.channel"])
    sd.add_argument("--wait", type=float, default=30.0, metavar="S", help=h["notify.wait"])
    sd.add_argument("--json", action="store_true", help=h["json"])
    sd.set_defaults(handler=send_)
    ls = nsub.add_parser("list", help=h["notify.list"], description=h["notify.list"])
    ls.add_argument("--status", choices=STATUSES, metavar="S", help=h["notify.status_filter"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler=list_)
    st = nsub.add_parser("status", help=h["notify.status"], description=h["notify.status"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler=status_)
    oo = nsub.add_parser("opt-out", help=h["notify.opt_out"], description=h["notify.opt_out"])
    oo.add_argument("--phone", required=True, metavar="P", help=h["notify.phone"])
    oo.set_defaults(handler=opt_out_)
    rs = nsub.add_parser("resend", help=h["notify.resend"], description=h["notify.resend"])
    rs.add_argument("id", metavar="ID", help=h["notify.id"])
    rs.set_defaults(handler=resend_)
    rn = nsub.add_parser("run", help=h["notify.run"], description=h["notify.run"])
    rn.add_argument("--for", dest="seconds", type=float, default=0.0, metavar="S",
                    help=h["notify.run_for"])
    rn.set_defaults(handler=run_)


def send_(args: argparse.Namespace) -> int:
    from desk.services.notify import notices
    from desk.services.notify.worker import drain

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


def list_(args: argparse.Namespace) -> int:
    from desk.services.notify import notices

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
    from desk.services.notify import notices

    ctx = context(args)
    data = notices.summary(ctx)
    if args.json:
        emit(data, True)
        return 0
    for st, n in data["counts"].items():
        print(f"{t('notify.status.' + st):<16} {n}")
    return 0


def opt_out_(args: argparse.Namespace) -> int:
    from desk.services.notify import notices

    ctx = context(args)
    try:
        phone = notices.opt_out(ctx, args.phone)
    except DomainError as e:
        raise fail(e) from None
    print(t("notify.cli.opted_out", phone=phone))
    return 0


def resend_(args: argparse.Namespace) -> int:
    from desk.services.notify import notices

    ctx = context(args)
    try:
        n = notices.resend(ctx, args.id)
    except (DomainError, ValueError) as e:
        raise fail(e if isinstance(e, DomainError) else DomainError(
            "notify.not_found", id=args.id)) from None
    print(t("notify.cli.resend", phone=n["phone"]))
    return 0


def run_(args: argparse.Namespace) -> int:
    """The notice worker in the foreground (a desk without the TUI, or a service)."""
    import threading

    from desk.services.notify.worker import start

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
