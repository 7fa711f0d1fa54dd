"""`desk dossier receive|show|list|search|act|fee|attach|step|step-result` — the services the
screens use, for scripts."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time
from typing import Any

from desk.commands.base import (
    actor_for,
    context,
    emit,
    fail,
    parse_date,
    parse_local_datetime,
    typed_text,
)
from desk.domain.errors import DomainError
from desk.i18n import t

ACTIONS = ("transfer", "start_processing", "request_supplement", "supplement_received",
           "refuse", "result_ready", "return_result", "withdraw", "stop")


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("dossier", help=h["dossier"], description=h["dossier"])
    dsub = p.add_subparsers(dest="dossier_command", metavar="ACTION", required=True)

    r = dsub.add_parser("receive", help=h["dossier.receive"], description=h["dossier.receive"])
    r.add_argument("--procedure", required=True, metavar="CODE", help=h["dossier.procedure"])
    r.add_argument("--name", required=True, help=h["dossier.name"])
    r.add_argument("--id", dest="id_number", metavar="N", help=h["dossier.id"])
    r.add_argument("--birth", metavar="YYYY-MM-DD", help=h["validate.birth"])
    r.add_argument("--sex", choices=("M", "F"), help=h["validate.sex"])
    r.add_argument("--phone", metavar="P", help=h["dossier.phone"])
    r.add_argument("--address", default="", help=h["dossier.address"])
    r.add_argument("--channel", default="direct", choices=("direct", "online", "postal"),
                   help=h["dossier.channel"])
    r.add_argument("--sets", type=int, default=1, help=h["dossier.sets"])
    r.add_argument("--notes", default="", help=h["dossier.notes"])
    r.add_argument("--received", metavar='"YYYY-MM-DD HH:MM"', help=h["dossier.received"])
    r.add_argument("--no-print", action="store_true", help=h["dossier.no_print"])
    r.add_argument("--portal-code", default="", metavar="CODE",
                   help=t("help.dossier.portal_code"))
    _common(r, h)
    r.set_defaults(handler=receive_)

    s = dsub.add_parser("show", help=h["dossier.show"], description=h["dossier.show"])
    s.add_argument("code", metavar="CODE")
    _common(s, h, clerk=False)
    s.set_defaults(handler=show_)

    ls = dsub.add_parser("list", help=h["dossier.list"], description=h["dossier.list"])
    ls.add_argument("--status", metavar="S", help=h["dossier.status"])
    ls.add_argument("--due-before", metavar="DATE", help=h["dossier.due_before"])
    ls.add_argument("--limit", type=int, default=50, help=h["dossier.limit"])
    _common(ls, h, clerk=False)
    ls.set_defaults(handler=list_)

    se = dsub.add_parser("search", help=h["dossier.search"], description=h["dossier.search"])
    se.add_argument("text", metavar="TEXT")
    se.add_argument("--limit", type=int, default=20, help=h["dossier.limit"])
    _common(se, h, clerk=False)
    se.set_defaults(handler=search_)

    a = dsub.add_parser("act", help=h["dossier.act"], description=h["dossier.act"])
    a.add_argument("code", metavar="CODE")
    a.add_argument("action", metavar="ACTION", choices=ACTIONS, help=", ".join(ACTIONS))
    a.add_argument("--reason", help=h["dossier.reason"])
    a.add_argument("--agency", help=h["dossier.agency"])
    a.add_argument("--documents", help=h["dossier.documents"])
    a.add_argument("--method", choices=("counter", "post", "online"), help=h["dossier.method"])
    a.add_argument("--receiver", help=h["dossier.receiver"])
    a.add_argument("--tracking", help=h["dossier.tracking"])
    a.add_argument("--at", metavar='"YYYY-MM-DD HH:MM"', help=h["dossier.at"])
    _common(a, h)
    a.set_defaults(handler=act_)
    _register_facts(dsub, h)


def _register_facts(dsub: Any, h: dict[str, str]) -> None:
    """`desk dossier fee|attach|step|step-result` (fees, digitised copies, liên thông)."""
    f = dsub.add_parser("fee", help=h["dossier.fee"], description=h["dossier.fee"])
    f.add_argument("code", metavar="CODE")
    f.add_argument("--amount", type=int, metavar="N", help=h["dossier.fee.amount"])
    f.add_argument("--method", choices=("cash", "transfer", "online"), default="cash",
                   help=h["dossier.fee.method"])
    f.add_argument("--receipt", metavar="NO", help=h["dossier.fee.receipt"])
    f.add_argument("--exempt", metavar="REASON", help=h["dossier.fee.exempt"])
    f.add_argument("--correction", metavar="REASON", help=h["dossier.fee.correction"])
    _common(f, h)
    f.set_defaults(handler=fee_)

    at = dsub.add_parser("attach", help=h["dossier.attach"], description=h["dossier.attach"])
    at.add_argument("code", metavar="CODE")
    at.add_argument("file", metavar="FILE", help=h["dossier.attach.file"])
    at.add_argument("--result", action="store_true", help=h["dossier.attach.result"])
    _common(at, h)
    at.set_defaults(handler=attach_)

    st = dsub.add_parser("step", help=h["dossier.step"], description=h["dossier.step"])
    st.add_argument("code", metavar="CODE")
    st.add_argument("--to", required=True, metavar="AGENCY", help=h["dossier.step.to"])
    st.add_argument("--days", type=int, metavar="N", help=h["dossier.step.days"])
    st.add_argument("--giver", metavar="NAME", help=h["dossier.step.giver"])
    st.add_argument("--receiver", metavar="NAME", help=h["dossier.step.receiver"])
    st.add_argument("--note", default="", metavar="TEXT", help=h["dossier.step.note"])
    _common(st, h)
    st.set_defaults(handler=step_)

    sr = dsub.add_parser("step-result", help=h["dossier.step_result"],
                         description=h["dossier.step_result"])
    sr.add_argument("code", metavar="CODE")
    sr.add_argument("--agency", required=True, metavar="AGENCY", help=h["dossier.step.agency"])
    sr.add_argument("--note", default="", metavar="TEXT", help=h["dossier.step.note"])
    _common(sr, h)
    sr.set_defaults(handler=step_result_)


def _common(p: argparse.ArgumentParser, h: dict[str, str], clerk: bool = True) -> None:
    if clerk:
        p.add_argument("--clerk", metavar="NAME", help=h["dossier.clerk"])
    p.add_argument("--json", action="store_true", help=h["json"])


_actor = actor_for


def _print_view(v: dict[str, Any]) -> None:
    from desk.services.dossier.views import event_label

    print(f"{v['code']}  {t('status.' + v['status'])}")
    print(f"  {v['applicant']['name']} — {v['procedure']['code']} {v['procedure']['name']}")
    due = v["extended_due_at"] or v["due_at"]
    print(f"  {t('dossier.received_at')}: {v['received_at']}   {t('dossier.due_at')}: {due}")
    for e in v.get("timeline", []):
        print(f"    {e['at']}  {event_label(e['kind'])}  {e['clerk']}")


def receive_(args: argparse.Namespace) -> int:
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn, receive

    ctx = context(args)
    received = (parse_local_datetime(args.received, ctx.settings.office.timezone)
                if args.received else None)
    req = IntakeIn(  # raw Telex in free text is read as Vietnamese (base.typed_text)
        procedure_code=args.procedure, channel=args.channel, sets=args.sets,
        notes=typed_text(ctx, args.notes) or "", received_at=received,
        portal_code=args.portal_code,
        applicant=ApplicantIn(name=typed_text(ctx, args.name) or "", id_number=args.id_number,
                              phone=args.phone,
                              birth_date=parse_date(args.birth) if args.birth else None,
                              sex=args.sex, address=typed_text(ctx, args.address) or ""),
    )
    try:
        view = receive(ctx, req, _actor(ctx, args.clerk), print_receipt=not args.no_print)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
    else:
        print(view["code"])
        print(view["due_at"])
    return 0


def show_(args: argparse.Namespace) -> int:
    from desk.services.dossier.views import show

    ctx = context(args)
    try:
        view = show(ctx, args.code)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
    else:
        _print_view(view)
    return 0


def _rows(rows: list[dict[str, Any]], as_json: bool) -> int:
    if as_json:
        emit(rows, True)
    else:
        from desk.commands.dossier_rows import print_rows

        print_rows(rows)  # status labels, not codes; the JSON keeps the code (a contract)
    return 0


def list_(args: argparse.Namespace) -> int:
    from desk.services.dossier.views import list_dossiers

    ctx = context(args)
    due_before = None
    if args.due_before:
        due_before = datetime.combine(parse_date(args.due_before), time(0), tzinfo=ctx.tz)
    return _rows(list_dossiers(ctx, status=args.status, due_before=due_before,
                               limit=args.limit), args.json)


def search_(args: argparse.Namespace) -> int:
    from desk.services.dossier.search import search

    ctx = context(args)
    return _rows(search(ctx, args.text, limit=args.limit), args.json)


def act_(args: argparse.Namespace) -> int:
    from desk.services.dossier.lifecycle import act

    ctx = context(args)
    at = parse_local_datetime(args.at, ctx.settings.office.timezone) if args.at else None
    extra: dict[str, Any] = {k: getattr(args, k) for k in ("agency", "method", "receiver",
                                                           "tracking") if getattr(args, k)}
    if args.documents:
        extra["documents"] = [typed_text(ctx, d.strip()) for d in args.documents.split("|")
                              if d.strip()]
    try:
        view = act(ctx, args.code, args.action, _actor(ctx, args.clerk),
                   reason=typed_text(ctx, args.reason), at=at, **extra)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
    else:
        _print_view(view)
    if args.action == "return_result" and view.get("fee", {}).get("status") == "unpaid":
        from desk.services.dossier.fees import format_amount

        print(t("dossier.returned_unpaid", code=view["code"],
                amount=format_amount(view["fee"]["due"])), file=sys.stderr)
    return 0


def fee_(args: argparse.Namespace) -> int:
    from desk.services.dossier.fees import exempt, format_amount, pay

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
    from desk.services.dossier.attachments import attach

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
    from desk.services.dossier.steps import handover

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
    from desk.services.dossier.steps import step_result

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
