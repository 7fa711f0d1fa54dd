"""Push, pull, idempotency and conflict rules against a real server (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import select

from desk.district.changes import decide, state_of
from desk.services.clock import wall_seconds
from desk.services.dossier.lifecycle import act
from desk.sync import protocol as P
from storage.engine import read_session
from tests.sync.harness import OFFICE, check, client, intake, local_states


def test_push_pull_converge(district: Any, office: Any) -> None:
    codes = intake(office, 6)
    act(office, codes[0], "transfer")
    act(office, codes[1], "transfer")
    c = client(office, district.url, district.token)
    rep = c.sync_once()
    assert rep.pushed == {"accepted": 8}
    decide(district.engine, OFFICE, codes[0], "start_processing", actor="Phòng Tư pháp")
    decide(district.engine, OFFICE, codes[0], "result_ready", actor="Phòng Tư pháp")
    decide(district.engine, OFFICE, codes[1], "start_processing")
    decide(district.engine, OFFICE, codes[1], "refuse", reason="Không đủ điều kiện")
    assert c.sync_once().pulled == 4
    assert local_states(office)[codes[0]] == "RESULT_READY"
    act(office, codes[0], "return_result", receiver="Nguyễn Văn 0")  # a fact after a decision
    c.sync_once()
    assert check(office, district.engine) == {"events": 9, "changes": 4}
    again = c.sync_once()  # nothing left: no batches, an empty page
    assert again.batches == 0 and again.pulled == 0


def test_stale_decision_superseded_and_shown(district: Any, office: Any) -> None:
    from desk.services.dossier.views import show
    from desk.sync.status import sync_status

    code = intake(office, 1)[0]
    act(office, code, "transfer")
    c = client(office, district.url, district.token)
    c.sync_once()
    decide(district.engine, OFFICE, code, "start_processing")
    decide(district.engine, OFFICE, code, "refuse", reason="Hồ sơ giả mạo")
    act(office, code, "withdraw", reason="Công dân xin rút")  # the office had not heard yet
    rep = c.sync_once()
    assert rep.pushed == {"superseded": 1} and rep.pulled == 2
    status = sync_status(office)
    assert status["conflicts"] == 1 and status["pending"] == 0
    conflict = status["conflict_list"][0]
    assert conflict["local"] == "withdraw" and conflict["server"]["status"] == "REFUSED"
    kinds = [e["kind"] for e in show(office, code)["timeline"]]
    assert "superseded.withdraw" in kinds  # kept, never dropped
    assert local_states(office)[code] == "REFUSED"
    check(office, district.engine)


def test_legal_stale_commune_action_applies_in_server_order(district: Any, office: Any) -> None:
    code = intake(office, 1)[0]
    act(office, code, "transfer")
    c = client(office, district.url, district.token)
    c.sync_once()
    decide(district.engine, OFFICE, code, "start_processing")
    decide(district.engine, OFFICE, code, "request_supplement", reason="Thiếu giấy chứng sinh")
    act(office, code, "withdraw", reason="Công dân xin rút")  # legal from both states
    rep = c.sync_once()
    assert rep.pushed == {"accepted": 1}
    assert state_of(district.engine, OFFICE)[code] == "WITHDRAWN"
    check(office, district.engine)


def _post(c: Any, events: list[dict[str, Any]], schema_v: int = P.SCHEMA_V) -> dict[str, Any]:
    body = P.compress({"batch_id": "x", "app_v": "t", "schema_v": schema_v, "device": "d",
                       "events": events})
    return c.net.call("POST", c.net.office_path("events:batch"), body)


def test_duplicates_and_reused_ids(district: Any, office: Any) -> None:
    from storage.tables.sync import OutboxEvent

    intake(office, 2)
    c = client(office, district.url, district.token)
    c.sync_once()
    with read_session(office.engine) as s:
        rows = list(s.exec(select(OutboxEvent).order_by(OutboxEvent.seq)))
    same = [r.payload for r in rows]
    assert _post(c, same)["results"] == ["duplicate", "duplicate"]
    changed = {**same[0], "p": {**same[0]["p"], "name": "Kẻ Giả Mạo"}}
    out = _post(c, [changed, same[1]])
    assert out["results"] == ["rejected:id_reused", "duplicate"]
    with district.engine.connect() as conn:
        names = conn.execute(text("SELECT applicant FROM dossier_state")).scalars().all()
        reasons = conn.execute(text("SELECT reason FROM conflict")).scalars().all()
    assert "Kẻ Giả Mạo" not in names and reasons == ["id_reused"]
    check(office, district.engine)


def test_numbers_too_big_for_the_columns_are_malformed_not_a_500(district: Any,
                                                                   office: Any) -> None:
    """PostgreSQL's INTEGER columns (seq, base version) hold 32 bits: a forged or broken
    event with a bigger number is answered `rejected:malformed`, never a server error."""
    from storage.tables.sync import OutboxEvent

    intake(office, 1)
    c = client(office, district.url, district.token)
    with read_session(office.engine) as s:
        [row] = list(s.exec(select(OutboxEvent)))
    big_seq = {**row.payload, "i": "f" * 32, "s": 2**40}
    big_version = {**row.payload, "i": "e" * 32, "v": 2**33}
    assert _post(c, [big_seq, big_version])["results"] == ["rejected:malformed"] * 2
    assert c.sync_once().pushed == {"accepted": 1}
    check(office, district.engine)


def test_other_office_forbidden_and_bad_signature(district: Any, office: Any) -> None:
    from desk.sync.transport import AuthFailed

    c = client(office, district.url, district.token)
    with pytest.raises(AuthFailed, match="forbidden"):
        c.net.call("GET", "/v1/offices/000.00.00.H42/changes")
    c.net.key = "0" * 64  # a stolen token without the signing key
    with pytest.raises(AuthFailed, match="bad_signature"):
        c.net.call("GET", c.net.office_path("changes"))


def test_revoked_mid_sync_keeps_outbox(district: Any, office: Any) -> None:
    from desk.district.offices import add_office, revoke_office
    from desk.sync.status import sync_status
    from desk.sync.transport import AuthFailed

    intake(office, 3)
    c = client(office, district.url, district.token)
    c.sync_once()
    intake(office, 2, name="Lê Thị")
    revoke_office(district.engine, OFFICE)
    with pytest.raises(AuthFailed, match="revoked"):
        c.sync_once()
    st = sync_status(office)
    assert st["pending"] == 2 and st["acked"] == 3 and "revoked" in st["last_error"]
    new_token = add_office(district.engine, OFFICE, "UBND xã Minh Châu")
    client(office, district.url, new_token).sync_once()
    check(office, district.engine)


def test_client_one_schema_behind(district: Any, office: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.sync.outbox_row import ENV_SCHEMA

    monkeypatch.setenv(ENV_SCHEMA, "1")
    codes = intake(office, 2)
    act(office, codes[0], "transfer")
    monkeypatch.delenv(ENV_SCHEMA)
    intake(office, 1)  # a mixed queue: the old rows go in their own batch
    rep = client(office, district.url, district.token).sync_once()
    assert rep.pushed == {"accepted": 4} and rep.batches == 2
    check(office, district.engine)


def test_too_old_client_quarantined_not_dropped(district: Any, office: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.sync.outbox_row import ENV_SCHEMA
    from desk.sync.transport import UpgradeRequired

    monkeypatch.setenv(ENV_SCHEMA, "0")
    intake(office, 1)
    with pytest.raises(UpgradeRequired):
        client(office, district.url, district.token).sync_once()
    with district.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM quarantine")).scalar() == 1
    from desk.sync.status import sync_status

    assert sync_status(office)["pending"] == 1


def test_events_recorded_before_the_hook_are_backfilled(district: Any, office: Any) -> None:
    from desk.services.dossier import events
    from desk.sync.outbox import outbox_hook

    events._hooks.remove(outbox_hook)
    try:
        codes = intake(office, 2)
        act(office, codes[0], "transfer")
    finally:
        events.on_record(outbox_hook)
    rep = client(office, district.url, district.token).sync_once()
    assert rep.pushed == {"accepted": 3}
    check(office, district.engine)


def test_clock_a_day_off_is_corrected(district: Any, office: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:

    intake(office, 1)
    c = client(office, district.url, district.token)
    monkeypatch.setattr("desk.sync.transport.wall_clock", lambda: wall_seconds() - 86400)
    assert c.sync_once().pushed == {"accepted": 1}
    check(office, district.engine)
