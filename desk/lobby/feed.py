"""What the waiting room shows, read from the office database on its own sqlite3 connection.

`PRAGMA data_version` changes only when another connection commits, so polling it every
100 ms costs almost nothing; only then is the day read again (tickets, calls), in
milliseconds. The estimates are a second, slower step (`with_estimates`: tenths of a second
with a long queue), so the hub can show a call before they are ready.
A busy or missing database raises sqlite3.Error: the caller keeps its last state.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desk.config import QueueConfig
from desk.domain import queue as rules
from desk.services.queue import wait_estimates as we
from storage.commit_watch import CommitWatch

CALLS_SQL = ("SELECT seq, label, counter, kind, at FROM ticket_event WHERE day = ? "
             "AND kind IN ('CALL', 'RECALL') ORDER BY seq")
LAST_SQL = "SELECT max(seq) FROM ticket_event"
TOLD_SQL = ("SELECT ticket_id, json_extract(payload, '$.estimate_s') FROM ticket_event "
            "WHERE day = ? AND kind = 'ISSUE' AND json_extract(payload, '$.estimate_s') "
            "IS NOT NULL")


@dataclass(frozen=True)
class Call:
    seq: int
    label: str
    counter: int
    kind: str  # CALL | RECALL
    at: datetime


@dataclass
class LobbyState:
    day: date
    now: datetime
    last_seq: int
    calls: list[Call]  # today's calls, oldest first
    legs: list[we.Leg]
    estimates: dict[str, float]  # waiting leg key → seconds until called
    new_ticket: dict[str, float]  # service code → seconds a ticket taken now would wait
    paused: set[int] = field(default_factory=set)
    rows: we.DayRows | None = field(default=None, repr=False)  # what the estimates come from
    known: dict[str, float] = field(default_factory=dict)  # label → its last figure today

    def active_leg(self, label: str) -> we.Leg | None:
        mine = [g for g in self.legs if g.label == label]
        return max(mine, key=lambda g: g.leg) if mine else None

    def shown_calls(self) -> list[Call]:
        """Calls a screen may show, newest first, one per number: a number that went back to
        waiting (transferred) or on hold is no longer "called"."""
        out: list[Call] = []
        seen: set[str] = set()
        for c in reversed(self.calls):
            if c.label in seen:
                continue
            seen.add(c.label)
            leg = self.active_leg(c.label)
            if leg is not None and leg.state in (rules.WAITING, rules.HOLD):
                continue
            out.append(c)
        return out


class LobbyFeed(CommitWatch):
    """One sqlite3 connection, used from one thread at a time (the hub's)."""

    def __init__(self, path: Path | str, queue: QueueConfig, *, timeout: float = 0.25) -> None:
        super().__init__(path, timeout=timeout)
        self.queue = queue

    def read(self, day: date, now: datetime) -> LobbyState:
        """The day and its estimates, from one consistent view."""
        return with_estimates(self.read_rows(day, now), self.queue)

    def read_rows(self, day: date, now: datetime,
                  carry: LobbyState | None = None) -> LobbyState:
        """The day without its estimates: the last state's (`carry`, the same day) stand in
        until `with_estimates` has run on these rows."""
        old = carry if carry is not None and carry.day == day else None
        figures = old.estimates if old else {}
        self._conn.execute("BEGIN")  # one consistent view for every query
        try:
            rows = we.read_day(self._run, day)
            calls = [Call(int(r[0]), r[1], int(r[2] or 0), r[3],
                          we.parse_utc(r[4]) or now) for r in self._run(CALLS_SQL,
                                                                        (day.isoformat(),))]
            last = self._run(LAST_SQL, ())[0][0]
            new = [g for g in rows.legs if g.state == rules.WAITING and g.key not in figures]
            told = ({str(k): float(v) for k, v in self._run(TOLD_SQL, (day.isoformat(),))}
                    if new else {})
        finally:
            self._conn.execute("COMMIT")
        counters = we.counters_now(rows, self.queue)
        known = last_figures(old) if old else {}
        # until the estimator has seen a new leg, its holder keeps the figure last given for
        # that number (a transfer), or the one told at issue: not "no estimate yet"
        stand_in = {g.key: known.get(g.label, told.get(g.key)) for g in new}
        return LobbyState(day, now, int(last or 0), calls, rows.legs,
                          {**figures, **{k: v for k, v in stand_in.items() if v is not None}},
                          old.new_ticket if old else {},
                          {c.number for c in counters if not c.open}, rows, known)

    def _run(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return self._conn.execute(sql, params).fetchall()


def last_figures(st: LobbyState) -> dict[str, float]:
    """The last figure given for each number today, its waiting legs' over older ones."""
    return {**st.known, **{g.label: st.estimates[g.key] for g in st.legs
                           if g.state == rules.WAITING and g.key in st.estimates}}


def with_estimates(st: LobbyState, queue: QueueConfig) -> LobbyState:
    """`st` with the figures of the estimator the ticket's come from (one estimator
    everywhere), over its own rows at its own moment: no database, any thread."""
    assert st.rows is not None
    return replace(st, estimates=we.estimates(st.rows, queue, st.now),
                   new_ticket=we.new_ticket(st.rows, queue, st.now))
