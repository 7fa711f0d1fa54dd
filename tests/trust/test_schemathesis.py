"""Bad input against the district API, generated from its own OpenAPI schema (schemathesis).

The district app (desk/district/app.py) runs in-process on a temporary SQLite district with
one office. Schemathesis generates requests for every operation, positive and negative, in
three passes: without credentials, with the office's bearer token but no valid signature,
and with the token AND a correct HMAC signature computed for each generated request (so
fuzzed bodies reach the ingest code). No reply may be a 5xx, nothing may raise, every reply
is the JSON envelope, and the district database stays consistent. Bounded: ~50 examples per
operation, mode and pass; the whole file runs in well under a minute.

    pip install schemathesis     # 4.x (the pytest integration is not used; strategies are)
"""

from __future__ import annotations

import copy
import gzip
import json
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desk.services.clock import wall_seconds

schemathesis = pytest.importorskip(
    "schemathesis", reason="schemathesis is not installed (pip install schemathesis)")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from desk.sync import protocol as P  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
OFFICE = "000.00.00.H41"
EXAMPLES = 50
UNROUTABLE = str.maketrans({"/": "_", "?": "_", "#": "_", "%": "_"})
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                phases=(Phase.explicit, Phase.generate),  # no shrinking: bounded time
                suppress_health_check=list(HealthCheck))

# The push endpoint reads its body by hand, so FastAPI's schema has no request body; describe
# the batch (loosely: `additionalProperties` everywhere) so the generator sends batch-like JSON.
EVENT = {"type": "object", "properties": {
    "i": {"type": "string", "minLength": 32, "maxLength": 32},
    "t": {"type": "string"}, "e": {"type": "string"}, "s": {"type": "integer"},
    "a": {"type": "integer"}, "h": {"type": "integer"}, "v": {"type": "integer"},
    "p": {"type": "object"}}, "required": ["i", "t", "e", "s", "a"]}
BATCH = {"type": "object", "properties": {
    "batch_id": {"type": "string"}, "app_v": {"type": "string"},
    "schema_v": {"type": "integer", "enum": [P.MIN_SCHEMA_V, P.SCHEMA_V]},
    "device": {"type": "string"},
    "events": {"type": "array", "items": EVENT, "maxItems": 5}},
    "required": ["events"]}


