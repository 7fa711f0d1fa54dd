"""A TV page back from a network drop shows every call it missed, but speaks only the numbers
still called at their counter: a citizen already served, transferred, or called again
elsewhere is not called a second time by the room (before, every call under 2 minutes old
was spoken)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from desk.lobby.app import create_app
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from tests.lobby.harness import events, served


async def _first_state(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    """The events up to the first state: the calls sent first, then the screen."""
    calls: list[dict[str, Any]] = []
    async with client.stream("GET", url) as r:
        async for kind, data in events(r):
            if kind == "call":
                calls.append(data)
            if kind == "state":
                return {"calls": calls, "state": data}
    raise AssertionError("the stream ended before its state")


async def test_a_page_back_from_a_drop_speaks_only_numbers_still_called(
        qctx: DeskContext) -> None:
    for _ in range(4):
        queue.issue(qctx, "HT", print_ticket=False)
    app = create_app(qctx, poll=0.01, heartbeat=0.2)
    async with served(app) as url, httpx.AsyncClient(timeout=10) as client:
        seen = (await _first_state(client, url + "/events"))["state"]["last_seq"]
        # the TV's cable is pulled; the counters go on meanwhile
        queue.call_next(qctx, 1)  # A001 at 1, then served
        queue.call_next(qctx, 2)  # A002 at 2, then sent to another service
        queue.finish(qctx, 1)
        queue.call_next(qctx, 1)  # A003 at 1, put on hold, then called at counter 2
        queue.transfer(qctx, 2, to_service="CT")
        queue.hold(qctx, 1)
        queue.call_number(qctx, 2, "A003")
        queue.call_next(qctx, 1)  # A004 at 1, called twice
        last = queue.recall(qctx, 1)
        assert last.label == "A004"
        while not any(c.kind == "RECALL" for c in app.state.hub.state.calls):
            await asyncio.sleep(0.01)
        back = await _first_state(client, f"{url}/events?after={seen}")
    spoken = [(c["label"], c["counter"], c["fresh"]) for c in back["calls"]]
    assert spoken == [("A001", 1, False), ("A002", 2, False), ("A003", 1, False),
                      ("A003", 2, True), ("A004", 1, False), ("A004", 1, True)]
    st = back["state"]
    assert st["current"]["label"] == "A004"
    assert [c["label"] for c in st["recent"]] == ["A003", "A001"]  # shown, not spoken
