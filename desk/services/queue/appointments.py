"""Appointments: book a slot, list a day, check in (a priority ticket of the service), no-shows.

Slots and capacity per service, how far ahead and how many per ID come from desk.toml
([queue] and [[queue.services]]). Rules in desk.domain.appointments. Booking takes the slot
under BEGIN IMMEDIATE, so two clerks never overfill it.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, select

from desk.domain import appointments as rules
from desk.domain.errors import DomainError
from desk.domain.identity import validate_personal_id
from desk.domain.masking import mask_id
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.queue.shapes import AppointmentOut, CheckedInOut
from desk.services.queue.ticket_rules import find_service
from desk.services.queue.ticket_views import Issued
from storage.engine import read_session, write_session
from storage.tables.appointment import Appointment
from storage.tables.queue import Ticket

CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I, 2/Z, 5/S, 8/B look-alikes
CODE_LENGTH = 6


def id_key(digits: str) -> str:
    """The stored key of an ID number: SHA-256 of its digits (the number itself is not kept)."""
    return hashlib.sha256(digits.encode("ascii")).hexdigest()


def new_code(taken: Callable[[str], bool]) -> str:
    """A short booking code that is not `taken` (read aloud or typed at the kiosk)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not taken(code):
            return code


@dataclass(frozen=True)
class AppointmentView:
    code: str
    day: date
    slot: str
    service_code: str
    service_name: str
    id_masked: str
    state: str
    channel: str
    ticket_label: str | None

    def as_dict(self) -> AppointmentOut:
        return {"code": self.code, "date": self.day.isoformat(), "time": self.slot,
                "service": self.service_code, "service_name": self.service_name,
                "id": self.id_masked, "state": self.state, "channel": self.channel,
                "ticket": self.ticket_label}


def _view(ctx: DeskContext, a: Appointment) -> AppointmentView:
    svc = next((s for s in ctx.settings.queue.services if s.code == a.service_code), None)
    return AppointmentView(a.code, a.day, a.slot, a.service_code,
                           svc.name if svc else a.service_code, a.id_masked, a.state,
                           a.channel, a.ticket_label)


@dataclass(frozen=True)
class Bookable:
    """A service that takes appointments, as a booking form offers it."""

    code: str
    name: str
    slots: tuple[str, ...]  # "HH:MM"


def bookable_services(ctx: DeskContext) -> list[Bookable]:
    return [Bookable(s.code, s.name, tuple(f"{t:%H:%M}" for t in s.appointment_slots))
            for s in ctx.settings.queue.services
            if s.appointment_capacity > 0 and s.appointment_slots]


def bookable_days(ctx: DeskContext) -> list[date]:
    """Today (when open) and the next `appointment_days_ahead` working days."""
    today = ctx.local_now().date()
    ahead = ctx.settings.queue.appointment_days_ahead
    days = [today] if ctx.calendar.is_working_day(today) else []
    d, n = today, 0
    while n < ahead:
        d += timedelta(days=1)
        if ctx.calendar.is_working_day(d):
            days.append(d)
            n += 1
    return days


def _id_digits(ctx: DeskContext, number: str) -> str:
    """The ID number's digits, checked (a 12-digit căn cước or a 9-digit CMND)."""
    return validate_personal_id(number, today=ctx.local_now().date()).number


def book(ctx: DeskContext, service: str, day: date, id_number: str, *,
         at: time | None = None, channel: str = "clerk") -> AppointmentView:
    """Book a slot of `service` on `day` (today or up to N working days ahead)."""
    svc = find_service(ctx, service)
    q = ctx.settings.queue
    now = ctx.now()
    today = ctx.local_now().date()
    rules.check_day(today, day, ctx.calendar.is_working_day, q.appointment_days_ahead)
    digits = _id_digits(ctx, id_number)
    key = id_key(digits)
    with write_session(ctx.engine) as s:
        expire_in(s, ctx, now)
        mine = s.exec(select(Appointment.state).where(Appointment.id_key == key,
                                                      Appointment.day == day)).all()
        rules.check_per_id(mine, q.appointments_per_id, day)
        taken = s.exec(select(Appointment.slot).where(
            Appointment.day == day, Appointment.service_code == svc.code,
            col(Appointment.state).in_(rules.COUNTS_TOWARDS_LIMIT))).all()
        booked: dict[time, int] = {}
        for taken_slot in taken:
            t = time.fromisoformat(taken_slot)
            booked[t] = booked.get(t, 0) + 1
        slot = rules.choose_slot(day, at, svc.appointment_slots, svc.appointment_capacity,
                                 booked, now, ctx.tz, q.appointment_late_minutes, svc.code)
        code = new_code(lambda c: s.exec(select(Appointment.id).where(
            Appointment.code == c)).first() is not None)
        row = Appointment(code=code, day=day, slot=f"{slot:%H:%M}", service_code=svc.code,
                          id_key=key, id_masked=mask_id(digits), channel=channel,
                          booked_at=now)
        s.add(row)
        s.flush()
        return _view(ctx, row)


