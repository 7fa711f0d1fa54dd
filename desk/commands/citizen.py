"""`desk citizen export ID [--out FILE]`, `desk citizen purge --before DATE [--dry-run]` — both
by a signed-in supervisor/admin (`--clerk NAME` and a PIN: issue 15). `read-qr`: citizen_card.py."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from desk.commands.base import CommandError, emit, fail
from desk.commands.cli_auth import authorize
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.trust.backup import secure_file
from desk.services.trust.personal_data import export_citizen, purge


def write_private(path: Path, text: str) -> None:
    """Write `text` to a new or replaced file readable by its owner only (0600 on POSIX)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    secure_file(path)


def export_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        data = export_citizen(ctx, args.who, authorize(ctx, args, "citizen.export"))
    except DomainError as e:
        raise fail(e) from None
    if not args.out:
        emit(data, True)
        return 0
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    try:
        write_private(Path(args.out), text)
    except OSError as e:
        raise CommandError(t("citizen.write_failed", file=args.out,
                             error=e.strerror or str(e)), 1) from None
    print(t("citizen.exported", file=args.out, dossiers=len(data["dossiers"])))
    return 0


def purge_(args: argparse.Namespace) -> int:
    ctx = context(args)
    before = parse_date(args.before)
    try:
        found = purge(ctx, before, authorize(ctx, args, "citizen.purge"), dry_run=args.dry_run)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit({"dry_run": args.dry_run, "citizens": found}, True)
        return 0
    for c in found:
        print(f"{c['name']:<28} {c['id_number'] or '—':<14} {c['dossiers']}")
    print(t("citizen.purge_dry" if args.dry_run else "citizen.purged", count=len(found)))
    return 0
