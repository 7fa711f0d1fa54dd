"""Short messages to a citizen's phone, through a pluggable sender.

The desk never talks to a carrier itself: a sender is anything with `send(phone, text)`. The
default `OutboxSender` appends one JSON line per message to `<data_dir>/sms_outbox.jsonl`,
which a gateway (a USB modem script, a brandname-SMS API client) can pick up and send. An
office plugs its own sender in with `set_sender(factory)`; tests read the outbox file.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from desk.services.clock import system_clock

if TYPE_CHECKING:
    from desk.services.context import DeskContext

__all__ = ["OUTBOX_NAME", "OutboxSender", "SmsSender", "outbox_path", "sender_for", "set_sender"]

OUTBOX_NAME = "sms_outbox.jsonl"


@runtime_checkable
class SmsSender(Protocol):
    def send(self, phone: str, text: str) -> None:
        """Queue or send `text` to `phone`; raise on failure (the caller logs, never undoes)."""


class OutboxSender:
    """Appends `{"at", "phone", "text"}` JSON lines (UTF-8) to an outbox file."""

    _lock = threading.Lock()

    def __init__(self, path: Path, clock: Callable[[], datetime] | None = None) -> None:
        self.path = path
        self.clock = clock or system_clock

    def send(self, phone: str, text: str) -> None:
        line = json.dumps({"at": self.clock().isoformat(timespec="seconds"), "phone": phone,
                           "text": text}, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")


SenderFactory = Callable[["DeskContext"], SmsSender]
_factory: SenderFactory | None = None


def outbox_path(ctx: DeskContext) -> Path:
    return ctx.settings.data_dir / OUTBOX_NAME


def set_sender(factory: SenderFactory | None) -> None:
    """Use `factory(ctx)` for every later message; None restores the outbox file."""
    global _factory
    _factory = factory


def sender_for(ctx: DeskContext) -> SmsSender:
    if _factory is not None:
        return _factory(ctx)
    return OutboxSender(outbox_path(ctx), clock=ctx.now)
