"""`desk backup [--to DIR] [--passphrase-stdin]`, `desk backup list|check|verify|auto`,
`desk restore FILE`; also registers `desk audit` and `desk citizen` (issue 9)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk.commands import audit as audit_cmd
from desk.commands import citizen as citizen_cmd
from desk.commands.base import CommandError, actor_for, context, emit, fail
from desk.commands.cli_auth import add_pin_options, authorize
from desk.domain.errors import DomainError
from desk.domain.numbers import decimal
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("backup", help=h["backup"], description=h["backup"])
    p.add_argument("--to", metavar="DIR", help=h["backup.to"])
    how = p.add_mutually_exclusive_group()
    how.add_argument("--passphrase-stdin", action="store_true", help=h["backup.passphrase_stdin"])
    how.add_argument("--plain", action="store_true", help=h["backup.plain"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler=backup_)
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION", required=False)
    ls = bsub.add_parser("list", help=h["backup.list"], description=h["backup.list"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler=list_)
    ck = bsub.add_parser("check", help=h["backup.check"], description=h["backup.check"])
    ck.add_argument("--json", action="store_true", help=h["json"])
    ck.set_defaults(handler=check_)
    vf = bsub.add_parser("verify", help=h["backup.verify"], description=h["backup.verify"])
    vf.add_argument("file", metavar="FILE", help=h["backup.file"])
    vf.add_argument("--passphrase-stdin", action="store_true",
                    help=h["restore.passphrase_stdin"])
    vf.add_argument("--without-manifest", action="store_true", help=h["backup.without_manifest"])
    vf.add_argument("--json", action="store_true", help=h["json"])
    vf.set_defaults(handler=verify_)
    pw = bsub.add_parser("passphrase", help=h["backup.passphrase"],
                         description=h["backup.passphrase"])
    pw.add_argument("--passphrase-stdin", action="store_true", help=h["backup.passphrase_new"])
    add_pin_options(pw)  # an admin's name and PIN (settings.change; issue 15)
    pw.set_defaults(handler=passphrase_)
    au = bsub.add_parser("auto", help=h["backup.auto"], description=h["backup.auto"])
    au.add_argument("--json", action="store_true", help=h["json"])
    au.set_defaults(handler=auto_)

    r = sub.add_parser("restore", help=h["restore"], description=h["restore"])
    r.add_argument("file", metavar="FILE", help=h["backup.file"])
    r.add_argument("--passphrase-stdin", action="store_true", help=h["restore.passphrase_stdin"])
    r.add_argument("--without-manifest", action="store_true", help=h["backup.without_manifest"])
    add_pin_options(r)  # an admin's name and PIN (issue 15); with --pin-stdin, the PIN first
    r.add_argument("--json", action="store_true", help=h["json"])
    r.set_defaults(handler=restore_)

    audit_cmd.register(sub, h)
    citizen_cmd.register(sub, h)


def read_passphrase(from_stdin: bool, *, confirm: bool) -> str | None:
    """The passphrase from stdin's first line, or asked twice on a terminal; None if neither."""
    if from_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
        if not value:
            raise CommandError(t("backup.empty_passphrase"), 2)
        return value
    if not confirm:
        if not sys.stdin.isatty():
            return None
        import getpass

        return getpass.getpass(t("backup.ask_passphrase")) or None
    return None


def _print_info(info: Any) -> None:
    print(t("backup.done", file=info.path, size=_size(info.size),
            dossiers=info.counts.get("dossier", 0), citizens=info.counts.get("citizen", 0)))
    if info.encrypted:
        print(t("backup.encrypted_note"))
    if info.copied_to:
        print(t("backup.copied", file=info.copied_to))


def _size(n: int) -> str:
    return f"{decimal(n / 1024 / 1024)} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def backup_(args: argparse.Namespace) -> int:
    from desk.services.trust.backup import create_backup

    ctx = context(args)
    passphrase = read_passphrase(args.passphrase_stdin, confirm=True)
    try:
        info = create_backup(ctx, kind="manual", dest=Path(args.to) if args.to else None,
                             passphrase=passphrase, actor=actor_for(None, None),
                             plain=args.plain)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(info.as_dict(), True)
    else:
        _print_info(info)
    if info.copied_to and not info.encrypted:  # --plain: said every time, and audited
        print(t("backup.plain_copy_note", file=info.copied_to), file=sys.stderr)
    return 0


def auto_(args: argparse.Namespace) -> int:
    from desk.services.trust.backup import auto_backup_if_due

    ctx = context(args)
    try:
        info = auto_backup_if_due(ctx)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(info.as_dict() if info else None, True)
    elif info is None:
        print(t("backup.not_due"))
    else:
        _print_info(info)
    return 0


def list_(args: argparse.Namespace) -> int:
    from desk.services.trust.backup import backup_dir, list_backups

    ctx = context(args)
    rows = list_backups(ctx)
    if args.json:
        emit([b.as_dict() for b in rows], True)
        return 0
    if not rows:
        print(t("backup.none", folder=backup_dir(ctx)))
    for b in rows:
        lock = " 🔒" if b.encrypted else ""
        print(f"{b.created:%d/%m/%Y %H:%M}  {t('backup.kind.' + b.kind):<10} "
              f"{_size(b.size):>9}  {b.path}{lock}")
    return 0


def check_(args: argparse.Namespace) -> int:
    from desk.services.trust.backup import quick_check

    report = quick_check(context(args))
    if args.json:
        emit({"ok": report.ok, "database": str(report.database), "problem": report.problem,
              "backup": report.backup.as_dict() if report.backup else None}, True)
    else:
        print(report.message(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def verify_(args: argparse.Namespace) -> int:
    from desk.services.trust.backup import check_backup

    ctx = context(args)
    passphrase = read_passphrase(args.passphrase_stdin, confirm=False)
    try:
        result = check_backup(ctx, Path(args.file), passphrase,
                              without_manifest=args.without_manifest)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(result, True)
    else:
        print(t("backup.file_ok", file=args.file, dossiers=result["counts"].get("dossier", 0),
                revision=result["revision"]))
    return 0


def passphrase_(args: argparse.Namespace) -> int:
    """`desk backup passphrase`: an admin sets the office's backup passphrase."""
    from desk.services.trust.backup import set_passphrase

    ctx = context(args)
    actor = authorize(ctx, args, "settings.change")  # PIN first when both come from stdin
    if args.passphrase_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        import getpass

        value = getpass.getpass(t("backup.new_passphrase"))
        if getpass.getpass(t("backup.again_passphrase")) != value:
            raise CommandError(t("backup.passphrase_differs"), 2)
    else:
        raise CommandError(t("backup.passphrase_how"), 2)
    try:
        set_passphrase(ctx, value, actor)
    except DomainError as e:
        raise fail(e, 2) from None
    print(t("backup.passphrase_set"))
    return 0


def restore_(args: argparse.Namespace) -> int:
    from desk.services.trust.backup import restore

    ctx = context(args)
    actor = authorize(ctx, args, "backup.restore")  # an admin's name and PIN (issue 15)
    passphrase = read_passphrase(args.passphrase_stdin, confirm=False)
    print(t("restore.close_others"), file=sys.stderr)
    try:
        info = restore(ctx, Path(args.file), passphrase=passphrase, actor=actor,
                       without_manifest=args.without_manifest)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(info.as_dict(), True)
    else:
        print(t("restore.done", file=info.restored_from,
                dossiers=info.counts.get("dossier", 0)))
        if info.set_aside:
            print(t("restore.aside", file=info.set_aside))
        print(t("restore.epoch", epoch=info.device_epoch))
    return 0
