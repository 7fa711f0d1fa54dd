"""`desk deadlines` (the watch list and counts) and `desk apology CODE` (Form 04)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from desk.commands.base import actor_for as _actor
from desk.commands.base import context, emit, fail, parse_date, typed_text
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("deadlines", help=h["deadlines"], description=h["deadlines"])
    p.add_argument("--sort", default="due", choices=("due", "field", "agency"),
                   help=h["deadlines.sort"])
    p.add_argument("--limit", type=int, default=200, help=h["deadlines.limit"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler=deadlines_)

    a = sub.add_parser("apology", help=h["apology"], description=h["apology"])
    a.add_argument("code", metavar="CODE", help=h["apology.code"])
    a.add_argument("--reason", required=True, metavar="TEXT", help=h["apology.reason"])
    a.add_argument("--new-date", metavar="YYYY-MM-DD", help=h["apology.new_date"])
    a.add_argument("--pdf", metavar="FILE", help=h["apology.pdf"])
    a.add_argument("--clerk", metavar="NAME", help=h["apology.clerk"])
    a.add_argument("--no-print", action="store_true", help=h["apology.no_print"])
    a.add_argument("--no-sms", action="store_true", help=h["apology.no_sms"])
    a.add_argument("--json", action="store_true", help=h["json"])
    a.set_defaults(handler=apology_)


def _hm_dmy(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else "-"


def deadlines_(args: argparse.Namespace) -> int:
    from desk.services.deadlines import watch as deadlines

    ctx = context(args)
    try:
        c = deadlines.counts(ctx)
        rows = deadlines.watch_list(ctx, args.sort, limit=args.limit)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit({"now": ctx.local_now().isoformat(timespec="minutes"), "counts": c.as_dict(),
              "summary": deadlines.at_risk_summary(ctx, c), "sort": args.sort,
              "dossiers": rows}, True)
        return 0
    print(t("deadlines.cli.counts", **c.as_dict()))
    if not rows:
        print(t("deadlines.cli.none"))
    for r in rows:
        letter = t("deadlines.letter_yes") if r["apologised"] else t("deadlines.letter_no")
        print(f"{t('deadline.state.' + r['state']):<16} {_hm_dmy(r['effective_due_at'])}  "
              f"{r['code']}  {r['applicant']}  [{r['field']}] {r['agency'] or '-'}  "
              f"({t('deadlines.col.letter')}: {letter})")
    return 0


def apology_(args: argparse.Namespace) -> int:
    from desk.services.deadlines import apology

    ctx = context(args)
    new_date = parse_date(args.new_date) if args.new_date else None
    try:
        reason = typed_text(ctx, args.reason) or ""  # raw Telex never reaches the letter
        out = apology.issue(ctx, args.code, _actor(ctx, args.clerk), reason, new_date,
                            args.pdf, print_letter=not args.no_print, notify=not args.no_sms)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(out, True)
        return 0
    print(t("apology.cli.done", letter_no=out["letter_no"], code=out["code"]))
    print(t("apology.cli.dates", old=_hm_dmy(out["old_due_at"]), new=_hm_dmy(out["new_due_at"])))
    if out["late"]:
        print(t("apology.cli.late"))
    if out.get("pdf"):
        print(t("apology.cli.pdf", file=out["pdf"]))
    if out.get("pdf_error"):
        print(t("apology.cli.pdf_error", error=out["pdf_error"]), file=sys.stderr)
    if out.get("sms"):
        print(t("apology.cli.sms", phone=out["sms"]))
    return 0
