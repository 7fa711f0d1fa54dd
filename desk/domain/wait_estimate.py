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
from typing import Protocol

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


# ---------------------------------------------------------------- the estimate told (Monte Carlo)

RUNS = 40  # simulated futures per estimate


class Rng(Protocol):
    """What the simulation draws with (random.Random; handed in, so the domain stays pure)."""

    def choice(self, seq: Sequence[float]) -> float: ...
    def gauss(self, mu: float, sigma: float) -> float: ...
    def expovariate(self, lambd: float) -> float: ...

MIN_SAMPLES = 5  # fewer of today's calls than this: draw from the default instead
DEFAULT_SPREAD = 0.4  # the default busy time's standard deviation, as a share of it


@dataclass(frozen=True)
class Durations:
    """Today's busy times (call → finish, no-show or transfer), per service, in seconds: a
    simulated call lasts as long as one of them, drawn at random."""

    per_service: Mapping[str, Sequence[float]] = field(default_factory=dict)
    turnaround: float = 0.0
    default_seconds: float = DEFAULT_SERVICE_SECONDS

    def _pool(self, service: str) -> Sequence[float]:
        own = self.per_service.get(service, ())
        if len(own) >= MIN_SAMPLES:
            return own
        office = [x for v in self.per_service.values() for x in v]
        return office if len(office) >= MIN_SAMPLES else ()

    def draw(self, service: str, rng: Rng) -> float:
        pool = self._pool(service)
        if pool:
            return rng.choice(pool)
        return max(30.0, rng.gauss(self.default_seconds, DEFAULT_SPREAD * self.default_seconds))

    def remaining(self, service: str, elapsed: float, rng: Rng) -> float:
        """How much longer a call that has lasted `elapsed` goes on: one of today's calls
        that lasted longer, minus `elapsed` (a long call is likely a long one)."""
        pool = self._pool(service)
        longer = [x - elapsed for x in pool if x > elapsed]
        if longer:
            return rng.choice(longer)
        typical = mean(pool) if pool else self.default_seconds
        return max(typical - elapsed, MIN_REMAINING_SHARE * typical)


def sample_arrivals(arrivals: Arrivals, now: datetime, rng: Rng) -> list[Candidate]:
    """One possible future of the tickets that go ahead: Poisson arrivals at today's rates."""
    out: list[Candidate] = []
    for kind, rates in (("p", arrivals.priority), ("t", arrivals.transfers)):
        for code, rate in rates.items():
            if rate <= 0:
                continue
            at_s, k = rng.expovariate(rate), 1
            while at_s <= arrivals.horizon:
                at = now + timedelta(seconds=at_s)
                issued = at if kind == "p" else datetime.min.replace(tzinfo=now.tzinfo)
                out.append(Candidate(("future", kind, code, k), code, kind == "p", issued,
                                     arrives_at=at))
                at_s, k = at_s + rng.expovariate(rate), k + 1
    return sorted(out, key=lambda c: c.arrives_at or now)


def _one_future(now: datetime, pool: list[Candidate], counters: Sequence[CounterNow],
                durations: Durations, max_priority_in_row: int, wanted: set[object],
                future: list[Candidate], rng: Rng) -> dict[object, float]:
    free_at: dict[int, datetime] = {}
    history: dict[int, list[bool]] = {}
    for c in counters:
        if not c.open:
            continue
        at = now
        if c.busy_since is not None:
            left = durations.remaining(c.busy_service or "",
                                       (now - c.busy_since).total_seconds(), rng)
            at = now + timedelta(seconds=left + durations.turnaround)
        free_at[c.number] = at
        history[c.number] = list(c.recent_calls)
    services = {c.number: c.services for c in counters}
    out: dict[object, float] = {}
    while wanted - set(out) and free_at:
        number = min(free_at, key=lambda n: (free_at[n], n))
        at = free_at[number]
        while future and future[0].arrives_at is not None and future[0].arrives_at <= at:
            pool.append(future.pop(0))
        pick = choose_next(pool, number, services[number], history[number], max_priority_in_row)
        if pick is None:  # idle until a ticket it serves is expected, else done for the day
            nxt = next((f.arrives_at for f in future if f.service_code in services[number]),
                       None)
            if nxt is None:
                del free_at[number]
            else:
                free_at[number] = nxt
            continue
        if pick.key in wanted:
            out[pick.key] = max(0.0, (at - now).total_seconds())
        pool.remove(pick)
        history[number].append(pick.priority)
        free_at[number] = at + timedelta(
            seconds=durations.draw(pick.service_code, rng) + durations.turnaround)
    return out


def most_often_right(waits: Sequence[float]) -> float:
    """The figure within 25 % or 3 minutes (`within`) of the most simulated waits: what the
    citizen is told should be right as often as possible, not right on average."""
    ordered = sorted(waits)
    middle = ordered[len(ordered) // 2]
    return max(ordered, key=lambda e: (sum(within(e, w) for w in ordered), -abs(e - middle)))


def simulate_waits(now: datetime, waiting: Iterable[Candidate],
                   counters: Sequence[CounterNow], durations: Durations,
                   max_priority_in_row: int, rng: Rng,
                   targets: Iterable[object] | None = None, arrivals: Arrivals | None = None,
                   runs: int = RUNS, told: Iterable[object] | None = None,
                   ) -> dict[object, float]:
    """Seconds until each waiting leg (by key) is called, told as `most_often_right` of `runs`
    simulated futures: each plays `choose_next` forward as `estimate_waits` does, but with
    busy times drawn from today's calls and priority tickets and transfers arriving at random
    (Poisson) at today's rates. Legs no open counter can call are left out. The caller hands
    in `rng`, a random.Random seeded from the time: the same moment gives the same figure.
    `told` names the legs whose figure is wanted (None: all): the futures are the same either
    way, only the fold (`most_often_right`, quadratic in `runs`) is skipped for the others."""
    pool = list(waiting)
    wanted = set(targets) if targets is not None else {c.key for c in pool}
    samples: dict[object, list[float]] = {}
    for _ in range(runs):
        future = sample_arrivals(arrivals, now, rng) if arrivals else []
        got = _one_future(now, list(pool), counters, durations, max_priority_in_row,
                          set(wanted), future, rng)
        for key, value in got.items():
            samples.setdefault(key, []).append(value)
    keep = set(told) if told is not None else samples.keys()
    return {k: most_often_right(v) for k, v in samples.items() if k in keep}


def open_counters(configured: Iterable[int], paused: Iterable[int]) -> set[int]:
    """Counters taking calls: every configured counter that is not paused (an office pauses
    a counter nobody staffs today, and the estimate stops counting on it)."""
    return set(configured) - set(paused)


def within(estimate: float, real: float, share: float = 0.25, floor: float = 180.0) -> bool:
    """The issue's accuracy rule: within 25 % of the real wait, or 3 minutes."""
    return abs(estimate - real) <= max(share * real, floor)
