"""An event's notices cost one read however many channels (issue 20): the save asked once
per channel whether the phone had opted out and whether that notice existed."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import event

from desk.config import NotifyConfig
from desk.services.context import DeskContext
from desk.services.notify import notices
from tests.screens.conftest import intake


def test_two_channels_one_read(demo_ctx: DeskContext) -> None:
    demo_ctx.settings = dataclasses.replace(demo_ctx.settings, notify=NotifyConfig(
        channels=("modem", "http")))
    demo_ctx.close()  # reopened with the new settings: the hook reads them
    seen: list[str] = []

    def keep(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        if "notice" in sql:
            seen.append(" ".join(sql.split()))

    event.listen(demo_ctx.engine, "before_cursor_execute", keep)
    try:
        intake(demo_ctx)
    finally:
        event.remove(demo_ctx.engine, "before_cursor_execute", keep)
    reads = [s for s in seen if s.startswith("SELECT")]
    assert len(reads) == 1, seen  # was 4: opted out? exists? for each channel
    assert sorted(r["channel"] for r in notices.list_notices(demo_ctx)) == ["http", "modem"]
