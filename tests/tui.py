"""Helpers for driving the TUI with Pilot."""

from __future__ import annotations

from typing import Any

from textual.worker import WorkerCancelled


async def workers_done(app: Any) -> None:
    """Wait until the app's workers have finished. An exclusive worker cancelled because a
    newer one replaced it is normal (the status line refreshing twice); wait for the rest."""
    for _ in range(10):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue
