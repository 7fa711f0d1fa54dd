"""A write-only device file such as `/dev/usb/lp0` (`device:/dev/usb/lp0`).

Opened non-blocking and written with `select`, so a printer that is switched off or out of
paper (the kernel stops taking bytes) gives a timeout, never a hang. No status read-back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import time

from printers.transports.base import Transport, TransportError

__all__ = ["DeviceTransport"]


class DeviceTransport(Transport):
    def __init__(self, url: str, path: str) -> None:
        self.url = url
        self.path = path
        try:
            self.fd: int | None = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError as e:
            reason = "no reader" if e.errno == errno.ENXIO else e.strerror
            raise TransportError(f"cannot open {path}: {reason}") from None

    def write(self, data: bytes, timeout: float, *, name: str | None = None,
              stall: float | None = None) -> int:
        if self.fd is None:
            raise TransportError("device closed")
        deadline = time.monotonic() + timeout
        moved = time.monotonic()
        sent = 0
        while sent < len(data):
            now = time.monotonic()
            left = min(deadline, moved + stall if stall else deadline) - now
            if left <= 0:
                raise TransportError(f"write timed out after {sent} bytes", sent)
            _, ready, _ = select.select([], [self.fd], [], left)
            if not ready:
                continue
            try:
                sent += os.write(self.fd, data[sent:sent + 4096])
                moved = time.monotonic()
            except BlockingIOError:
                continue
            except OSError as e:
                raise TransportError(f"write failed after {sent} bytes: {e.strerror}", sent) \
                    from None
        return sent

    def close(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None
