"""The deadline watch's pure parts, shared by the full stack (desk/services/deadlines/watch.py)
and the quick `sqlite3` read (desk/services/quick/deadlines.py): the time window, one watch
row from its columns, and the sentence at login."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from desk.i18n import t
from desk.services.deadlines.shapes import WatchRow

if TYPE_CHECKING:
    from desk.domain.calendar import WorkingCalendar


@dataclass(frozen=True)
class Window:
    now: datetime
    tomorrow: datetime  # start of the next local day
    soon: datetime  # the last instant that is still "due within one working day"
    limit: datetime  # max(soon, tomorrow): rows with an effective due after it are not read


def window(cal: WorkingCalendar, now: datetime) -> Window:
    now = cal.local(now)
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=now.tzinfo)
    soon = cal.next_working_start(cal.add_working_time(now, cal.hours_per_day))
    return Window(now, tomorrow, soon, max(soon, tomorrow))


def _iso(tz: tzinfo, dt: datetime | None) -> str | None:
    return dt.astimezone(tz).isoformat(timespec="minutes") if dt else None


def watch_row(cal: WorkingCalendar, tz: tzinfo, now: datetime,
              r: tuple[Any, ...]) -> WatchRow:
    """One row of the watch list from (code, applicant, procedure, procedure name, field,
    field name, agency, status, received, due, extended due, effective due), instants aware."""
    (code, applicant, proc, proc_name, field, field_name, agency, status, received, due,
     extended, eff) = r
    state = cal.deadline_state(now, eff)
    late_days = None
    if state == "overdue":
        late_days = round(cal.working_time_between(eff, now) / cal.hours_per_day, 1)
    return {
        "code": code, "applicant": applicant, "procedure": proc, "procedure_name": proc_name or "",
        "field": field, "field_name": field_name or "", "agency": agency, "status": status,
        "received_at": _iso(tz, received), "due_at": _iso(tz, due),
        "extended_due_at": _iso(tz, extended), "effective_due_at": _iso(tz, eff),
        "state": state, "apologised": extended is not None,
        "needs_letter": state == "overdue" and extended is None,
        "overdue_working_days": late_days,
    }


def at_risk_sentence(c: Mapping[str, int], lang: str | None = None) -> str:
    """"Cần chú ý: 2 hồ sơ quá hạn (1 hồ sơ chưa có văn bản xin lỗi), 1 hồ sơ đến hạn hôm nay,
    3 hồ sơ sắp đến hạn (trong một ngày làm việc)." — or that nothing is at risk."""
    if not (c["due_today"] + c["due_soon"] + c["overdue"]):
        return t("deadline.summary.none", lang)
    parts = []
    if c["overdue"]:
        part = t("deadline.summary.overdue", lang, n=c["overdue"])
        if c["overdue_no_letter"]:
            part += " " + t("deadline.summary.no_letter", lang, n=c["overdue_no_letter"])
        parts.append(part)
    if c["due_today"]:
        parts.append(t("deadline.summary.due_today", lang, n=c["due_today"]))
    if c["due_soon"]:
        parts.append(t("deadline.summary.due_soon", lang, n=c["due_soon"]))
    return t("deadline.summary.intro", lang, items=", ".join(parts))
