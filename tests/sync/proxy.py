"""An asyncio TCP fault proxy for the sync tests (Toxiproxy is not packaged here).

Modes (switchable at any time; live connections are cut on a switch): ``pass``, ``refuse``
(close at once), ``blackhole`` (accept, swallow, never answer), ``captive`` (a 200 HTML page,
as a captive portal gives), ``cut_reply`` (forward the request, drop the reply: the server has
committed), ``reset_after`` (RST after N request bytes), ``status`` (a canned reply:
`status_code`, `status_headers`, `status_body` — a 503/429 from a gateway), ``trickle`` (the
server's reply, one byte every `trickle` seconds: no single read ever times out). Shaping
applies in ``pass``: one-way delay, bandwidth (bit/s), and loss modelled as a retransmission
timeout on a share of segments.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
from typing import Any

SEGMENT = 1460
_PAGE = b"<html><body><h1>Wi-Fi</h1><p>Please log in to continue</p></body></html>\n"
CAPTIVE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
           b"Content-Length: " + str(len(_PAGE)).encode() + b"\r\nConnection: close\r\n\r\n"
           + _PAGE)


def _rst(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def _read_request(reader: asyncio.StreamReader) -> None:
    head = await reader.readuntil(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            await reader.readexactly(int(line.split(b":", 1)[1]))


class FaultProxy:
    def __init__(self, target_port: int, *, seed: int = 7) -> None:
        self.target_port = target_port
        self.mode = "pass"
        self.delay = 0.0  # one way, seconds
        self.rate_bps: float | None = None
        self.loss = 0.0
        self.rto = 1.0
        self.reset_after = 0
        self.status_code = 503
        self.status_headers: dict[str, str] = {}
        self.status_body = b""
        self.trickle = 0.5
        self.canned = 0  # replies given in `status` mode
        self.rng = random.Random(seed)
        self.port = 0
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self._live: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    # -- control (from the test thread) ------------------------------------------------------
    def start(self) -> FaultProxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def set(self, mode: str = "pass", **shape: Any) -> None:
        self.mode = mode
        for k, v in shape.items():
            setattr(self, k, v)
        self._loop.call_soon_threadsafe(self._cut_all)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop)
        self._thread.join(5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- loop --------------------------------------------------------------------------------
    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _shutdown(self) -> None:
        self._cut_all()
        self._server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._loop.stop()

    def _cut_all(self) -> None:
        for w in list(self._live):
            _rst(w)
        self._live.clear()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        mode = self.mode
        if mode == "refuse":
            _rst(writer)
            return
        self._live.add(writer)
        if mode == "blackhole":
            while await reader.read(65536):
                pass
            return
        if mode == "status":
            await _read_request(reader)
            self.canned += 1
            writer.write(self._canned())
            await writer.drain()
            writer.close()
            return
        if mode == "captive":
            await _read_request(reader)
            writer.write(CAPTIVE)
            await writer.drain()
            writer.close()
            return
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            _rst(writer)
            return
        self._live.add(up_w)
        await asyncio.gather(self._pipe(reader, up_w, writer, up=True),
                             self._pipe(up_r, writer, up_w, up=False),
                             return_exceptions=True)
        self._live.discard(writer)
        self._live.discard(up_w)

    def _canned(self) -> bytes:
        head = [f"HTTP/1.1 {self.status_code} Canned", f"Content-Length: {len(self.status_body)}",
                "Connection: close", *(f"{k}: {v}" for k, v in self.status_headers.items())]
        return ("\r\n".join(head) + "\r\n\r\n").encode() + self.status_body

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter,
                    other: asyncio.StreamWriter, *, up: bool) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[float, bytes | None]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                at, data = await queue.get()
                wait = at - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if data is None:
                    if dst.can_write_eof():
                        dst.write_eof()
                    return
                dst.write(data)
                await dst.drain()

        task = asyncio.create_task(deliver())
        free_at, sent = loop.time(), 0
        try:
            while True:
                data = await src.read(SEGMENT)
                if not data:
                    await queue.put((loop.time() + self.delay, None))
                    break
                if self.mode == "blackhole":
                    continue
                if not up and self.mode == "cut_reply":
                    _rst(dst)
                    _rst(other)
                    return
                if not up and self.mode == "trickle":
                    for i in range(len(data)):
                        dst.write(data[i:i + 1])
                        await dst.drain()
                        await asyncio.sleep(self.trickle)
                    continue
                sent += len(data)
                if up and self.mode == "reset_after" and sent > self.reset_after:
                    _rst(dst)
                    _rst(other)
                    return
                if up:
                    self.bytes_up += len(data)
                else:
                    self.bytes_down += len(data)
                now = loop.time()
                tx = len(data) * 8 / self.rate_bps if self.rate_bps else 0.0
                free_at = max(now, free_at) + tx
                extra = self.rto if self.loss and self.rng.random() < self.loss else 0.0
                await queue.put((free_at + self.delay + extra, data))
            await task
        finally:
            task.cancel()
