"""One estimator everywhere (issue 18 §4): for the same database at the same moment, the TV's
"a ticket taken now waits", the ticket and the kiosk (`Issued.wait_minutes`), `desk queue
issue --json` and the phone page say the same minutes. The TV and the phone used a second,
faster model (a single play-forward with mean times) and disagreed with the ticket."""

from __future__ import annotations

import json
from datetime import datetime

from desk.config import load_file
from desk.domain import queue as rules
from desk.lobby import views
from desk.lobby.feed import LobbyFeed, LobbyState
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from tests.conftest import local
from tests.lobby.harness import Office
from tests.queue.conftest import MovingClock

LENGTHS = [3, 8, 5, 11, 2, 6, 4, 9, 7, 3, 12, 5]  # minutes at the counter, in turn
SERVICES = ["HT", "CT", "HT", "DD", "CU", "HT", "CT", "DD"]


def _morning(ctx: DeskContext, clock: MovingClock) -> None:
    """08:00–08:59: a ticket a minute (every ninth a priority one), three counters calling
    and finishing after uneven times: by 09:00 a queue has built up."""
    until: dict[int, datetime] = {}
    made = 0
    for minute in range(60):
        clock.at = local(2026, 11, 23, 8, minute)
        queue.issue(ctx, SERVICES[minute % len(SERVICES)],
                    "elderly" if minute % 9 == 4 else None, print_ticket=False)
        for counter in (1, 2, 3):
            if counter in until and until[counter] <= clock.at:
                queue.act(ctx, "finish", counter=counter)
                del until[counter]
            if counter not in until and queue.call_next(ctx, counter) is not None:
                until[counter] = local(2026, 11, 23, 8, minute) + \
                    (local(2026, 11, 23, 0, LENGTHS[made % len(LENGTHS)]) -
                     local(2026, 11, 23, 0, 0))
                made += 1


def _tv(office_settings, st: LobbyState) -> dict[str, int | None]:  # type: ignore[no-untyped-def]
    return {s["code"]: s["wait_minutes"]
            for s in views.display_json(office_settings, st, [])["services"]}


def test_every_surface_tells_the_same_minutes(office: Office) -> None:
    settings = load_file(office.config)
    clock = MovingClock(local(2026, 11, 23, 8, 0))
    ctx = DeskContext(settings, clock=clock)
    feed = LobbyFeed(settings.database_path, settings.queue)
    try:
        _morning(ctx, clock)
        now = local(2026, 11, 23, 9, 0)  # office.env's DESK_NOW: the same moment
        clock.at = now
        day = now.date()
        before = feed.read(day, now)
        waiting = sum(1 for g in before.legs if g.state == rules.WAITING)
        assert waiting >= 10  # a real queue, where the models differ
        tv = _tv(settings, before)

        # the kiosk and the printed ticket (the same Issued) ...
        issued = queue.issue(ctx, "HT", print_ticket=False)
        after = feed.read(day, now)
        phone = views.status_json(settings, after, issued.ticket.id.hex)
        assert issued.wait_minutes is not None
        assert (tv["HT"], phone["wait_minutes"]) == (issued.wait_minutes, issued.wait_minutes)

        # ... and the clerk's command, at the same moment, for another service
        tv = _tv(settings, feed.read(day, now))
        out = json.loads(office.desk("queue", "issue", "CT", "--json").stdout)
        ticket = out["status_url"].rsplit("/", 1)[1]
        phone = views.status_json(settings, feed.read(day, now), ticket)
        assert out["wait_minutes"] is not None
        assert (tv["CT"], phone["wait_minutes"]) == (out["wait_minutes"], out["wait_minutes"])

        # every waiting ticket's phone figure is the one the estimator gives that moment
        st = feed.read(day, now)
        for g in st.legs:
            if g.state == rules.WAITING:
                shown = views.status_json(settings, st, g.key)["wait_minutes"]
                assert shown == (round(st.estimates[g.key] / 60) or 1)
    finally:
        feed.close()
        ctx.close()
