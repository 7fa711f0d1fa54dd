"""Apology letters (Form 04): the reason and the new appointment date, once per dossier.

Rules (design/domain.md §3; DECISIONS marked):
* Only a supervisor or an administrator issues a letter (`check_can_issue`, the one place
  issue 9's role rules will replace).
* A reason is required (`COMMON_REASONS` offers the usual ones).
* The new date may be set once only: a second letter is refused, naming the first one's date.
* The new date is a working day after the original deadline and after now. DECISION: the new
  appointment is the END of that working day (17:00 by default) — the letter says "trước
  17 giờ 00 ngày …". The proposal is N more working days from the later of the deadline and
  now, N = `office.apology_extension_days` when that setting exists, else the procedure's
  own time limit (in working days, at least 1).
* A letter issued less than one working day before the original deadline, or after it, is
  allowed but marked late (payload `late`).
* Letters only for dossiers still being worked on (RECEIVED, TRANSFERRED, PROCESSING) and not
  paused.
* Letter numbers run per office and calendar year ("007/2026"), taken under the write lock
  from dossier_sequence (office id + "#XL", 1 January of the year) — no schema change needed.

Printing and the SMS notice happen after the commit; a printer or SMS fault never undoes a
recorded letter (the supervisor can reprint).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desk.domain.errors import DomainError
from desk.domain.states import DossierStatus, label_key
from desk.i18n import has, t
from desk.services.context import DeskContext
from desk.services.deadlines.shapes import ApologyOut
from desk.services.dossier.citizens import clean_text
from desk.services.dossier.codes import take_sequence
from desk.services.dossier.events import record
from desk.services.dossier.projection import load_events, rebuild
from desk.services.dossier.shapes import DossierView
from desk.services.dossier.views import dossier_view, get_dossier
from desk.services.notify.worker import flush_files
from desk.services.printing import rule_forms
from desk.services.printing import spooler as printing
from desk.services.printing.paper_jobs import queue_form
from desk.services.trust.actor import Actor
from desk.services.trust.roles import require
from printers.layouts.apology import ApologyData, build_apology
from printers.pdf import Letterhead, apology_pdf
from storage.engine import read_session, write_session
from storage.tables import Dossier

__all__ = ["COMMON_REASONS", "ISSUABLE", "ISSUER_ROLES", "ApologyDraft", "check_can_issue",
           "draft", "extension_days", "issue", "letter_pdf", "resolve_new_due"]

log = logging.getLogger("desk.apology")

COMMON_REASONS: tuple[str, ...] = (
    "Cần xác minh thêm thông tin với cơ quan, đơn vị có liên quan",
    "Cơ quan phối hợp chưa có ý kiến trả lời đúng hạn",
    "Cần xin ý kiến của cơ quan có thẩm quyền cấp trên",
    "Cần kiểm tra, khảo sát thực địa",
    "Số lượng hồ sơ tiếp nhận tăng đột biến",
    "Hệ thống phần mềm, đường truyền gặp sự cố",
    "Công chức giải quyết vắng mặt vì lý do bất khả kháng (ốm đau, thiên tai)",
)
ISSUER_ROLES = ("supervisor", "admin")
ISSUABLE = ("RECEIVED", "TRANSFERRED", "PROCESSING")
LETTER_SERIES = "#XL"
KIND = "apology"
NOTICES_OFF = "notices_off"  # desk/services/notify/notices.py reads it from the session


def check_can_issue(actor: Actor) -> None:
    """Only supervisors and administrators sign apology letters."""
    if actor.role not in ISSUER_ROLES:
        key = f"apology.role_name.{actor.role}"  # a role the desk does not name: as written
        raise DomainError("apology.role", name=actor.name,
                          role=t(key) if has(key) else actor.role)


def require_issuer(ctx: DeskContext, actor: Actor, code: str) -> None:
    """The role rule, checked (and a refusal audited) by desk.services.trust.roles."""
    check_can_issue(actor)  # the apology's own wording for the common case
    require(ctx, actor, "apology.issue", target=code)


def extension_days(ctx: DeskContext, limit_value: int, limit_unit: str) -> int:
    """N working days a letter adds by default."""
    setting = getattr(ctx.settings.office, "apology_extension_days", None)
    if isinstance(setting, int) and setting > 0:
        return setting
    if limit_unit == "working_hours":
        hours = ctx.calendar.hours_per_day.total_seconds() / 3600
        return max(1, math.ceil(limit_value / hours))
    if limit_unit == "same_day":
        return 1
    return max(1, int(limit_value))


def _fmt(ctx: DeskContext, dt: datetime) -> str:
    return dt.astimezone(ctx.tz).strftime("%H:%M %d/%m/%Y")


def _day(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def resolve_new_due(ctx: DeskContext, old_due: datetime, new_due: date | datetime | None,
                    limit: tuple[int, str], now: datetime | None = None) -> datetime:
    """The new appointment instant: proposed by the calendar when `new_due` is None; a date
    becomes the end of that working day. Refuses non-working days and dates not after both
    the original deadline and now."""
    cal = ctx.calendar
    now = cal.local(now or ctx.now())
    if new_due is None:
        base = max(now, cal.local(old_due))
        target = cal.local(cal.add_working_days(base, extension_days(ctx, *limit))).date()
        end = cal.day_end(target)
        assert end is not None  # add_working_days always lands on a working day
        return end
    if isinstance(new_due, datetime):
        moment = cal.local(new_due)
        day = moment.date()
    else:
        day, moment = new_due, None
    info = cal.day_info(day)
    if not info.working:
        raise DomainError("apology.not_working_day", date=_day(day),
                          why=t(info.reason_key, note=info.note, date=day.isoformat()),
                          next=_day(cal.next_working_day(day)))
    if moment is None:
        moment = cal.day_end(day)
        assert moment is not None
    if moment <= cal.local(old_due):
        raise DomainError("apology.not_later", new=_fmt(ctx, moment), old=_fmt(ctx, old_due))
    if moment <= now:
        raise DomainError("apology.in_past", new=_fmt(ctx, moment), now=_fmt(ctx, now))
    return moment


def _is_late(ctx: DeskContext, now: datetime, old_due: datetime) -> bool:
    """Less than one working day of working time left before the original deadline."""
    cal = ctx.calendar
    return cal.add_working_time(now, cal.hours_per_day) > cal.local(old_due)


@dataclass(frozen=True)
class ApologyDraft:
    """What the form shows before a letter is issued."""

    code: str
    applicant: str
    procedure: str
    status: str
    due_at: datetime
    proposed_due: datetime
    late: bool
    existing: dict[str, Any] | None  # the first letter's event payload + "at", if any
    reasons: tuple[str, ...] = COMMON_REASONS


def draft(ctx: DeskContext, code: str) -> ApologyDraft:
    """The proposal for dossier `code` (no write); `existing` is set if it already has one."""
    now = ctx.now()
    with read_session(ctx.engine) as s:
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        first = _first_letter(s, d, ctx)
        limit = (d.time_limit_value, d.time_limit_unit)
        return ApologyDraft(
            code=d.code, applicant=d.applicant_name, procedure=d.procedure_code,
            status=d.status, due_at=ctx.calendar.local(d.due_at),
            proposed_due=resolve_new_due(ctx, d.due_at, None, limit, now),
            late=_is_late(ctx, now, d.due_at), existing=first)


def _first_letter(s: Session, d: Dossier, ctx: DeskContext) -> dict[str, Any] | None:
    for e in load_events(s, d.id):
        if e.kind == KIND:
            return {**e.payload, "at": ctx.calendar.local(e.at), "clerk": e.clerk_name}
    return None


def _letter_no(s: Session, ctx: DeskContext, now: datetime) -> str:
    year = ctx.calendar.local(now).year
    n = take_sequence(s, ctx.settings.office.id + LETTER_SERIES, date(year, 1, 1))
    return f"{n:03d}/{year}"


def issue(ctx: DeskContext, code: str, actor: Actor, reason: str,
          new_due: date | datetime | None = None, pdf_path: str | Path | None = None, *,
          print_letter: bool = True, notify: bool = True) -> ApologyOut:
    """Issue the apology letter of dossier `code`: record it (event "apology"), move the
    appointment (extended_due_at), print the A4 letter and the thermal slip, text the citizen.
    Returns what was done, with the updated dossier view under "dossier"."""
    require_issuer(ctx, actor, code)
    reason = clean_text(reason, 500)
    if not reason:
        raise DomainError("apology.reason_required")
    now = ctx.calendar.local(ctx.now())
    with write_session(ctx.engine) as s:
        if not notify:
            s.info[NOTICES_OFF] = True  # `--no-sms`: the notice outbox writes none either
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        first = _first_letter(s, d, ctx)
        if first is not None:
            raise DomainError("apology.once_only", code=d.code, date=_fmt(ctx, first["at"]),
                              letter_no=first.get("letter_no", ""),
                              new=_fmt(ctx, datetime.fromisoformat(first["new_due_at"])))
        if d.paused_since is not None or d.status == DossierStatus.SUPPLEMENT_REQUESTED:
            raise DomainError("apology.paused", code=d.code)
        if d.status not in ISSUABLE:
            raise DomainError("apology.bad_status", code=d.code,
                              status=label_key(DossierStatus(d.status)))
        old_due = ctx.calendar.local(d.due_at)
        new = resolve_new_due(ctx, old_due, new_due, (d.time_limit_value, d.time_limit_unit),
                              now)
        late = _is_late(ctx, now, old_due)
        form_set = d.rule_version if d.rule_version in ("2018", "2025") else \
            ctx.settings.office.form_set
        letter_no = _letter_no(s, ctx, now)
        payload = {"reason": reason, "old_due_at": old_due.isoformat(),
                   "new_due_at": new.isoformat(), "late": late,
                   "letter_no": letter_no, "form_set": form_set}
        record(s, d, KIND, now, actor, payload=payload)
        last = d.updated_at
        rebuild(s, d, ctx.calendar)
        d.version += 1
        d.updated_at = max(now, last)
        s.add(d)
        s.flush()
        view = dossier_view(s, d, ctx)
    data = _data(ctx, view, old_due, new, reason, late)
    out: ApologyOut = {
        "code": view["code"], "letter_no": letter_no, "late": late,
        "reason": reason, "old_due_at": old_due.isoformat(timespec="minutes"),
        "new_due_at": new.isoformat(timespec="minutes"), "form_set": form_set,
        "issued_at": now.isoformat(timespec="minutes"), "clerk": actor.name,
        "pdf": None, "print_jobs": {}, "sms": None, "dossier": view,
    }
    pdf: bytes | None = None
    prepared = None
    try:  # after the commit: a rendering or disk fault is reported, the letter stays recorded
        prepared = rule_forms.prepare_by_key(ctx, KIND, view["code"])  # Form 04 of its set
        if pdf_path is not None or print_letter:
            pdf = rule_forms.pdf_bytes(ctx, prepared) if prepared is not None else \
                letter_pdf(ctx, data, form_set, now)
        if pdf_path is not None and pdf is not None:
            path = Path(pdf_path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pdf)
            out["pdf"] = str(path)
    except Exception as e:
        log.exception("apology letter PDF for %s failed", view["code"])
        out["pdf_error"] = f"{type(e).__name__}: {e}"
    if print_letter:
        out["print_jobs"] = queue_form(ctx, prepared, view["code"], pdf) \
            if prepared is not None else _print(ctx, data, pdf, view["code"])
    if notify:
        out["sms"] = _notify(ctx, view)
    return out


def _data(ctx: DeskContext, view: DossierView, old: datetime, new: datetime, reason: str,
          late: bool) -> ApologyData:
    return ApologyData(office_name=ctx.settings.office.name, dossier_code=view["code"],
                       applicant_name=view["applicant"]["name"],
                       old_appointment=ctx.calendar.local(old),
                       new_appointment=ctx.calendar.local(new), reason=reason, late=late)


def letter_pdf(ctx: DeskContext, data: ApologyData, form_set: str,
               issued: datetime | None = None) -> bytes:
    """The A4 letter (printers.pdf.apology_pdf) under the office's letterhead."""
    office = ctx.settings.office
    head = Letterhead(office_name=office.name, place=office.province, form_set=form_set,
                      signer_title=office.signer_title, signer_name=office.signer_name)
    return apology_pdf(data, head, issued=issued, created=ctx.local_now())


