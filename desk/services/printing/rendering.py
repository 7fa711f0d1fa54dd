"""A print job's bytes, pure: the printer's profile from the settings, the document rendered for
it (with its transcript), the "BẢN IN LẠI" line. Shared by the spooler (spooler.submit, the
worker) and the quick `sqlite3` writer of `desk queue issue` (desk/services/quick/ticket_print.py),
so a ticket is stored as the same bytes whoever queues it. No database."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import TYPE_CHECKING

from desk.domain.errors import DomainError
from desk.i18n import t
from desk.tables_reader import Invalid, read
from printers.document import Document, to_text
from printers.escpos.decode import decode_text
from printers.escpos.profiles import PRESETS, PrinterProfile
from printers.escpos.render import render

if TYPE_CHECKING:
    from desk.config import PrinterConfig
    from desk.services.context import DeskContext

TICKET_TTL = timedelta(minutes=10)  # a queue ticket printed later than this is useless
REPRINT_MARK = "*** BẢN IN LẠI ***"


def printer_config(ctx: DeskContext, name: str) -> PrinterConfig:
    cfg = ctx.settings.printers.get(name)
    if cfg is None:
        raise DomainError("print.unknown_printer", printer=name,
                          known=", ".join(sorted(ctx.settings.printers)) or "-")
    return cfg


def printer_profile(ctx: DeskContext, name: str) -> PrinterProfile | None:
    """PRESETS[profile] with the config's `options` overrides; None for A4 printers."""
    cfg = printer_config(ctx, name)
    if cfg.kind == "a4":
        return None
    base = PRESETS.get(cfg.profile)
    if base is None:
        raise DomainError("print.unknown_profile", printer=name, profile=cfg.profile,
                          known=", ".join(sorted(PRESETS)))
    if not cfg.options:
        return base
    try:  # checked as desk.toml's own tables are
        return read(PrinterProfile, {**dataclasses.asdict(base), **cfg.options})
    except Invalid as e:
        problem = t(e.key, **e.params) if e.key else e.message
        key = ".".join(str(p) for p in e.loc)
        raise DomainError("print.bad_options", printer=name,
                          problem=f"{key}: {problem}" if key else problem) from None


def reprint_header(profile: PrinterProfile) -> bytes:
    """The bytes of the "BẢN IN LẠI" line, sent before a job's own bytes."""
    return render(Document().center(REPRINT_MARK, bold=True), profile)


def render_job(ctx: DeskContext, printer: str,
               document: Document | bytes) -> tuple[bytes, str, str]:
    """(bytes, transcript, profile name) for a document or ready bytes (a PDF, a test sheet)."""
    profile = printer_profile(ctx, printer)
    if isinstance(document, bytes | bytearray):
        data = bytes(document)
        if profile is None:
            return data, "", "pdf"

        return data, decode_text(data, profile), profile.name
    if profile is None:
        raise DomainError("print.a4_needs_pdf", printer=printer)

    return render(document, profile), to_text(document, profile.paper_columns), profile.name
