"""`desk printer status NAME`: what the printer (or the print worker) last said, and its queue
(the options: desk/commands/parsers/printer.py; `test`: printer_test.py; `desk print`:
print_receipt.py, print_form.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.printing import spooler as printing

EXIT_NOT_PRINTED = 3  # the job is kept in the queue; the printer was not ready


def printer_status(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        result = printing.status_of(ctx, args.name)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(result, True)
    else:
        label = printing.printer_label(ctx, args.name)  # the clerk's name, not the toml key
        if result["state"] == "offline":
            print(t("print.offline", printer=label, error=result.get("detail", "")))
        elif result["state"] == "unknown":
            print(t("print.no_status", printer=label, transport=result["transport"]))
        else:
            print(t("print.status", printer=label,
                    state=t(f"print.state.{result['state']}")))
        if result["source"] == "worker" and result["checked_at"] is not None:
            at = result["checked_at"].astimezone(ctx.tz)
            print(t("print.checked", at=f"{at:%H:%M:%S %d/%m/%Y}"))
        print(t("print.queue_line", queued=result["queued"], failed=result["failed"]))
    return 0 if result.get("ok") in (True, None) else EXIT_NOT_PRINTED
