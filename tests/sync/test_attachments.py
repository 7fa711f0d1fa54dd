"""Scans travel to the district after their events, resumably, at low priority (issue 7, 1).

Against the real district server (SQLite and PostgreSQL) and the fault proxy: the district ends
with byte-identical files, a cut resumes from the district's offset, no chunk goes while events
wait, offices are walled off from each other, a file that does not hash to its name is never
complete, and a file missing at the office is reported without stopping the sync.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import select

from desk.district.attachments import stored_file
from desk.district.tables import AttachmentFile
from desk.services.dossier.attachments import attach, stored_path
from desk.services.dossier.lifecycle import act
from desk.sync.attachments import CHUNK, _request
from desk.sync.client import SyncClient, SyncReport
from desk.sync.status import sync_status
from desk.sync.transport import AuthFailed, ClientConfig, Offline, Transport
from tests.sync.harness import OFFICE, TZ, check, intake
from tests.sync.proxy import FaultProxy

OTHER = "000.00.00.H42"


class Recorder(httpx.HTTPTransport):
    """Logs every request ("PATCH attachments", "POST events:batch", …) in order; `after`
    runs a hook once a request got its answer; `fail` makes matching requests fail."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[str] = []
        self.after: Callable[[str], None] | None = None
        self.fail: str | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        tail = path.rsplit("/", 2)[-2] if "/attachments/" in path else path.rsplit("/", 1)[-1]
        name = f"{request.method} {tail}"
        self.log.append(name)
        if self.fail and self.fail in name:
            raise httpx.ConnectError("link down", request=request)
        r = super().handle_request(request)
        if self.after is not None:
            r.read()
            self.after(name)
        return r


def _ctx(tmp: Path, url: str = "", token: str = "") -> Any:
    """A desk office whose data dir (and so its attachment store) is inside `tmp`."""
    import desk.sync  # noqa: F401  (the outbox hook)
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from tests.office_template import seeded

    settings = Settings.from_dict({
        "storage": {"database": str(tmp / "desk.sqlite3"), "data_dir": str(tmp / "data")},
        "sync": {"server_url": url, "token": token}})
    ctx = DeskContext(settings, clock=fixed_clock(datetime(2026, 11, 23, 9, 0, tzinfo=TZ)))
    seeded(ctx)  # seed_demo(ctx, dossiers=False), built once and copied
    return ctx


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Any]:
    ctx = _ctx(tmp_path)
    yield ctx
    ctx.close()


def _client(ctx: Any, url: str, token: str, transport: Any = None, office: str = OFFICE,
            **kw: Any) -> SyncClient:
    cfg = ClientConfig(url, token, office, connect_timeout=10.0, read_timeout=60.0,
                       backoff_base=0.05, backoff_cap=0.5, **kw)
    return SyncClient(ctx, cfg, transport)


def _scan(ctx: Any, code: str, size: int, name: str = "to-khai.pdf") -> tuple[bytes, str]:
    data = os.urandom(size)
    src = ctx.settings.data_dir / "scans" / "inbox" / name
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_bytes(data)
    return data, attach(ctx, code, src)["attached"]["sha256"]


def _server_row(district: Any, sha: str, office: str = OFFICE) -> AttachmentFile | None:
    from desk.district.db import read

    with read(district.engine) as s:
        return s.exec(select(AttachmentFile).where(AttachmentFile.office_id == office,
                                                   AttachmentFile.sha256 == sha)).first()


def test_scan_goes_up_after_its_events_byte_identical(district: Any, desk: Any) -> None:
    from desk.district.status import district_status

    code = intake(desk, 1)[0]
    data, sha = _scan(desk, code, 3 * CHUNK + 1234)
    before = sync_status(desk)
    assert before["attachments_pending"] == 1
    assert before["attachments_bytes_pending"] == len(data)
    rec = Recorder()
    c = _client(desk, district.url, district.token, rec)
    rep = c.sync_once()
    assert rep.pushed == {"accepted": 2}
    assert rep.attachments["uploaded"] == 1 and rep.attachments["chunks"] == 4
    assert rep.attachments["bytes"] == len(data) and rep.attachments["stopped"] == "done"
    first_patch = rec.log.index("PATCH attachments")
    assert "POST events:batch" in rec.log[:first_patch]  # the events went first
    assert "POST events:batch" not in rec.log[first_patch:]
    assert stored_file(district.files_dir, OFFICE, sha).read_bytes() == data
    row = _server_row(district, sha)
    assert row is not None and row.completed_at is not None and row.dossier == code
    assert row.size == row.received == len(data)
    st = sync_status(desk)
    assert (st["attachments_pending"], st["attachments_bytes_pending"],
            st["attachments_done"]) == (0, 0, 1)
    office = district_status(district.engine)["offices"][OFFICE]
    assert (office["attachments_complete"], office["attachments_incomplete"],
            office["attachments_bytes"]) == (1, 0, len(data))
    seen = len(rec.log)
    again = c.sync_once()  # nothing left to send: not even a status request
    assert again.attachments.get("chunks", 0) == 0 and rec.log[seen:] == ["GET changes"]
    check(desk, district.engine)
    c.close()


