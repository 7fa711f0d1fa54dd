"""`desk printer test NAME`: a test sheet through the thermal printer's own profile (the
options: desk/commands/parsers/printer.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import CommandError, fail
from desk.commands.context import context
from desk.commands.print_jobs import queue_and_wait
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.printing import spooler as printing
from printers.escpos.testsheet import testsheet_bytes


def printer_test(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        profile = printing.printer_profile(ctx, args.name)
        if profile is None:
            raise CommandError(t("print.thermal_only", printer=args.name), 2)
        return queue_and_wait(ctx, testsheet_bytes(profile), args.name, "test", "testsheet",
                               args.timeout, args.json)
    except DomainError as e:
        raise fail(e) from None
