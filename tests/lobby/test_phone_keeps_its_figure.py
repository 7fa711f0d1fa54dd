"""The citizen's phone keeps a figure for the wait while the hub works out the new ones after
a change: a ticket just taken shows the minutes it was told at the kiosk, a transferred
ticket the last minutes its holder was given. Before, both read "chưa ước tính được" (no
estimate yet) until the estimator was done."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest

from desk.lobby.app import create_app
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.queue import wait_estimates as we
from tests.lobby.harness import served


class HeldEstimator:
    """The hub's estimator (all the waiting legs, not the ticket being issued) waits for `go`
    while `holding` is set: a long queue on a busy PC."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.holding = threading.Event()
        self.go = threading.Event()
        real = we.estimates

        def estimates(*args: Any, **kw: Any) -> dict[str, float]:
            if self.holding.is_set() and len(args) < 4 and "only" not in kw:
                self.go.wait(60)
            return real(*args, **kw)

        monkeypatch.setattr(we, "estimates", estimates)


async def _status_when(client: httpx.AsyncClient, url: str, ready: Any) -> dict[str, Any]:
    for _ in range(1000):
        st = (await client.get(url)).json()
        if ready(st):
            return st
        await asyncio.sleep(0.01)
    raise AssertionError(f"never ready: {st}")


async def test_the_phone_keeps_a_figure_while_the_new_ones_are_worked_out(
        qctx: DeskContext, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(3):
        queue.issue(qctx, "HT", print_ticket=False)
    held = HeldEstimator(monkeypatch)
    app = create_app(qctx, poll=0.01, heartbeat=0.2)
    try:
        async with served(app) as url, httpx.AsyncClient(timeout=10) as client:
            a003 = f"{url}/t/{app.state.hub.state.legs[2].key}/state"
            given = (await client.get(a003)).json()
            assert given["label"] == "A003" and given["wait_minutes"] is not None
            held.holding.set()
            # a citizen takes a ticket and opens its page at once
            issued = queue.issue(qctx, "HT", print_ticket=False)
            told = we.minutes(issued.wait_seconds)
            page = f"{url}/t/{issued.status_url.rsplit('/t/', 1)[1]}/state"
            new = await _status_when(client, page, lambda st: st["found"])
            assert (new["label"], new["state"]) == ("A004", "WAITING")
            assert (new["wait_minutes"], new["wait_text"]) == (told, f"khoảng {told} phút")
            # A003 is called, then sent to another service: a leg the estimator has not
            # seen yet; its phone keeps the last figure it was given
            queue.call_next(qctx, 1)
            queue.call_next(qctx, 2)
            queue.finish(qctx, 1)
            assert queue.call_next(qctx, 1).label == "A003"
            queue.transfer(qctx, 1, to_service="CT")
            moved = await _status_when(client, a003, lambda st: st["service"] == "Chứng thực")
            assert moved["state"] == "WAITING"
            assert (moved["wait_minutes"], moved["wait_text"]) == (
                given["wait_minutes"], given["wait_text"])
            held.go.set()
    finally:
        held.go.set()
