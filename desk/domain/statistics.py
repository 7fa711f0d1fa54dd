"""Period statistics of the one-stop counter (design/domain.md §5–§6, notes/domain.md §3, §7):
the figures, their sums and rates, and the Circular 01/2018 scoring. Pure: the services count
rows with SQL and hand the counts here.

Definitions (a period is [from, to], local dates inclusive; "start" is from 00:00 and "end" is
the midnight after `to`, office time):

* open at an instant T: received before T and, before T, neither a result (result_at) nor a
  refusal, withdrawal or stop. RESULT_READY counts as resolved, not open: the result exists.
* carried over (kỳ trước chuyển sang): received before the start, open at the start.
* new (trong kỳ): received in the period, split by channel: direct, online, postal.
* received = carried over + new.
* resolved (đã giải quyết): result_at in the period (result ready; an immediate-result
  procedure has its result at receipt). Classified by the LOCAL DATE of the result against the
  local date of the ORIGINAL deadline `due_at` (an apology's new date never changes the class):
  early (trước hạn) before it, on time (đúng hạn) on it, late (quá hạn) after it.
  on-time rate = (early + on time) / resolved.
* refused / withdrawn / stopped: the refusal, withdrawal or stop happened in the period.
* in progress at the end (đang giải quyết), three disjoint parts: paused (supplement requested
  and not yet brought at the end: the clock is stopped, so neither due nor overdue), not yet
  due (original deadline at or after the end), overdue (original deadline before the end).
  Balance: received = resolved + refused + withdrawn + stopped + in progress.
* apologies: apology letters (events "apology") issued in the period.
* returned: results handed over in the period; postal returns are those sent by post.
* rates: online share = new online / new; postal return share = returned by post / returned;
  digitised = n/a (the desk records no digitisation yet); satisfaction = (very satisfied +
  satisfied) / ratings.

A rate whose denominator is 0 is None ("n/a").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Final

__all__ = [
    "BANDS",
    "COUNT_KEYS",
    "LEVELS",
    "DayPoint",
    "Figures",
    "Indicator",
    "Satisfaction",
    "Score",
    "band",
    "day_series",
    "indicator_online",
    "indicator_time",
    "rate",
    "score",
    "sum_figures",
]

# Rating levels (design/domain.md §6), best first; keys 1, 2, 3 on the rating screen.
LEVELS: Final[tuple[str, ...]] = ("rat_hai_long", "hai_long", "khong_hai_long")

# Agency bands of Circular 01/2018 (notes/domain.md §7): lowest score of each band, best first.
# ≥ 15 is Xuất sắc — 15 itself included (the Thanh Hóa code's `> 15` is wrong).
BANDS: Final[tuple[tuple[float, str], ...]] = (
    (15.0, "xuat_sac"),
    (12.0, "tot"),
    (9.0, "kha"),
    (6.0, "trung_binh"),
    (float("-inf"), "yeu"),
)
MAX_POINTS: Final = 18.0  # nine indicators × 2 points


def rate(num: int | float, den: int | float) -> float | None:
    """num / den, or None when there is nothing to divide by."""
    return None if not den else num / den


@dataclass(frozen=True)
class Figures:
    """The counts of one group (a procedure, a field, or the total) for a period."""

    carried_over: int = 0
    new_direct: int = 0
    new_online: int = 0
    new_postal: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    open_not_due: int = 0
    open_overdue: int = 0
    paused: int = 0
    refused: int = 0
    withdrawn: int = 0
    stopped: int = 0
    apologies: int = 0
    returned: int = 0
    returned_postal: int = 0

    @property
    def new(self) -> int:
        return self.new_direct + self.new_online + self.new_postal

    @property
    def received(self) -> int:
        return self.carried_over + self.new

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def in_progress(self) -> int:
        return self.open_not_due + self.open_overdue + self.paused

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.early + self.on_time, self.resolved)

    @property
    def online_share(self) -> float | None:
        return rate(self.new_online, self.new)

    @property
    def postal_return_share(self) -> float | None:
        return rate(self.returned_postal, self.returned)

    @property
    def balanced(self) -> bool:
        """Every dossier received is accounted for exactly once at the end of the period."""
        return self.received == (self.resolved + self.refused + self.withdrawn + self.stopped
                                 + self.in_progress)

    def value(self, key: str) -> int | float | None:
        """A count or a derived figure by name (COUNT_KEYS, DERIVED_KEYS)."""
        v = getattr(self, key)
        if v is not None and not isinstance(v, int | float):
            raise KeyError(key)  # a name, not a figure
        return v

    def __add__(self, other: Figures) -> Figures:
        return Figures(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                          for f in fields(self)})

    @classmethod
    def of(cls, counts: Mapping[str, int | None]) -> Figures:
        """From a mapping of count name → value (missing or NULL is 0)."""
        return cls(**{f.name: int(counts.get(f.name) or 0) for f in fields(cls)})


COUNT_KEYS: Final[tuple[str, ...]] = tuple(f.name for f in fields(Figures))


def sum_figures(items: Iterable[Figures]) -> Figures:
    total = Figures()
    for f in items:
        total = total + f
    return total


@dataclass(frozen=True)
class DayPoint:
    day: date
    received: int = 0
    resolved: int = 0


def day_series(first: date, last: date, received: Mapping[date, int],
               resolved: Mapping[date, int]) -> list[DayPoint]:
    """One point per calendar day of [first, last], zeros where nothing happened."""
    out: list[DayPoint] = []
    d = first
    while d <= last:
        out.append(DayPoint(d, int(received.get(d, 0)), int(resolved.get(d, 0))))
        d += timedelta(days=1)
    return out


# -- satisfaction -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Satisfaction:
    """Ratings of one group (a counter, a clerk, or all)."""

    key: str = ""
    label: str = ""
    very: int = 0  # rat_hai_long
    satisfied: int = 0  # hai_long
    unsatisfied: int = 0  # khong_hai_long

    @property
    def total(self) -> int:
        return self.very + self.satisfied + self.unsatisfied

    @property
    def rate(self) -> float | None:
        """(very satisfied + satisfied) / ratings."""
        return rate(self.very + self.satisfied, self.total)

    def share(self, level: str) -> float | None:
        return rate(self.count(level), self.total)

    def count(self, level: str) -> int:
        return {"rat_hai_long": self.very, "hai_long": self.satisfied,
                "khong_hai_long": self.unsatisfied}[level]

    @classmethod
    def of(cls, key: str, label: str, by_level: Mapping[str, int]) -> Satisfaction:
        return cls(key, label, int(by_level.get("rat_hai_long", 0)),
                   int(by_level.get("hai_long", 0)), int(by_level.get("khong_hai_long", 0)))

    def __add__(self, other: Satisfaction) -> Satisfaction:
        return replace(self, very=self.very + other.very,
                       satisfied=self.satisfied + other.satisfied,
                       unsatisfied=self.unsatisfied + other.unsatisfied)


# -- the nine indicators of Circular 01/2018 (Art 13–15) -----------------------------------------


@dataclass(frozen=True)
class Indicator:
    number: int  # 1..9
    points: float | None  # 0..2, None: the desk has no data for it


@dataclass(frozen=True)
class Score:
    indicators: tuple[Indicator, ...] = field(default_factory=tuple)

    @property
    def available(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.points is not None)

    @property
    def points(self) -> float | None:
        """Sum of the indicators that have data (1 decimal); None if none has."""
        have = self.available
        return None if not have else round(sum(i.points or 0 for i in have), 1)

    @property
    def max_points(self) -> float:
        return 2.0 * len(self.available)

    @property
    def complete(self) -> bool:
        return len(self.available) == 9

    @property
    def estimate(self) -> float | None:
        """The score on the 18-point scale: exact when all nine indicators have data,
        otherwise the available points scaled to 18 (an estimate, labelled as such)."""
        pts = self.points
        if pts is None or not self.max_points:
            return None
        return round(pts / self.max_points * MAX_POINTS, 1)

    @property
    def band(self) -> str | None:
        est = self.estimate
        return None if est is None else band(est)


def band(points: float) -> str:
    """The agency band of an 18-point score: ≥15 xuat_sac, 12–<15 tot, 9–<12 kha,
    6–<9 trung_binh, <6 yeu."""
    for low, name in BANDS:
        if points >= low:
            return name
    return "yeu"  # pragma: no cover - the last band has no lower bound


def indicator_time(early: int, on_time: int, late: int) -> float | None:
    """Indicator 1 (total time against the limit), scored per dossier — early 2, on time 1,
    late 0 (our reading of Art 13; DECISION) — and averaged to 1 decimal."""
    n = early + on_time + late
    return None if n == 0 else round((2 * early + on_time) / n, 1)


def indicator_online(online: int, total: int) -> float | None:
    """Indicator 9 (online services): online share ≥ 30 % = 2, 15–<30 % = 1, else 0."""
    share = rate(online, total)
    if share is None:
        return None
    if share >= 0.30:
        return 2.0
    return 1.0 if share >= 0.15 else 0.0


def score(fig: Figures, extra: Mapping[int, float | None] | None = None) -> Score:
    """The nine indicators from what the desk knows: 1 from the resolved dossiers, 9 from the
    online share of the new dossiers; `extra` may supply others (number → points)."""
    known: dict[int, float | None] = {
        1: indicator_time(fig.early, fig.on_time, fig.late),
        9: indicator_online(fig.new_online, fig.new),
    }
    known.update(extra or {})
    return Score(tuple(Indicator(n, known.get(n)) for n in range(1, 10)))
