"""`desk backup passphrase`, `desk restore FILE`: what only an admin may do, with their name and
PIN (issue 15; the options: desk/commands/parsers/backup.py)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from desk.commands.backup import read_passphrase
from desk.commands.base import CommandError, emit, fail
from desk.commands.cli_auth import authorize
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.trust.backup import restore, set_passphrase


def passphrase_(args: argparse.Namespace) -> int:
    """`desk backup passphrase`: an admin sets the office's backup passphrase."""
    ctx = context(args)
    actor = authorize(ctx, args, "settings.change")  # PIN first when both come from stdin
    if args.passphrase_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():

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
