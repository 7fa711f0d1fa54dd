"""Queue use cases on a real SQLite file: numbering by local day, actions, transfer, pause."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from storage.engine import read_session
from storage.tables.queue import Ticket, TicketEvent
from tests.queue.conftest import MovingClock


def _events(ctx: DeskContext) -> list[str]:
    with read_session(ctx.engine) as s:
        rows = s.exec(select(TicketEvent).order_by(TicketEvent.seq)).all()  # type: ignore[arg-type]
    return [f"{e.kind}:{e.label}:{e.counter}" for e in rows]


def test_numbers_per_service_per_day(qctx: DeskContext) -> None:
    labels = [queue.issue(qctx, s, print_ticket=False).ticket.label
              for s in ("HT", "HT", "CT", "a", "B")]
    assert labels == ["A001", "A002", "B001", "A003", "B002"]
    issued = queue.issue(qctx, "HT", "elderly", print_ticket=False)
    assert issued.ticket.priority and issued.ticket.priority_reason == "elderly"
    assert issued.people_ahead == 0  # no priority ticket ahead of it
    assert queue.issue(qctx, "HT", print_ticket=False).people_ahead == 4
    with pytest.raises(DomainError) as e:
        queue.issue(qctx, "ZZ")
    assert e.value.key == "queue.unknown_service"
    with pytest.raises(DomainError):
        queue.issue(qctx, "HT", "vip")


def test_day_rollover_at_local_midnight(qctx: DeskContext, clock: MovingClock) -> None:
    """23:59 and 00:01 Vietnam time are 16:59 and 17:01 UTC of the SAME UTC day, yet two
    business days: numbering restarts at local midnight (bcgov #626)."""
    clock.at = datetime(2026, 11, 23, 16, 59, tzinfo=UTC)
    assert queue.issue(qctx, "HT", print_ticket=False).ticket.label == "A001"
    assert queue.issue(qctx, "HT", print_ticket=False).ticket.label == "A002"
    clock.at = datetime(2026, 11, 23, 17, 1, tzinfo=UTC)
    after = queue.issue(qctx, "HT", print_ticket=False).ticket
    assert after.label == "A001"
    with read_session(qctx.engine) as s:
        days = sorted({t.day for t in s.exec(select(Ticket)).all()})
    assert days == [date(2026, 11, 23), date(2026, 11, 24)]
    # yesterday's waiting tickets are not called today
    assert queue.call_next(qctx, 1).label == "A001"  # type: ignore[union-attr]
    assert queue.call_next(qctx, 2) is None
    # a UTC rollover (07:00 local) changes nothing
    clock.at = datetime(2026, 11, 24, 0, 1, tzinfo=UTC)
    assert queue.issue(qctx, "HT", print_ticket=False).ticket.label == "A002"


def test_full_flow_and_events(qctx: DeskContext, clock: MovingClock) -> None:
    queue.issue(qctx, "HT", print_ticket=False)
    clock.advance(minutes=1)
    queue.issue(qctx, "HT", print_ticket=False)
    clock.advance(minutes=1)
    v = queue.call_next(qctx, 1, clerk="Lan")
    assert v is not None and v.label == "A001" and v.state == "CALLED"
    with pytest.raises(DomainError) as e:
        queue.call_next(qctx, 1)
    assert e.value.key == "queue.counter_busy"
    with pytest.raises(DomainError) as e:
        queue.no_show(qctx, 1)
    assert e.value.key == "queue.recall_first"
    assert queue.recall(qctx, 1).recalls == 1
    queue.start(qctx, 1)
    done = queue.finish(qctx, 1, "000.00.00.H41-261123-0001")
    assert done.state == "DONE" and done.dossier_code == "000.00.00.H41-261123-0001"
    with pytest.raises(DomainError) as e:
        queue.recall(qctx, 1)
    assert e.value.key == "queue.no_current"
    queue.call_next(qctx, 2)
    queue.hold(qctx, 2)
    st = queue.counter_state(qctx, 2)
    assert st.current is None and [h.label for h in st.held] == ["A002"]
    back = queue.call_number(qctx, 1, "a2")
    assert back.state == "CALLED" and back.counter == 1
    assert _events(qctx) == [
        "ISSUE:A001:None", "ISSUE:A002:None", "CALL:A001:1", "RECALL:A001:1", "START:A001:1",
        "FINISH:A001:1", "CALL:A002:2", "HOLD:A002:2", "CALL:A002:1",
    ]


def test_transfer_keeps_issue_time_and_priority(qctx: DeskContext, clock: MovingClock) -> None:
    first = queue.issue(qctx, "HT", "pregnant", print_ticket=False).ticket
    clock.advance(minutes=5)
    queue.issue(qctx, "CT", print_ticket=False)
    clock.advance(minutes=5)
    queue.call_next(qctx, 1)
    queue.start(qctx, 1)
    clock.advance(minutes=3)
    leg = queue.transfer(qctx, 1, to_service="CT")
    assert (leg.label, leg.leg, leg.service_code, leg.state) == ("A001", 2, "CT", "WAITING")
    assert leg.issued_at == first.issued_at and leg.priority_reason == "pregnant"
    # counter 3 serves CT: the transferred priority ticket (issued earlier) comes first
    assert queue.call_next(qctx, 3).label == "A001"  # type: ignore[union-attr]
    queue.finish(qctx, 3)
    # a transfer to one counter is called only by that counter
    queue.call_next(qctx, 2)  # B001
    queue.transfer(qctx, 2, to_counter=4)
    assert queue.call_next(qctx, 3) is None
    assert queue.call_next(qctx, 4).label == "B001"  # type: ignore[union-attr]
    with pytest.raises(DomainError):
        queue.transfer(qctx, 4)


def test_pause_resume(qctx: DeskContext) -> None:
    queue.issue(qctx, "HT", print_ticket=False)
    assert queue.pause(qctx, 1) is True
    assert queue.pause(qctx, 1) is False
    with pytest.raises(DomainError) as e:
        queue.call_next(qctx, 1)
    assert e.value.key == "queue.paused"
    assert queue.counter_state(qctx, 1).paused
    assert queue.resume(qctx, 1) is True
    assert queue.call_next(qctx, 1) is not None


def test_waiting_summary_and_last_calls(qctx: DeskContext, clock: MovingClock) -> None:
    queue.issue(qctx, "HT", print_ticket=False)
    queue.issue(qctx, "HT", "elderly", print_ticket=False)
    clock.advance(minutes=12)
    queue.issue(qctx, "CU", print_ticket=False)
    w = {r.code: r for r in queue.waiting_summary(qctx)}
    assert (w["HT"].waiting, w["HT"].priority_waiting) == (2, 1)
    assert w["HT"].oldest_wait_seconds == 12 * 60
    assert w["KT"].waiting == 0 and w["KT"].oldest_wait_seconds is None
    queue.call_next(qctx, 1)
    queue.recall(qctx, 1)
    queue.call_next(qctx, 3)
    calls = queue.last_calls(qctx)
    assert [(c.label, c.counter) for c in calls] == [("C001", 3), ("A002", 1)]


def test_issue_prints_ticket(qctx: DeskContext) -> None:
    issued = queue.issue(qctx, "HT", "elderly")
    assert issued.print_note is None and issued.print_job


def test_feed_sees_commits_of_other_connections(qctx: DeskContext) -> None:
    queue.issue(qctx, "HT", print_ticket=False)
    feed = queue.QueueFeed(qctx.settings.database_path)
    try:
        assert feed.changed() is True
        assert feed.changed() is False
        queue.call_next(qctx, 1)
        assert feed.changed() is True
        snap = feed.snapshot(date(2026, 11, 23))
        assert [(c.label, c.counter) for c in snap.calls] == [("A001", 1)]
        assert feed.calls_after(date(2026, 11, 23), 0)[0].kind == "CALL"
    finally:
        feed.close()


def test_stats_csv(qctx: DeskContext, clock: MovingClock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    queue.issue(qctx, "HT", print_ticket=False)
    clock.advance(minutes=4)
    queue.call_next(qctx, 1)
    clock.advance(minutes=6)
    queue.finish(qctx, 1)
    st = queue.stats(qctx)
    assert (st.issued, st.served, st.wait.mean, st.service.mean) == (1, 1, 240.0, 360.0)
    path = queue.export_csv(qctx, path=tmp_path / "q.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].startswith("day,2026-11-23,1,1,1,0,240.0")
