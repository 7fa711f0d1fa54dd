"""`desk print receipt CODE`: a dossier's receipt, queued for the thermal printer or written as
ESC/POS bytes (the options: desk/commands/parsers/printer.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import fail
from desk.commands.context import context
from desk.commands.file_output import write_file
from desk.commands.print_jobs import queue_and_wait
from desk.domain.errors import DomainError
from desk.services.dossier import receipts
from desk.services.printing import spooler as printing
from printers.escpos.render import render
from printers.layouts.receipt import build_receipt


def print_receipt(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        data = receipts.receipt_data(ctx, args.code)
        doc = build_receipt(data)
        if args.out:

            profile = printing.printer_profile(ctx, args.printer)
            if profile is None:
                raise DomainError("print.a4_needs_pdf", printer=args.printer)
            write_file(args.out, render(doc, profile))
            return 0
        return queue_and_wait(ctx, doc, args.printer, "receipt", data.dossier_code,
                               args.timeout, args.json, once=True)
    except DomainError as e:
        raise fail(e) from None
