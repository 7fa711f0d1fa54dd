"""Queue tickets and satisfaction ratings reach the district (issue #7 points 2 and 4): each
ticket event and rating gets its outbox row in its own transaction, and the district appends
each exactly once, on SQLite and PostgreSQL, through replays, a reply lost after the commit and
days offline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import select

from desk.district.status import district_status
from desk.services.clock import fixed_clock
from desk.services.queue import tickets as queue
from desk.services.queue.ratings import rate
from desk.sync import protocol as P
from desk.sync.transport import Offline
from storage.engine import read_session, write_session
from tests.sync.harness import OFFICE, TZ, check, check_facts, client, intake
from tests.sync.proxy import FaultProxy


@pytest.fixture
def proxy(district: Any) -> Iterator[FaultProxy]:
    p = FaultProxy(district.port).start()
    yield p
    p.stop()


def _clerk(ctx: Any) -> Any:
    from storage.tables import Clerk

    with read_session(ctx.engine) as s:
        return s.exec(select(Clerk).order_by(Clerk.name)).first()


def _a_morning(ctx: Any) -> int:
    """Tickets through a morning at the counters, and ratings; the number of facts recorded."""
    clerk = _clerk(ctx)
    queue.issue(ctx, "HT", clerk="Kiosk", print_ticket=False)
    queue.issue(ctx, "CT", "elderly", print_ticket=False)
    queue.issue(ctx, "HT", print_ticket=False)
    queue.call_next(ctx, 2, clerk=clerk.name)  # B001 first: priority
    queue.recall(ctx, 2, clerk=clerk.name)
    queue.start(ctx, 2, clerk=clerk.name)
    queue.finish(ctx, 2, clerk=clerk.name)
    queue.call_next(ctx, 1, clerk=clerk.name)
    queue.transfer(ctx, 1, to_counter=3, clerk=clerk.name)
    queue.pause(ctx, 1, clerk=clerk.name)
    queue.resume(ctx, 1, clerk=clerk.name)
    rate(ctx, "1", ticket_label="B001", counter=2, clerk_id=clerk.id)
    rate(ctx, "2", dossier_code=f"{OFFICE}-261123-0001", counter=2, clerk_id=clerk.id)
    rate(ctx, "khong_hai_long", counter=1)
    return 11 + 3


def _outbox(ctx: Any, entity_type: str | None = None) -> list[Any]:
    from storage.tables.sync import OutboxEvent

    with read_session(ctx.engine) as s:
        q = select(OutboxEvent).order_by(OutboxEvent.seq)
        if entity_type:
            q = q.where(OutboxEvent.entity_type == entity_type)
        return list(s.exec(q))


def _counts(engine: Any) -> tuple[int, int]:
    with engine.connect() as c:
        return (c.execute(text("SELECT count(*) FROM ticket_fact")).scalar_one(),
                c.execute(text("SELECT count(*) FROM rating_fact")).scalar_one())


def _post(c: Any, events: list[dict[str, Any]]) -> dict[str, Any]:
    body = P.compress({"batch_id": "x", "app_v": "t", "schema_v": P.SCHEMA_V, "device": "d",
                       "epoch": 1, "events": events})
    return c.net.call("POST", c.net.office_path("events:batch"), body)


def test_tickets_and_ratings_reach_the_district_once(district: Any, office: Any) -> None:
    codes = intake(office, 1)
    n = _a_morning(office)
    intake(office, 1)
    rows = _outbox(office)
    # one stream: dossier events and facts share this device's seq and HLC, in order
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert [r.hlc for r in rows] == sorted(r.hlc for r in rows)
    assert len([r for r in rows if r.entity_type != "dossier"]) == n
    assert all(len(r.payload["i"]) == 32 and r.event_id.version == 7 for r in rows)
    tickets = [r.payload for r in rows if r.entity_type == "ticket"]
    assert tickets[0]["t"] == "ticket.issue" and tickets[0]["e"] == "A001"
    assert tickets[0]["p"] == {"d": "2026-11-23", "sv": "HT", "n": 1, "l": 1, "by": "Kiosk"}
    assert tickets[1]["p"]["pr"] == 1 and "elderly" not in str(tickets[1])  # no reason sent
    assert tickets[8]["t"] == "ticket.transfer" and tickets[8]["p"]["tc"] == 3
    assert tickets[8]["p"]["nl"] == 2
    ratings = [r.payload for r in rows if r.entity_type == "rating"]
    assert [r["p"]["sc"] for r in ratings] == [3, 2, 1]
    assert all(r["e"] == "" and "B001" not in str(r) and codes[0][:5] not in str(r)
               for r in ratings)  # anonymous: not linked to the ticket or the dossier

    rep = client(office, district.url, district.token).sync_once()
    assert rep.pushed == {"accepted": n + 2}
    assert _counts(district.engine) == (11, 3)
    assert check(office, district.engine) == {"events": 2, "changes": 0}
    assert check_facts(office, district.engine) == {"tickets": 11, "ratings": 3}
    st = district_status(district.engine)["offices"][OFFICE]
    assert st["events"] == 2  # dossier events only, as before
    assert st["tickets"] == {"issued": 3, "events": 11, "issued_by_day": {"2026-11-23": 3}}
    assert st["ratings"] == {"count": 3, "mean_score": 2.0}
    with district.engine.connect() as c:
        row = c.execute(text("SELECT kind, label, service_code, number, leg, counter, clerk, "
                             "priority FROM ticket_fact WHERE kind = 'transfer'")).one()
    assert tuple(row)[:6] == ("transfer", "A001", "HT", 1, 1, 1) and row[7] in (False, 0)


def test_replayed_batch_adds_nothing_and_reused_ids_are_refused(district: Any,
                                                                office: Any) -> None:
    n = _a_morning(office)
    c = client(office, district.url, district.token)
    assert c.sync_once().pushed == {"accepted": n}
    same = [r.payload for r in _outbox(office)]
    assert _post(c, same)["results"] == ["duplicate"] * n
    assert _counts(district.engine) == (11, 3)
    ticket, rating = same[0], same[-1]
    forged = [{**ticket, "p": {**ticket["p"], "sv": "CT"}},
              {**rating, "p": {**rating["p"], "sc": 3, "lv": "rat_hai_long"}},
              {**ticket, "i": "f" * 32, "p": {**ticket["p"], "d": "23/11/2026"}}]
    out = _post(c, forged)
    assert out["results"] == ["rejected:id_reused", "rejected:id_reused", "rejected:malformed"]
    with district.engine.connect() as conn:
        reasons = conn.execute(text("SELECT reason FROM conflict")).scalars().all()
        mean = conn.execute(text("SELECT avg(score) FROM rating_fact")).scalar_one()
        services = conn.execute(text("SELECT service_code FROM ticket_fact WHERE event_id = :i"),
                                {"i": ticket["i"]}).scalars().all()
    assert reasons == ["id_reused", "id_reused"] and float(mean) == 2.0 and services == ["HT"]
    assert _counts(district.engine) == (11, 3)
    check(office, district.engine)


def test_reply_cut_after_commit_resend_is_duplicate_not_double(district: Any, office: Any,
                                                               proxy: FaultProxy) -> None:
    n = _a_morning(office)
    c = client(office, proxy.url, district.token)
    proxy.set("cut_reply")
    with pytest.raises(Offline):
        c.sync_once()
    assert _counts(district.engine) == (11, 3)  # committed; the desk does not know yet
    assert all(r.state in ("pending", "sent") for r in _outbox(office))
    proxy.set("pass")
    assert c.sync_once().pushed == {"duplicate": n}
    assert _counts(district.engine) == (11, 3)
    check(office, district.engine)


def test_ticket_issued_offline_for_days_syncs_later(district: Any, office: Any,
                                                    proxy: FaultProxy) -> None:
    c = client(office, proxy.url, district.token)
    proxy.set("refuse")
    first = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
    for day in range(4):  # four days without a link: tickets and ratings every day
        office.clock = fixed_clock(first + timedelta(days=day))
        queue.issue(office, "CU", print_ticket=False)
        queue.call_next(office, 3)
        queue.finish(office, 3)
        rate(office, "2", counter=3)
        with pytest.raises(Offline):
            c.sync_once()
    assert {r.state for r in _outbox(office)} <= {"pending", "sent"}
    assert _counts(district.engine) == (0, 0)
    proxy.set("pass")
    c.run(until_idle=True, max_seconds=60)
    check(office, district.engine)
    st = district_status(district.engine)["offices"][OFFICE]
    assert st["tickets"]["issued_by_day"] == {f"2026-11-{23 + d}": 1 for d in range(4)}
    assert st["ratings"] == {"count": 4, "mean_score": 2.0}


def test_a_fact_and_its_outbox_row_share_one_transaction(office: Any) -> None:
    from desk.services.dossier.events import fact
    from storage.tables.queue import TicketEvent

    day = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
    with pytest.raises(RuntimeError), write_session(office.engine) as s:
        ev = TicketEvent(day=day.date(), kind="PAUSE", at=day, counter=1)
        s.add(ev)
        fact(s, "ticket", ev)
        assert len(list(s.exec(select(TicketEvent)))) == 1
        raise RuntimeError("the action fails after its event")
    assert _outbox(office) == []  # rolled back together
    with read_session(office.engine) as s:
        assert list(s.exec(select(TicketEvent))) == []


def test_facts_recorded_without_the_hook_are_backfilled(district: Any, office: Any) -> None:
    from desk.services.dossier import events
    from desk.sync.facts import fact_hook

    events._fact_hooks.remove(fact_hook)
    try:
        n = _a_morning(office)
    finally:
        events.on_fact(fact_hook)
    assert _outbox(office) == []
    c = client(office, district.url, district.token)
    assert c.sync_once().pushed == {"accepted": n}
    queue.issue(office, "KT", print_ticket=False)
    assert c.sync_once().pushed == {"accepted": 1}  # backfill found nothing more to queue
    check(office, district.engine)
