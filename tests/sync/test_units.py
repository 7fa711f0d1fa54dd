"""Pure parts: the hybrid logical clock, backoff, digests, signatures, cursors, the CLI."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desk.sync import protocol as P
from desk.sync.client import backoff_delay
from desk.sync.hlc import HLC, merge, tick


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 10**13), st.integers(0, 10**13)),
                max_size=40))
def test_hlc_is_monotonic(steps: list[tuple[bool, int, int]]) -> None:
    clock = HLC(0, 0, "a")
    for receive, now, remote in steps:
        nxt = merge(clock, HLC(remote, 3, "b"), now) if receive else tick(clock, now)
        assert (nxt.ms, nxt.counter) > (clock.ms, clock.counter)
        assert nxt.ms >= now
        if receive:
            assert (nxt.ms, nxt.counter) > (remote, 3)
        assert HLC.decode(nxt.encode()) == nxt
        assert HLC.from_wire(nxt.wire(), nxt.node) == nxt
        clock = nxt


def test_backoff_full_jitter_is_capped() -> None:
    rng = random.Random(1)
    delays = [backoff_delay(a, 5, 900, rng) for a in range(40)]
    assert all(0 <= d <= 900 for d in delays)
    assert max(delays[:2]) <= 10


def test_digest_and_signature() -> None:
    ev = {"i": "a" * 32, "s": 1, "t": "receive", "e": "X", "a": 1, "v": 0, "p": {"n": "Hà"}}
    assert P.event_digest(ev) == P.event_digest(json.loads(json.dumps(ev)))
    assert P.event_digest(ev) != P.event_digest({**ev, "p": {"n": "Ha"}})
    key = P.signing_key("tok")
    sig = P.signature(key, "POST", "/x", P.content_digest(b"b"), "1", "n" * 12)
    assert sig != P.signature(key, "POST", "/x", P.content_digest(b"c"), "1", "n" * 12)
    assert P.inflate(P.compress({"a": 1})) == b'{"a":1}'


def test_cursor_round_trip() -> None:
    from desk.district.changes import decode_cursor, encode_cursor

    assert decode_cursor(encode_cursor(123456789, 42)) == (123456789, 42)
    assert decode_cursor("") == (-1, 0)


def test_cli_district_and_sync(run_desk: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "district.sqlite3")
    added = run_desk("district", "office", "add", "000.00.00.H41", "--name", "Xã Minh Châu",
                     "--db", db, "--json")
    assert added.returncode == 0, added.stderr
    assert len(json.loads(added.stdout)["token"]) >= 40
    status = run_desk("district", "status", "--db", db, "--json")
    assert json.loads(status.stdout)["offices"]["000.00.00.H41"]["events"] == 0
    assert run_desk("district", "office", "revoke", "000.00.00.H41", "--db", db).returncode == 0
    assert run_desk("district", "office", "revoke", "000.00.00.H42", "--db", db).returncode == 1
    unconfigured = run_desk("sync", "--once")
    assert unconfigured.returncode == 2 and "[sync]" in unconfigured.stderr
    offline = run_desk("sync", "--once", env={"DESK_SYNC_URL": "http://127.0.0.1:9",
                                              "DESK_SYNC_TOKEN": "x"})
    assert offline.returncode == 3 and "hàng đợi" in offline.stderr
    st_ = run_desk("sync", "status", "--json")
    assert st_.returncode == 0 and json.loads(st_.stdout)["pending"] == 0