@dataclass
class Target:
    app: Any
    engine: Any
    db: Path
    token: str
    statuses: dict[str, Counter[int]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    from desk.district.app import create_app
    from desk.district.db import open_district
    from desk.district.offices import add_office

    db = tmp_path_factory.mktemp("district") / "district.sqlite3"
    engine = open_district(f"sqlite:///{db}")
    token = add_office(engine, OFFICE, "UBND xã Minh Châu")
    yield Target(create_app(engine), engine, db, token)
    engine.dispose()


@pytest.fixture(scope="module")
def api(district: Target) -> Any:
    doc = copy.deepcopy(district.app.openapi())  # the app serves no /openapi.json itself
    push = doc["paths"]["/v1/offices/{office_id}/events:batch"]["post"]
    push["requestBody"] = {"required": True,
                           "content": {"application/json": {"schema": BATCH}}}
    return schemathesis.openapi.from_dict(doc)


@pytest.fixture(scope="module")
def client(district: Target) -> Iterator[Any]:
    from starlette.testclient import TestClient

    # An exception escaping the app fails the test with its traceback (no hidden 500s).
    with TestClient(district.app, raise_server_exceptions=True) as c:
        yield c


def _params(query: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in (query or {}).items():
        if isinstance(v, list):
            out[k] = [x if isinstance(x, str | int | float) else json.dumps(x) for x in v]
        elif v is None or isinstance(v, str | int | float | bool):
            out[k] = v
        else:
            out[k] = json.dumps(v)
    return out


def _body(case: Any) -> bytes:
    from schemathesis.core import NOT_SET

    if case.body is NOT_SET or case.operation.method.upper() == "GET":
        return b""
    if isinstance(case.body, bytes):
        return case.body
    return json.dumps(case.body, ensure_ascii=False, default=str).encode()


def send(client: Any, case: Any, auth: str, token: str) -> Any:
    """The generated request, with no, token-only or fully signed credentials."""
    body = _body(case)
    headers = {str(k): str(v) for k, v in (case.headers or {}).items()
               if str(k).isascii() and str(v).isascii()}
    gz = auth == "signed" and body and sum(body) % 2 == 0
    if gz:
        body = gzip.compress(body, mtime=0)
        headers["content-encoding"] = "gzip"
    if body:
        headers.setdefault("content-type", "application/json")
    if auth != "none":
        headers[P.H_KEY] = P.key_id(token)  # the key id alone: no secret on the wire
    req = client.build_request(case.operation.method.upper(), case.formatted_path,
                               params=_params(case.query), content=body or None,
                               headers=headers)
    if auth == "signed":
        digest, ts, nonce = P.content_digest(body), str(int(wall_seconds())), uuid.uuid4().hex
        target = req.url.raw_path.decode()
        req.headers[P.H_DIGEST] = digest
        req.headers[P.H_TS] = ts
        req.headers[P.H_NONCE] = nonce
        req.headers[P.H_SIG] = P.signature(P.signing_key(token), req.method, target, digest,
                                           ts, nonce)
    return client.send(req)


def _fuzz(api: Any, client: Any, district: Target, auth: str) -> None:
    from schemathesis import GenerationMode

    for result in api.get_all_operations():
        op = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            label = f"{auth} {mode.value} {op.method.upper()} {op.path}"
            seen = district.statuses.setdefault(label, Counter())
            # Signed requests go to the real office so they get past authentication.
            path = {"office_id": OFFICE} if auth == "signed" and "{office_id}" in op.path \
                else None
            strategy = op.as_strategy(generation_mode=mode, path_parameters=path)

            try:
                _checker(strategy, client, district, auth, label, seen)()
            except Unsatisfiable:  # nothing to break: no parameters and no body (health)
                if mode is not GenerationMode.NEGATIVE:
                    raise
                del district.statuses[label]


def _checker(strategy: Any, client: Any, district: Target, auth: str, label: str,
             seen: Counter[int]) -> Any:
    @FUZZ
    @given(case=strategy)
    def check(case: Any) -> None:
        if case.path_parameters:  # a "/" would address another route, not bad input
            case.path_parameters = {k: str(v).translate(UNROUTABLE)
                                    for k, v in case.path_parameters.items()}
        resp = send(client, case, auth, district.token)
        seen[resp.status_code] += 1
        assert resp.status_code < 500, (label, resp.status_code, resp.text[:500])
        assert P.is_envelope(resp.json()), (label, resp.status_code, resp.text[:200])

    return check


def test_no_server_error_and_a_consistent_database(api: Any, client: Any,
                                                   district: Target) -> None:
    """The three passes, then the district database is checked (one test: xdist-safe)."""
    for auth in ("none", "token", "signed"):
        _fuzz(api, client, district, auth)
    by_pass = {auth: {k: v for k, v in district.statuses.items() if k.startswith(auth + " ")}
               for auth in ("none", "token", "signed")}
    for auth, mine in by_pass.items():
        assert sum(sum(c.values()) for c in mine.values()) >= 5 * 10, (auth, mine)
        offices = {label: c for label, c in mine.items() if "/v1/offices/" in label}
        if auth == "none":  # no credentials: refused (or not even routed)
            assert all(set(c) <= {400, 401, 404, 405, 422} for c in offices.values()), mine
        elif auth == "token":  # a token without its signature never gets through
            assert all(200 not in c for c in offices.values()), mine
        else:  # the signed pass really reached the handlers (ingest and changes)
            assert all(200 in c or 400 in c or 426 in c for c in offices.values()), mine
    _check_database(district)


def _check_database(district: Target) -> None:
    """After all the bad input: SQLite intact, foreign keys hold, nothing from a stranger."""
    from sqlmodel import select

    from desk.district.db import read
    from desk.district.tables import Event, Quarantine

    with sqlite3.connect(district.db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    with read(district.engine) as s:
        assert {e.office_id for e in s.exec(select(Event)).all()} <= {OFFICE}
        assert {q.office_id for q in s.exec(select(Quarantine)).all()} <= {OFFICE}


def test_framework_errors_use_the_envelope(client: Any) -> None:
    for url in (f"/v1/offices/{OFFICE}/changes?limit=many", "/v1/nowhere"):
        assert P.is_envelope(client.get(url).json()), url


@pytest.mark.parametrize("event", [{"a": 10**15}, {"s": 2**70}, {"h": 2**70}, {"v": 2**70}],
                         ids=["time", "seq", "hlc", "version"])
def test_huge_numbers_are_rejected(client: Any, district: Target,
                                   event: dict[str, int]) -> None:
    case = _FixedCase("POST", f"/v1/offices/{OFFICE}/events:batch", {"schema_v": P.SCHEMA_V,
                      "events": [{"i": uuid.uuid4().hex, "t": "received", "e": "X-1",
                                  "s": 1, "a": 1_790_000_000, **event}]})
    resp = send(client, case, "signed", district.token)
    assert resp.status_code < 500 and P.is_envelope(resp.json())


def test_v1_event_with_a_bad_time(client: Any, district: Target) -> None:
    case = _FixedCase("POST", f"/v1/offices/{OFFICE}/events:batch", {"schema_v": 1,
                      "events": [{"i": uuid.uuid4().hex, "t": "received", "e": "X-1",
                                  "s": 1, "a": "not a time"}]})
    resp = send(client, case, "signed", district.token)
    assert resp.status_code < 500 and P.is_envelope(resp.json())


@dataclass
class _FixedCase:
    """The few Case attributes `send` reads, for a hand-written request."""

    method: str
    formatted_path: str
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)

    @property
    def operation(self) -> Any:
        return self
