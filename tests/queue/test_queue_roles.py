"""Issue 15 §4: `queue.call` and `queue.manage` were defined but never checked — the queue
service took a clerk's name, not an actor. Now the counter's screen and the command line pass
the signed-in actor: a clerk calls and serves at their own counter only, pausing another
counter is a supervisor's, and every refusal is audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Digits, Static

from desk.domain.errors import DomainError
from desk.i18n import render_error
from desk.queue_apps import CounterApp
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.trust import audit
from desk.services.trust.actor import Actor
from tests.tui import workers_done

LAN = Actor(id="c1", name="Nguyễn Thị Lan", role="clerk", counter=1)  # type: ignore[arg-type]
MINH = Actor(id="s1", name="Trần Văn Minh", role="supervisor")  # type: ignore[arg-type]


def _denials(ctx: DeskContext) -> list[dict[str, Any]]:
    return audit.entries(ctx, action=audit.DENIED)


def test_a_clerk_calls_at_their_own_counter_only(qctx: DeskContext) -> None:
    for _ in range(3):
        queue.issue(qctx, "HT", print_ticket=False)  # HT: counters 1 and 2
    assert queue.call_next(qctx, 1, actor=LAN) is not None
    queue.act(qctx, "start", counter=1, actor=LAN)
    with pytest.raises(DomainError) as e:
        queue.call_next(qctx, 2, actor=LAN)
    assert e.value.key == "queue.other_counter"
    assert "quầy 2" in render_error(e.value) and "nhật ký" in render_error(e.value)
    with pytest.raises(DomainError):
        queue.call_number(qctx, 2, "A003", actor=LAN)
    with pytest.raises(DomainError):
        queue.act(qctx, "recall", counter=2, actor=LAN)
    assert queue.counter_state(qctx, 2).current is None  # nothing was called there
    assert [d["detail"]["permission"] for d in _denials(qctx)] == ["queue.call"] * 3
    assert queue.call_next(qctx, 2, actor=MINH) is not None  # a supervisor helps anywhere


def test_pausing_another_counter_is_a_supervisors(qctx: DeskContext) -> None:
    assert queue.pause(qctx, 1, actor=LAN)  # their own counter: a clerk's break
    assert queue.resume(qctx, 1, actor=LAN)
    with pytest.raises(DomainError) as e:
        queue.pause(qctx, 3, actor=LAN)
    assert e.value.key == "role.denied"
    assert not queue.counter_state(qctx, 3).paused
    assert _denials(qctx)[0]["detail"]["permission"] == "queue.manage"
    assert queue.pause(qctx, 3, actor=MINH)


def _settled(pilot: Any) -> Any:
    async def run() -> None:
        await pilot.pause()
        await workers_done(pilot.app)
        await pilot.pause()
    return run()


async def test_the_counter_screen_refuses_another_counters_call(qctx: DeskContext) -> None:
    queue.issue(qctx, "CT", print_ticket=False)  # CT: counters 2 and 3
    app = CounterApp(qctx, 2, actor=LAN)  # Lan (counter 1) at counter 2's screen
    async with app.run_test(size=(120, 40)) as pilot:
        await _settled(pilot)
        await pilot.press("g")
        await _settled(pilot)
        message = str(app.screen.query_one("#cq-message", Static).render())
        assert "chỉ gọi và xử lý số tại quầy của mình" in message
        assert app.screen.query_one("#cq-current", Digits).value == ""
    assert queue.counter_state(qctx, 2).current is None
    app = CounterApp(qctx, 2, actor=MINH)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settled(pilot)
        await pilot.press("g")
        await _settled(pilot)
        assert app.screen.query_one("#cq-current", Digits).value == "B001"


def test_the_command_line_signs_a_named_clerk_in(run_desk: Any, tmp_path: Path) -> None:
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    assert run_desk("queue", "issue", "HT", "--no-print").returncode == 0
    lan = "Nguyễn Thị Lan"  # the demo clerk of counter 1
    no_pin = run_desk("queue", "call", "2", "--clerk", lan, stdin="")
    assert no_pin.returncode == 2 and "PIN" in no_pin.stderr
    wrong = run_desk("queue", "call", "1", "--clerk", lan, "--pin-stdin", stdin="9999\n")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    other = run_desk("queue", "pause", "2", "--clerk", lan, env={"DESK_PIN": "1234"})
    assert other.returncode == 1 and "không có quyền" in other.stderr
    own = run_desk("queue", "pause", "1", "--clerk", lan, env={"DESK_PIN": "1234"})
    assert own.returncode == 0, own.stderr
    sup = run_desk("queue", "pause", "2", "--clerk", "Trần Văn Minh", env={"DESK_PIN": "2345"})
    assert sup.returncode == 0, sup.stderr
    script = run_desk("queue", "resume", "2")  # scripts keep working, as the command line
    assert script.returncode == 0, script.stderr
