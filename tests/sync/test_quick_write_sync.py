"""Ticket events written by the quick `sqlite3` writer (`desk queue issue|call` scripted in
loops, issue 19 §1) reach the district like the services' own: one outbox stream with the
dossier events, each fact stored exactly once."""

from __future__ import annotations

from typing import Any

from desk.district.status import district_status
from desk.services.queue import tickets as queue
from desk.services.quick.context import open_quick
from desk.services.quick.queue_write import call_next, issue
from tests.sync.harness import OFFICE, check, check_facts, client, intake


def test_quick_written_tickets_reach_the_district_once(district_sqlite: Any,
                                                       office: Any) -> None:
    intake(office, 1)
    q = open_quick(office, write=True)
    assert q is not None
    issue(q, "HT")
    issue(q, "CT", "elderly")
    queue.issue(office, "HT", print_ticket=False)  # the services, between quick writes
    assert call_next(q, 2).label == "B001"  # type: ignore[union-attr]
    queue.finish(office, 2)
    assert call_next(q, 1).label == "A001"  # type: ignore[union-attr]
    q.close()
    intake(office, 1)

    rep = client(office, district_sqlite.url, district_sqlite.token).sync_once()
    assert rep.pushed == {"accepted": 2 + 6}
    assert check(office, district_sqlite.engine) == {"events": 2, "changes": 0}
    assert check_facts(office, district_sqlite.engine) == {"tickets": 6, "ratings": 0}
    st = district_status(district_sqlite.engine)["offices"][OFFICE]
    assert st["tickets"] == {"issued": 3, "events": 6, "issued_by_day": {"2026-11-23": 3}}
