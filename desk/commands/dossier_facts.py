"""`desk dossier fee|attach|step|step-result`: a dossier's fees, digitised copies and liên thông
steps (the options: desk/commands/parsers/dossier.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, fail
from desk.commands.cli_auth import actor_for as _actor
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.dossier.attachments import attach
from desk.services.dossier.fees import exempt, format_amount, pay
from desk.services.dossier.steps import handover, step_result


def fee_(args: argparse.Namespace) -> int:
    ctx = context(args)
    actor = _actor(ctx, args.clerk)
    try:
        if args.exempt is not None:
            view = exempt(ctx, args.code, args.exempt, actor, correction=args.correction)
        else:
            view = pay(ctx, args.code, actor, amount=args.amount, method=args.method,
                       receipt=args.receipt, correction=args.correction)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
        return 0
    fee = view["fee"]
    if fee["status"] == "exempt":
        print(t("fee.cli.exempt", code=view["code"], reason=fee["reason"]))
    else:
        receipt = t("fee.cli.receipt", receipt=fee["receipt"]) if fee["receipt"] else ""
        print(t("fee.cli.paid", amount=format_amount(fee["amount"]), code=view["code"],
                method=t(f"fee.method.{fee['method']}"), receipt=receipt))
    return 0


def attach_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        view = attach(ctx, args.code, args.file, _actor(ctx, args.clerk),
                      kind="result" if args.result else "document")
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
        return 0
    a = view["attached"]
    key = "attach.cli.added" if a["added"] else "attach.cli.same"
    print(t(key, name=a["name"], kind=t(f"attach.kind.{a['kind']}"), size=a["size"],
            code=view["code"]))
    print(f"  {t('attach.sha256')}: {a['sha256']}")
    return 0


def step_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        view = handover(ctx, args.code, args.to, _actor(ctx, args.clerk), days=args.days,
                        giver=args.giver, receiver=args.receiver, note=args.note)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
        return 0
    step = view["steps"][-1]
    print(t("steps.cli.handed", code=view["code"], agency=step["to_agency"],
            deadline=step["deadline"]))
    return 0


def step_result_(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        view = step_result(ctx, args.code, _actor(ctx, args.clerk), agency=args.agency,
                           note=args.note)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
        return 0
    step = view["steps"][-1]
    print(t("steps.cli.result", code=view["code"], agency=step["to_agency"],
            result=t(f"steps.result.{step['result']}")))
    return 0
