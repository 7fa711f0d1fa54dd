"""A whole seeded office day driven through the real queue service, with its own bookkeeping.

300 tickets over the morning, 4 counters, priority tickets, recalls, no-shows, transfers to
another service and a paused counter. The simulation records what it did (issue times, the
time each call returned, outcomes) and computes the expected KPIs itself, independently of
desk.domain.queue, so a test can compare the two.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean, median
from typing import Any

from desk.services.context import DeskContext
from desk.services.queue import tickets as queue

SEED = 20261123
TICKETS = 300
STEP = timedelta(seconds=30)
SERVICE_WEIGHTS = {"HT": 5, "CT": 4, "CU": 2, "KT": 2}
REASONS = ("elderly", "pregnant", "disability", "merit", "small_child")


@dataclass
class Record:
    label: str
    service: str
    issued: datetime
    first_call: datetime | None = None
    outcome: str = "WAITING"
    started: datetime | None = None
    finished: datetime | None = None
    counter: int | None = None
    recalls: int = 0
    transfers: int = 0


@dataclass
class Desk:
    number: int
    label: str | None = None
    plan: list[tuple[datetime, str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Expected:
    issued: int
    served: int
    no_show: int
    transferred: int
    recalls: int
    waits: list[float]
    services: list[float]
    within: float
    served_by_counter: dict[int, int]

    def summary(self) -> dict[str, Any]:
        s = sorted(self.waits)
        return {
            "issued": self.issued, "served": self.served, "no_show": self.no_show,
            "transferred": self.transferred, "recalls": self.recalls,
            "wait_mean": mean(s), "wait_median": median(s),
            "wait_p90": s[math.ceil(0.9 * len(s)) - 1],
            "service_mean": mean(self.services), "within": self.within,
            "served_by_counter": self.served_by_counter,
        }


def run_day(ctx: DeskContext, clock: Any, start: datetime, *, seed: int = SEED,
            tickets: int = TICKETS) -> tuple[list[Record], Expected]:
    """Drive the day; `clock` is a settable clock (has `.at`) that `ctx` reads."""
    rng = random.Random(seed)
    arrivals: list[tuple[datetime, str, str | None]] = []
    t = start
    for _ in range(tickets):
        t += timedelta(seconds=rng.expovariate(1 / 95))  # ~38 an hour over about 8 hours
        svc = rng.choices(list(SERVICE_WEIGHTS), weights=list(SERVICE_WEIGHTS.values()))[0]
        reason = rng.choice(REASONS) if rng.random() < 0.12 else None
        arrivals.append((t, svc, reason))
    targets = {s.code: s.wait_target_minutes for s in ctx.settings.queue.services}
    records: dict[str, Record] = {}
    desks = [Desk(n) for n in (1, 2, 3, 4)]
    pause_at, resume_at = start + timedelta(hours=1, minutes=30), start + timedelta(hours=2)
    paused = False
    now = start
    while arrivals or any(d.label for d in desks) or any(
            r.outcome == "WAITING" for r in records.values()):
        clock.at = now
        while arrivals and arrivals[0][0] <= now:
            at, svc, reason = arrivals.pop(0)
            clock.at = at
            v = queue.issue(ctx, svc, reason, print_ticket=False).ticket
            records[v.label] = Record(v.label, svc, at)
        clock.at = now
        if not paused and pause_at <= now < resume_at and desks[3].label is None:
            queue.pause(ctx, 4)
            paused = True
        if paused and now >= resume_at:
            queue.resume(ctx, 4)
            paused = False
        for d in desks:
            if d.label is None:
                if d.number == 4 and paused:
                    continue
                v = queue.call_next(ctx, d.number)
                if v is None:
                    continue
                r = records[v.label]
                r.first_call = r.first_call or now
                r.outcome = "CALLED"
                d.label = v.label
                d.plan = _plan(rng, now, r, [c for c in SERVICE_WEIGHTS if c != v.service_code])
                continue
            due, action, kw = d.plan[0]
            if due > now:
                continue
            d.plan.pop(0)
            r = records[d.label]
            queue.act(ctx, action, counter=d.number, **kw)
            if action == "recall":
                r.recalls += 1
            elif action == "start":
                r.started = now
            elif action == "finish":
                r.outcome, r.finished, r.counter = "DONE", now, d.number
            elif action == "no_show":
                r.outcome, r.counter = "NO_SHOW", d.number
            elif action == "transfer":
                r.transfers += 1
                r.outcome, r.started = "WAITING", None
            if action in ("finish", "no_show", "transfer"):
                d.label, d.plan = None, []
        now += STEP
    recs = list(records.values())
    served = [r for r in recs if r.outcome == "DONE"]
    waits = [(r.first_call - r.issued).total_seconds() for r in recs if r.first_call]
    within = sum(1 for r in served if r.first_call and
                 (r.first_call - r.issued).total_seconds() <= targets[r.service] * 60)
    by_counter: dict[int, int] = {}
    for r in served:
        assert r.counter is not None
        by_counter[r.counter] = by_counter.get(r.counter, 0) + 1
    return recs, Expected(
        issued=len(recs), served=len(served),
        no_show=sum(1 for r in recs if r.outcome == "NO_SHOW"),
        transferred=sum(r.transfers for r in recs), recalls=sum(r.recalls for r in recs),
        waits=waits,
        services=[(r.finished - r.started).total_seconds() for r in served
                  if r.finished and r.started],
        within=within / len(served), served_by_counter=dict(sorted(by_counter.items())),
    )


def _plan(rng: random.Random, now: datetime, r: Record,
          others: list[str]) -> list[tuple[datetime, str, dict[str, Any]]]:
    """What happens to a called ticket, minute by minute (every leg is started before it
    finishes, so the service time is start → finish)."""
    def at(minutes: float) -> datetime:
        return now + timedelta(minutes=minutes)

    roll = rng.random()
    if roll < 0.07 and r.transfers == 0:  # absent: recalled, then marked no-show
        return [(at(1), "recall", {}), (at(2), "no_show", {})]
    plan: list[tuple[datetime, str, dict[str, Any]]] = []
    lag = 0.5
    if roll < 0.17:
        plan.append((at(lag), "recall", {}))
        lag += 0.5
    plan.append((at(lag), "start", {}))
    length = max(1.0, rng.gauss(5, 2))
    if roll > 0.93 and r.transfers == 0:  # needs another field's clerk
        plan.append((at(lag + length), "transfer", {"to_service": rng.choice(others)}))
    else:
        plan.append((at(lag + length), "finish", {}))
    return plan