def test_cut_mid_file_resumes_from_the_district_offset(district: Any, desk: Any) -> None:
    proxy = FaultProxy(district.port).start()
    try:
        code = intake(desk, 1)[0]
        data, sha = _scan(desk, code, 8 * CHUNK)
        c = _client(desk, proxy.url, district.token)
        proxy.set("reset_after", reset_after=3 * CHUNK + 20_000)  # RST inside the 4th chunk
        rep = c.sync_once()  # the events are safe; the scan stops half way
        assert rep.pushed == {"accepted": 2}
        assert rep.attachments["stopped"].startswith("offline")
        row = _server_row(district, sha)
        assert row is not None and row.completed_at is None
        got = int(row.received)
        assert 0 < got < len(data) and got % CHUNK == 0
        st = sync_status(desk)
        assert st["attachments_pending"] == 1 and st["last_error"].startswith("attachments:")
        assert st["attachments_bytes_pending"] == len(data) - got

        proxy.set("pass")
        up_before = proxy.bytes_up
        rep2 = c.sync_once()
        sent = proxy.bytes_up - up_before
        assert rep2.attachments["uploaded"] == 1
        assert rep2.attachments["bytes"] == len(data) - got  # from the offset, not from zero
        assert sent < len(data)  # chunks, headers and all
        assert stored_file(district.files_dir, OFFICE, sha).read_bytes() == data
        assert sync_status(desk)["attachments_done"] == 1
        c.close()
    finally:
        proxy.stop()


def test_no_chunk_while_events_wait(district_sqlite: Any, desk: Any) -> None:
    district = district_sqlite
    codes = intake(desk, 2)
    data, sha = _scan(desk, codes[0], 4 * CHUNK)
    rec = Recorder()
    c = _client(desk, district.url, district.token, rec)
    # 1. the push fails: not a byte of the scan moves
    rec.fail = "events:batch"
    with pytest.raises(Offline):
        c.sync_once()
    assert not [r for r in rec.log if "attachments" in r]
    assert sync_status(desk)["attachments_pending"] == 1
    # 2. an event recorded while the scan is going up stops it; the event goes first
    rec.fail, rec.log[:] = None, []
    fired: list[str] = []

    def new_event(name: str) -> None:
        if name == "PATCH attachments" and not fired:
            fired.append(name)
            act(desk, codes[1], "transfer")

    rec.after = new_event
    rep = c.sync_once()
    first = rec.log.index("PATCH attachments")
    assert rec.log[first + 1] == "POST events:batch"  # not another chunk
    assert rec.log.count("PATCH attachments") == 4
    assert rep.pushed == {"accepted": 4} and rep.attachments["uploaded"] == 1
    assert stored_file(district.files_dir, OFFICE, sha).read_bytes() == data
    check(desk, district.engine)
    c.close()


def test_an_office_cannot_read_or_write_anothers_scans(district: Any, desk: Any) -> None:
    from desk.district.offices import add_office

    code = intake(desk, 1)[0]
    data, sha = _scan(desk, code, CHUNK + 10)
    c = _client(desk, district.url, district.token)
    c.sync_once()
    other_token = add_office(district.engine, OTHER, "UBND xã Bên Cạnh")
    wrong_path = Transport(ClientConfig(district.url, other_token, OFFICE))
    own_path = Transport(ClientConfig(district.url, other_token, OTHER))
    try:
        path = wrong_path.office_path(f"attachments/{sha}")
        for method, body in (("GET", b""), ("PATCH", b"x" * 10)):
            r, reply = _request(wrong_path, method, path, body,
                                {"offset": 0, "length": 10, "dossier": code}
                                if method == "PATCH" else None)
            assert r.status_code == 403 and reply["error"] == "forbidden"
        # in its own namespace the other office learns nothing of the first office's file
        mine = own_path.office_path(f"attachments/{sha}")
        r, reply = _request(own_path, "GET", mine)
        assert r.status_code == 200 and reply["offset"] == 0 and reply["complete"] is False
        r, reply = _request(own_path, "PATCH", mine, data,
                            {"offset": 0, "length": len(data), "dossier": code})
        assert r.status_code == 409 and reply["error"] == "no_event"  # no event of its own
        assert _server_row(district, sha, OTHER) is None
        with pytest.raises(AuthFailed):
            wrong_path.call("GET", path)
    finally:
        wrong_path.close()
        own_path.close()
    assert stored_file(district.files_dir, OFFICE, sha).read_bytes() == data
    c.close()


