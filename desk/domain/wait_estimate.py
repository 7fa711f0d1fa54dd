"""How long until a waiting ticket is called: the queue played forward with today's figures.

Method (docs/waiting-room.md §Wait estimates). A single "people ahead × average service time"
is wrong in a commune office: counters serve several services, a priority ticket overtakes, a
transferred ticket keeps its place, a paused counter takes nobody. So the estimate replays the
office's own rule, `choose_next`, on the tickets waiting now:

1. every open counter becomes free when its current citizen is expected to leave: the mean
   busy time (call → finish, no-show or transfer) of that service today, minus what has
   already passed, but at least a quarter of the mean (someone at a counter rarely leaves at
   the exact moment the average says);
2. the counter that frees first calls what `choose_next` would give it (priority first with
   the anti-starvation bound, FIFO by original issue time), and is busy again for the mean
   busy time of that ticket's service plus the mean turnaround between two calls;
3. repeat until the ticket in question is called: the estimate is that moment − now.

Mean busy times come from today's finished legs of the service (the office mean, then
`default_seconds` when a service has none yet). Open counters: configured and not paused.
Tickets expected later are simulated too: priority tickets (they overtake) and transferred
legs (they keep their original place), at today's rates per service.
Pure: no I/O and no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean

from desk.domain.queue import Candidate, choose_next

DEFAULT_SERVICE_SECONDS = 300.0
MIN_REMAINING_SHARE = 0.25
PRIOR_CALLS = 3  # weight of the default service time against today's calls


@dataclass(frozen=True)
class CounterNow:
    """A counter as the estimate sees it."""

    number: int
    services: tuple[str, ...]
    open: bool = True
    busy_since: datetime | None = None  # the call of the citizen at the desk now
    busy_service: str | None = None
    recent_calls: tuple[bool, ...] = ()  # today's calls, oldest first (True = priority)


@dataclass
class ServiceTimes:
    """Mean busy seconds per call, per service, from today's finished legs."""

    per_service: dict[str, float] = field(default_factory=dict)
    turnaround: float = 0.0  # seconds between a leg ending and the counter's next call
    default_seconds: float = DEFAULT_SERVICE_SECONDS

    @classmethod
    def from_samples(cls, busy: Mapping[str, Sequence[tuple[float, float]]],
                     gaps: Sequence[float] = (), default_seconds: float = DEFAULT_SERVICE_SECONDS,
                     ongoing: Mapping[str, Sequence[float]] | None = None) -> ServiceTimes:
        """Busy time per call from (seconds, weight) samples of finished calls:
        (Σ weight·seconds + time already spent on the calls still at a counter + `PRIOR_CALLS`
        calls of `default_seconds`) ÷ (Σ weight + `PRIOR_CALLS`).

        Weights favour the last half hour (the pace of the office now, not at 8 o'clock). The
        calls still running count their time so far: early in the day the calls that have
        finished are the short ones (a no-show leaves in two minutes), and a mean of them alone
        is too short. The prior keeps the first figures of the day from swinging wildly."""
        ongoing = ongoing or {}

        def pooled(done: Sequence[tuple[float, float]], running: Sequence[float]) -> float:
            return ((sum(x * w for x, w in done) + sum(running) + PRIOR_CALLS * default_seconds)
                    / (sum(w for _x, w in done) + PRIOR_CALLS))

        per = {code: pooled(busy.get(code, ()), ongoing.get(code, ()))
               for code in set(busy) | set(ongoing)}
        office = pooled([x for v in busy.values() for x in v],
                        [x for v in ongoing.values() for x in v])
        return cls(per, mean(gaps) if gaps else 0.0, office)

    def of(self, service: str) -> float:
        return self.per_service.get(service, self.default_seconds)


@dataclass(frozen=True)
class Arrivals:
    """Tickets expected to come and go ahead of those waiting: priority tickets (they overtake)
    and transferred legs (they keep their original place), per service, per second."""

    priority: Mapping[str, float] = field(default_factory=dict)
    transfers: Mapping[str, float] = field(default_factory=dict)
    horizon: float = 3 * 3600.0

    def expected(self, now: datetime) -> list[Candidate]:
        out: list[Candidate] = []
        for kind, rates in (("p", self.priority), ("t", self.transfers)):
            for code, rate in rates.items():
                if rate <= 0:
                    continue
                step = 1 / rate
                k = 1
                while k * step <= self.horizon:
                    at = now + timedelta(seconds=k * step)
                    # a transferred leg is ordered by its original issue: ahead of today's queue
                    issued = at if kind == "p" else datetime.min.replace(tzinfo=now.tzinfo)
                    out.append(Candidate(("future", kind, code, k), code, kind == "p", issued,
                                         arrives_at=at))
                    k += 1
        return out


def estimate_waits(now: datetime, waiting: Iterable[Candidate], counters: Sequence[CounterNow],
                   times: ServiceTimes, max_priority_in_row: int,
                   targets: Iterable[object] | None = None,
                   arrivals: Arrivals | None = None) -> dict[object, float]:
    """Seconds from `now` until each waiting leg (by key) is called; legs no open counter can
    call are left out. `targets` limits the work to the legs asked about."""
    pool = list(waiting)
    future = sorted(arrivals.expected(now) if arrivals else [],
                    key=lambda c: c.arrives_at or now)
    wanted = set(targets) if targets is not None else {c.key for c in pool}
    free_at: dict[int, datetime] = {}
    history: dict[int, list[bool]] = {}
    for c in counters:
        if not c.open:
            continue
        at = now
        if c.busy_since is not None:
            mean_busy = times.of(c.busy_service or "")
            left = max(mean_busy - (now - c.busy_since).total_seconds(),
                       MIN_REMAINING_SHARE * mean_busy)
            at = now + timedelta(seconds=left + times.turnaround)
        free_at[c.number] = at
        history[c.number] = list(c.recent_calls)
    services = {c.number: c.services for c in counters}
    out: dict[object, float] = {}
    while wanted - set(out) and free_at and pool:
        number = min(free_at, key=lambda n: (free_at[n], n))
        at = free_at[number]
        while future and future[0].arrives_at is not None and future[0].arrives_at <= at:
            pool.append(future.pop(0))
        pick = choose_next(pool, number, services[number], history[number], max_priority_in_row)
        if pick is None:
            del free_at[number]  # nothing it may call now (later walk-ins go behind)
            continue
        if pick.key in wanted:
            out[pick.key] = max(0.0, (at - now).total_seconds())
        pool.remove(pick)
        history[number].append(pick.priority)
        free_at[number] = at + timedelta(seconds=times.of(pick.service_code) + times.turnaround)
    return out


def open_counters(configured: Iterable[int], paused: Iterable[int]) -> set[int]:
    """Counters taking calls: every configured counter that is not paused (an office pauses
    a counter nobody staffs today, and the estimate stops counting on it)."""
    return set(configured) - set(paused)


def within(estimate: float, real: float, share: float = 0.25, floor: float = 180.0) -> bool:
    """The issue's accuracy rule: within 25 % of the real wait, or 3 minutes."""
    return abs(estimate - real) <= max(share * real, floor)
