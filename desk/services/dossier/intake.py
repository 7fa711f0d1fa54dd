"""Intake: a complete dossier is received — code, deadline, events, receipt queued.

Everything of one intake is one transaction (BEGIN IMMEDIATE): the code's sequence, the
citizen, the dossier and its first event commit together or not at all. The receipt is queued
after the commit and a printer problem never undoes or blocks the intake.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from desk.domain.errors import DomainError
from desk.domain.residence import commune_of, other_commune
from desk.domain.text import fold
from desk.services.context import DeskContext
from desk.services.deadlines.clock_check import guard_new_code
from desk.services.dossier import citizens, receipts
from desk.services.dossier.citizens import ApplicantIn, clean_text
from desk.services.dossier.codes import take_dossier_code
from desk.services.dossier.events import record
from desk.services.dossier.projection import rebuild
from desk.services.dossier.shapes import IntakeJobs, IntakeOutput
from desk.services.dossier.views import dossier_view
from desk.services.printing import rule_forms
from desk.services.printing import spooler as printing
from desk.services.printing.paper_jobs import queue_form
from desk.services.printing.rule_forms import set_in_force
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from printers.layouts.assisted import AssistedData, build_assisted
from storage.engine import write_session
from storage.tables import Dossier, Procedure

CHANNELS = ("direct", "online", "postal")
ASSISTED = "online_assisted"  # trực tuyến (hỗ trợ tại quầy): an online-only procedure (issue 16)
_PORTAL_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-]{4,59}")


@dataclass
class IntakeIn:
    procedure_code: str
    applicant: ApplicantIn
    channel: str = "direct"
    sets: int = 1
    notes: str = ""
    documents_present: list[str] | None = None  # None: the clerk did not use the checklist
    received_at: datetime | None = None  # given only when entering history after an outage
    extra: dict[str, Any] = field(default_factory=dict)
    portal_code: str = ""  # the national portal's dossier code of an assisted submission


def missing_documents(required: list[str], present: list[str] | None) -> list[str]:
    if present is None:
        return []
    have = set(present)
    return [d for d in required if d not in have]


def receive(ctx: DeskContext, req: IntakeIn, actor: Actor = SYSTEM, *,
            print_receipt: bool = True) -> IntakeOutput:
    """Receive a complete dossier. Returns the dossier as `show` gives it."""
    require(ctx, actor, "dossier.intake")
    if req.channel not in CHANNELS:
        raise DomainError("intake.bad_channel", channel=req.channel, channels=", ".join(CHANNELS))
    if not 1 <= req.sets <= 99:
        raise DomainError("intake.bad_sets", sets=req.sets)
    applicant = req.applicant.clean(ctx.local_now().date())
    elsewhere = other_commune(applicant.address or "", ctx.settings.office.name)
    now = ctx.now()
    backdated = req.received_at is not None
    received_at = req.received_at or now
    if received_at.tzinfo is None:
        received_at = received_at.replace(tzinfo=ctx.tz)
    if received_at > now:
        raise DomainError("intake.future", at=received_at.astimezone(ctx.tz).strftime(
            "%d/%m/%Y %H:%M"))
    cal = ctx.calendar
    with write_session(ctx.engine) as s:
        proc = s.get(Procedure, req.procedure_code.strip())
        if proc is None or not proc.active:
            raise DomainError("intake.no_procedure", code=req.procedure_code)
        missing = missing_documents(list(proc.documents), req.documents_present)
        if missing:  # an incomplete dossier is not received: Form 02 instead, no code
            raise DomainError("intake.incomplete", missing="; ".join(missing))
        citizen = citizens.upsert(s, applicant, now)
        local_day = received_at.astimezone(ctx.tz).date()
        assisted = proc.online_only or bool(req.portal_code.strip())
        channel = ASSISTED if assisted else req.channel
        if assisted:  # the portal's code is the dossier's; no paper receipt number is taken
            code = _portal_code(s, proc, req.portal_code)
        else:
            guard_new_code(s, now, ctx.tz)  # a clock gone back would date the code wrongly
            code = take_dossier_code(s, ctx.settings.office.id, local_day)
        dossier = Dossier(
            code=code, office_id=ctx.settings.office.id, procedure_code=proc.code,
            field_code=proc.field_code, citizen_id=citizen.id, applicant_name=applicant.name,
            name_folded=fold(applicant.name), channel=channel, sets=req.sets,
            notes=clean_text(req.notes, 2000), time_limit_value=proc.time_limit_value,
            time_limit_unit=proc.time_limit_unit, rule_version=set_in_force(ctx, local_day).id,
            received_at=received_at, due_at=received_at, receiving_clerk_id=actor.id,
            counter_number=actor.counter, updated_at=now,
        )
        s.add(dossier)
        s.flush()
        immediate = proc.time_limit_unit == "same_day" and bool(req.extra.get("immediate"))
        received = record(s, dossier, "receive", received_at, actor, backdated=backdated,
                          first=True, payload={
            "procedure": proc.code, "channel": channel, "sets": req.sets,
            "documents": list(req.documents_present or proc.documents),
            "immediate": immediate, "catalog_version": proc.catalog_version,
            "time_limit": {"value": proc.time_limit_value, "unit": proc.time_limit_unit},
            # a resident of another commune: taken in as usual, flagged for the province
            **({"other_commune": commune_of(applicant.address)} if elsewhere else {}),
        })
        history = [received]  # a new dossier's whole history, in hand: not read back
        rebuild(s, dossier, cal, history)
        s.add(dossier)
        s.flush()
        view = dossier_view(s, dossier, ctx, history=history)
        paper = receipts.view_in(s, dossier, proc, citizen, history) \
            if print_receipt and not assisted else None
    queued: IntakeJobs = {}
    if print_receipt and assisted:  # a guide slip instead of the receipt
        jobs = _queue_guide(ctx, code, actor)
        queued["guide_job"] = jobs.get("slip") or jobs.get("letter")  # what the citizen takes
        queued["guide_a4_job"] = jobs.get("letter")
    elif paper is not None:
        queued["receipt_job"] = _queue_receipt(ctx, paper)
    return {**view, "other_commune": elsewhere, **queued}


def _portal_code(s: Session, proc: Procedure, typed: str) -> str:
    code = typed.strip()
    if not code:
        raise DomainError("intake.online_only", procedure=proc.name)
    if not _PORTAL_CODE.fullmatch(code):
        raise DomainError("intake.bad_portal_code", code=code)
    if s.exec(select(Dossier).where(Dossier.code == code)).first() is not None:
        raise DomainError("intake.portal_code_taken", code=code)
    return code


def _queue_guide(ctx: DeskContext, code: str, actor: Actor) -> dict[str, str]:
    """Queue the guide slip of an assisted online submission — the rule set's guide paper, on
    A4 ("letter") and as a thermal slip ("slip") as the office's printers are; the thermal
    layout alone when the set has none. Never fails the intake."""
    try:
        prepared = rule_forms.prepare_by_key(ctx, "guide", code)
        if prepared is not None:
            return queue_form(ctx, prepared, code)
        v = receipts.load_dossier(ctx, code)
        d = v.dossier
        data = AssistedData(
            office_name=ctx.settings.office.name, portal_code=d.code,
            applicant_name=d.applicant_name,
            procedure_name=v.procedure.name if v.procedure else d.procedure_code,
            documents=tuple(v.procedure.documents) if v.procedure else (),
            submitted_at=d.received_at.astimezone(ctx.tz),
            appointment_at=(d.extended_due_at or d.due_at).astimezone(ctx.tz),
            clerk_name=actor.name)
        return {"slip": str(printing.submit(ctx, build_assisted(data), printer="receipt",
                                            kind="form", ref=code))}
    except Exception:  # a printing fault must not undo a recorded submission
        logging.getLogger("desk.intake").exception("guide slip for %s not queued", code)
        return {}


def _queue_receipt(ctx: DeskContext, paper: receipts.DossierView) -> str | None:
    """Queue Form 01 for printing; never fails the intake (the clerk can reprint). `paper`:
    the rows the intake committed, not read back."""
    code = paper.dossier.code
    try:
        job = printing.submit(ctx, receipts.receipt_document(ctx, code, paper), printer="receipt",
                              kind="receipt", ref=code)
        return str(job)
    except Exception:  # a printing fault must not undo a received dossier
        logging.getLogger("desk.intake").exception("receipt for %s not queued", code)
        return None
