"""The forms of a dossier's rule set (desk/rules), filled with the values of a loaded dossier
(desk.services.dossier.paper_view.DossierView). Pure: desk.services.printing.rule_forms
loads the dossier with SQLModel, desk.services.quick.papers with `sqlite3`; the values, the
PDF and the thermal slip are made here for both.

A dossier is printed with the set it recorded at receipt (`dossier.rule_version`), so the
clock, the office's settings or a newer set never change a reprint. Every value comes from the
dossier, its events and the office's fixed settings: nothing depends on today's date except
the issue date of a paper that was never issued before (a book or control slip printed now).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desk.domain.errors import DomainError
from desk.rules import FormSpec, RuleSet, all_sets, get_set, set_for
from desk.services.context import DeskContext
from desk.services.dossier.paper_view import DossierView, control_steps, receipt_values
from desk.services.dossier.shapes import FeeQrOut
from printers.document import Document
from printers.layouts.spec_form import build_spec_form
from printers.pdf import Letterhead
from printers.pdf.spec_form import spec_pdf

__all__ = ["PreparedForm", "authority_lines", "dossier_set", "form_values", "letterhead",
           "pdf_bytes", "place_of", "prepare_incomplete", "prepared", "rules_dir",
           "set_in_force", "sets", "thermal_document"]

UNIT = "Bộ phận Tiếp nhận và Trả kết quả"
DEFAULT_SUPPLEMENT_REASON = "Hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định"
_COMMUNE = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+"
                      r"(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố)\s+(.+?)\s*(?:\(.*\))?$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class PreparedForm:
    rule_set: RuleSet
    form: FormSpec
    values: dict[str, Any]
    office_name: str
    place: str


def rules_dir(ctx: DeskContext) -> Path:
    """The office's own rule-set files (`<data dir>/rules/*.json`)."""
    return ctx.settings.data_dir / "rules"


def sets(ctx: DeskContext) -> tuple[RuleSet, ...]:
    return all_sets(rules_dir(ctx))


def set_in_force(ctx: DeskContext, day: date) -> RuleSet:
    """The set a dossier received on local `day` records: by date, unless the office forces
    one (`[office] form_set = "2018"`)."""
    forced = ctx.settings.office.form_set
    if forced and forced != "auto":
        return get_set(forced, rules_dir(ctx))
    return set_for(day, rules_dir(ctx))


def dossier_set(ctx: DeskContext, dossier: Any) -> RuleSet:
    """The set recorded on `dossier` (the set of its receipt date when the id is unknown)."""
    try:
        return get_set(str(dossier.rule_version), rules_dir(ctx))
    except DomainError:
        return set_for(dossier.received_at.astimezone(ctx.tz).date(), rules_dir(ctx))


def place_of(office_name: str, province: str) -> str:
    """The place of the date line (Decree 30): the commune of "UBND xã Minh Châu", else the
    province."""
    m = _COMMUNE.match(office_name.strip())
    return m.group(1).strip() if m else province


def authority_lines(office_name: str, signer_title: str) -> str:
    """The authority line(s) above the signer's title: "TM. ỦY BAN NHÂN DÂN" for a people's
    committee, plus "KT. CHỦ TỊCH" when a deputy ("PHÓ …") signs."""
    lines = []
    if re.match(r"^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b", office_name.strip(),
                re.IGNORECASE):
        lines.append("TM. ỦY BAN NHÂN DÂN")
    title = signer_title.strip().upper()
    if title.startswith("PHÓ "):
        lines.append(f"KT. {title[4:]}")
    return "\n".join(lines)


def _latest(v: DossierView, kinds: tuple[str, ...]) -> Any:
    return next((e for e in reversed(v.events) if str(e.kind) in kinds), None)


def _seq(v: DossierView) -> str:
    return str(v.dossier.code).rsplit("-", 1)[-1]


def _local(ctx: DeskContext, at: datetime | None) -> datetime | None:
    return at.astimezone(ctx.tz) if at is not None else None


