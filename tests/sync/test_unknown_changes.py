"""Scenario 14: changes an older desk does not understand (a new kind, a new action) are stored
unapplied — no crash, the cursor moves on, later changes on the same dossier wait behind them —
and are applied once the desk is upgraded."""

from __future__ import annotations

from typing import Any

import pytest

from desk.district.changes import append_change, decide
from desk.district.db import write
from desk.services.dossier.lifecycle import act
from desk.sync import apply
from desk.sync.status import sync_status
from tests.sync.harness import OFFICE, check, client, intake, local_states


def test_unknown_kind_kept_then_applied_after_upgrade(district: Any, office: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    intake(office, 1)
    c = client(office, district.url, district.token)
    c.sync_once()
    with write(district.engine) as s:
        append_change(s, "*", "notice", "n1", {"text": "Họp giao ban thứ Hai"})
    rep = c.sync_once()
    assert rep.pulled == 1
    st = sync_status(office)
    assert st["stored_changes"] == 1 and st["cursor"]
    assert c.sync_once().pulled == 0  # the cursor moved on: not fetched again
    seen: list[dict[str, Any]] = []

    def notice(s: Any, cal: Any, ch: dict[str, Any]) -> tuple[None, str]:
        seen.append(ch["p"])
        return None, "applied"

    monkeypatch.setitem(apply.HANDLERS, "notice", notice)  # the upgraded release
    c.sync_once()
    assert seen == [{"text": "Họp giao ban thứ Hai"}]
    assert sync_status(office)["stored_changes"] == 0
    c.sync_once()
    assert len(seen) == 1  # applied once
    c.close()


def test_unknown_action_waits_and_holds_later_changes(district: Any, office: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    codes = intake(office, 2)
    for code in codes:
        act(office, code, "transfer")
    c = client(office, district.url, district.token)
    c.sync_once()
    real = apply.known_actions()
    monkeypatch.setattr(apply, "known_actions",  # a desk that predates request_supplement
                        lambda: real - {"request_supplement"})
    decide(district.engine, OFFICE, codes[0], "start_processing")
    decide(district.engine, OFFICE, codes[0], "request_supplement", reason="Thiếu giấy tờ")
    decide(district.engine, OFFICE, codes[0], "supplement_received")
    decide(district.engine, OFFICE, codes[1], "start_processing")
    assert c.sync_once().pulled == 4
    assert local_states(office) == dict.fromkeys(codes, "PROCESSING")
    assert sync_status(office)["stored_changes"] == 2  # the unknown one and the one after it
    monkeypatch.undo()  # upgraded
    c.sync_once()
    assert sync_status(office)["stored_changes"] == 0
    check(office, district.engine)
    c.close()
