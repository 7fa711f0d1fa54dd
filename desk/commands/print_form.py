"""`desk print form N CODE`: form N of the dossier's own rule set, as an A4 PDF or a thermal slip
(the options: desk/commands/parsers/printer.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import fail
from desk.commands.context import context
from desk.commands.file_output import write_file
from desk.commands.print_jobs import queue_and_wait
from desk.domain.errors import DomainError
from desk.services.printing import rule_forms
from desk.services.printing import spooler as printing


def print_form(args: argparse.Namespace) -> int:
    """Form N of the dossier's own rule set (a 2018 dossier keeps the old numbers): an A4
    PDF, or the thermal slip when --printer names a thermal printer (issue 16)."""
    ctx = context(args)
    try:
        prepared = rule_forms.prepare(ctx, args.form, args.code)
        if args.pdf:
            write_file(args.pdf, rule_forms.pdf_bytes(ctx, prepared))
            return 0
        kind = "letter" if prepared.form.key in ("apology", "stop") else "form"
        if printing.printer_profile(ctx, args.printer) is not None:  # a thermal printer
            data: Any = rule_forms.thermal_document(prepared)
            kind = "form"
        else:
            data = rule_forms.pdf_bytes(ctx, prepared)
        return queue_and_wait(ctx, data, args.printer, kind, args.code, args.timeout,
                               args.json)
    except DomainError as e:
        raise fail(e) from None
