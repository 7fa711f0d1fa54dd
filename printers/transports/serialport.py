"""pyserial transports: serial ports (`serial:COM3`, `serial:/dev/ttyUSB0?baud=9600`) and every
pyserial URL (`socket://host:9100`, `loop://`, `rfc2217://…`) through `serial_for_url`.

Baud rate and flow control come from the printer profile; `?baud=` and `?flow=` in a
`serial:` URL override them. Every read and write has a timeout, and writes go out in small
chunks so a printer that stops taking bytes mid-job is noticed and `sent` stays meaningful.
"""

from __future__ import annotations

import contextlib
import struct
import time
from collections.abc import Callable
from urllib.parse import parse_qs

import serial

try:  # POSIX: how many bytes a socket has not yet handed to the printer (SIOCOUTQ)
    import fcntl
    import termios
    _OUTQ_READABLE = True
except ImportError:  # Windows: the send queue cannot be read; the time estimate stays
    _OUTQ_READABLE = False

from printers.transports.base import Transport, TransportError
from printers.transports.status import SILENT, PrinterStatus, parse_status, query

__all__ = ["SerialTransport", "parse_serial_url"]

CHUNK = 256
OPEN_TIMEOUT = 2.0
FLOWS = ("none", "xonxoff", "rtscts", "dsrdtr")


def parse_serial_url(url: str, baudrate: int, flow: str) -> tuple[str, int, str]:
    """`serial:PORT?baud=N&flow=F` → (port, baud, flow); pyserial URLs pass through."""
    if not url.startswith("serial:"):
        return url, baudrate, flow
    port, _, qs = url.removeprefix("serial:").partition("?")
    params = {k: v[-1] for k, v in parse_qs(qs).items()}
    unknown = set(params) - {"baud", "flow"}
    if unknown or not port:
        raise TransportError(f"bad serial URL {url!r}: use serial:PORT?baud=N&flow=F")
    if "baud" in params:
        if not params["baud"].isdigit():
            raise TransportError(f"bad baud rate in {url!r}")
        baudrate = int(params["baud"])
    flow = params.get("flow", flow)
    if flow not in FLOWS:
        raise TransportError(f"bad flow control {flow!r}; use one of {FLOWS}")
    return port, baudrate, flow


class SerialTransport(Transport):
    can_read_status = True

    def __init__(self, url: str, baudrate: int = 9600, flow: str = "none",
                 open_timeout: float = OPEN_TIMEOUT) -> None:
        self.url = url
        port, baud, flow = parse_serial_url(url, baudrate, flow)
        self.baudrate = baud
        try:
            self.port: serial.SerialBase = serial.serial_for_url(
                port, baudrate=baud, timeout=open_timeout, write_timeout=open_timeout,
                xonxoff=flow == "xonxoff", rtscts=flow == "rtscts", dsrdtr=flow == "dsrdtr",
            )
        except (serial.SerialException, OSError, ValueError) as e:
            raise TransportError(f"cannot open {url}: {e}") from None

    def seconds_for(self, nbytes: int) -> float:
        """Time on the wire at this baud rate (10 bits per byte); 0 for network URLs."""
        if "://" in self.url and not self.url.startswith("rfc2217"):
            return 0.0
        return nbytes * 10 / self.baudrate

    def pending(self) -> int | None:
        """Bytes still in the OS send queue: the socket's (TIOCOUTQ = SIOCOUTQ on Linux) or
        the serial driver's (`out_waiting`); None when the OS cannot tell."""
        sock = getattr(self.port, "_socket", None)
        try:
            if sock is not None:
                if not _OUTQ_READABLE:
                    return None
                raw = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, struct.pack("i", 0))
                return int(struct.unpack("i", raw)[0])
            return int(self.port.out_waiting)
        except (AttributeError, NotImplementedError, OSError, ValueError, TypeError,
                serial.SerialException):
            return None

    def write(self, data: bytes, timeout: float, *, name: str | None = None,
              stall: float | None = None) -> int:
        deadline = time.monotonic() + timeout
        sent = 0
        view = memoryview(data)
        while sent < len(data):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TransportError(f"write timed out after {sent} bytes", sent)
            chunk = view[sent:sent + CHUNK]
            try:
                self.port.write_timeout = min(left, stall) if stall else left
                n = self.port.write(chunk)
            except serial.SerialTimeoutException:
                raise TransportError(f"write timed out after {sent} bytes", sent) from None
            except (serial.SerialException, OSError) as e:
                raise TransportError(f"write failed after {sent} bytes: {e}", sent) from None
            sent += len(chunk) if n is None else n
        return sent

    def read_status(self, timeout: float = 0.5, *,
                    wait: Callable[[], bool] | None = None) -> PrinterStatus | None:
        replies: dict[int, int] = {}
        try:
            self.port.reset_input_buffer()
            self.port.timeout = timeout
            self.port.write_timeout = timeout
            for n in (1, 2, 4):
                # after a job the query may queue behind its bytes: give it the same patience
                self.port.write_timeout = max(timeout, 10.0) if wait and n == 1 else timeout
                self.port.write(query(n))
                reply = self._first_reply(timeout, wait) if n == 1 else self.port.read(1)
                if not reply:
                    return SILENT if not replies else parse_status(replies)
                replies[n] = reply[0]
            if replies.get(2, 0) & 0x40:
                self.port.write(query(3))
                reply = self.port.read(1)
                if reply:
                    replies[3] = reply[0]
        except (serial.SerialException, OSError):
            return SILENT
        return parse_status(replies)

    def _first_reply(self, timeout: float, wait: Callable[[], bool] | None) -> bytes:
        """One reply byte; with `wait`, keep listening in short slices while wait() holds
        (the printer answers once it has taken the job before the query)."""
        if wait is None:
            return bytes(self.port.read(1))
        self.port.timeout = min(0.1, timeout)
        try:
            while True:
                reply = self.port.read(1)
                if reply or not wait():
                    return bytes(reply)
        finally:
            self.port.timeout = timeout

    def close(self) -> None:
        with contextlib.suppress(serial.SerialException, OSError):
            self.port.close()
