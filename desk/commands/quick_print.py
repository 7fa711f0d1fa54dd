"""`desk print form N CODE --pdf`, quickly (desk/commands/quick.py, issue 19 §1): the dossier
read through `sqlite3` (desk/services/quick/papers.py), the form filled and drawn by the same
code as the regular command (desk.services.printing.form_fill) — no SQLAlchemy, SQLModel or
pydantic. A printer (the spooler's queue), or a file this release would first migrate, takes
the regular command (None)."""

from __future__ import annotations

import argparse

from desk.commands.base import fail
from desk.commands.context import context
from desk.commands.file_output import write_file
from desk.domain.errors import DomainError
from desk.services.printing.form_fill import pdf_bytes
from desk.services.quick import papers
from desk.services.quick.context import open_quick


def print_form(args: argparse.Namespace) -> int | None:
    if not args.pdf:
        return None
    q = open_quick(context(args))
    if q is None:
        return None
    try:
        data = pdf_bytes(q.ctx, papers.prepare(q, args.form, args.code))
    except DomainError as e:
        raise fail(e) from None
    finally:
        q.close()
    write_file(args.pdf, data)
    return 0
