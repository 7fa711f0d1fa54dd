"""`desk apology CODE`: the apology letter (Form 04) for a late dossier, its new date, its SMS
(the options: desk/commands/parsers/deadlines.py)."""

from __future__ import annotations

import argparse
import sys

from desk.commands.base import emit, fail
from desk.commands.cli_auth import actor_for
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.commands.read_output import hm_dmy
from desk.commands.typed_text import typed_text
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.deadlines import apology


def apology_(args: argparse.Namespace) -> int:
    ctx = context(args)
    new_date = parse_date(args.new_date) if args.new_date else None
    try:
        reason = typed_text(ctx, args.reason) or ""  # raw Telex never reaches the letter
        out = apology.issue(ctx, args.code, actor_for(ctx, args.clerk), reason, new_date,
                            args.pdf, print_letter=not args.no_print, notify=not args.no_sms)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(out, True)
        return 0
    print(t("apology.cli.done", letter_no=out["letter_no"], code=out["code"]))
    print(t("apology.cli.dates", old=hm_dmy(out["old_due_at"]), new=hm_dmy(out["new_due_at"])))
    if out["late"]:
        print(t("apology.cli.late"))
    if out.get("pdf"):
        print(t("apology.cli.pdf", file=out["pdf"]))
    if out.get("pdf_error"):
        print(t("apology.cli.pdf_error", error=out["pdf_error"]), file=sys.stderr)
    if out.get("sms"):
        print(t("apology.cli.sms", phone=out["sms"]))
    return 0
