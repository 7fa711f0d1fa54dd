"""Scenario 13: thirty days offline (~10,000 events) synced page by page; scenario 17: the
pull never skips a row that an older PostgreSQL transaction commits late."""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import text

from desk.district.changes import append_change, changes_since, decide
from desk.district.db import write
from tests.sync.harness import OFFICE, bulk_history, check, client

# A busy commune's month: 30 days × 143 dossiers × 2⅓ events ≈ 10,000 events, ~50 batches
# (about a minute on 2 cores). DESK_SYNC_MONTH_PER_DAY scales it.
PER_DAY = int(os.environ.get("DESK_SYNC_MONTH_PER_DAY", "143"))


def test_thirty_days_offline(district_sqlite: Any, office: Any) -> None:
    d = district_sqlite
    n = bulk_history(office, days=30, per_day=PER_DAY)
    assert n >= 40 * PER_DAY
    c = client(office, d.url, d.token)
    rep = c.run(until_idle=True, max_seconds=900)
    assert rep.batches >= n // 200 and rep.pushed == {"accepted": n}
    with d.engine.connect() as conn:
        codes = conn.execute(text("SELECT code FROM dossier_state ORDER BY code LIMIT 600")
                             ).scalars().all()
    for code in codes:
        decide(d.engine, OFFICE, code, "start_processing", actor="Phòng Tư pháp")
    rep = c.sync_once()
    assert rep.pulled == 600 and rep.pages == 2  # 500 + 100
    check(office, d.engine)


def test_pull_horizon_never_skips(district: Any) -> None:
    """T1 takes a lower id but commits after T2: the cursor must not pass T1's row."""
    eng = district.engine
    with write(eng) as s:
        append_change(s, OFFICE, "notice", "", {"n": 0})
    first = changes_since(eng, OFFICE, "", 500)
    assert len(first["changes"]) == 1
    t1 = eng.connect()
    tx1 = t1.begin()
    from sqlmodel import Session

    s1 = Session(bind=t1)
    append_change(s1, OFFICE, "notice", "", {"n": 1})  # open, not committed
    s1.flush()
    if district.db_url.startswith("sqlite"):  # one writer: T2 waits for T1 on SQLite
        tx1.commit()
        t1.close()
    with write(eng) as s:
        append_change(s, OFFICE, "notice", "", {"n": 2})
    mid = changes_since(eng, OFFICE, first["next_cursor"], 500)
    if not district.db_url.startswith("sqlite"):
        assert mid["changes"] == []  # T2 is held back while T1 runs
        tx1.commit()
        t1.close()
        mid = changes_since(eng, OFFICE, first["next_cursor"], 500)
    assert [c["p"]["n"] for c in mid["changes"]] == [1, 2]
