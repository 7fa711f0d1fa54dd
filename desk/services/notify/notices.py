"""Notices to a citizen's phone: the outbox (issue 17 §3).

A dossier event that citizens want to hear about (received, supplement needed, apology and new
date, result ready, returned → please rate us) writes one `notice` row per configured channel
in the event's own transaction (`event_hook`, registered like the sync outbox), so an event
is never recorded without its notice, nor a notice without its event. The row's (source,
template, channel) is unique: a hook run twice writes one notice.

A background worker (desk/services/notify/worker.py) sends them later; nothing here talks to
a modem or a network. A phone that opted out gets nothing new.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event as sa_event
from sqlalchemy import literal, union_all
from sqlmodel import Session, col, select

from desk.config import Settings
from desk.domain.errors import DomainError
from desk.domain.identity import normalize_phone
from desk.services.clock import system_clock
from desk.services.context import DeskContext
from desk.services.dossier.events import on_record
from desk.services.notify.shapes import NoticeOut, NoticeSummary
from storage.engine import read_session, write_session
from storage.tables.notice import Notice, NoticeOptOut
from storage.tables.people import Citizen

STATUSES = ("waiting", "sending", "sent", "delivered", "failed")
CHANNELS = ("modem", "http", "file")
# Which dossier event gives which notice.
EVENT_TEMPLATES = {"receive": "received", "request_supplement": "supplement",
                   "apology": "apology", "result_ready": "result", "return_result": "rating"}

# The settings of each open store, by its URL: the hook gets only the session (bound to an
# engine with execution options, another object), and a process (tests, the district
# server) may hold several offices' stores at once.
_settings: dict[str, Settings] = {}


def enable_notices(engine: Any, settings: Settings) -> None:
    """Write notices for dossier events in `engine`'s store (called where it is opened)."""
    _settings[str(engine.url)] = settings
    on_record(event_hook)


def _local(settings: Settings, at: datetime | None) -> str:
    if at is None:
        return ""
    return at.astimezone(ZoneInfo(settings.office.timezone)).strftime("%H:%M %d/%m/%Y")


def render(settings: Settings, template: str, **params: Any) -> str:
    text = settings.notify.templates.get(template, "")
    try:
        return text.format(office=settings.office.name, **params)
    except (KeyError, IndexError, ValueError):
        return text


def event_hook(session: Session, dossier: Any, event: Any) -> None:
    """Called inside the event's transaction. The text is written just before that
    transaction commits: the event's own projection (the due date) runs after the hook."""
    settings = _settings.get(str(session.get_bind().engine.url))
    template = EVENT_TEMPLATES.get(str(event.kind))
    if settings is None or template is None or not settings.notify.channels \
            or session.info.get(NOTICES_OFF):
        return
    pending = session.info.setdefault(_PENDING, [])
    if not pending:
        sa_event.listen(session, "before_commit", _write_pending, once=True)
        sa_event.listen(session, "after_rollback", _drop_pending, once=True)
    pending.append((settings, dossier, event, template))


_PENDING = "notices_pending"
NOTICES_OFF = "notices_off"  # a session flag: this change asked for no notice (--no-sms)


def _drop_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _write_pending(session: Session) -> None:
    for settings, dossier, event, template in session.info.pop(_PENDING, []):
        citizen = session.get(Citizen, dossier.citizen_id) if dossier.citizen_id else None
        phone = citizen.phone if citizen is not None else None
        if not phone:
            continue
        payload = event.payload or {}
        due = dossier.extended_due_at or dossier.due_at
        new_due = payload.get("new_due_at")
        text = render(settings, template, code=dossier.code, due=_local(settings, due),
                      documents="; ".join(payload.get("documents") or []),
                      new_due=_local(settings, datetime.fromisoformat(new_due))
                      if new_due else "")
        source, number = f"event:{event.id}", normalize_phone(phone)
        written = _written_or_opted_out(session, number, source, template)
        if _OPTED_OUT in written:
            continue
        for channel in dict.fromkeys(settings.notify.channels):
            if channel not in written:
                session.add(Notice(source=source, template=template, channel=channel,
                                   phone=number, text=text, dossier_code=dossier.code,
                                   next_at=system_clock(), created_at=event.at))
    session.flush()


_OPTED_OUT = "\0opted out"  # never a channel's name