def _print(ctx: DeskContext, data: ApologyData, pdf: bytes | None, code: str) -> dict[str, str]:
    """Queue the A4 letter and the thermal slip; never raises."""
    jobs: dict[str, str] = {}
    printers = ctx.settings.printers
    a4 = next((n for n, c in printers.items() if c.kind == "a4"), None)
    slip = "receipt" if "receipt" in printers else \
        next((n for n, c in printers.items() if c.kind == "thermal"), None)
    try:
        if a4 is not None and pdf is not None:
            jobs["letter"] = str(printing.submit(ctx, pdf, printer=a4, kind="letter", ref=code))
        if slip is not None:
            jobs["slip"] = str(printing.submit(ctx, build_apology(data), printer=slip,
                                               kind="form", ref=code))
    except Exception:  # the letter is recorded; a printing fault must not undo it
        log.exception("apology letter for %s not queued", code)
    return jobs


def _notify(ctx: DeskContext, view: DossierView) -> str | None:
    """The phone the apology's notice goes to, or None. The notice outbox wrote it with the
    apology event (desk/services/notify/notices.py); the "file" channel's line is written at
    once, as the old SMS file's was (a file never blocks); a modem or a gateway is the
    worker's."""
    phone = (view.get("applicant") or {}).get("phone")
    if not phone or not ctx.settings.notify.channels:
        return None
    try:
        flush_files(ctx)
    except Exception:  # the letter is recorded; the worker writes the line later
        log.exception("notice file for %s not written", view["code"])
    return str(phone)
