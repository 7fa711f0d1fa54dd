"""A call reaches the waiting-room pages without waiting for the wait estimates (issue 18: a
call on the TV within 1 s). With a long queue the estimator takes tenths of a second (0.4 s of
CPU with 114 waiting): the hub shows the call at once, with the last figures, and the new
figures when they are ready."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from desk.lobby.feed import LobbyState
from desk.lobby.hub import Hub
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.queue import wait_estimates as we


async def _until(test: Any) -> None:
    for _ in range(1000):
        if test():
            return
        await asyncio.sleep(0.01)


def _state(hub: Hub) -> LobbyState:
    assert hub.state is not None
    return hub.state


async def test_a_call_is_shown_while_the_estimates_are_worked_out(
        qctx: DeskContext, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(5):
        queue.issue(qctx, "HT", print_ticket=False)
    slow = threading.Event()  # set: the estimator is held until `go`
    go = threading.Event()
    real = we.estimates

    def estimates(*args: Any, **kw: Any) -> dict[str, float]:
        if slow.is_set():
            go.wait(60)
        return real(*args, **kw)

    monkeypatch.setattr(we, "estimates", estimates)
    hub = Hub(qctx, poll=0.01)
    await hub.start()
    try:
        before = hub.state
        assert before is not None and len(before.estimates) == 5 and not before.calls
        slow.set()
        called = queue.call_next(qctx, 1)
        assert called is not None
        await _until(lambda: hub.state is not None and hub.state.calls)
        shown = _state(hub)
        assert [c.label for c in shown.calls] == [called.label]  # the TV has the call ...
        assert shown.estimates == before.estimates  # ... while the figures are still old
        go.set()
        await _until(lambda: hub.state is not None and len(hub.state.estimates) == 4)
        after = _state(hub)
        assert set(after.estimates) == {g.key for g in after.legs if g.state == "WAITING"}
    finally:
        go.set()
        await hub.stop()
