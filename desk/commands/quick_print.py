"""`desk print form N CODE --pdf`, quickly (desk/commands/quick.py, issue 19 §1): the dossier
read through `sqlite3` (desk/services/quick/papers.py), the form filled and drawn by the same
code as the regular command (desk.services.printing.form_fill) — no SQLAlchemy, SQLModel or
pydantic. A printer (the spooler's queue), or a file this release would first migrate, takes
the regular command (None)."""

from __future__ import annotations

import argparse

from desk.commands.file_output import write_file
from desk.commands.quick_run import run_quick
from desk.services.printing.form_fill import pdf_bytes
from desk.services.quick import papers
from desk.services.quick.context import QuickContext


def print_form(args: argparse.Namespace) -> int | None:
    if not args.pdf:
        return None

    def body(q: QuickContext) -> int:
        write_file(args.pdf, pdf_bytes(q.ctx, papers.prepare(q, args.form, args.code)))
        return 0
    return run_quick(args, body)
