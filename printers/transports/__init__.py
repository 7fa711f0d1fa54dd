"""Transports: how rendered bytes reach a printer.

`open_transport(url, profile, base_dir)` understands
- `serial:PORT[?baud=N&flow=none|xonxoff|rtscts|dsrdtr]` and any pyserial URL
  (`socket://host:9100`, `loop://`, `rfc2217://host:port`);
- `device:/dev/usb/lp0` (write-only device file);
- `file:PATH` (append every job) and `dir:PATH` (one file per job plus a transcript);
  `dir:` with no path means `base_dir`; relative paths are taken from `base_dir`;
- `lp:NAME` (CUPS, for A4 PDF jobs).
Opening a missing or busy printer raises TransportError quickly; nothing blocks past its
timeout.
"""

from __future__ import annotations

from pathlib import Path

from printers.escpos.profiles import PrinterProfile
from printers.transports.base import Transport, TransportError
from printers.transports.device import DeviceTransport
from printers.transports.files import DirTransport, FileTransport
from printers.transports.lp import LpTransport
from printers.transports.serialport import SerialTransport
from printers.transports.status import PrinterStatus, parse_status

__all__ = ["PrinterStatus", "Transport", "TransportError", "open_transport", "parse_status"]

PYSERIAL_SCHEMES = ("socket://", "loop://", "rfc2217://", "spy://", "hwgrep://", "alt://")


def _path(raw: str, base_dir: Path) -> Path:
    p = Path(raw).expanduser()
    return p if p.is_absolute() else base_dir / p


def open_transport(url: str, profile: PrinterProfile | None, base_dir: Path) -> Transport:
    """Open the transport named by `url` for a printer described by `profile`."""
    url = url.strip()
    if url.startswith("dir:"):
        rest = url.removeprefix("dir:")
        return DirTransport(url, _path(rest, base_dir) if rest else base_dir, profile)
    if url.startswith("file:"):
        rest = url.removeprefix("file:")
        if not rest:
            raise TransportError("file: needs a path, e.g. file:/tmp/receipts.bin")
        return FileTransport(url, _path(rest, base_dir))
    if url.startswith("device:"):
        return DeviceTransport(url, url.removeprefix("device:"))
    if url.startswith("lp:"):
        return LpTransport(url, url.removeprefix("lp:"))
    if url.startswith("serial:") or url.startswith(PYSERIAL_SCHEMES):
        baud = profile.baudrate if profile else 9600
        flow = profile.flow_control if profile else "none"
        return SerialTransport(url, baud, flow)
    raise TransportError(
        f"unknown printer transport {url!r}; use serial:, socket://, device:, file:, dir: or lp:")
