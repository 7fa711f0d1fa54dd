"""The deadline watch: which open dossiers are due today, due soon, overdue, overdue without an
apology letter — counted, listed (oldest risk first) and said in one sentence at login.

Fast at any size: only dossiers still being worked on whose deadline lies before a near
horizon are read, through the (status, due_at) index. The effective deadline is
`coalesce(extended_due_at, due_at)`; an apology's new date is always later than the original
(desk.services.deadlines.apology refuses anything else), so `due_at <= horizon` never misses a row.

DECISIONS:
* Watched statuses are RECEIVED, TRANSFERRED and PROCESSING. RESULT_READY is left out: the
  result exists, so its result class is already fixed (classification is by the result's
  date) and no letter can change anything. Paused dossiers (supplement requested) are left
  out because their clock is stopped.
* The four counts follow `deadline_state`: "due soon" is due within one working day but not
  today, so a dossier is in exactly one of due_today / due_soon / overdue; "overdue without a
  letter" is a part of "overdue".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import and_, case, func, select
from sqlmodel import col

from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.context import DeskContext
from desk.services.deadlines import watch_rows
from desk.services.deadlines.shapes import WatchRow
from storage.engine import read_session
from storage.tables import Dossier as D
from storage.tables import Field, Procedure

__all__ = ["SORTS", "WATCH_STATUSES", "DeadlineCounts", "at_risk_summary", "counts",
           "daily_summary", "horizon", "result_kind", "result_label", "watch_list"]

WATCH_STATUSES = ("RECEIVED", "TRANSFERRED", "PROCESSING")
SORTS = ("due", "field", "agency")
Sort = Literal["due", "field", "agency"]
PAGE = 200
_SUMMARY_MARK = "deadline_summary.day"


@dataclass(frozen=True)
class DeadlineCounts:
    due_today: int = 0
    due_soon: int = 0
    overdue: int = 0
    overdue_no_letter: int = 0

    @property
    def at_risk(self) -> int:
        return self.due_today + self.due_soon + self.overdue

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


_Window = watch_rows.Window


def horizon(ctx: DeskContext, now: datetime | None = None) -> datetime:
    """The latest effective deadline the watch looks at (due soon, or due today)."""
    return _window(ctx, now).limit


def _window(ctx: DeskContext, now: datetime | None = None) -> _Window:
    return watch_rows.window(ctx.calendar, now or ctx.now())


def _base(w: _Window) -> Any:
    return and_(col(D.status).in_(WATCH_STATUSES), col(D.due_at) <= w.limit,
                col(D.paused_since).is_(None))


def _effective() -> Any:
    return func.coalesce(D.extended_due_at, D.due_at)


def counts(ctx: DeskContext, now: datetime | None = None) -> DeadlineCounts:
    """The four counts, in one indexed query."""
    w = _window(ctx, now)
    eff = _effective()

    def n(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    q = select(
        n(and_(eff >= w.now, eff < w.tomorrow)),
        n(and_(eff >= w.tomorrow, eff <= w.soon)),
        n(eff < w.now),
        n(and_(eff < w.now, col(D.extended_due_at).is_(None))),
    ).where(_base(w))
    with read_session(ctx.engine) as s:
        row = s.execute(q).one()
    return DeadlineCounts(*(int(v) for v in row))


def watch_list(ctx: DeskContext, sort: Sort | str = "due", *, limit: int = PAGE,
               offset: int = 0, now: datetime | None = None) -> list[WatchRow]:
    """The at-risk dossiers (overdue, due today, due soon), oldest risk first; with
    sort="field" / "agency" grouped by field / handling agency first."""
    if sort not in SORTS:
        raise DomainError("deadline.bad_sort", sort=sort, sorts=", ".join(SORTS))
    w = _window(ctx, now)
    eff = _effective().label("eff")
    orders: dict[str, list[Any]] = {
        "due": [], "field": [D.field_code],
        "agency": [col(D.handling_agency) == "", D.handling_agency]}
    order = orders[sort]
    q = (select(col(D.code), col(D.applicant_name), col(D.procedure_code), col(Procedure.name),
                col(D.field_code), col(Field.name), col(D.handling_agency), col(D.status),
                col(D.received_at), col(D.due_at), col(D.extended_due_at), eff)
         .join(Procedure, col(Procedure.code) == D.procedure_code, isouter=True)
         .join(Field, col(Field.code) == D.field_code, isouter=True)
         .where(_base(w), _effective() <= w.limit)
         .order_by(*order, _effective(), D.code)
         .limit(max(1, min(limit, 1000))).offset(max(0, offset)))
    with read_session(ctx.engine) as s:
        rows = s.execute(q).all()
    return [_row(ctx, w, r) for r in rows]


def _row(ctx: DeskContext, w: _Window, r: Any) -> WatchRow:
    return watch_rows.watch_row(ctx.calendar, ctx.tz, w.now, tuple(r))


# ---------------------------------------------------------------------------------------------
# The sentence at login


def at_risk_summary(ctx: DeskContext, c: DeadlineCounts | None = None,
                    lang: str | None = None) -> str:
    """"Cần chú ý: 2 hồ sơ quá hạn (1 hồ sơ chưa có văn bản xin lỗi), 1 hồ sơ đến hạn hôm nay,
    3 hồ sơ sắp đến hạn (trong một ngày làm việc)." — or that nothing is at risk."""
    return watch_rows.at_risk_sentence((c or counts(ctx)).as_dict(), lang)


def daily_summary(ctx: DeskContext) -> str | None:
    """The summary the first time it is asked on a local day (for this office's data folder);
    None afterwards. The app calls it at start-up; a login shows `at_risk_summary` always."""
    today = ctx.local_now().date()
    mark = Path(ctx.settings.data_dir) / _SUMMARY_MARK
    try:
        seen = date.fromisoformat(mark.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        seen = None
    if seen == today:
        return None
    try:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.write_text(today.isoformat(), encoding="utf-8")
    except OSError:
        pass  # a read-only folder: say it every start rather than never
    return at_risk_summary(ctx)


# ---------------------------------------------------------------------------------------------
# Results against the deadline (for the dossier card and the reports)


def result_kind(view: dict[str, Any]) -> str | None:
    """"early" | "on_time" | "late" | "late_apologised" from a dossier view; None without a
    result. The class is always against the ORIGINAL deadline (views.dossier_view): a dossier
    finished by its new date after an apology letter still counts as late."""
    cls = view.get("result_class")
    if cls is None:
        return None
    if cls == "late" and view.get("apologised"):
        return "late_apologised"
    return str(cls)


def result_label(view: dict[str, Any], lang: str | None = None) -> str:
    """The result as shown: "Trước hạn", "Đúng hạn", "Quá hạn", "Quá hạn, đã xin lỗi"; "" if no
    result yet."""
    kind = result_kind(view)
    return t(f"deadline.result.{kind}", lang) if kind else ""
