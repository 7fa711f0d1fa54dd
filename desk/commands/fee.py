"""`desk fee qr CODE`, `desk fee vietqr --bin B --account A`, `desk fee reconcile FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.commands.base import CommandError, emit, fail
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.dossier.fee_qr import fee_qr, print_fee_slip, reconcile, vietqr
from desk.services.dossier.shapes import FeeQrOut, VietQrOut


def _print_qr(data: FeeQrOut | VietQrOut, as_json: bool) -> None:
    if as_json:
        emit(data, True)
        return

    print(data["payload"])
    if data.get("amount"):
        print(t("feeqr.cli.amount", amount=f"{data['amount']:,}".replace(",", ".")))
    if data.get("purpose"):
        print(t("feeqr.cli.purpose", purpose=data["purpose"]))


def qr_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        data = fee_qr(ctx, args.code)
    except DomainError as e:
        raise fail(e) from None
    _print_qr(data, args.json)
    return 0


def slip_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        job = print_fee_slip(ctx, args.code, args.printer)
    except DomainError as e:
        raise fail(e) from None
    print(t("feeqr.cli.slip", code=args.code, job=job))
    return 0


def vietqr_(args: argparse.Namespace) -> int:
    try:
        data = vietqr(args.bin, args.account, args.amount, args.purpose)
    except DomainError as e:
        raise fail(e, 2) from None
    _print_qr(data, args.json)
    return 0


def reconcile_(args: argparse.Namespace) -> int:
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