def _common(ctx: DeskContext, v: DossierView, form: FormSpec) -> dict[str, Any]:
    d, o = v.dossier, ctx.settings.office
    return {
        "office_name": o.name, "unit": UNIT, "dossier_code": d.code,
        "applicant_name": d.applicant_name,
        "applicant_address": v.citizen.address if v.citizen else "",
        "applicant_phone": (v.citizen.phone or "") if v.citizen else "",
        "procedure_name": v.procedure.name if v.procedure else d.procedure_code,
        "received_at": _local(ctx, d.received_at),
        "appointment_at": _local(ctx, d.extended_due_at or d.due_at),
        "clerk_name": v.clerk.name if v.clerk else "",
        "signer_title": o.signer_title, "signer_name": o.signer_name or "",
        "authority": authority_lines(o.name, o.signer_title),
        "number": f"{_seq(v)}/{form.symbol}" if form.symbol else "", "symbol": form.symbol,
        "date": _local(ctx, d.received_at),
    }


def _receipt(ctx: DeskContext, v: DossierView, out: dict[str, Any],
             fee: FeeQrOut | None) -> None:
    r = receipt_values(ctx, v, fee)
    out.update(applicant_address=r.applicant_address, applicant_phone=r.applicant_phone,
               documents=list(r.documents), sets=r.sets, time_limit_text=r.time_limit_text,
               collect_at=r.collect_at, clerk_name=r.clerk_name,
               qr=r.status_url or r.dossier_code,
               document_rows=[{"no": str(i), "name": doc, "count": "01"}
                              for i, doc in enumerate(r.documents, 1)])


def _supplement(ctx: DeskContext, v: DossierView, out: dict[str, Any]) -> None:
    ev = _latest(v, ("request_supplement",))
    p = ev.payload if ev is not None else {}
    docs = [str(x) for x in (p.get("documents") or p.get("requests") or []) if str(x)]
    out.update(requests=docs or ([p["reason"]] if p.get("reason") else []),
               reason=p.get("reason") or DEFAULT_SUPPLEMENT_REASON,
               issued_at=_local(ctx, ev.at) if ev else None, contact_words="")
    if ev is not None:
        out["clerk_name"] = ev.clerk_name or out["clerk_name"]
        out["date"] = out["issued_at"]


def _refusal(ctx: DeskContext, v: DossierView, out: dict[str, Any]) -> None:
    ev = _latest(v, ("refuse",))
    p = ev.payload if ev is not None else {}
    reasons = p.get("reasons") or ([p["reason"]] if p.get("reason") else [])
    out.update(reasons=[str(x) for x in reasons], issued_at=_local(ctx, ev.at) if ev else None)
    if ev is not None:
        out["clerk_name"] = ev.clerk_name or out["clerk_name"]
        out["date"] = out["issued_at"]


def _apology(ctx: DeskContext, v: DossierView, out: dict[str, Any]) -> None:
    d, texts = v.dossier, out["texts"]
    ev = _latest(v, ("apology", "extend"))
    p = ev.payload if ev is not None else {}
    new = datetime.fromisoformat(p["new_due_at"]) if p.get("new_due_at") else d.extended_due_at
    old = datetime.fromisoformat(p["old_due_at"]) if p.get("old_due_at") else d.due_at
    out.update(old_appointment=_local(ctx, old), new_appointment=_local(ctx, new),
               reason=p.get("reason", ""),
               late_words=texts.get("late", "") if p.get("late") else "",
               issued_at=_local(ctx, ev.at) if ev else None)
    out["date"] = out["issued_at"] or ctx.local_now()  # issued on, not the new date
    letter = str(p.get("letter_no") or "")
    out["letter_no"] = letter
    if letter:
        out["number"] = f"{letter.split('/')[0]}/{out['symbol'] or 'XL'}"


def _stop(ctx: DeskContext, v: DossierView, out: dict[str, Any]) -> None:
    texts = out["texts"]
    ev = _latest(v, ("stop", "withdraw"))
    p = ev.payload if ev is not None else {}
    reason = str(p.get("reason") or "")
    if ev is not None and ev.kind == "withdraw":
        reason = texts.get("withdrawn", "") + (f": {reason}" if reason else "")
    out.update(reason=reason, stopped_at=_local(ctx, ev.at) if ev else None,
               issued_at=_local(ctx, ev.at) if ev else None, stop_kind=ev.kind if ev else "")
    out["date"] = out["issued_at"] or ctx.local_now()  # not issued yet: a draft of today


def _control(ctx: DeskContext, v: DossierView, out: dict[str, Any]) -> None:
    office = ctx.settings.office.name
    steps = control_steps(ctx, v, office)
    out["step_rows"] = [{"agency": f"{i}. Giao: {s.giver}\nNhận: {s.receiver}",
                         "handed_at": s.handed_at, "result": s.result, "note": ""}
                        for i, s in enumerate(steps, 1)]


