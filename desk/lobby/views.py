"""The JSON the waiting-room pages receive: the TV's state, one call, one ticket's status.

Numbers, counters, services and minutes only: never a name, an ID number or a phone.
"""

from __future__ import annotations

from typing import Any

from desk.config import Settings
from desk.domain import queue as rules
from desk.i18n import t
from desk.lobby.feed import Call, LobbyState
from desk.lobby.speech import call_clips, call_words
from desk.services.queue.wait_estimates import APPOINTMENT, minutes

RECENT = 6
AUDIO_URL = "/static/audio/"
FRESH_SECONDS = 120  # a call older than this when it reaches a page is shown, not spoken


def counter_name(settings: Settings, number: int) -> str:
    return next((c.name for c in settings.queue.counters if c.number == number and c.name),
                t("lobby.counter_n", n=number))


def call_json(settings: Settings, c: Call) -> dict[str, Any]:
    return {"seq": c.seq, "label": c.label, "counter": c.counter,
            "counter_name": counter_name(settings, c.counter), "kind": c.kind,
            "at": c.at.isoformat(), "words": call_words(c.label, c.counter),
            "clips": [AUDIO_URL + f for f in call_clips(c.label, c.counter)]}


def display_json(settings: Settings, st: LobbyState, notices: list[str]) -> dict[str, Any]:
    shown = st.shown_calls()
    services = []
    for svc in settings.queue.services:
        waiting = sum(1 for g in st.legs if g.state == rules.WAITING
                      and g.service_code == svc.code)
        services.append({"code": svc.code, "name": svc.name, "prefix": svc.prefix,
                         "waiting": waiting,
                         "wait_minutes": minutes(st.new_ticket.get(svc.code))})
    return {
        "office": settings.office.name, "now": st.now.isoformat(), "last_seq": st.last_seq,
        "current": call_json(settings, shown[0]) if shown else None,
        "recent": [{"seq": c.seq, "label": c.label, "counter": c.counter}
                   for c in shown[1:RECENT + 1]],
        "services": services, "notices": notices,
        "paused": sorted(st.paused),
    }


def _ahead(st: LobbyState, key: str) -> int | None:
    me = next((g for g in st.legs if g.key == key), None)
    if me is None or me.state != rules.WAITING:
        return None

    def rank(g: Any) -> tuple[bool, bool, Any, int]:
        return (not g.priority, g.priority_reason != APPOINTMENT, g.issued_at, g.number)

    return sum(1 for g in st.legs if g.state == rules.WAITING and g.key != key
               and g.service_code == me.service_code and rank(g) < rank(me))


def find_leg_key(st: LobbyState, ticket: str) -> str | None:
    """The active leg of the ticket whose (any) leg id is `ticket` (32 hex digits)."""
    wanted = ticket.replace("-", "").lower()
    first = next((g for g in st.legs if g.key.replace("-", "").lower() == wanted), None)
    if first is None:
        return None
    active = st.active_leg(first.label)
    return active.key if active else None


def status_json(settings: Settings, st: LobbyState, ticket: str) -> dict[str, Any]:
    """One ticket as its holder's phone shows it."""
    base: dict[str, Any] = {"office": settings.office.name, "now": st.now.isoformat()}
    key = find_leg_key(st, ticket)
    leg = next((g for g in st.legs if g.key == key), None) if key else None
    if leg is None:
        return {**base, "found": False, "message": t("lobby.phone.unknown_ticket")}
    svc = next((s for s in settings.queue.services if s.code == leg.service_code), None)
    serving = next((c.label for c in st.shown_calls()
                    if (g := st.active_leg(c.label)) is not None
                    and g.service_code == leg.service_code), None)
    wait = minutes(st.estimates.get(leg.key)) if leg.state == rules.WAITING else None
    counter = leg.counter if leg.state in rules.ACTIVE_AT_COUNTER else None
    return {
        **base, "found": True, "label": leg.label,
        "service": svc.name if svc else leg.service_code, "state": leg.state,
        "state_text": t(f"lobby.phone.state.{leg.state}", counter=counter or ""),
        "counter": counter, "serving": serving, "ahead": _ahead(st, leg.key),
        "wait_minutes": wait,
        "wait_text": (t("lobby.phone.minutes", m=wait) if wait is not None
                      else t("lobby.phone.no_estimate")) if leg.state == rules.WAITING else "",
    }


def is_fresh(st: LobbyState, c: Call) -> bool:
    """Whether a page should speak `c` now: made less than 2 minutes ago, and its number is
    still the one called at that counter. A page catching up after a drop would otherwise
    call a citizen already served, transferred, or called again (here or elsewhere)."""
    if (st.now - c.at).total_seconds() > FRESH_SECONDS:
        return False
    leg = st.active_leg(c.label)
    if leg is None or leg.state not in rules.ACTIVE_AT_COUNTER or leg.counter != c.counter:
        return False
    newest = next(k for k in reversed(st.calls) if k.label == c.label or k.counter == c.counter)
    return newest.seq == c.seq
