"""A pushed batch costs a handful of database round trips, not five per event (issue 19 §2),
with the same answers: parked events applied when their receive arrives, duplicates, a busy
server answering 503 with Retry-After (the desk waits and sends again)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from sqlalchemy import event, text

from desk.district import app as district_app
from desk.district.ingest import ingest
from desk.sync.transport import ClientConfig, Offline, Transport
from tests.sync.harness import OFFICE, District
from tests.sync.raw_events import batch, code, ev


def test_round_trips_per_batch_not_per_event(district: District) -> None:
    events = []
    for n in range(1, 51):  # 50 dossiers: receive, a note, transfer, start of processing
        events += [ev("receive", code(n), procedure="1.004873", name=f"Hà {n}"),
                   ev("note", code(n), 1, text="ok"), ev("transfer", code(n), 1),
                   ev("start_processing", code(n), 2)]
    statements: list[str] = []

    def count(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        statements.append(sql)

    event.listen(district.engine, "before_cursor_execute", count)
    try:
        out = ingest(district.engine, OFFICE, batch(events))
    finally:
        event.remove(district.engine, "before_cursor_execute", count)
    assert out["results"] == ["accepted"] * 200
    assert len(statements) <= 20, statements[:40]  # was ~900 (five round trips an event)
    with district.engine.connect() as c:
        states = c.execute(text("SELECT status, version FROM dossier_state")).all()
    assert len(states) == 50 and {r[1] for r in states} == {3}


def test_parked_then_received_and_duplicates(district: District) -> None:
    early = [ev("transfer", code(7), 1), ev("start_processing", code(7), 2)]
    first = ingest(district.engine, OFFICE, batch(early))
    assert first["results"] == ["accepted", "accepted"]  # parked: the district has them
    receive = ev("receive", code(7), procedure="1.004873", name="Lan")
    again = ingest(district.engine, OFFICE, batch([receive, *early]))
    assert again["results"] == ["accepted", "duplicate", "duplicate"]
    with district.engine.connect() as c:
        st = c.execute(text("SELECT status, version FROM dossier_state")).one()
        results = dict(c.execute(text("SELECT event_id, result FROM event")).all())
    assert st[1] == 3  # both applied, in the desk's order, after the receive
    assert results[early[0]["i"]] == results[early[1]["i"]] == "accepted"


def test_busy_server_answers_503_with_retry_after(district_sqlite: District,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    d = district_sqlite
    net = Transport(ClientConfig(d.url, d.token, OFFICE, read_timeout=30))
    day = [ev("receive", code(n), name=f"An {n}") for n in range(1, 201)]  # a backlog's batch
    body = gzip.compress(json.dumps(batch(day)).encode())
    assert len(body) > district_app.SMALL_PUSH
    try:
        monkeypatch.setattr(district_app, "MAX_PUSHES", 0)  # every push beyond the cap
        with pytest.raises(Offline) as busy:
            net.call("POST", net.office_path("events:batch"), body)
        assert busy.value.detail.startswith("http:503") and 1 <= (busy.value.retry_after or 0) <= 5
        # a steady cycle's push of one event is not held behind the backlog
        steady = gzip.compress(json.dumps(batch([ev("receive", code(500), name="Bình")])).encode())
        assert net.call("POST", net.office_path("events:batch"), steady)["results"] == [
            "accepted"]
        monkeypatch.setattr(district_app, "MAX_PUSHES", 6)
        ok = net.call("POST", net.office_path("events:batch"), body)
        assert ok["results"] == ["accepted"] * 200  # nothing was stored by the refused push
    finally:
        net.close()
