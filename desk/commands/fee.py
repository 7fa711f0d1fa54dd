"""`desk fee qr CODE`, `desk fee vietqr --bin B --account A`, `desk fee reconcile FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, context, emit, fail
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("fee", help=h["fee"], description=h["fee"])
    fsub = p.add_subparsers(dest="fee_command", metavar="ACTION", required=True)
    qr = fsub.add_parser("qr", help=h["fee.qr"], description=h["fee.qr"])
    qr.add_argument("code", metavar="CODE", help=h["fee.code"])
    qr.add_argument("--json", action="store_true", help=h["json"])
    qr.set_defaults(handler=qr_)
    sl = fsub.add_parser("slip", help=h["fee.slip"], description=h["fee.slip"])
    sl.add_argument("code", metavar="CODE", help=h["fee.code"])
    sl.add_argument("--printer", default="receipt", metavar="NAME", help=h["fee.printer"])
    sl.set_defaults(handler=slip_)
    vq = fsub.add_parser("vietqr", help=h["fee.vietqr"], description=h["fee.vietqr"])
    vq.add_argument("--bin", required=True, metavar="B", help=h["fee.bin"])
    vq.add_argument("--account", required=True, metavar="A", help=h["fee.account"])
    vq.add_argument("--amount", type=int, metavar="N", help=h["fee.amount"])
    vq.add_argument("--purpose", default="", metavar="T", help=h["fee.purpose"])
    vq.add_argument("--json", action="store_true", help=h["json"])
    vq.set_defaults(handler=vietqr_)
    rc = fsub.add_parser("reconcile", help=h["fee.reconcile"], description=h["fee.reconcile"])
    rc.add_argument("file", metavar="FILE", help=h["fee.file"])
    rc.add_argument("--json", action="store_true", help=h["json"])
    rc.set_defaults(handler=reconcile_)


def _print_qr(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit(data, True)
        return

    print(data["payload"])
    if data.get("amount"):
        print(t("feeqr.cli.amount", amount=f"{data['amount']:,}".replace(",", ".")))
    if data.get("purpose"):
        print(t("feeqr.cli.purpose", purpose=data["purpose"]))


def qr_(args: argparse.Namespace) -> int:
    from desk.services.dossier.fee_qr import fee_qr

    ctx = context(args)
    try:
        data = fee_qr(ctx, args.code)
    except DomainError as e:
        raise fail(e) from None
    _print_qr(data, args.json)
    return 0


def slip_(args: argparse.Namespace) -> int:
    from desk.services.dossier.fee_qr import print_fee_slip

    ctx = context(args)
    try:
        job = print_fee_slip(ctx, args.code, args.printer)
    except DomainError as e:
        raise fail(e) from None
    print(t("feeqr.cli.slip", code=args.code, job=job))
    return 0


def vietqr_(args: argparse.Namespace) -> int:
    from desk.services.dossier.fee_qr import vietqr

    try:
        data = vietqr(args.bin, args.account, args.amount, args.purpose)
    except DomainError as e:
        raise fail(e, 2) from None
    _print_qr(data, args.json)
    return 0


def reconcile_(args: argparse.Namespace) -> int:
    from desk.services.dossier.fee_qr import reconcile

    ctx = context(args)
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(t("statement.no_file", file=args.file), 2)
    try:
        result = reconcile(ctx, path)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(result.as_dict(), True)
        return 0
    for row in result.matched:
        print(t("feeqr.cli.matched", code=row["code"], amount=_money(row["amount"]),
                reference=row["reference"]))
    for row in result.already:
        print(t("feeqr.cli.already", code=row["code"], reference=row["reference"]))
    for row in result.unmatched:
        reason = t(row["reason"], **row["detail"])
        print(t("feeqr.cli.unmatched", line=row["line"], amount=_money(row["amount"]),
                description=row["description"], reason=reason))
    print(t("feeqr.cli.summary", matched=len(result.matched), already=len(result.already),
            unmatched=len(result.unmatched)))
    return 0


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"
