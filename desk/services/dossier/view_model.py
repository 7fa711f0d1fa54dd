"""A dossier as the screens and `--json` show it, built from plain values: the one place
that decides the view's keys, whether the database stack (views.py) or the quick sqlite3 read
(desk/services/quick) loaded the rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, cast

from desk.domain.calendar import WorkingCalendar
from desk.domain.states import DossierStatus, allowed_actions
from desk.i18n import has, t
from desk.services.dossier.fact_fold import attachments_of, fee_status, steps_view
from desk.services.dossier.shapes import DossierSummary, DossierView, TimelineEntry

Iso = Callable[[datetime | None], str | None]  # a stored instant as local ISO minutes
CLOSED = ("RETURNED", "REFUSED", "WITHDRAWN", "STOPPED")  # no deadline is running
# the kind's prefix of a local event the district replaced (desk/sync/neutralise.py sets it)
SUPERSEDED = "superseded."


def event_label(kind: str, lang: str | None = None) -> str:
    """What a timeline event is called, in the office language: never its message key, even
    for a kind this build does not name (a newer desk's event, a superseded one)."""
    key = f"action.{kind}"
    if has(key):
        return t(key, lang)
    if kind.startswith(SUPERSEDED):
        return t("action.superseded_other", lang,
                 action=event_label(kind.removeprefix(SUPERSEDED), lang))
    return t("action.other", lang)


def summary(d: Any, iso: Iso) -> DossierSummary:
    """A dossier row (a Dossier, or anything with its attribute names) as a list row."""
    return {"code": d.code, "status": d.status, "applicant": d.applicant_name,
            "procedure": d.procedure_code, "field": d.field_code,
            "received_at": iso(d.received_at), "due_at": iso(d.due_at),
            "extended_due_at": iso(d.extended_due_at)}


def timeline(events: Sequence[Any], iso: Iso) -> list[TimelineEntry]:
    return [{"kind": e.kind, "at": iso(e.at), "recorded_at": iso(e.recorded_at),
             "clerk": e.clerk_name, "backdated": bool(e.backdated), "payload": e.payload}
            for e in events]


def build_view(d: Any, proc: Any, citizen: Any, events: Sequence[Any], *,
               calendar: WorkingCalendar, now: datetime, iso: Iso, tz: Any,
               with_timeline: bool = True) -> DossierView:
    """`d` the dossier row, `proc` its procedure (name, fee_amount, fee_note) or None,
    `citizen` (id_number, phone, address) or None, `events` its events in order."""
    effective_due = d.extended_due_at or d.due_at
    paused = d.paused_since is not None
    deadline = None
    if d.status not in CLOSED and not paused:
        deadline = calendar.deadline_state(now, effective_due)
    result_class = None
    if d.result_at is not None:
        result_class = calendar.classify(d.result_at, d.due_at)  # the original deadline
    fee = fee_status(events, proc, d.sets)
    fee["at"] = iso(fee["at"])
    files = attachments_of(events, tz)
    view: dict[str, Any] = {
        "code": d.code,
        "status": d.status,
        "procedure": {"code": d.procedure_code, "name": proc.name if proc else "",
                      "field": d.field_code},
        "applicant": {"name": d.applicant_name,
                      "id_number": citizen.id_number if citizen else None,
                      "phone": citizen.phone if citizen else None,
                      "address": citizen.address if citizen else ""},
        "channel": d.channel,
        "sets": d.sets,
        "notes": d.notes,
        "time_limit": {"value": d.time_limit_value, "unit": d.time_limit_unit},
        "received_at": iso(d.received_at),
        "due_at": iso(d.due_at),
        "extended_due_at": iso(d.extended_due_at),
        "paused_since": iso(d.paused_since),
        "deadline_state": "paused" if paused else deadline,
        "result_at": iso(d.result_at),
        "result_class": result_class,
        "apologised": d.extended_due_at is not None,
        "returned_at": iso(d.returned_at),
        "return_method": d.return_method,
        "actions": [a.value for a in allowed_actions(DossierStatus(d.status))],
        "fee": fee,
        "attachments": files,
        "digitised": any(f["kind"] == "document" for f in files),
        "result_digitised": any(f["kind"] == "result" for f in files),
        "steps": steps_view(events, tz),
    }
    if with_timeline:
        view["timeline"] = timeline(events, iso)
    return cast(DossierView, view)  # the fact folds' dicts carry the declared keys
