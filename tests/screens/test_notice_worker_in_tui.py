"""Issue 17 §3: the counter app starts the notice worker after its first paint, the worker
sends what the clerk's work writes to the outbox, and stops with the app."""

from __future__ import annotations

import json

from desk.app import DeskApp
from desk.notify.file_outbox import OUTBOX_NAME
from desk.services.context import DeskContext
from desk.services.notify import notices
from desk.services.trust.actor import Actor
from tests.screens.conftest import intake, wait_until


async def test_the_tui_starts_the_notice_worker_and_it_sends(demo_ctx: DeskContext,
                                                             lan: Actor) -> None:
    app = DeskApp(demo_ctx, background=True)  # the background services, as a clerk runs it
    app.actor = lan
    outbox = demo_ctx.settings.data_dir / OUTBOX_NAME
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.notice_worker is not None, timeout=30)
        worker = app.notice_worker
        assert not worker.stop.is_set()
        code = intake(demo_ctx, actor=lan)["code"]  # the clerk receives a dossier
        await wait_until(pilot, lambda: outbox.exists() and code in outbox.read_text(
            encoding="utf-8"), timeout=30)
        [line] = [json.loads(x) for x in outbox.read_text(encoding="utf-8").splitlines()]
        assert line["code"] == code and line["phone"] == "0912345678"
        await wait_until(pilot, lambda: notices.list_notices(demo_ctx)[0]["status"] == "sent")
    assert worker.stop.is_set()  # stopped with the app
