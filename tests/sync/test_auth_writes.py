"""Authentication without a write transaction per request (issues 15 and 19 §2), replay
protection as strong as before, and a busy server that refuses pushes without working on them.

Before: every signed request inserted its nonce, deleted old nonces and updated the office's
last contact in one write transaction (43 % of a steady request); a refused push was
authenticated first (a database read per refusal, 500 offices retrying every 2 s)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import event, text

from desk.district import app as district_app
from desk.district.app import create_app
from desk.district.db import open_district
from desk.district.seen import CONTACT_EVERY, flush_contacts, touch
from desk.district.status import district_status
from desk.district.tables import utcnow
from desk.services.clock import wall_seconds
from desk.sync import protocol as P
from desk.sync.transport import ClientConfig, Offline, Transport
from tests.sync.harness import OFFICE, District, free_port


class Statements:
    """Every SQL statement the district's engine runs while it listens."""

    def __init__(self, engine: Any) -> None:
        self.engine, self.sql = engine, []  # type: list[str]

    def _seen(self, conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        self.sql.append(" ".join(sql.split()).upper())

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


def signed_get(d: District, path: str, nonce: str) -> tuple[str, dict[str, str]]:
    """A pull signed as the office with a chosen nonce (what a wire tap would capture)."""
    ts = str(int(wall_seconds()))  # the district judges the signature's time by its own clock
    return path, P.signed_headers(d.token, "GET", path, P.content_digest(b""), ts, nonce)


def test_a_signed_request_writes_only_its_nonce(district: District) -> None:
    net = Transport(ClientConfig(district.url, district.token, OFFICE, read_timeout=60))
    try:
        net.call("GET", net.office_path("changes"))  # the process's first request prunes
        with Statements(district.engine) as seen:
            for _ in range(5):
                net.call("GET", net.office_path("changes"))
    finally:
        net.close()
    writes = [s for s in seen.sql if not s.startswith(("SELECT", "BEGIN", "ROLLBACK"))]
    assert len(writes) == 5 and all(s.startswith("INSERT INTO NONCE") for s in writes), writes
    if district.engine.dialect.name == "postgresql":  # no WAL, no flush for a nonce
        with district.engine.connect() as c:
            assert c.execute(text("SELECT relpersistence FROM pg_class "
                                  "WHERE relname = 'nonce'")).scalar_one() == "u"


@pytest.fixture
def second_worker(district: District) -> Iterator[str]:
    """Another server process's app on the same database: its own engine, its own memory."""
    engine = open_district(district.db_url, upgrade=False)
    server = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1",
                                           port=free_port(), log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "second worker did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(10)
    engine.dispose()


def test_a_replayed_request_is_refused_by_every_worker(district: District,
                                                       second_worker: str) -> None:
    path, headers = signed_get(district, f"/v1/offices/{OFFICE}/changes", "a1b2c3d4e5f6a7b8")
    first = httpx.get(district.url + path, headers=headers, timeout=30)
    assert first.status_code == 200, first.text
    for base in (second_worker, district.url):  # the captured request, sent again anywhere
        again = httpx.get(base + path, headers=headers, timeout=30)
        assert again.status_code == 409 and again.json()["error"] == "replay"
    path2, fresh = signed_get(district, f"/v1/offices/{OFFICE}/changes", "f0e1d2c3b4a59687")
    assert httpx.get(second_worker + path2, headers=fresh, timeout=30).status_code == 200


def test_last_contact_is_written_every_30_s_and_when_the_server_stops(district: District
                                                                       ) -> None:
    engine = district.engine

    def last() -> str | None:
        return district_status(engine, OFFICE)["offices"][OFFICE]["last_contact"]

    net = Transport(ClientConfig(district.url, district.token, OFFICE, read_timeout=60))
    try:
        net.call("GET", net.office_path("changes"))
    finally:
        net.close()
    assert last() is None  # noted in memory, not written by the request
    district.stop()  # the server's shutdown writes what it noted
    assert last() is not None
    t0 = utcnow() + timedelta(hours=1)
    touch(engine, OFFICE, t0)  # more than 30 s since the last write: written at once
    assert last() == t0.isoformat(timespec="seconds")
    touch(engine, OFFICE, t0 + timedelta(seconds=10))
    assert last() == t0.isoformat(timespec="seconds")  # within 30 s: kept for the next write
    later = t0 + CONTACT_EVERY + timedelta(seconds=1)
    touch(engine, OFFICE, later)
    assert last() == later.isoformat(timespec="seconds")
    flush_contacts(engine)


BACKLOG = bytes(4096)  # a backlog batch's size (refused on its headers: never read)


def test_a_busy_server_refuses_pushes_before_any_work(district_sqlite: District,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    d = district_sqlite
    monkeypatch.setattr(district_app, "MAX_PUSHES", 0)
    net = Transport(ClientConfig(d.url, d.token, OFFICE, read_timeout=30))
    waits = set()
    try:
        with Statements(d.engine) as seen:
            for _ in range(20):
                with pytest.raises(Offline) as busy:
                    net.call("POST", net.office_path("events:batch"), BACKLOG)
                assert busy.value.detail.startswith("http:503")
                waits.add(busy.value.retry_after)
    finally:
        net.close()
    assert seen.sql == []  # not even the office looked up: a refusal costs no database work
    assert len(waits) > 1 and all(1 <= w <= 5 for w in waits)  # offices come back spread out
