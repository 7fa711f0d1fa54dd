"""`desk citizen export ID [--out FILE]`, `desk citizen purge --before DATE [--dry-run]` — both
by a signed-in supervisor/admin (`--clerk NAME` and a PIN: issue 15)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, context, emit, fail, parse_date
from desk.commands.cli_auth import add_pin_options, authorize
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("citizen", help=h["citizen"], description=h["citizen"])
    csub = p.add_subparsers(dest="citizen_command", metavar="ACTION", required=True)
    ex = csub.add_parser("export", help=h["citizen.export"], description=h["citizen.export"])
    ex.add_argument("who", metavar="ID", help=h["citizen.id"])
    ex.add_argument("--out", metavar="FILE", help=h["citizen.out"])
    add_pin_options(ex)
    ex.set_defaults(handler=export_)
    pu = csub.add_parser("purge", help=h["citizen.purge"], description=h["citizen.purge"])
    pu.add_argument("--before", required=True, metavar="DATE", help=h["citizen.before"])
    pu.add_argument("--dry-run", action="store_true", help=h["citizen.dry_run"])
    pu.add_argument("--json", action="store_true", help=h["json"])
    add_pin_options(pu)
    pu.set_defaults(handler=purge_)
    rq = csub.add_parser("read-qr", help=h["citizen.read_qr"],
                         description=h["citizen.read_qr"])
    rq.add_argument("text", metavar="TEXT", help=h["citizen.qr_text"])
    rq.add_argument("--json", action="store_true", help=h["json"])
    rq.set_defaults(handler=read_qr_)


def write_private(path: Path, text: str) -> None:
    """Write `text` to a new or replaced file readable by its owner only (0600 on POSIX)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    from desk.services.trust.backup import secure_file

    secure_file(path)


def export_(args: argparse.Namespace) -> int:
    from desk.services.trust.personal_data import export_citizen

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
    from desk.services.trust.personal_data import purge

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


def read_qr_(args: argparse.Namespace) -> int:
    """A chip ID card's QR text, read and checked against itself and today (no database)."""
    from desk.services.dossier.card_scan import read_card

    today = context(args).local_now().date()  # the settings only: no database opened
    try:
        card = read_card(args.text, today)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(card, True)
        return 0
    for key in ("id_number", "old_id", "name", "birth_date", "sex", "address", "issued_on"):
        value = card[key]
        if key == "sex" and value:
            value = t(f"qr.sex.{value}")
        print(f"{t('qr.label.' + key):<16} {value or '—'}")
    for w in card["warnings"]:
        print(f"! {w['message']}")
    return 0
