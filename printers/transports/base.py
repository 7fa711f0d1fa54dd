"""What every transport offers: write with a timeout, read the status, close."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from printers.transports.status import PrinterStatus

__all__ = ["Transport", "TransportError"]


class TransportError(Exception):
    """The printer could not be reached or stopped taking bytes; `sent` bytes went out first."""

    def __init__(self, message: str, sent: int = 0) -> None:
        super().__init__(message)
        self.sent = sent


class Transport(ABC):
    """One open connection to one printer. Nothing here may block past its timeout."""

    url: str = ""
    can_read_status: bool = False

    @abstractmethod
    def write(self, data: bytes, timeout: float, *, name: str | None = None,
              stall: float | None = None) -> int:
        """Send `data` within `timeout` seconds; returns the bytes sent (all of them).

        `name` (the job id) names the output of file-like transports; `stall` (seconds)
        gives up sooner when the printer takes no byte for that long. Raises
        TransportError (with `.sent`) when the printer stops taking bytes or is gone.
        """

    def read_status(self, timeout: float = 0.5, *,
                    wait: Callable[[], bool] | None = None) -> PrinterStatus | None:
        """Ask DLE EOT 1..4; None when this transport cannot read back. With `wait`, the
        first reply is awaited for as long as `wait()` says so (the job before it drains)."""
        return None

    def seconds_for(self, nbytes: int) -> float:
        """Time on the wire for `nbytes` at the line's rate (0 when the line is fast)."""
        return 0.0

    def pending(self) -> int | None:
        """Bytes written but not yet taken by the printer, when the OS can tell."""
        return None

    def close(self) -> None:  # noqa: B027  (optional for subclasses)
        """Release the port; safe to call twice."""

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