def test_wrong_digest_is_never_complete(district: Any, desk: Any) -> None:
    code = intake(desk, 1)[0]
    data, sha = _scan(desk, code, 2 * CHUNK + 7)
    rec = Recorder()
    c = _client(desk, district.url, district.token, rec)

    def corrupt(name: str) -> None:  # the scan changes on disk after its first chunk left
        if name == "PATCH attachments" and rec.log.count(name) == 1:
            p = stored_path(desk, code, sha)
            assert p is not None
            p.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))

    rec.after = corrupt
    rep = c.sync_once()
    assert rep.attachments["failed"] == 1 and rep.attachments["stopped"] == "done"
    row = _server_row(district, sha)
    assert row is not None and row.completed_at is None
    assert row.received == 0 and row.failures == 1 and row.last_error == "digest_mismatch"
    assert not stored_file(district.files_dir, OFFICE, sha).exists()
    assert not stored_file(district.files_dir, OFFICE, sha).with_suffix(".part").exists()
    # next cycle: the desk sees its copy no longer matches and stops sending it
    rep2 = c.sync_once()
    assert rep2.attachments.get("chunks", 0) == 0 and rep2.attachments["failed"] == 1
    st = sync_status(desk)
    assert st["attachments_failed"] == 1 and st["attachments_pending"] == 0
    # a hand-made upload of the wrong bytes at the right length is refused the same way
    bad = bytes(len(data))
    r, reply = _request(c.net, "PATCH", c.net.office_path(f"attachments/{sha}"), bad[:CHUNK],
                        {"offset": 0, "length": len(data), "dossier": code})
    assert r.status_code == 200 and reply["offset"] == CHUNK
    r, reply = _request(c.net, "PATCH", c.net.office_path(f"attachments/{sha}"), bad[CHUNK:],
                        {"offset": CHUNK, "length": len(data), "dossier": code})
    assert r.status_code == 422 and reply["error"] == "digest_mismatch"
    assert reply["complete"] is False and reply["offset"] == 0
    row = _server_row(district, sha)
    assert row is not None and row.completed_at is None and row.failures == 2
    c.close()


def test_offset_and_length_are_the_districts(district_sqlite: Any, desk: Any) -> None:
    """A chunk at the wrong offset is refused with the right one; the length is the event's."""
    district = district_sqlite
    code = intake(desk, 1)[0]
    data, sha = _scan(desk, code, 2 * CHUNK)
    c = _client(desk, district.url, district.token)
    pushed = SyncReport()
    c.push(pushed)  # the events only
    assert pushed.pushed == {"accepted": 2}
    path = c.net.office_path(f"attachments/{sha}")
    r, reply = _request(c.net, "PATCH", path, data[:10],
                        {"offset": 0, "length": len(data) + 1, "dossier": code})
    assert r.status_code == 409 and reply["error"] == "length_mismatch"
    r, reply = _request(c.net, "PATCH", path, data[:CHUNK],
                        {"offset": 0, "length": len(data), "dossier": code})
    assert r.status_code == 200 and r.headers["Upload-Offset"] == str(CHUNK)
    r, reply = _request(c.net, "PATCH", path, data[:CHUNK],  # a resend of the same chunk
                        {"offset": 0, "length": len(data), "dossier": code})
    assert r.status_code == 409 and reply["error"] == "offset_mismatch"
    assert reply["offset"] == CHUNK
    head = c.net.http.head(path)  # tus-style HEAD: unauthenticated is refused
    assert head.status_code == 401
    rep = c.sync_once()  # the client asks for the offset and sends only the rest
    assert rep.attachments["bytes"] == CHUNK and rep.attachments["uploaded"] == 1
    assert stored_file(district.files_dir, OFFICE, sha).read_bytes() == data
    c.close()


def test_missing_local_file_is_reported_not_fatal(district: Any, desk: Any) -> None:
    codes = intake(desk, 2)
    lost, lost_sha = _scan(desk, codes[0], CHUNK + 1, "mat.pdf")
    kept, kept_sha = _scan(desk, codes[1], CHUNK + 2, "con.pdf")
    p = stored_path(desk, codes[0], lost_sha)
    assert p is not None
    saved = p.read_bytes()
    p.unlink()
    c = _client(desk, district.url, district.token)
    rep = c.sync_once()
    assert rep.attachments["missing"] == 1 and rep.attachments["uploaded"] == 1
    st = sync_status(desk)
    assert st["attachments_missing"] == 1 and st["attachments_done"] == 1
    assert st["last_error"] == "" and st["pending"] == 0
    assert stored_file(district.files_dir, OFFICE, kept_sha).read_bytes() == kept
    p.write_bytes(saved)  # found again (a backup restored): it goes up at the next cycle
    assert c.sync_once().attachments["uploaded"] == 1
    assert stored_file(district.files_dir, OFFICE, lost_sha).read_bytes() == lost
    assert sync_status(desk)["attachments_missing"] == 0
    c.close()
