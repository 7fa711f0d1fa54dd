"""The period report: received / resolved / in progress by field, by procedure and in total,
a per-day series, satisfaction and the Circular 01/2018 score — one object that the screen,
XLSX, CSV, JSON and PDF all render (desk.services.reports.exports), so their figures always agree.

The definitions are in desk.domain.statistics. Counting is SQL (one GROUP BY over the dossier
table, a few small per-dossier lookups into dossier_event through its dossier_id index, only for
the rows that can need them), so a year of a big office stays fast; Python only sees one row per
procedure and one per day.

Local dates in SQL: `date(col, '+420 minutes')` with the office zone's UTC offset. Exact for
Asia/Ho_Chi_Minh (no daylight saving since 1975); an office in a zone with DST would be off by
an hour around the switch (reported as a limitation, not handled).

DECISIONS:
* A dossier's ORIGINAL deadline is the row's `due_at` as it stands now (the receipt's
  appointment, moved only by supplement pauses and restarts, never by an apology).
* Paused at the end is reconstructed from the events (the last request_supplement before the
  end has no supplement_received after it before the end), so a dossier resumed later is
  still reported as paused in an earlier period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal_column, not_, or_, select, type_coerce
from sqlmodel import Session, col

from desk.domain.errors import DomainError
from desk.domain.statistics import (
    COUNT_KEYS,
    DayPoint,
    Figures,
    Satisfaction,
    Score,
    day_series,
    rate,
    score,
    sum_figures,
)
from desk.services.context import DeskContext
from desk.services.deadlines.watch import counts
from desk.services.printing.rule_forms import set_in_force
from desk.services.queue.ratings import satisfaction
from desk.services.queue.tickets import stats
from desk.services.reports.indicators import extra_counts
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from desk.sync.shapes import SyncStatusOut
from desk.sync.status import sync_status
from storage.engine import read_session
from storage.tables import Dossier as D
from storage.tables import DossierEvent as E
from storage.tables import Field, Procedure
from storage.tables.common import UTCDateTime

__all__ = ["Glance", "Group", "PeriodReport", "bounds", "glance", "period_report"]

CLOSED = ("REFUSED", "WITHDRAWN", "STOPPED")
CLOSING_EVENTS = ("refuse", "withdraw", "stop")
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Group:
    """One row of the table: a field ("field") or a procedure ("procedure")."""

    level: str
    code: str
    name: str
    figures: Figures
    field_code: str = ""


@dataclass(frozen=True)
class PeriodReport:
    office_name: str
    office_id: str
    first: date
    last: date
    generated_at: datetime
    fields: list[Group]
    procedures: list[Group]
    total: Figures
    days: list[DayPoint]
    satisfaction: Satisfaction = field(default_factory=Satisfaction)
    by_counter: list[Satisfaction] = field(default_factory=list)
    by_clerk: list[Satisfaction] = field(default_factory=list)
    score: Score = field(default_factory=Score)
    digitised: float | None = None  # new dossiers with a digitised document / new
    # desk.services.reports.indicators.extra_counts
    extra: dict[str, int] = field(default_factory=dict)
    template: str = ""  # the report template of the rule set in force at the period's end

    def rows(self) -> list[Group]:
        """The table in print order: each field followed by its procedures (the total is
        separate: `total`)."""
        out: list[Group] = []
        for f in self.fields:
            out.append(f)
            out.extend(p for p in self.procedures if p.field_code == f.code)
        return out


def bounds(ctx: DeskContext, first: date, last: date) -> tuple[datetime, datetime]:
    """[start, end) of the local dates first..last inclusive, as aware instants."""
    if last < first:
        raise DomainError("report.bad_period", first=first.isoformat(), last=last.isoformat())
    if (last - first).days >= MAX_DAYS:
        raise DomainError("report.too_long", days=MAX_DAYS)
    start = datetime.combine(first, time(0), tzinfo=ctx.tz)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=ctx.tz)
    return start, end


def _offset(ctx: DeskContext, at: datetime) -> str:
    off = ctx.tz.utcoffset(at.replace(tzinfo=None)) or timedelta()
    return f"{int(off.total_seconds() // 60):+d} minutes"


def period_report(ctx: DeskContext, first: date, last: date, *,
                  with_satisfaction: bool = True, actor: Actor = SYSTEM) -> PeriodReport:
    """The report of the local dates first..last (inclusive)."""
    require(ctx, actor, "report.view")

    start, end = bounds(ctx, first, last)
    off = _offset(ctx, start)
    with read_session(ctx.engine) as s:
        per_proc = _per_procedure(s, start, end, off)
        received, resolved = _per_day(s, start, end, off)
        names = _names(s)
    procedures: list[Group] = []
    by_field: dict[str, list[Figures]] = {}
    for (proc, fcode), fig in sorted(per_proc.items()):
        procedures.append(Group("procedure", proc, names["procedure"].get(proc, ""), fig, fcode))
        by_field.setdefault(fcode, []).append(fig)
    fields_ = [Group("field", f, names["field"].get(f, ""), sum_figures(figs), f)
               for f, figs in sorted(by_field.items())]
    total = sum_figures(g.figures for g in fields_)
    extra = extra_counts(ctx, start, end)  # Decision 766 inputs (issue 16)
    sat = Satisfaction()
    counters: list[Satisfaction] = []
    clerks: list[Satisfaction] = []
    if with_satisfaction:
        sat, counters, clerks = satisfaction(ctx, start, end)
    return PeriodReport(
        office_name=ctx.settings.office.name, office_id=ctx.settings.office.id,
        first=first, last=last, generated_at=ctx.local_now(), fields=fields_,
        procedures=procedures, total=total, days=day_series(first, last, received, resolved),
        satisfaction=sat, by_counter=counters, by_clerk=clerks, score=score(total),
        digitised=rate(extra["digitised"], total.new), extra=extra,
        template=str(set_in_force(ctx, last).report.get("template", "")),
    )


def _per_procedure(s: Session, start: datetime, end: datetime,
                   off: str) -> dict[tuple[str, str], Figures]:
    def ev(agg: Any, *cond: Any) -> Any:
        return select(agg).where(col(E.dossier_id) == D.id, *cond).scalar_subquery()

    closed_at = case(
        (col(D.status).in_(CLOSED),
         ev(func.min(E.at), col(E.kind).in_(CLOSING_EVENTS))),
        else_=None)
    no_result_by_end = or_(col(D.result_at).is_(None), col(D.result_at) >= end)
    last_pause = case((no_result_by_end, ev(func.max(E.at), E.kind == "request_supplement",
                                            col(E.at) < end)), else_=None)
    last_resume = case((no_result_by_end, ev(func.max(E.at), E.kind == "supplement_received",
                                             col(E.at) < end)), else_=None)
    apologies = case((col(D.extended_due_at).isnot(None),
                      ev(func.count(), E.kind == "apology", col(E.at) >= start,
                         col(E.at) < end)), else_=0)
    rows = (select(col(D.procedure_code), col(D.field_code), col(D.channel), col(D.status),
                   col(D.received_at), col(D.due_at), col(D.result_at), col(D.returned_at),
                   col(D.return_method), closed_at.label("closed_at"),
                   last_pause.label("last_pause"), last_resume.label("last_resume"),
                   apologies.label("apologies"))
            # "+dossier.received_at": not that index (almost every row was received before
            # the end); walk the returned_at index instead: the open and the recently returned
            .where(type_coerce(literal_column("+dossier.received_at"), UTCDateTime) < end,
                   or_(col(D.returned_at).is_(None), col(D.returned_at) >= start))
            # materialised: each correlated subquery runs once a row, not once a reference
            .cte("period_rows").prefix_with("MATERIALIZED"))
    r = rows.c

    def n(*cond: Any) -> Any:
        return func.coalesce(func.sum(case((and_(*cond), 1), else_=0)), 0)

    def in_period(col: Any) -> Any:
        return and_(col >= start, col < end)

    def local_day(col: Any) -> Any:
        return func.date(col, off)

    open_at_start = and_(or_(r.result_at.is_(None), r.result_at >= start),
                         or_(r.closed_at.is_(None), r.closed_at >= start))
    open_at_end = and_(or_(r.result_at.is_(None), r.result_at >= end),
                       or_(r.closed_at.is_(None), r.closed_at >= end))
    paused = and_(r.last_pause.isnot(None),
                  or_(r.last_resume.is_(None), r.last_resume < r.last_pause))
    resolved = in_period(r.result_at)
    new = r.received_at >= start
    measures = {
        "carried_over": n(r.received_at < start, open_at_start),
        "new_direct": n(new, r.channel == "direct"),
        "new_online": n(new, r.channel.in_(("online", "online_assisted"))),  # assisted: issue 16
        "new_postal": n(new, r.channel == "postal"),
        "early": n(resolved, local_day(r.result_at) < local_day(r.due_at)),
        "on_time": n(resolved, local_day(r.result_at) == local_day(r.due_at)),
        "late": n(resolved, local_day(r.result_at) > local_day(r.due_at)),
        "paused": n(open_at_end, paused),
        "open_not_due": n(open_at_end, not_(paused), r.due_at >= end),
        "open_overdue": n(open_at_end, not_(paused), r.due_at < end),
        "refused": n(in_period(r.closed_at), r.status == "REFUSED"),
        "withdrawn": n(in_period(r.closed_at), r.status == "WITHDRAWN"),
        "stopped": n(in_period(r.closed_at), r.status == "STOPPED"),
        "apologies": func.coalesce(func.sum(r.apologies), 0),
        "returned": n(in_period(r.returned_at)),
        "returned_postal": n(in_period(r.returned_at), r.return_method == "post"),
    }
    assert set(measures) == set(COUNT_KEYS)
    q = (select(r.procedure_code, r.field_code, *(v.label(k) for k, v in measures.items()))
         .group_by(r.procedure_code, r.field_code))
    out: dict[tuple[str, str], Figures] = {}
    for row in s.execute(q).mappings():
        fig = Figures.of({k: row[k] for k in COUNT_KEYS})
        if fig != Figures():
            out[(row["procedure_code"], row["field_code"])] = fig
    return out


def _per_day(s: Session, start: datetime, end: datetime,
             off: str) -> tuple[dict[date, int], dict[date, int]]:
    out: list[dict[date, int]] = []
    for stamp in (col(D.received_at), col(D.result_at)):
        day = func.date(stamp, off)
        q = (select(day, func.count()).where(stamp >= start, stamp < end).group_by(day))
        out.append({date.fromisoformat(d): int(c) for d, c in s.execute(q)})
    return out[0], out[1]


def _names(s: Session) -> dict[str, dict[str, str]]:
    return {"field": {c: n for c, n in s.execute(select(col(Field.code), col(Field.name)))},
            "procedure": {c: n for c, n in s.execute(
                select(col(Procedure.code), col(Procedure.name)))}}


# -- the supervisor's day at a glance -------------------------------------------------------------


@dataclass(frozen=True)
class Glance:
    day: date
    received: int  # dossiers received that day
    due: int  # results due that day: open at the day's start, original deadline that day
    overdue: int  # in progress and overdue at the end of the day
    month_on_time_rate: float | None  # from the 1st of the month to the day
    month_resolved: int
    goal: float = 0.98
    # Today only: the status line's counts (desk.services.deadlines.watch.counts), one definition
    # and one source for "due today" and "overdue" wherever the desk shows them now.
    live: Any = None


def glance(ctx: DeskContext, day: date | None = None) -> Glance:
    """Today's (or another day's) figures for the dashboard."""
    day = day or ctx.local_now().date()
    start, end = bounds(ctx, day, day)
    today = period_report(ctx, day, day, with_satisfaction=False).total
    month = period_report(ctx, day.replace(day=1), day, with_satisfaction=False).total
    due_q = select(func.count()).where(
        col(D.due_at) >= start, col(D.due_at) < end, col(D.received_at) < end,
        or_(col(D.result_at).is_(None), col(D.result_at) >= start),
        and_(col(D.status).notin_(CLOSED)),
    )
    with read_session(ctx.engine) as s:
        due = int(s.execute(due_q).scalar_one())
    live = counts(ctx) if day == ctx.local_now().date() else None
    return Glance(day, today.new, due, today.open_overdue, month.on_time_rate, month.resolved,
                  live=live)


def sync_summary(ctx: DeskContext) -> SyncStatusOut | None:
    """The sync state for the dashboard, or None when sync is not configured (no server URL)."""
    if not ctx.settings.sync.server_url:
        return None
    return sync_status(ctx, conflicts_limit=0)


def queue_day(ctx: DeskContext, day: date) -> Any:
    """The queue KPIs of a day (desk.services.queue.tickets.stats)."""
    return stats(ctx, day)
