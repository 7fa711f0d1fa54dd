"""Queue a dossier's form of its rule set on the office's printers: the A4 paper on the first
A4 printer, the slip on the receipt (or first thermal) printer. Used for papers issued by an
action: the apology letter (Form 04) and the stop notice (Form 05, 2025 set). Never raises: the
action is recorded; a printing fault is logged and the clerk reprints with `desk print form`."""

from __future__ import annotations

import logging

from desk.services.context import DeskContext
from desk.services.printing import rule_forms
from desk.services.printing import spooler as printing
from desk.services.printing.rule_forms import PreparedForm

__all__ = ["queue_form", "queue_stop_notice"]

log = logging.getLogger("desk.papers")


def queue_form(ctx: DeskContext, prepared: PreparedForm, code: str,
               pdf: bytes | None = None) -> dict[str, str]:
    """Queue the A4 paper (`pdf`, or rendered here) and the thermal slip; the job ids."""
    jobs: dict[str, str] = {}
    printers = ctx.settings.printers
    a4 = next((n for n, c in printers.items() if c.kind == "a4"), None)
    slip = "receipt" if "receipt" in printers else \
        next((n for n, c in printers.items() if c.kind == "thermal"), None)
    kind = "letter" if prepared.form.key in ("apology", "stop") else "form"
    try:
        if a4 is not None:
            data = pdf if pdf is not None else rule_forms.pdf_bytes(ctx, prepared)
            jobs["letter"] = str(printing.submit(ctx, data, printer=a4, kind=kind, ref=code))
        if slip is not None:
            jobs["slip"] = str(printing.submit(ctx, rule_forms.thermal_document(prepared),
                                               printer=slip, kind="form", ref=code))
    except Exception:  # the action is recorded; a printing fault must not undo it
        log.exception("form %s of %s not queued", prepared.form.number, code)
    return jobs


def queue_stop_notice(ctx: DeskContext, code: str) -> dict[str, str]:
    """Form 05 "Thông báo dừng giải quyết hồ sơ" of a stopped or withdrawn dossier, when its
    rule set has one (the 2018 set has none)."""
    try:
        prepared = rule_forms.prepare_by_key(ctx, "stop", code)
    except Exception:
        log.exception("stop notice of %s not prepared", code)
        return {}
    return {} if prepared is None else queue_form(ctx, prepared, code)
