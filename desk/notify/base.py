"""What every notice channel is: `send` a notice (recording progress), `poll` for reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from storage.tables.notice import Notice


class SendError(Exception):
    """The channel could not send now; `final` when trying again cannot help."""

    def __init__(self, message: str, *, final: bool = False) -> None:
        super().__init__(message)
        self.final = final


class Channel(Protocol):
    name: str

    def send(self, notice: Notice, save: Callable[[Notice], None]) -> None:
        """Send `notice` (parts already sent stay sent); raise SendError. `save(notice)`
        records progress durably before the next step."""

    def poll(self) -> list[tuple[str, bool]]:
        """Delivery reports since the last poll: (a part's reference, delivered)."""

    def close(self) -> None: ...
