"""Fake printers that take bytes slowly, as a real one does when its buffer is full.

A `SlowTcpPrinter` listens on 127.0.0.1 with a small receive buffer and reads at most `rate`
bytes a second; a `SlowPtyPrinter` does the same on a pseudo-terminal (a serial printer
whose paper moves slower than its line). Both answer DLE EOT only when the query's turn
comes in the byte stream, after every byte sent before it — so the reply to the status
query that follows a job comes once the printer has taken the whole job.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time

from tests.printers.test_transport import FakePrinter

RCVBUF = 4096  # bytes: a printer's small receive window


class _Paced:
    """At most `rate` bytes a second, in slices of 50 ms."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.allowance = 0.0
        self.last = time.monotonic()

    def take(self, want: int) -> int:
        now = time.monotonic()
        self.allowance = min(self.rate * 0.1, self.allowance + (now - self.last) * self.rate)
        self.last = now
        n = min(want, int(self.allowance))
        if n <= 0:
            time.sleep(0.05)
            return 0
        self.allowance -= n
        return n


class SlowTcpPrinter(FakePrinter):
    def __init__(self, rate: float, mode: str = "ok") -> None:
        super().__init__(mode)
        self.pace = _Paced(rate)
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.05)
        self.url = f"socket://127.0.0.1:{self.server.getsockname()[1]}"
        self.connections = 0
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
            self.connections += 1
            with self.lock:
                self.sessions.append(bytearray())
                self._pending = b""
            self._serve(conn)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.05)
        with conn:
            while not self.stop.is_set():
                n = self.pace.take(512)
                if not n:
                    continue
                try:
                    data = conn.recv(n)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                reply = self.feed(data)
                if reply:
                    with contextlib.suppress(OSError):
                        conn.sendall(reply)

    def close(self) -> None:
        self.stop.set()
        self.server.close()
        self.thread.join(2)


class SlowPtyPrinter(FakePrinter):
    """`port` is the pty the desk opens; the line is fast, the printer is not."""

    def __init__(self, rate: float, mode: str = "ok") -> None:
        super().__init__(mode)
        self.pace = _Paced(rate)
        self.master, self.slave = os.openpty()
        self.port = os.ttyname(self.slave)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            n = self.pace.take(512)
            if not n:
                continue
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.master, n)
            except OSError:
                time.sleep(0.02)
                continue
            reply = self.feed(data)
            if reply:
                os.write(self.master, reply)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)
