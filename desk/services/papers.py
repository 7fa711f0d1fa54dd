"""The papers of a dossier, printed or printed again from its screen: the receipt (Form 01),
the supplement request (Form 02), the refusal (Form 03), the apology letter (Form 04) and
the control sheet (Form 05) — each on the printers the office has (an A4 printer takes the
PDF, a thermal printer the slip).

What the forms say is desk.services.receipts.form_data's (and the layouts'); this module only
chooses which papers exist for a dossier and queues them through desk.services.printing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from desk.domain.errors import DomainError
from desk.services import printing, receipts, rule_forms
from desk.services.context import DeskContext
from printers.layouts.apology import build_apology
from printers.layouts.control import build_control
from printers.layouts.refusal import build_refusal
from printers.layouts.supplement import build_supplement
from printers.pdf import form_pdf

log = logging.getLogger("desk.papers")

# form number → the event that makes it exist (None: always), its thermal layout
FORMS: dict[int, tuple[str | None, Any]] = {
    2: ("request_supplement", build_supplement),
    3: ("refuse", build_refusal),
    4: ("apology", build_apology),
    5: ("handover", build_control),
}


# the papers' numbers above are the 2018 ones; the form printed is the dossier's rule set's
PAPER_KEYS = {2: "supplement", 3: "refusal", 4: "apology", 5: "control"}


@dataclass(frozen=True)
class Paper:
    """One printable paper: `form` 1–5 on `printer` (`kind` "a4" or "thermal")."""

    form: int
    printer: str
    kind: str

    @property
    def id(self) -> str:
        return f"{self.form}:{self.printer}"


def printers_for(ctx: DeskContext) -> tuple[str | None, str | None]:
    """(the A4 printer, the thermal printer) of this office, either may be missing."""
    configured = ctx.settings.printers
    a4 = next((n for n, c in configured.items() if c.kind == "a4"), None)
    slip = "receipt" if "receipt" in configured and configured["receipt"].kind == "thermal" \
        else next((n for n, c in configured.items() if c.kind == "thermal"), None)
    return a4, slip


def papers_of(ctx: DeskContext, view: dict[str, Any]) -> list[Paper]:
    """The papers dossier `view` has: the receipt always, each form once its event happened."""
    a4, slip = printers_for(ctx)
    kinds = {e["kind"] for e in view.get("timeline") or []}
    out = []
    if slip:
        out.append(Paper(1, slip, "thermal"))
    if a4:
        out.append(Paper(1, a4, "a4"))
    for form, (event, _) in FORMS.items():
        if event not in kinds:
            continue
        if a4:
            out.append(Paper(form, a4, "a4"))
        if slip:
            out.append(Paper(form, slip, "thermal"))
    return out


def print_paper(ctx: DeskContext, code: str, paper: Paper) -> str:
    """Queue one paper; returns the print job's id. The thermal receipt already printed is
    printed again as such (marked "BẢN IN LẠI"); every other paper is built from the dossier
    as it stands."""
    if paper.form == 1 and paper.kind == "thermal":
        done = printing.jobs(ctx, printer=paper.printer, ref=code, limit=20)
        old = next((j for j in done if j["kind"] == "receipt"), None)
        if old is not None:
            return str(printing.reprint(ctx, old["id"]))
        return str(printing.submit(ctx, receipts.receipt_document(ctx, code),
                                   printer=paper.printer, kind="receipt", ref=code))
    key = PAPER_KEYS.get(paper.form)
    prepared = rule_forms.prepare_by_key(ctx, key, code) if key else None
    if prepared is not None:  # the form of the dossier's own rule set (issue 16)
        if paper.kind == "a4":
            kind = "letter" if key == "apology" else "form"
            return str(printing.submit(ctx, rule_forms.pdf_bytes(ctx, prepared),
                                       printer=paper.printer, kind=kind, ref=code))
        return str(printing.submit(ctx, rule_forms.thermal_document(prepared),
                                   printer=paper.printer, kind="form", ref=code))
    data = receipts.form_data(ctx, paper.form, code)
    if paper.kind == "a4":
        pdf = form_pdf(data, receipts.letterhead(ctx))
        kind = "letter" if paper.form == 4 else "form"
        return str(printing.submit(ctx, pdf, printer=paper.printer, kind=kind, ref=code))
    if paper.form == 1:
        raise DomainError("papers.unknown", paper=paper.id)
    build = FORMS[paper.form][1]
    return str(printing.submit(ctx, build(data), printer=paper.printer, kind="form", ref=code))


def print_form_as_configured(ctx: DeskContext, code: str, form: int) -> list[str]:
    """Queue Form `form` on every printer the office has (A4 and/or thermal); the job ids.
    A printing fault is logged and never raised: the action that made the form is done."""
    a4, slip = printers_for(ctx)
    jobs = []
    for printer, kind in ((a4, "a4"), (slip, "thermal")):
        if printer is None:
            continue
        try:
            jobs.append(print_paper(ctx, code, Paper(form, printer, kind)))
        except Exception:  # the clerk can print it again from the dossier screen
            log.exception("form %s of %s not queued on %s", form, code, printer)
    return jobs


def find_paper(ctx: DeskContext, view: dict[str, Any], paper_id: str) -> Paper:
    for paper in papers_of(ctx, view):
        if paper.id == paper_id:
            return paper
    raise DomainError("papers.unknown", paper=paper_id)
