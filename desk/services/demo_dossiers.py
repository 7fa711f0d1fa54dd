"""Demo dossiers in every deadline state, relative to the context's clock.

`seed_demo_dossiers(ctx)` (after `seed_demo`, which loads the catalog and the clerks) receives
a dossier per situation the deadline watch and the reports show — on track, due soon, due
today, overdue without and with an apology letter, paused, returned early / on time / late,
late after an apology — through the real services with backdated receipt and action times,
so every event, deadline and letter is what the desk would have recorded. Idempotent: a
situation already seeded (recognised by its note) is skipped. Situations impossible at the
moment (e.g. "due today" on a Sunday) are skipped too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import col, select

from desk.domain.calendar import TimeLimit
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.deadlines.apology import COMMON_REASONS, issue
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.lifecycle import act
from desk.services.dossier.note_text import DEMO_NOTE
from desk.services.trust.actor import Actor
from storage.engine import read_session
from storage.tables import Clerk, Dossier, Procedure

__all__ = ["DEMO_NOTE", "SITUATIONS", "seed_demo_dossiers"]

_STEP = timedelta(minutes=30)
_MAX_BACK = timedelta(days=120)
_SUPERVISOR = "Trần Văn Minh"
_CLERK = "Nguyễn Thị Lan"
_AGENCY_HT = "Công chức Tư pháp - Hộ tịch"
_AGENCY_CU = "Công an xã"
_AGENCY_KT = "Công chức Tài chính - Kế toán"


@dataclass(frozen=True)
class _Case:
    key: str
    procedure: str
    name: str
    phone: str
    agency: str


SITUATIONS: tuple[_Case, ...] = (
    _Case("ok", "1.004746", "Phạm Thị Hồng", "0912000101", _AGENCY_HT),
    _Case("due_soon", "1.004873", "Lê Văn Bình", "0912000102", _AGENCY_HT),
    _Case("due_today", "1.004194", "Hoàng Thị Mai", "0912000103", _AGENCY_CU),
    _Case("overdue", "1.004873", "Nguyễn Văn Hùng", "0912000104", _AGENCY_HT),
    _Case("overdue_2", "1.004194", "Đặng Thị Thu", "0912000105", _AGENCY_CU),
    _Case("overdue_3", "1.001612", "Võ Minh Tuấn", "0912000106", _AGENCY_KT),
    _Case("overdue_letter", "1.004873", "Bùi Thị Lan Anh", "0912000107", _AGENCY_HT),
    _Case("paused", "1.004873", "Trịnh Văn Khải", "0912000108", _AGENCY_HT),
    _Case("returned_early", "1.004873", "Đỗ Thị Ngọc", "0912000109", _AGENCY_HT),
    _Case("returned_on_time", "1.004194", "Phan Văn Lợi", "0912000110", _AGENCY_CU),
    _Case("returned_late", "1.004873", "Mai Thị Hạnh", "0912000111", _AGENCY_HT),
    _Case("late_apologised", "1.001612", "Lý Quốc Cường", "0912000112", _AGENCY_KT),
)


def _actor(ctx: DeskContext, name: str, role: str) -> Actor:
    with read_session(ctx.engine) as s:
        c = s.exec(select(Clerk).where(Clerk.name == name)).first()
    if c is None:
        return Actor(id=None, name=name, role=role)
    return Actor(id=c.id, name=c.name, role=c.role, counter=c.counter_number)


def _at(ctx: DeskContext, when: datetime) -> DeskContext:
    """The same office (same engine) with the clock stopped at `when`: for backdated letters."""
    return DeskContext(ctx.settings, clock=fixed_clock(when), _engine=ctx.engine)


def _received_for(ctx: DeskContext, limit: Any, ok: Callable[[datetime], bool]) -> datetime | None:
    """The latest working moment at least an hour before now (30-minute steps) whose due
    instant passes `ok`; None if there is none within four months. (The hour leaves room for
    the backdated actions that follow the receipt.)"""
    cal = ctx.calendar
    now = ctx.calendar.local(ctx.now())
    r = now - timedelta(hours=1)
    r = r.replace(minute=0 if r.minute < 30 else 30, second=0, microsecond=0)
    while now - r <= _MAX_BACK:
        if cal.is_working_moment(r):
            due = cal.due(r, limit)
            if due is not None and ok(due):
                return r
        r -= _STEP
    return None


def _existing(ctx: DeskContext) -> set[str]:
    with read_session(ctx.engine) as s:
        notes = s.exec(select(Dossier.notes).where(col(Dossier.notes).startswith(DEMO_NOTE)))
        return {n.removeprefix(DEMO_NOTE).strip() for n in notes}


def seed_demo_dossiers(ctx: DeskContext) -> dict[str, str]:
    """Seed the situations not there yet; returns {situation: dossier code} of those added."""
    done = _existing(ctx)
    clerk = _actor(ctx, _CLERK, "clerk")
    boss = _actor(ctx, _SUPERVISOR, "supervisor")
    cal = ctx.calendar
    now = cal.local(ctx.now())
    wd = cal.hours_per_day
    added: dict[str, str] = {}
    for case in SITUATIONS:
        if case.key in done:
            continue
        with read_session(ctx.engine) as s:
            proc = s.get(Procedure, case.procedure)
        if proc is None or not proc.active:
            continue
        limit = TimeLimit.of(proc.time_limit_value, proc.time_limit_unit)

        def late_by(days: float, at: datetime = now) -> Callable[[datetime], bool]:
            return lambda due: due < at and cal.working_time_between(due, at) >= wd * days

        def state_is(state: str) -> Callable[[datetime], bool]:
            return lambda due: cal.deadline_state(now, due) == state

        wanted: dict[str, Callable[[datetime], bool]] = {
            "ok": state_is("ok"), "due_soon": state_is("due_soon"),
            "due_today": state_is("due_today"), "overdue": late_by(1),
            "overdue_2": late_by(2), "overdue_3": late_by(0.5), "overdue_letter": late_by(8),
            "paused": state_is("ok"), "returned_early": late_by(3),
            "returned_on_time": late_by(3), "returned_late": late_by(3),
            "late_apologised": late_by(8),
        }
        received = _received_for(ctx, limit, wanted[case.key])
        if received is None:
            continue
        added[case.key] = _play(ctx, case, received, cal.due(received, limit), clerk, boss)
    return added


def _play(ctx: DeskContext, case: _Case, received: datetime, due: datetime | None,
          clerk: Actor, boss: Actor) -> str:
    """Receive the dossier at `received` and act out its situation."""
    assert due is not None
    cal = ctx.calendar
    wd = cal.hours_per_day
    view = receive(ctx, IntakeIn(
        procedure_code=case.procedure, received_at=received, notes=f"{DEMO_NOTE} {case.key}",
        applicant=ApplicantIn(name=case.name, phone=case.phone, address="Xã Minh Châu")),
        clerk, print_receipt=False)
    code = view["code"]
    step = timedelta(minutes=10)
    act(ctx, code, "transfer", clerk, at=received + step, agency=case.agency)
    if case.key == "paused":
        act(ctx, code, "request_supplement", clerk, at=received + 2 * step,
            reason="Thiếu giấy tờ chứng minh nơi cư trú",
            documents=["Bản sao giấy tờ chứng minh chỗ ở hợp pháp"])
        return code
    if case.key in ("due_today", "ok"):
        return code
    act(ctx, code, "start_processing", clerk, at=received + 2 * step)
    if case.key in ("overdue_letter", "late_apologised"):
        # overdue_letter: a late letter just after the deadline, its new date passed as well;
        # late_apologised: a letter in good time, the result after the original deadline.
        when = cal.add_working_time(due, timedelta(hours=1)) if case.key == "overdue_letter" \
            else received + 3 * step
        out = issue(_at(ctx, when), code, boss, COMMON_REASONS[1], print_letter=False,
                    notify=False)
        if case.key == "overdue_letter":
            return code
        result_at = cal.add_working_time(due, wd)  # one working day late, before the new date
        assert result_at < datetime.fromisoformat(out["new_due_at"])
    elif case.key == "returned_early":
        result_at = cal.add_working_time(received, wd)
    elif case.key == "returned_on_time":
        result_at = due
    elif case.key == "returned_late":
        result_at = cal.add_working_time(due, wd)
    else:  # the overdue ones stay in processing
        return code
    act(ctx, code, "result_ready", clerk, at=result_at)
    act(ctx, code, "return_result", clerk, at=cal.add_working_time(result_at, timedelta(hours=1)),
        method="counter", receiver=case.name)
    return code
