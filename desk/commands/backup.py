"""`desk backup [--to DIR] [--passphrase-stdin]`, `desk backup list|check|verify|auto` (issue 9;
the options: desk/commands/parsers/backup.py; an admin's `passphrase` and `desk restore`:
backup_admin.py)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, emit, fail
from desk.commands.cli_actor import cli_actor
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.i18n.numbers import decimal
from desk.services.trust.backup import (
    auto_backup_if_due,
    backup_dir,
    check_backup,
    create_backup,
    list_backups,
    quick_check,
)


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
    ctx = context(args)
    passphrase = read_passphrase(args.passphrase_stdin, confirm=True)
    try:
        info = create_backup(ctx, kind="manual", dest=Path(args.to) if args.to else None,
                             passphrase=passphrase, actor=cli_actor(),
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
    report = quick_check(context(args))
    if args.json:
        emit(report.as_dict(), True)
    else:
        print(report.message(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def verify_(args: argparse.Namespace) -> int:
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
