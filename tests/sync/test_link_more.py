"""More of the field's faults (sync.md §4.7): DNS failure (1), a 500 after the server rolled
back and 503/429 with Retry-After (6), a link that trickles bytes forever (total deadline),
batches reordered and one batch pushed by two loops at once (9). Nothing lost or doubled."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from email.utils import formatdate
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import select

from desk.district.changes import state_of
from desk.district.ingest import FAIL_ENV
from desk.services.clock import wall_seconds
from desk.services.dossier.lifecycle import act
from desk.sync.client import encode_batch, retry_delay
from desk.sync.transport import Offline, parse_retry_after
from storage.engine import read_session
from tests.sync.harness import OFFICE, check, client, intake
from tests.sync.proxy import FaultProxy


@pytest.fixture
def proxy(district: Any) -> Iterator[FaultProxy]:
    p = FaultProxy(district.port).start()
    yield p
    p.stop()


def _pending(office: Any) -> int:
    from desk.sync.status import sync_status

    return int(sync_status(office)["pending"])


def _server_events(engine: Any) -> int:
    with engine.connect() as c:
        return int(c.execute(text("SELECT count(*) FROM event")).scalar_one())


def test_dns_failure_is_offline_and_keeps_the_outbox(district: Any, office: Any) -> None:
    intake(office, 2)
    c = client(office, "https://desk-district.invalid:1", district.token)
    with pytest.raises(Offline, match="ConnectError"):
        c.sync_once()
    assert _pending(office) == 2
    c.close()
    client(office, district.url, district.token).run(until_idle=True, max_seconds=30)
    check(office, district.engine)


def test_500_after_the_server_rolled_back(district: Any, office: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    codes = intake(office, 3)
    act(office, codes[0], "transfer")
    c = client(office, district.url, district.token)
    monkeypatch.setenv(FAIL_ENV, "after_insert_before_commit")
    with pytest.raises(Offline, match="http:500:server_error"):
        c.sync_once()
    assert _server_events(district.engine) == 0  # rolled back: nothing half-stored
    assert _pending(office) == 4
    monkeypatch.delenv(FAIL_ENV)
    assert c.sync_once().pushed == {"accepted": 4}
    check(office, district.engine)


@pytest.mark.parametrize(("status", "header", "expected"), [
    (503, "7", 7.0),  # seconds, honoured
    (429, "86400", 60.0),  # a day: capped at backoff_cap
    (503, "DATE", 60.0),  # an HTTP date an hour ahead: capped too
])
def test_503_429_retry_after_is_honoured_and_capped(district: Any, office: Any,
                                                    proxy: FaultProxy, status: int, header: str,
                                                    expected: float) -> None:
    intake(office, 2)
    c = client(office, proxy.url, district.token)
    c.cfg.backoff_cap = 60.0
    if header == "DATE":

        header = formatdate(wall_seconds() + 3600, usegmt=True)
    proxy.set("status", status_code=status, status_headers={"Retry-After": header},
              status_body=b"<html>busy</html>")
    with pytest.raises(Offline, match=f"http:{status}") as e:
        c.sync_once()
    assert e.value.retry_after is not None and e.value.retry_after > 0
    assert _pending(office) == 2
    slept: list[float] = []

    def sleep(seconds: float) -> None:  # the loop's wait, recorded instead of waited
        slept.append(seconds)
        proxy.set("pass")

    c.run(until_idle=True, sleep=sleep)
    assert slept == [expected]
    check(office, district.engine)


def test_retry_after_parsing() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    err = Offline("http:503", retry_after=5000)
    assert retry_delay(err, 0, 5.0, 900.0) == 900.0
    assert 0 <= retry_delay(Offline("x"), 3, 5.0, 900.0) <= 40.0


def test_a_trickling_link_hits_the_total_deadline(district: Any, office: Any,
                                                  proxy: FaultProxy) -> None:
    """One byte every 0.2 s: every read succeeds, so only a total deadline ends it."""
    intake(office, 3)
    c = client(office, proxy.url, district.token, read_timeout=2.0, total_timeout=1.5)
    proxy.set("trickle", trickle=0.2)
    with pytest.raises(Offline, match="deadline"):
        c.sync_once()
    assert _pending(office) == 3  # the server committed; the desk does not know yet
    proxy.set("pass")
    c.run(until_idle=True, max_seconds=30)
    check(office, district.engine)


def _rows(office: Any) -> list[Any]:
    from storage.tables.sync import OutboxEvent

    with read_session(office.engine) as s:
        return list(s.exec(select(OutboxEvent).order_by(OutboxEvent.seq)))


def _post(c: Any, rows: list[Any]) -> list[str]:
    body = encode_batch(rows, "dev-test", 2, "t", rows[0].device_epoch)
    return list(c.net.call("POST", c.net.office_path("events:batch"), body)["results"])


def test_a_later_batch_before_an_earlier_one(district: Any, office: Any) -> None:
    """Transfers arrive before the receives they follow: stored (parked), answered accepted,
    applied in the desk's order when the receives come; the resend is all duplicates."""
    codes = intake(office, 3)
    for code in codes:
        act(office, code, "transfer")
    rows = _rows(office)
    c = client(office, district.url, district.token)
    assert _post(c, rows[3:]) == ["accepted"] * 3
    assert state_of(district.engine, OFFICE) == {}
    assert _post(c, rows[:3]) == ["accepted"] * 3
    assert state_of(district.engine, OFFICE) == dict.fromkeys(codes, "TRANSFERRED")
    assert c.sync_once().pushed == {"duplicate": 6}
    check(office, district.engine)


def test_one_batch_pushed_by_two_loops_at_once(district: Any, office: Any) -> None:
    codes = intake(office, 4)
    act(office, codes[0], "transfer")
    rows = _rows(office)
    loops = [client(office, district.url, district.token) for _ in range(2)]
    body = encode_batch(rows, "dev-test", 2, "t", rows[0].device_epoch)  # byte-identical
    start = threading.Barrier(2)
    out: list[list[str]] = []

    def push(c: Any) -> None:
        start.wait()
        out.append(c.net.call("POST", c.net.office_path("events:batch"), body)["results"])

    threads = [threading.Thread(target=push, args=(c,)) for c in loops]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(out) == 2
    for first, second in zip(*out, strict=True):  # each event taken once, echoed once
        assert sorted((first, second)) == ["accepted", "duplicate"]
    assert loops[0].sync_once().pushed == {"duplicate": 5}
    assert _server_events(district.engine) == 5
    check(office, district.engine)
