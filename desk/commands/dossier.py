"""`desk dossier receive|act`: a dossier received, and acted on (the options:
desk/commands/parsers/dossier.py; the reads: dossier_read.py, the facts: dossier_facts.py)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk.commands.base import emit, fail
from desk.commands.cli_auth import actor_for
from desk.commands.context import context
from desk.commands.dates import parse_date, parse_local_datetime
from desk.commands.read_output import print_view
from desk.commands.typed_text import typed_text
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.fees import format_amount
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import event_label


def receive_(args: argparse.Namespace) -> int:
    ctx = context(args)
    received = (parse_local_datetime(args.received, ctx.settings.office.timezone)
                if args.received else None)
    req = IntakeIn(  # raw Telex in free text is read as Vietnamese (typed_text)
        procedure_code=args.procedure, channel=args.channel, sets=args.sets,
        notes=typed_text(ctx, args.notes) or "", received_at=received,
        portal_code=args.portal_code,
        applicant=ApplicantIn(name=typed_text(ctx, args.name) or "", id_number=args.id_number,
                              phone=args.phone,
                              birth_date=parse_date(args.birth) if args.birth else None,
                              sex=args.sex, address=typed_text(ctx, args.address) or ""),
    )
    try:
        view = receive(ctx, req, actor_for(ctx, args.clerk), print_receipt=not args.no_print)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
    else:
        print(view["code"])
        print(view["due_at"])
    return 0


def act_(args: argparse.Namespace) -> int:
    ctx = context(args)
    at = parse_local_datetime(args.at, ctx.settings.office.timezone) if args.at else None
    extra: dict[str, Any] = {k: getattr(args, k) for k in ("agency", "method", "receiver",
                                                           "tracking") if getattr(args, k)}
    if args.documents:
        extra["documents"] = [typed_text(ctx, d.strip()) for d in args.documents.split("|")
                              if d.strip()]
    try:
        view = act(ctx, args.code, args.action, actor_for(ctx, args.clerk),
                   reason=typed_text(ctx, args.reason), at=at, **extra)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(view, True)
    else:
        print_view(view, event_label)
    if args.action == "return_result" and view.get("fee", {}).get("status") == "unpaid":
        print(t("dossier.returned_unpaid", code=view["code"],
                amount=format_amount(view["fee"]["due"])), file=sys.stderr)
    return 0