def expire_in(s: Session, ctx: DeskContext, now: datetime) -> int:
    """Mark every booking whose check-in window has closed as a no-show; returns how many."""
    q = ctx.settings.queue
    rows = s.exec(select(Appointment).where(Appointment.state == rules.BOOKED,
                                            Appointment.day <= now.astimezone(ctx.tz).date())
                  ).all()
    n = 0
    for a in rows:
        _opens, closes = rules.checkin_window(a.day, time.fromisoformat(a.slot), ctx.tz,
                                              q.appointment_early_minutes,
                                              q.appointment_late_minutes)
        if rules.is_no_show(a.state, now, closes):
            a.state = rules.NO_SHOW
            s.add(a)
            n += 1
    return n


def expire(ctx: DeskContext) -> int:
    with write_session(ctx.engine) as s:
        return expire_in(s, ctx, ctx.now())


def list_day(ctx: DeskContext, day: date | None = None) -> list[AppointmentView]:
    """The bookings of `day` (today by default) by slot, no-shows brought up to date."""
    expire(ctx)
    day = day or ctx.local_now().date()
    with read_session(ctx.engine) as s:
        rows = s.exec(select(Appointment).where(Appointment.day == day)
                      .order_by(col(Appointment.slot), col(Appointment.service_code),
                                col(Appointment.booked_at))).all()
    return [_view(ctx, a) for a in rows]


def _find(s: Session, ctx: DeskContext, code: str, today: date) -> Appointment:
    """By booking code, by ID number, or by the text of the ID card's QR (number|…|…)."""
    text = code.strip()
    if "|" in text:
        text = text.split("|", 1)[0]
    plain = text.replace(" ", "").replace(".", "").replace("-", "")
    if plain.isdigit():
        key = id_key(_id_digits(ctx, plain))
        rows = s.exec(select(Appointment).where(Appointment.id_key == key,
                                                Appointment.day == today)
                      .order_by(col(Appointment.slot))).all()
        booked = [a for a in rows if a.state == rules.BOOKED]
        if booked or rows:
            return (booked or list(rows))[0]
        raise DomainError("appt.none_for_id")
    row = s.exec(select(Appointment).where(Appointment.code == plain.upper())).first()
    if row is None:
        raise DomainError("appt.unknown", code=text)
    return row


def checked_in_dict(v: AppointmentView, issued: Issued) -> CheckedInOut:
    """What `desk appointment checkin --json` prints: the booking and its ticket's page."""
    return {**v.as_dict(), "status_url": issued.status_url, "wait_minutes": issued.wait_minutes}


def checkin(ctx: DeskContext, code: str, *,
            print_ticket: bool = True) -> tuple[AppointmentView, Issued]:
    """Check a booking in within its window: it gets a priority ticket of its service."""
    q = ctx.settings.queue
    now = ctx.now()
    today = ctx.local_now().date()
    with write_session(ctx.engine) as s:
        a = _find(s, ctx, code, today)
        if a.day != today:
            raise DomainError("appt.other_day", day=a.day.isoformat())
        opens, closes = rules.checkin_window(a.day, time.fromisoformat(a.slot), ctx.tz,
                                             q.appointment_early_minutes,
                                             q.appointment_late_minutes)
        if rules.is_no_show(a.state, now, closes):
            a.state = rules.NO_SHOW
            s.add(a)
            s.commit()
            raise DomainError("appt.missed", closes=f"{closes.astimezone(ctx.tz):%H:%M}")
        rules.check_checkin(a.state, now, opens, closes)
        a_id = a.id
    marked: list[Appointment] = []

    def mark(s: Session, ticket: Ticket) -> None:
        """In the ticket's own transaction: a second kiosk checking the same booking in at
        the same instant sees it checked in here, and its ticket is rolled back."""
        row = s.get(Appointment, a_id)
        assert row is not None
        rules.check_checkin(row.state, now, opens, closes)
        row.state, row.checked_in_at, row.ticket_label = rules.CHECKED_IN, now, ticket.label
        s.add(row)
        marked.append(row)

    issued = queue.issue(ctx, a.service_code, appointment=True, print_ticket=print_ticket,
                         inside=mark)
    return _view(ctx, marked[0]), issued