def _book(ctx: DeskContext, v: DossierView, out: dict[str, Any]) -> None:
    d = v.dossier
    transfer = next((e for e in v.events if e.kind == "transfer"), None)

    def when(at: datetime | None) -> str:
        return at.astimezone(ctx.tz).strftime("%d/%m/%Y %H:%M") if at else "…"

    dates = " / ".join(when(x) for x in (d.received_at, d.extended_due_at or d.due_at,
                                          transfer.at if transfer else None, d.result_at,
                                          d.returned_at))
    contact = ", ".join(x for x in (out["applicant_address"], out["applicant_phone"]) if x)
    out["book_rows"] = [{"no": "1", "code": d.code, "procedure": out["procedure_name"],
                         "sets": str(d.sets), "applicant": d.applicant_name, "contact": contact,
                         "agency": d.handling_agency, "dates": dates}]
    out["date"] = _local(ctx, d.received_at)


def _guide(ctx: DeskContext, v: DossierView, out: dict[str, Any]) -> None:
    """The guide slip of an assisted online submission: the code is the portal's."""
    texts = out["texts"]
    ev = next((e for e in v.events if e.kind == "receive"), None)
    docs = (ev.payload or {}).get("documents") if ev is not None else None
    out.update(documents=[str(x) for x in (docs or (v.procedure.documents if v.procedure
                                                     else []))],
               channel_text=texts.get("channel", ""), portal_url=texts.get("portal_url", ""),
               qr=texts.get("portal_url", "") or None)


_FILLERS = {"supplement": _supplement, "refusal": _refusal, "apology": _apology,
            "stop": _stop, "control": _control, "book": _book, "guide": _guide}


def form_values(ctx: DeskContext, form: FormSpec, v: DossierView,
                fee: FeeQrOut | None = None) -> dict[str, Any]:
    """The values of `form` for dossier `v`; `fee`: the VietQR of its fee due, which the
    receipt carries (fee_due.due_qr; None: nothing due or no bank)."""
    out = _common(ctx, v, form)
    out["texts"] = form.texts
    if form.key == "receipt":
        _receipt(ctx, v, out, fee)
    elif (filler := _FILLERS.get(form.key)) is not None:
        filler(ctx, v, out)
    return out


def prepared(ctx: DeskContext, rs: RuleSet, form: FormSpec, v: DossierView,
             fee: FeeQrOut | None = None) -> PreparedForm:
    o = ctx.settings.office
    return PreparedForm(rs, form, form_values(ctx, form, v, fee), o.name,
                        place_of(o.name, o.province))


def prepare_incomplete(ctx: DeskContext, procedure_name: str, applicant_name: str,
                       missing: list[str], clerk_name: str) -> PreparedForm | None:
    """The supplement request (Form 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ") of the set in
    force today, for a dossier found incomplete at the counter: it guides the citizen to
    complete it. The dossier is not received, so the paper has no code and no number; None
    when the set has no such form."""
    now = ctx.local_now()
    rs = set_in_force(ctx, now.date())
    form = rs.form_by_key("supplement")
    if form is None:
        return None
    o = ctx.settings.office
    values: dict[str, Any] = {
        "office_name": o.name, "unit": UNIT, "dossier_code": "", "number": "",
        "symbol": form.symbol, "texts": form.texts, "applicant_name": applicant_name.strip(),
        "applicant_address": "", "applicant_phone": "", "procedure_name": procedure_name,
        "received_at": now, "appointment_at": None, "clerk_name": clerk_name,
        "signer_title": o.signer_title, "signer_name": o.signer_name or "",
        "authority": authority_lines(o.name, o.signer_title), "requests": list(missing),
        "reason": DEFAULT_SUPPLEMENT_REASON, "issued_at": now, "date": now,
        "contact_words": ""}
    return PreparedForm(rs, form, values, o.name, place_of(o.name, o.province))


def letterhead(ctx: DeskContext, prepared: PreparedForm) -> Letterhead:
    o = ctx.settings.office
    return Letterhead(office_name=o.name, place=prepared.place, form_set=prepared.rule_set.id,
                      signer_title=o.signer_title, signer_name=o.signer_name)


def pdf_bytes(ctx: DeskContext, prepared: PreparedForm) -> bytes:
    return spec_pdf(prepared.form, prepared.values, letterhead(ctx, prepared),
                    created=ctx.local_now())


def thermal_document(prepared: PreparedForm) -> Document:
    return build_spec_form(prepared.form, prepared.values, prepared.office_name, prepared.place)