def _written_or_opted_out(session: Session, phone: str, source: str,
                          template: str) -> set[str]:
    """The channels `source` already has a `template` notice on, and _OPTED_OUT if `phone`
    asked for none: one query for all of an event's channels (issue 20)."""
    opted = select(literal(_OPTED_OUT)).where(col(NoticeOptOut.phone) == phone)
    written = select(col(Notice.channel)).where(col(Notice.source) == source,
                                                col(Notice.template) == template)
    return {str(r) for r in session.execute(union_all(opted, written)).scalars()}


def enqueue(session: Session, *, source: str, template: str, channel: str, phone: str,
            text: str, now: datetime, dossier_code: str | None = None) -> Notice | None:
    """One notice, unless it exists already or the phone opted out (then None)."""
    phone = normalize_phone(phone)
    if session.get(NoticeOptOut, phone) is not None:
        return None
    existing = session.exec(select(Notice).where(
        Notice.source == source, Notice.template == template, Notice.channel == channel)).first()
    if existing is not None:
        return None
    notice = Notice(source=source, template=template, channel=channel, phone=phone, text=text,
                    dossier_code=dossier_code, next_at=system_clock(), created_at=now)
    session.add(notice)
    session.flush()
    return notice


def send(ctx: DeskContext, phone: str, text: str, channel: str | None = None) -> NoticeOut:
    """A notice typed by hand (`desk notify send`): queued now, sent by the worker."""
    channel = channel or (ctx.settings.notify.channels or ("modem",))[0]
    if channel not in CHANNELS:
        raise DomainError("notify.bad_channel", channel=channel, channels=", ".join(CHANNELS))
    text = text.strip()
    if not text:
        raise DomainError("notify.empty")
    number = normalize_phone(phone)
    with write_session(ctx.engine) as s:
        if s.get(NoticeOptOut, number) is not None:
            raise DomainError("notify.opted_out", phone=number)
        notice = enqueue(s, source=f"manual:{uuid.uuid4().hex}", template="manual",
                         channel=channel, phone=number, text=text, now=ctx.now())
        assert notice is not None
        return public(notice)


def opt_out(ctx: DeskContext, phone: str, reason: str = "") -> str:
    number = normalize_phone(phone)
    with write_session(ctx.engine) as s:
        if s.get(NoticeOptOut, number) is None:
            s.add(NoticeOptOut(phone=number, at=ctx.now(), reason=reason))
        for n in s.exec(select(Notice).where(Notice.phone == number,
                                             col(Notice.status).in_(("waiting",)))):
            n.status, n.last_error = "failed", "opted out"
            s.add(n)
    return number


def resend(ctx: DeskContext, notice_id: str) -> NoticeOut:
    """A failed notice goes back to waiting (its sent parts are not sent again)."""
    with write_session(ctx.engine) as s:
        n = s.get(Notice, uuid.UUID(notice_id))
        if n is None:
            raise DomainError("notify.not_found", id=notice_id)
        if n.status == "failed":
            n.status, n.attempts, n.next_at, n.last_error = "waiting", 0, system_clock(), ""
            s.add(n)
        return public(n)


def list_notices(ctx: DeskContext, status: str | None = None, limit: int = 200
                 ) -> list[NoticeOut]:
    if status is not None and status not in STATUSES:
        raise DomainError("notify.bad_status", status=status, statuses=", ".join(STATUSES))
    with read_session(ctx.engine) as s:
        q = select(Notice).order_by(col(Notice.created_at).desc()).limit(limit)
        if status:
            q = q.where(Notice.status == status)
        return [public(n) for n in s.exec(q)]


def summary(ctx: DeskContext) -> NoticeSummary:
    with read_session(ctx.engine) as s:
        rows = list(s.exec(select(Notice.status, Notice.channel)))
        opted = len(list(s.exec(select(NoticeOptOut.phone))))
    by_status = Counter(r[0] for r in rows)
    return {"counts": {st: by_status.get(st, 0) for st in STATUSES},
            "by_channel": dict(Counter(r[1] for r in rows)), "opted_out": opted,
            "channels": list(ctx.settings.notify.channels)}


def public(n: Notice) -> NoticeOut:
    return {"id": str(n.id), "phone": n.phone, "channel": n.channel, "template": n.template,
            "dossier_code": n.dossier_code, "status": n.status, "attempts": n.attempts,
            "text": n.text, "created_at": n.created_at.isoformat(),
            "sent_at": n.sent_at.isoformat() if n.sent_at else None,
            "delivered_at": n.delivered_at.isoformat() if n.delivered_at else None,
            "last_error": n.last_error, "parts": len(n.parts) or None,
            "bytes": n.bytes_sent}
