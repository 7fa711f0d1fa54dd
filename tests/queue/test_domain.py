"""Pure queue rules: transitions, the next-ticket choice and its starvation bound, KPIs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.domain import queue as q
from desk.domain.errors import DomainError
from tests.conftest import TZ, local


def test_transitions() -> None:
    assert q.next_state(q.WAITING, "call") == q.CALLED
    assert q.next_state(q.HOLD, "call") == q.CALLED
    assert q.next_state(q.CALLED, "recall") == q.CALLED
    assert q.next_state(q.CALLED, "start") == q.SERVING
    assert q.next_state(q.SERVING, "finish") == q.DONE
    assert q.next_state(q.SERVING, "transfer") == q.TRANSFERRED
    with pytest.raises(DomainError) as e:
        q.next_state(q.DONE, "call")
    assert e.value.key == "queue.bad_action"
    with pytest.raises(DomainError) as e:
        q.next_state(q.CALLED, "no_show", recalls=0, min_recalls=1)
    assert e.value.key == "queue.recall_first"
    assert q.next_state(q.CALLED, "no_show", recalls=1, min_recalls=1) == q.NO_SHOW
    with pytest.raises(DomainError):
        q.next_state(q.WAITING, "dance")


def test_reason_and_label() -> None:
    assert q.check_reason("elderly") == "elderly"
    assert q.check_reason(None) is None
    with pytest.raises(DomainError):
        q.check_reason("vip")
    assert q.make_label("A", 15) == "A015"
    assert q.make_label("B", 1234) == "B1234"


def _c(key: str, minute: int, *, prio: bool = False, svc: str = "HT",
       target: int | None = None) -> q.Candidate:
    return q.Candidate(key, svc, prio, local(2026, 11, 23, 8, minute), minute, target)


def test_choose_next_priority_fifo_and_eligibility() -> None:
    waiting = [_c("n1", 1), _c("p1", 5, prio=True), _c("p0", 3, prio=True),
               _c("x", 0, svc="CU"), _c("t", 0, target=2)]
    assert q.choose_next(waiting, 1, ["HT"], [], 2).key == "p0"  # type: ignore[union-attr]
    # after two priority calls in a row, the waiting normal ticket goes
    assert q.choose_next(waiting, 1, ["HT"], [True, True], 2).key == "n1"  # type: ignore[union-attr]
    assert q.choose_next(waiting, 1, ["HT"], [True, False, True], 2).key == "p0"  # type: ignore[union-attr]
    # a leg transferred to counter 2 only goes to counter 2, whatever its services
    assert q.choose_next(waiting, 2, [], [], 2).key == "t"  # type: ignore[union-attr]
    assert q.choose_next(waiting, 4, ["KT"], [], 2) is None
    # no normal waiting: priority keeps going
    only_prio = [_c("p1", 5, prio=True)]
    assert q.choose_next(only_prio, 1, ["HT"], [True] * 5, 2).key == "p1"  # type: ignore[union-attr]


@settings(max_examples=200, deadline=None)
@given(arrivals=st.lists(st.booleans(), min_size=1, max_size=60),
       limit=st.integers(min_value=1, max_value=3),
       per_step=st.integers(min_value=1, max_value=3))
def test_starvation_bound(arrivals: list[bool], limit: int, per_step: int) -> None:
    """However priority tickets keep arriving, a waiting normal ticket is called within
    `limit + 1` calls of the counter, and never more than `limit` priority calls in a row
    happen while a normal one waits."""
    waiting: list[q.Candidate] = []
    calls: list[bool] = []
    pending = list(enumerate(arrivals))
    minute = 0
    head_since: dict[object, int] = {}
    while pending or waiting:
        for _ in range(per_step):  # several arrivals between calls: priority can pile up
            if pending:
                i, prio = pending.pop(0)
                waiting.append(q.Candidate(i, "HT", prio, local(2026, 11, 23, 8, 0)
                                           + timedelta(minutes=minute), i))
                minute += 1
        normals = sorted((c for c in waiting if not c.priority), key=lambda c: c.issued_at)
        if normals:
            head_since.setdefault(normals[0].key, len(calls))
        pick = q.choose_next(waiting, 1, ["HT"], calls, limit)
        assert pick is not None
        waiting.remove(pick)
        calls.append(pick.priority)
        if normals and pick.priority:
            assert q.priority_streak(calls) <= limit
        if not pick.priority:  # once first in the normal line, called within limit + 1 calls
            assert len(calls) - head_since[pick.key] <= limit + 1
    assert calls.count(False) == arrivals.count(False)


def _hand_events() -> list[q.Event]:
    raw = [
        ("ISSUE", (8, 0), "A001", "HT", None, False),
        ("ISSUE", (8, 2), "A002", "HT", None, False),
        ("ISSUE", (8, 3), "B001", "CT", None, True),
        ("CALL", (8, 4), "B001", "CT", 3, True),
        ("CALL", (8, 5), "A001", "HT", 1, False),
        ("RECALL", (8, 6), "B001", "CT", 3, True),
        ("RECALL", (8, 7), "A001", "HT", 1, False),
        ("START", (8, 8), "A001", "HT", 1, False),
        ("NO_SHOW", (8, 9), "B001", "CT", 3, True),
        ("CALL", (8, 10), "A002", "HT", 2, False),
        ("START", (8, 11), "A002", "HT", 2, False),
        ("TRANSFER", (8, 15), "A002", "HT", 2, False),
        ("FINISH", (8, 18), "A001", "HT", 1, False),
        ("ISSUE", (8, 20), "A003", "HT", None, False),
        ("PAUSE", (8, 20), "", "", 1, False),
        ("CALL", (8, 30), "A002", "CT", 3, False),
        ("RESUME", (8, 30), "", "", 1, False),
        ("START", (8, 31), "A002", "CT", 3, False),
        ("FINISH", (8, 37), "A002", "CT", 3, False),
        ("CALL", (8, 40), "A003", "HT", 1, False),
        ("FINISH", (8, 50), "A003", "HT", 1, False),
        ("ISSUE", (8, 50), "D001", "KT", None, False),
    ]
    return [q.Event(k, local(2026, 11, 23, *hm), lab, svc, c, p, seq)
            for seq, (k, hm, lab, svc, c, p) in enumerate(raw, 1)]


def test_kpis_hand_computed() -> None:
    """Worked by hand: recalls do not reset the wait, a transfer keeps the first call, the
    finishing leg's service time counts, the pause is not open time."""
    s = q.day_stats(_hand_events(), {"HT": 15, "CT": 10, "KT": 15, "CU": 20}, TZ)
    assert (s.issued, s.called, s.served, s.no_show, s.transferred, s.recalls, s.waiting) == \
        (5, 4, 3, 1, 1, 2, 1)
    assert s.wait == q.Summary(4, 510.0, 390.0, 1200.0, 1200.0)  # 300, 480, 60, 1200 s
    assert s.service == q.Summary(3, 520.0, 600.0, 600.0, 600.0)  # 600, 360, 600 s
    assert s.within_target == pytest.approx(2 / 3)  # A003 waited 20 min > 15
    assert s.no_show_rate == 0.25
    assert s.longest_wait == 1200.0
    assert s.peak_queue == 3 and s.peak_at == local(2026, 11, 23, 8, 3)
    assert s.hours == [q.HourRow(8, 5, 3, 0, 3)]
    c = {g.key: g for g in s.per_counter}
    assert (c["1"].served, c["2"].served, c["3"].served) == (2, 0, 1)
    assert c["1"].open_hours == pytest.approx(35 / 60)  # 08:05–08:50 minus a 10-minute pause
    assert c["1"].served_per_hour == pytest.approx(2 / (35 / 60))
    assert c["3"].served_per_hour == pytest.approx(1 / (33 / 60))
    assert c["3"].no_show == 1 and c["1"].no_show == 0
    sv = {g.key: g for g in s.per_service}
    assert (sv["HT"].issued, sv["HT"].served, sv["CT"].no_show, sv["KT"].issued) == (3, 3, 1, 1)
    assert sv["HT"].wait.mean == pytest.approx((300 + 480 + 1200) / 3)


def test_queue_length_counts_transferred_legs_again() -> None:
    tl = q.queue_timeline(_hand_events())
    assert [n for _, n in tl] == [1, 2, 3, 2, 1, 0, 1, 2, 1, 0, 1]


def test_nearest_rank() -> None:
    assert q.nearest_rank(list(range(1, 11)), 90) == 9
    assert q.nearest_rank([5.0], 90) == 5.0
    assert q.nearest_rank([], 90) is None


def test_domain_imports_no_io() -> None:
    import subprocess
    import sys

    code = ("import sys, desk.domain.queue; bad = {'sqlite3', 'sqlalchemy', 'textual', 'socket'}"
            " & set(sys.modules); assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)
