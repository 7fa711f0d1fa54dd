"""The papers of a dossier, printed or printed again from its screen: the receipt, the
supplement request, the refusal, the apology letter, the stop notice and the control slip —
the forms of the dossier's own rule set (desk.services.printing.rule_forms), each on the
printers the office has (an A4 printer takes the PDF, a thermal printer the slip).

What the forms say is rule_forms' (and the layouts'); this module only chooses which papers
exist for a dossier and queues them through desk.services.printing.spooler / paper_jobs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier import receipts
from desk.services.printing import paper_jobs, rule_forms
from desk.services.printing import spooler as printing

log = logging.getLogger("desk.papers")

# form key → the events that make it exist (empty: every dossier has it)
EXISTS_AFTER: dict[str, tuple[str, ...]] = {
    "receipt": (),
    "supplement": ("request_supplement",),
    "refusal": ("refuse",),
    "apology": ("apology",),
    "stop": ("stop", "withdraw"),
    "control": (),
}
ASSISTED = "online_assisted"  # submitted on the portal: the guide slip stands for the receipt


@dataclass(frozen=True)
class Paper:
    """One printable paper: the form `key` ("receipt", "supplement"…) of the dossier's set,
    its `number` and `title` there, on `printer` (`kind` "a4" or "thermal")."""

    key: str
    number: str
    title: str
    printer: str
    kind: str

    @property
    def id(self) -> str:
        return f"{self.key}:{self.printer}"


def printers_for(ctx: DeskContext) -> tuple[str | None, str | None]:
    """(the A4 printer, the thermal printer) of this office, either may be missing."""
    configured = ctx.settings.printers
    a4 = next((n for n, c in configured.items() if c.kind == "a4"), None)
    slip = "receipt" if "receipt" in configured and configured["receipt"].kind == "thermal" \
        else next((n for n, c in configured.items() if c.kind == "thermal"), None)
    return a4, slip


def papers_of(ctx: DeskContext, view: dict[str, Any]) -> list[Paper]:
    """The papers dossier `view` has: the receipt and the control slip always, each other
    form once its event happened; in the numbers and titles of the dossier's rule set."""
    a4, slip = printers_for(ctx)
    kinds = {e["kind"] for e in view.get("timeline") or []}
    rs = rule_forms.dossier_set(ctx, receipts.load_dossier(ctx, view["code"]).dossier)
    out = []
    for key, events in EXISTS_AFTER.items():
        if key == "receipt" and view.get("channel") == ASSISTED and rs.form_by_key("guide"):
            key = "guide"  # no paper receipt was given: the guide slip instead
        form = rs.form_by_key(key)
        if form is None or (events and not kinds & set(events)):
            continue
        for printer, kind in ((slip, "thermal"), (a4, "a4")):
            if printer is not None:
                out.append(Paper(key, form.number, form.title, printer, kind))
    return out


def print_paper(ctx: DeskContext, code: str, paper: Paper) -> str:
    """Queue one paper; returns the print job's id. The thermal receipt already printed is
    printed again as such (marked "BẢN IN LẠI"); every other paper is built from the dossier
    as it stands."""
    if paper.key == "receipt" and paper.kind == "thermal":
        done = printing.jobs(ctx, printer=paper.printer, ref=code, limit=20)
        old = next((j for j in done if j["kind"] == "receipt"), None)
        if old is not None:
            return str(printing.reprint(ctx, old["id"]))
        return str(printing.submit(ctx, receipts.receipt_document(ctx, code),
                                   printer=paper.printer, kind="receipt", ref=code))
    prepared = rule_forms.prepare_by_key(ctx, paper.key, code)
    if prepared is None:
        raise DomainError("papers.unknown", paper=paper.id)
    if paper.kind == "a4":
        kind = "letter" if paper.key in ("apology", "stop") else "form"
        return str(printing.submit(ctx, rule_forms.pdf_bytes(ctx, prepared),
                                   printer=paper.printer, kind=kind, ref=code))
    return str(printing.submit(ctx, rule_forms.thermal_document(prepared),
                               printer=paper.printer, kind="form", ref=code))


def print_form_as_configured(ctx: DeskContext, code: str, key: str) -> list[str]:
    """Queue the form `key` of the dossier's set on the office's printers (A4 and/or
    thermal, desk.services.printing.paper_jobs); the job ids. Never raises: the action that made the
    form is recorded, and the clerk can print it again from the dossier screen."""
    try:
        prepared = rule_forms.prepare_by_key(ctx, key, code)
    except Exception:
        log.exception("form %s of %s not prepared", key, code)
        return []
    return [] if prepared is None else list(paper_jobs.queue_form(ctx, prepared, code).values())


def find_paper(ctx: DeskContext, view: dict[str, Any], paper_id: str) -> Paper:
    for paper in papers_of(ctx, view):
        if paper.id == paper_id:
            return paper
    raise DomainError("papers.unknown", paper=paper_id)


def queue_incomplete(ctx: DeskContext, procedure_name: str, applicant_name: str,
                     missing: list[str], clerk_name: str) -> dict[str, str]:
    """Form 02 of the set in force for a dossier found incomplete at the counter (it is not
    received: no code), A4 and/or thermal as the office's printers are; the job ids (empty
    when nothing could be queued: the clerk writes the form by hand)."""
    log.info("form 02 at the counter by %s: %s, missing %s", clerk_name, procedure_name, missing)
    try:
        prepared = rule_forms.prepare_incomplete(ctx, procedure_name, applicant_name, missing,
                                                 clerk_name)
    except Exception:
        log.exception("form 02 at the counter not prepared")
        return {}
    return {} if prepared is None else paper_jobs.queue_form(ctx, prepared, "")
