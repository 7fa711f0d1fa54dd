"""The link fails in every way the field sees; afterwards nothing is lost or duplicated."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from desk.district.changes import decide
from desk.services.dossier.lifecycle import act
from desk.sync.transport import Offline
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


def _heal(c: Any, proxy: FaultProxy) -> None:
    proxy.set("pass")
    c.run(until_idle=True, max_seconds=30)


@pytest.mark.parametrize("mode", ["refuse", "captive", "reset_after", "cut_reply"])
def test_fault_then_heal(district: Any, office: Any, proxy: FaultProxy, mode: str) -> None:
    codes = intake(office, 4)
    act(office, codes[0], "transfer")
    c = client(office, proxy.url, district.token)
    c.sync_once()
    decide(district.engine, OFFICE, codes[0], "start_processing")
    act(office, codes[1], "transfer")
    proxy.set(mode, reset_after=300)
    with pytest.raises(Offline):
        c.sync_once()
    assert _pending(office) >= (0 if mode == "cut_reply" else 1)
    _heal(c, proxy)
    check(office, district.engine)


def test_reply_cut_after_commit_is_a_duplicate_on_resend(district: Any, office: Any,
                                                         proxy: FaultProxy) -> None:
    intake(office, 3)
    c = client(office, proxy.url, district.token)
    proxy.set("cut_reply")
    with pytest.raises(Offline):
        c.sync_once()
    assert _pending(office) == 3  # the server has them; we do not know yet
    proxy.set("pass")
    assert c.sync_once().pushed == {"duplicate": 3}
    check(office, district.engine)


def test_blackhole_times_out(district_sqlite: Any, office: Any) -> None:
    p = FaultProxy(district_sqlite.port).start()
    try:
        intake(office, 1)
        c = client(office, p.url, district_sqlite.token, read_timeout=1.0)
        p.set("blackhole")
        t0 = time.monotonic()
        with pytest.raises(Offline, match="timeout"):
            c.sync_once()
        assert time.monotonic() - t0 < 5
        assert _pending(office) == 1
        _heal(c, p)
        check(office, district_sqlite.engine)
    finally:
        p.stop()


def test_captive_portal_never_marks_anything(district_sqlite: Any, office: Any) -> None:
    p = FaultProxy(district_sqlite.port).start()
    try:
        intake(office, 2)
        c = client(office, p.url, district_sqlite.token)
        p.set("captive")
        with pytest.raises(Offline, match="not_api:200"):
            c.sync_once()
        from desk.sync.status import sync_status

        st = sync_status(office)
        assert st["acked"] == 0 and st["pending"] == 2 and st["last_sync"] is None
    finally:
        p.stop()


def test_slow_lossy_link_with_flapping(district_sqlite: Any, office: Any) -> None:
    """50 kbit/s, 200 ms one way, 10 % segments late by an RTO, the link cut twice."""
    p = FaultProxy(district_sqlite.port).start()
    try:
        codes = intake(office, 30)
        for code in codes[:10]:
            act(office, code, "transfer")
        c = client(office, p.url, district_sqlite.token, read_timeout=8.0)
        p.set("pass", rate_bps=50_000, delay=0.2, loss=0.1, rto=0.5)
        c.sync_once()
        for code in codes[:5]:
            decide(district_sqlite.engine, OFFICE, code, "start_processing")
        for code in codes[10:20]:
            act(office, code, "transfer")
        p.set("reset_after", reset_after=500)
        with pytest.raises(Offline):
            c.sync_once()
        p.set("pass", rate_bps=50_000, delay=0.2, loss=0.1, rto=0.5)
        c.run(until_idle=True, max_seconds=60)
        check(office, district_sqlite.engine)
    finally:
        p.stop()
