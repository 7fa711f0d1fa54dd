"""pyserial transports: serial ports (`serial:COM3`, `serial:/dev/ttyUSB0?baud=9600`) and every
pyserial URL (`socket://host:9100`, `loop://`, `rfc2217://…`) through `serial_for_url`.

Baud rate and flow control come from the printer profile; `?baud=` and `?flow=` in a
`serial:` URL override them. Every read and write has a timeout, and writes go out in small
chunks so a printer that stops taking bytes mid-job is noticed and `sent` stays meaningful.
"""

from __future__ import annotations

import contextlib
import time
from urllib.parse import parse_qs

import serial

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

    def write(self, data: bytes, timeout: float, *, name: str | None = None) -> int:
        deadline = time.monotonic() + timeout
        sent = 0
        view = memoryview(data)
        while sent < len(data):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TransportError(f"write timed out after {sent} bytes", sent)
            chunk = view[sent:sent + CHUNK]
            try:
                self.port.write_timeout = left
                n = self.port.write(chunk)
            except serial.SerialTimeoutException:
                raise TransportError(f"write timed out after {sent} bytes", sent) from None
            except (serial.SerialException, OSError) as e:
                raise TransportError(f"write failed after {sent} bytes: {e}", sent) from None
            sent += len(chunk) if n is None else n
        return sent

    def read_status(self, timeout: float = 0.5) -> PrinterStatus | None:
        replies: dict[int, int] = {}
        try:
            self.port.reset_input_buffer()
            self.port.timeout = timeout
            self.port.write_timeout = timeout
            for n in (1, 2, 4):
                self.port.write(query(n))
                reply = self.port.read(1)
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

    def close(self) -> None:
        with contextlib.suppress(serial.SerialException, OSError):
            self.port.close()
