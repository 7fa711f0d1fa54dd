"""`desk printer test|status NAME`, `desk print receipt CODE`, `desk print form N CODE`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, context, emit, fail
from desk.domain.errors import DomainError
from desk.i18n import t

EXIT_NOT_PRINTED = 3  # the job is kept in the queue; the printer was not ready


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("printer", help=h["printer"], description=h["printer"])
    psub = p.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    test = psub.add_parser("test", help=h["printer.test"], description=h["printer.test"])
    test.add_argument("name", metavar="NAME", help=h["printer.name"])
    test.add_argument("--timeout", type=float, default=15.0, help=h["printer.timeout"])
    test.add_argument("--json", action="store_true", help=h["json"])
    test.set_defaults(handler=printer_test)
    st = psub.add_parser("status", help=h["printer.status"], description=h["printer.status"])
    st.add_argument("name", metavar="NAME", help=h["printer.name"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler=printer_status)

    q = sub.add_parser("print", help=h["print"], description=h["print"])
    qsub = q.add_subparsers(dest="print_command", metavar="WHAT", required=True)
    rc = qsub.add_parser("receipt", help=h["print.receipt"], description=h["print.receipt"])
    rc.add_argument("code", metavar="CODE", help=h["print.code"])
    rc.add_argument("--printer", default="receipt", metavar="NAME", help=h["print.printer"])
    rc.add_argument("--out", metavar="FILE", help=h["print.out"])
    rc.add_argument("--timeout", type=float, default=15.0, help=h["printer.timeout"])
    rc.add_argument("--json", action="store_true", help=h["json"])
    rc.set_defaults(handler=print_receipt)
    fm = qsub.add_parser("form", help=h["print.form"], description=h["print.form"])
    fm.add_argument("form", metavar="N", type=int, choices=range(1, 8), help=h["print.n"])
    fm.add_argument("code", metavar="CODE", help=h["print.code"])
    fm.add_argument("--pdf", metavar="FILE", help=h["print.pdf"])
    fm.add_argument("--printer", default="a4", metavar="NAME", help=h["print.printer"])
    fm.add_argument("--timeout", type=float, default=15.0, help=h["printer.timeout"])
    fm.add_argument("--json", action="store_true", help=h["json"])
    fm.set_defaults(handler=print_form)


def _queue_and_wait(ctx: Any, data: Any, printer: str, kind: str, ref: str,
                    timeout: float, as_json: bool, once: bool = False) -> int:
    """Queue (with `once`: unless the same paper already waits), then send for `timeout` s."""
    from desk.services.printing import spooler as printing
    from desk.services.printing import worker as print_worker

    how = "new"
    if once:
        jid, how = printing.submit_once(ctx, data, printer=printer, kind=kind, ref=ref)
    else:
        jid = printing.submit(ctx, data, printer=printer, kind=kind, ref=ref)
    if not as_json and how == "waiting":
        print(t("print.already_waiting", ref=ref, printer=printer, job=jid))
    elif not as_json and how == "reprint":
        print(t("print.as_reprint"))
    print_worker.drain(ctx, timeout, [printer])
    job = printing.job(ctx, jid) or {}
    if as_json:
        emit({**{k: v for k, v in job.items() if k != "transcript"}, "submitted": how}, True)
    elif job.get("state") == "done":
        print(t("print.done", printer=printer))
    else:
        print(t("print.queued", job=jid, bytes=job.get("bytes", 0)))
        print(t("print.waiting", printer=printer, error=job.get("last_error") or "-"))
    return 0 if job.get("state") == "done" else EXIT_NOT_PRINTED


def printer_test(args: argparse.Namespace) -> int:
    from desk.services.printing import spooler as printing
    from printers.escpos.testsheet import testsheet_bytes

    ctx = context(args)
    try:
        profile = printing.printer_profile(ctx, args.name)
        if profile is None:
            raise CommandError(t("print.thermal_only", printer=args.name), 2)
        return _queue_and_wait(ctx, testsheet_bytes(profile), args.name, "test", "testsheet",
                               args.timeout, args.json)
    except DomainError as e:
        raise fail(e) from None


def printer_status(args: argparse.Namespace) -> int:
    from desk.services.printing import spooler as printing

    ctx = context(args)
    try:
        result = printing.status_of(ctx, args.name)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(result, True)
    else:
        if result["state"] == "offline":
            print(t("print.offline", printer=args.name, error=result.get("detail", "")))
        elif result["state"] == "unknown":
            print(t("print.no_status", printer=args.name, transport=result["transport"]))
        else:
            print(t("print.status", printer=args.name,
                    state=t(f"print.state.{result['state']}")))
        if result["source"] == "worker" and result["checked_at"] is not None:
            at = result["checked_at"].astimezone(ctx.tz)
            print(t("print.checked", at=f"{at:%H:%M:%S %d/%m/%Y}"))
        print(t("print.queue_line", queued=result["queued"], failed=result["failed"]))
    return 0 if result.get("ok") in (True, None) else EXIT_NOT_PRINTED


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as e:
        raise CommandError(t("cli.permission", error=f"{path}: {e.strerror}"), 1) from None
    print(t("print.saved", bytes=len(data), file=path))


def print_receipt(args: argparse.Namespace) -> int:
    from desk.services.dossier import receipts
    from desk.services.printing import spooler as printing
    from printers.layouts.receipt import build_receipt

    ctx = context(args)
    try:
        data = receipts.receipt_data(ctx, args.code)
        doc = build_receipt(data)
        if args.out:
            from printers.escpos.render import render

            profile = printing.printer_profile(ctx, args.printer)
            if profile is None:
                raise DomainError("print.a4_needs_pdf", printer=args.printer)
            _write(args.out, render(doc, profile))
            return 0
        return _queue_and_wait(ctx, doc, args.printer, "receipt", data.dossier_code,
                               args.timeout, args.json, once=True)
    except DomainError as e:
        raise fail(e) from None


def print_form(args: argparse.Namespace) -> int:
    """Form N of the dossier's own rule set (a 2018 dossier keeps the old numbers): an A4
    PDF, or the thermal slip when --printer names a thermal printer (issue 16)."""
    from desk.services.printing import rule_forms
    from desk.services.printing import spooler as printing

    ctx = context(args)
    try:
        prepared = rule_forms.prepare(ctx, args.form, args.code)
        if args.pdf:
            _write(args.pdf, rule_forms.pdf_bytes(ctx, prepared))
            return 0
        kind = "letter" if prepared.form.key in ("apology", "stop") else "form"
        if printing.printer_profile(ctx, args.printer) is not None:  # a thermal printer
            data: Any = rule_forms.thermal_document(prepared)
            kind = "form"
        else:
            data = rule_forms.pdf_bytes(ctx, prepared)
        return _queue_and_wait(ctx, data, args.printer, kind, args.code, args.timeout,
                               args.json)
    except DomainError as e:
        raise fail(e) from None
