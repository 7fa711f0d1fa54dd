"""Transports against fake printers on a pty and on a TCP port, plus files and devices.

The fakes (also used by test_spool.py) answer DLE EOT like an Epson: ok, paper out, cover
open, or nothing at all ("silent"); `cut_after=N` makes one go silent after N job bytes, as
if the cable were pulled mid-job, and `come_back()` plugs it in again.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time
from pathlib import Path

import pytest

from printers.escpos import PRESETS, decode_text
from printers.transports import PrinterStatus, TransportError, open_transport, parse_status
from printers.transports.serialport import parse_serial_url

EPSON = PRESETS["epson80"]
REPLIES = {
    "ok": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12},
    "paper_out": {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x72},
    "cover_open": {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12},
    "near_end": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E},
}


class FakePrinter:
    """Parses the byte stream: DLE EOT n gets a status byte, everything else is 'printed'."""

    def __init__(self, mode: str = "ok", cut_after: int | None = None) -> None:
        self.mode = mode
        self.cut_after = cut_after
        self.received = bytearray()
        self.sessions: list[bytearray] = []  # job bytes per connection (TCP) / comeback (pty)
        self._pending = b""
        self.lock = threading.Lock()
        self.stop = threading.Event()

    @property
    def silent(self) -> bool:
        return self.mode == "silent"

    def come_back(self, mode: str = "ok") -> None:
        with self.lock:
            self.cut_after = None
            self._pending = b""
            self.sessions.append(bytearray())
            self.mode = mode

    def feed(self, data: bytes) -> bytes:
        """Consume bytes; return the replies to send."""
        out = bytearray()
        with self.lock:
            buf = self._pending + data
            i = 0
            while i < len(buf):
                if buf[i] == 0x10:
                    if len(buf) - i < 3:
                        break
                    if buf[i + 1] == 0x04 and not self.silent:
                        out.append(REPLIES[self.mode][buf[i + 2]])
                    i += 3
                    continue
                if self.silent:
                    i += 1
                    continue
                self.received.append(buf[i])
                if not self.sessions:
                    self.sessions.append(bytearray())
                self.sessions[-1].append(buf[i])
                i += 1
                if self.cut_after is not None and len(self.received) >= self.cut_after:
                    self.mode = "silent"
            self._pending = bytes(buf[i:])
        return bytes(out)


class PtyPrinter(FakePrinter):
    """A serial printer on a pseudo-terminal: the client opens `self.port` with pyserial."""

    def __init__(self, mode: str = "ok", cut_after: int | None = None) -> None:
        super().__init__(mode, cut_after)
        self.master, self.slave = os.openpty()
        self.port = os.ttyname(self.slave)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            if self.silent:  # a dead printer reads nothing: the pty buffer fills up
                time.sleep(0.02)
                continue
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.master, 4096)
            except OSError:
                time.sleep(0.02)
                continue
            reply = self.feed(data)
            if reply:
                os.write(self.master, reply)

    def come_back(self, mode: str = "ok") -> None:
        # what was stuck in the cable is lost, as when the plug was pulled
        with contextlib.suppress(OSError):
            while select.select([self.master], [], [], 0)[0]:
                os.read(self.master, 65536)
        super().come_back(mode)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class TcpPrinter(FakePrinter):
    """A network printer on 127.0.0.1; going silent drops the connection."""

    def __init__(self, mode: str = "ok", cut_after: int | None = None) -> None:
        super().__init__(mode, cut_after)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.05)
        self.url = f"socket://127.0.0.1:{self.server.getsockname()[1]}"
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                self.sessions.append(bytearray())
                self._pending = b""
            self._serve(conn)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.05)
        with conn:
            while not self.stop.is_set():
                if self.silent:
                    return  # cable out: the connection is gone
                try:
                    data = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                reply = self.feed(data)
                if reply and not self.silent:
                    with contextlib.suppress(OSError):
                        conn.sendall(reply)

    def close(self) -> None:
        self.stop.set()
        self.server.close()
        self.thread.join(2)


@pytest.fixture(params=["pty", "tcp"])
def fake_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def make_fake(kind: str, mode: str = "ok", cut_after: int | None = None) -> PtyPrinter | TcpPrinter:
    return PtyPrinter(mode, cut_after) if kind == "pty" else TcpPrinter(mode, cut_after)


def url_of(fake: PtyPrinter | TcpPrinter, baud: int = 115200) -> str:
    if isinstance(fake, PtyPrinter):
        return f"serial:{fake.port}?baud={baud}&flow=none"
    return fake.url


# -- status parsing -------------------------------------------------------------------------
def test_parse_status_all_clear_and_problems() -> None:
    assert parse_status(REPLIES["ok"]).ok
    assert parse_status(REPLIES["ok"]).state == "ok"
    out = parse_status(REPLIES["paper_out"])
    assert out.paper_out and not out.online and not out.ok and out.state == "paper_out"
    cover = parse_status(REPLIES["cover_open"])
    assert cover.cover_open and cover.state == "cover_open"
    near = parse_status(REPLIES["near_end"])
    assert near.ok and near.paper_near_end and near.state == "near_end"
    err = parse_status({1: 0x1A, 2: 0x52, 3: 0x32})
    assert err.error and err.state == "error"


def test_parse_status_rejects_bytes_that_are_not_status() -> None:
    echo = parse_status({1: 0x10, 2: 0x04})  # loop:// echoes the query
    assert not echo.responding and echo.state == "silent" and not echo.ok
    assert parse_status({}) == PrinterStatus(responding=False, online=False)


def test_serial_url_overrides_profile() -> None:
    assert parse_serial_url("serial:/dev/ttyUSB0?baud=19200&flow=xonxoff", 9600, "dsrdtr") == (
        "/dev/ttyUSB0", 19200, "xonxoff")
    assert parse_serial_url("serial:COM3", 9600, "dsrdtr") == ("COM3", 9600, "dsrdtr")
    assert parse_serial_url("socket://h:9100", 9600, "none") == ("socket://h:9100", 9600, "none")
    for bad in ("serial:", "serial:COM3?speed=1", "serial:COM3?baud=x", "serial:X?flow=cts"):
        with pytest.raises(TransportError):
            parse_serial_url(bad, 9600, "none")


# -- pyserial loop:// and the fakes ---------------------------------------------------------
def test_loop_url_writes_everything_and_reads_no_status(tmp_path: Path) -> None:
    with open_transport("loop://", EPSON, tmp_path) as tr:
        assert tr.write(b"x" * 3000, 2.0) == 3000
        st = tr.read_status(0.2)
        assert st is not None and not st.responding


@pytest.mark.parametrize("mode", ["ok", "paper_out", "cover_open", "near_end"])
def test_fake_printer_status(fake_kind: str, mode: str, tmp_path: Path) -> None:
    fake = make_fake(fake_kind, mode)
    try:
        with open_transport(url_of(fake), EPSON, tmp_path) as tr:
            st = tr.read_status(1.0)
            assert st is not None and st.state == mode
            assert tr.write(b"\x1b@hello\n", 2.0) == 8
            st = tr.read_status(1.0)  # the reply comes after the job bytes
            assert st is not None and st.state == mode
        assert bytes(fake.received) == b"\x1b@hello\n"
    finally:
        fake.close()


def test_silent_printer_answers_nothing_within_the_timeout(fake_kind: str,
                                                          tmp_path: Path) -> None:
    fake = make_fake(fake_kind, "silent")
    try:
        t0 = time.monotonic()
        with open_transport(url_of(fake), EPSON, tmp_path) as tr:
            st = tr.read_status(0.3)
        assert st is not None and not st.responding and st.state == "silent"
        assert time.monotonic() - t0 < 3
    finally:
        fake.close()


def test_write_to_a_stuck_serial_printer_times_out(tmp_path: Path) -> None:
    fake = PtyPrinter("silent")
    try:
        with open_transport(url_of(fake), EPSON, tmp_path) as tr:
            t0 = time.monotonic()
            with pytest.raises(TransportError) as err:
                tr.write(b"\x00" * 1_000_000, 0.5)
            assert time.monotonic() - t0 < 3
            assert 0 <= err.value.sent < 1_000_000
    finally:
        fake.close()


def test_unreachable_network_printer_fails_fast(tmp_path: Path) -> None:
    s = socket.create_server(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    t0 = time.monotonic()
    with pytest.raises(TransportError):
        open_transport(f"socket://127.0.0.1:{port}", EPSON, tmp_path)
    assert time.monotonic() - t0 < 3


def test_missing_serial_port_fails_fast(tmp_path: Path) -> None:
    with pytest.raises(TransportError):
        open_transport("serial:/dev/does-not-exist-0", EPSON, tmp_path)


# -- device, file, dir ----------------------------------------------------------------------
def test_device_without_reader_and_stuck_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    with pytest.raises(TransportError):  # printer off: nobody at the other end
        open_transport(f"device:{fifo}", EPSON, tmp_path)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # on, but never takes the bytes
    try:
        with open_transport(f"device:{fifo}", EPSON, tmp_path) as tr:
            assert tr.read_status() is None
            t0 = time.monotonic()
            with pytest.raises(TransportError) as err:
                tr.write(b"x" * 1_000_000, 0.3)
            assert time.monotonic() - t0 < 2
            assert 0 < err.value.sent < 1_000_000
    finally:
        os.close(reader)


def test_file_appends_and_dir_writes_one_file_per_job(tmp_path: Path) -> None:
    from printers.escpos import render
    from printers.layouts.samples import sample_documents

    data = render(sample_documents()["ticket"], EPSON)
    with open_transport("file:out/all.bin", EPSON, tmp_path) as tr:
        tr.write(data, 1)
        tr.write(data, 1)
    assert (tmp_path / "out" / "all.bin").read_bytes() == data * 2
    with open_transport("dir:", EPSON, tmp_path / "print" / "receipt") as tr:
        assert tr.read_status() is None
        tr.write(data, 1, name="job-1")
    folder = tmp_path / "print" / "receipt"
    assert (folder / "job-1.bin").read_bytes() == data
    assert (folder / "job-1.txt").read_text(encoding="utf-8").strip() == \
        decode_text(data, EPSON).strip()
    assert "SỐ THỨ TỰ" in (folder / "job-1.txt").read_text(encoding="utf-8")
    with open_transport(f"dir:{tmp_path / 'pdfs'}", None, tmp_path) as tr:
        tr.write(b"%PDF-1.4 test", 1, name="a4job")
    assert (tmp_path / "pdfs" / "a4job.pdf").is_file()


def test_unknown_transport(tmp_path: Path) -> None:
    with pytest.raises(TransportError):
        open_transport("usb:04b8:0202", EPSON, tmp_path)
    with pytest.raises(TransportError):
        open_transport("file:", EPSON, tmp_path)
