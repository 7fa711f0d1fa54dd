"""A batch's results go in with its rows (issue 19 §2): no `UPDATE event` after the insert, a
resend answered from one look-up, an id twice in one batch answered `duplicate`, and two
copies of one batch pushed at the same moment stored once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text

from desk.district.ingest import ingest
from tests.sync.harness import OFFICE, District
from tests.sync.raw_events import batch, code, ev


def day(dossiers: int, first: int = 1) -> list[dict[str, Any]]:
    out = []
    for n in range(first, first + dossiers):
        out += [ev("receive", code(n), procedure="1.004873", name=f"Hà {n}"),
                ev("note", code(n), 1, text="ok"), ev("transfer", code(n), 1),
                ev("start_processing", code(n), 2)]
    return out


@contextmanager
def statements(d: District) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        seen.append(sql)

    event.listen(d.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(d.engine, "before_cursor_execute", note)


def stored(d: District) -> dict[str, str]:
    with d.engine.connect() as c:
        return dict(c.execute(text("SELECT event_id, result FROM event")).all())


def test_results_are_written_with_the_rows(district: District) -> None:
    events = day(50)
    with statements(district) as sql:
        out = ingest(district.engine, OFFICE, batch(events))
    assert out["results"] == ["accepted"] * 200
    assert not [q for q in sql if q.lstrip().upper().startswith("UPDATE EVENT")], sql
    assert stored(district) == {e["i"]: "accepted" for e in events}


def test_a_resend_is_answered_from_one_look_up(district: District) -> None:
    events = day(50)
    ingest(district.engine, OFFICE, batch(events))
    with statements(district) as sql:
        again = ingest(district.engine, OFFICE, batch(events))
    assert again["results"] == ["duplicate"] * 200
    assert len(sql) <= 6, sql  # was one SELECT per event (200)
    assert len(stored(district)) == 200


def test_an_id_twice_in_one_batch(district: District) -> None:
    receive = ev("receive", code(3), procedure="1.004873", name="Lan")
    note = ev("note", code(3), 1, text="ok")
    out = ingest(district.engine, OFFICE, batch([receive, note, dict(note)]))
    assert out["results"] == ["accepted", "accepted", "duplicate"]  # the last was "" before
    reused = dict(note, p={"text": "khác"})
    out = ingest(district.engine, OFFICE, batch([ev("note", code(3), 1), reused]))
    assert out["results"] == ["accepted", "rejected:id_reused"]
    assert stored(district)[note["i"]] == "accepted"


@pytest.mark.parametrize("district", ["postgres"], indirect=True)
def test_two_copies_of_a_batch_at_once(district: District) -> None:
    """A resend while the first copy is still being ingested: stored once, applied once."""
    for round_ in range(3):
        events = day(50, first=1 + 50 * round_)
        answers: list[list[str]] = []
        start = threading.Barrier(2)

        def push(evs: list[dict[str, Any]], start: threading.Barrier,
                 answers: list[list[str]]) -> None:
            start.wait()
            answers.append(ingest(district.engine, OFFICE, batch(evs))["results"])

        threads = [threading.Thread(target=push, args=(events, start, answers))
                   for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(a[0] for a in answers) == ["accepted", "duplicate"]
        assert {tuple(set(a)) for a in answers} == {("accepted",), ("duplicate",)}
    rows = stored(district)
    assert len(rows) == 600 and set(rows.values()) == {"accepted"}
    with district.engine.connect() as c:
        versions = c.execute(text("SELECT version, count(*) FROM dossier_state GROUP BY 1")).all()
    assert versions == [(3, 150)]  # receive, transfer, start_processing: each applied once
