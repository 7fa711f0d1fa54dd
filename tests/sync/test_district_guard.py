"""Issue 15 §1: a signed-in office's bad input is a 400 that names the problem (or one event's
`rejected:malformed`), never a 500, and the good events of the batch are kept — on SQLite and
PostgreSQL. A dossier code with another office's prefix is refused."""

from __future__ import annotations

import base64
import gzip
import json
import uuid
from typing import Any

import pytest

from desk.sync import protocol as P
from desk.sync.transport import ClientConfig, Transport
from tests.sync.harness import OFFICE

NAME = "Nguyễn Văn Bí Mật"


def _transport(district: Any) -> Transport:
    return Transport(ClientConfig(district.url, district.token, OFFICE))


def ev(seq: int, **kw: Any) -> dict[str, Any]:
    e: dict[str, Any] = {"i": uuid.uuid4().hex, "s": seq, "h": 0, "t": "receive",
                         "e": f"{OFFICE}-261123-{seq:04d}", "a": 1795400000, "v": 0,
                         "p": {"procedure": "1.004873", "name": NAME}}
    e.update(kw)
    return e


def batch(events: list[Any], **kw: Any) -> dict[str, Any]:
    return {"batch_id": uuid.uuid4().hex, "app_v": "t", "schema_v": P.SCHEMA_V,
            "device": "dev-guard", "epoch": 1, "events": events, **kw}


def push(t: Transport, body: bytes, gzipped: bool = True) -> tuple[int, dict[str, Any]]:
    r, data = t.send("POST", t.office_path("events:batch"), body, gzipped=gzipped)
    return r.status_code, data


BATCH_PROBES = {
    "not_gzip": (b"this is not gzip at all", "not_gzip"),
    "schema_v": (gzip.compress(b'{"batch_id":"b","schema_v":1e400,"events":[]}'), "schema_v"),
    "too_deep": (gzip.compress(b'{"events":' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
                 "too_deep"),
    "device_nul": (P.compress(batch([ev(90)], device="dev\x00")), "device"),
    "not_object": (P.compress([1, 2, 3]), "not_object"),
}


@pytest.mark.parametrize("probe", sorted(BATCH_PROBES))
def test_bad_batch_is_a_400_naming_the_problem(district: Any, probe: str) -> None:
    body, problem = BATCH_PROBES[probe]
    t = _transport(district)
    try:
        code, data = push(t, body)
        assert (code, data.get("error"), data.get("problem")) == (400, "malformed", problem)
        # the connection and the server are still fine: a good batch goes through
        code, data = push(t, P.compress(batch([ev(1)])))
        assert code == 200 and data["results"] == ["accepted"]
    finally:
        t.close()


EVENT_PROBES: dict[str, dict[str, Any]] = {
    "p_list": {"p": [1, 2]},
    "nul_entity": {"e": f"{OFFICE}-261123-0009\x00"},
    "nul_type": {"t": "note\x00"},
    "nul_payload": {"p": {"name": NAME + "\x00"}},
    "nul_key": {"p": {"na\x00me": NAME}},
    "lone_surrogate": {"p": {"name": "\ud800"}},
    "infinite": {"p": {"fee": float("inf")}},
}


@pytest.mark.parametrize("probe", sorted(EVENT_PROBES))
def test_bad_event_is_rejected_and_the_good_ones_kept(district: Any, probe: str) -> None:
    good1, bad, good2 = ev(1), ev(2, **EVENT_PROBES[probe]), ev(3)
    body = gzip.compress(json.dumps(batch([good1, bad, good2])).encode(), mtime=0)
    t = _transport(district)
    try:
        code, data = push(t, body)
    finally:
        t.close()
    assert code == 200, data
    assert data["results"] == ["accepted", "rejected:malformed", "accepted"]
    from desk.district.changes import state_of

    assert set(state_of(district.engine, OFFICE)) == {good1["e"], good2["e"]}


def test_another_offices_prefix_is_refused(district: Any) -> None:
    mine, foreign = ev(1), ev(2, e="000.00.00.X99-261123-0001")
    lower = ev(3, e=f"{OFFICE}-261123-0003".lower())
    t = _transport(district)
    try:
        code, data = push(t, P.compress(batch([mine, foreign, lower])))
    finally:
        t.close()
    assert code == 200
    assert data["results"] == ["accepted", "rejected:wrong_office", "rejected:wrong_office"]
    from desk.district.changes import state_of

    assert set(state_of(district.engine, OFFICE)) == {mine["e"]}


def test_huge_cursors_are_a_400(district: Any) -> None:
    t = _transport(district)
    huge = base64.urlsafe_b64encode(b"1:99999999999999999999999:1").decode()
    try:
        r, data = t.send("GET", t.office_path("changes"), b"", {"cursor": huge})
        assert (r.status_code, data.get("error")) == (400, "bad_cursor")
        r, data = t.send("GET", t.office_path("events"), b"",
                         {"device": "dev\x00", "after": 0})
        assert (r.status_code, data.get("error")) == (400, "bad_device")
        r, data = t.send("GET", t.office_path("changes"), b"", {"cursor": ""})
        assert r.status_code == 200
    finally:
        t.close()
