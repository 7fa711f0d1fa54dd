"""What the read commands print, on either read path (the services, or the quick read through
`sqlite3`: desk/commands/quick_read.py): one place, so both print the same words. Light on
purpose: the quick path imports it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from desk.commands.base import emit
from desk.commands.dates import parse_date
from desk.commands.dossier_rows import print_rows
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.dossier.search_terms import code_candidates

V = TypeVar("V")


def print_day(calendar: Any, text: str | None, as_json: bool, today: date) -> int:
    """`desk calendar day [DATE]`: today when no date is given."""
    d = parse_date(text) if text else today
    info = calendar.day_info(d)
    reason = t(info.reason_key, note=info.note, date=d.isoformat())
    if as_json:
        emit({"date": d.isoformat(), "working": info.working, "reason": reason,
              "reason_key": info.reason_key, "note": info.note}, True)
    else:
        word = t("cli.working") if info.working else t("cli.not_working")
        print(f"{d.isoformat()}: {word} — {reason}")
    return 0


def print_view(v: Mapping[str, Any], event_label: Callable[[str], str]) -> None:
    """`desk dossier show` (and `act`) as text: status, applicant, dates, the timeline."""
    print(f"{v['code']}  {t('status.' + v['status'])}")
    print(f"  {v['applicant']['name']} — {v['procedure']['code']} {v['procedure']['name']}")
    due = v["extended_due_at"] or v["due_at"]
    # times as `list`, `search` and the receipt write them ("17:00 07/12/2026"); ISO is --json's
    print(f"  {t('dossier.received_at')}: {hm_dmy(v['received_at'])}   "
          f"{t('dossier.due_at')}: {hm_dmy(due)}")
    for e in v.get("timeline", []):
        print(f"    {hm_dmy(e['at'])}  {event_label(e['kind'])}  {e['clerk']}")


def rows_out(rows: Sequence[Mapping[str, Any]], as_json: bool) -> int:
    """`desk dossier list|search`: status labels as text, the status code in the JSON (a
    contract)."""
    if as_json:
        emit(rows, True)
    else:
        print_rows(rows)
    return 0


def hm_dmy(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else "-"


def print_watch(counts: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> None:
    """`desk deadlines` as text: the counts, then one line per dossier."""
    print(t("deadlines.cli.counts", **counts))
    if not rows:
        print(t("deadlines.cli.none"))
    # columns as wide as their longest entry: a long name does not push the rest about
    states = [t("deadline.state." + r["state"]) for r in rows]
    state_w = max((len(s) for s in states), default=0)
    name_w = max((len(r["applicant"]) for r in rows), default=0)
    field_w = max((len(r["field"]) for r in rows), default=0) + 2
    agency_w = max((len(r["agency"] or "-") for r in rows), default=0)
    for r, state in zip(rows, states, strict=True):
        letter = t("deadlines.letter_yes") if r["apologised"] else t("deadlines.letter_no")
        print(f"{state:<{state_w}}  {hm_dmy(r['effective_due_at'])}  {r['code']}  "
              f"{r['applicant']:<{name_w}}  {'[' + r['field'] + ']':<{field_w}} "
              f"{r['agency'] or '-':<{agency_w}}  ({t('deadlines.col.letter')}: {letter})")


def show_typed(office: str, local_now: datetime, typed: str, show: Callable[[str], V]) -> V:
    """`desk dossier show CODE` as F3 reads CODE: the full code, or the short forms the receipt
    prints ("261204-0003", today's "0003"); never a dossier whose phone holds the digits."""
    for code in [*code_candidates(office, local_now, typed), typed]:
        try:
            return show(code)
        except DomainError as e:
            if e.key != "dossier.not_found":
                raise
    raise DomainError("dossier.not_found", code=typed)
