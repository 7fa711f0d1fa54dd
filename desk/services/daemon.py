"""One background thread with a start, a wake and a stop: the shape shared by the desk's
loops (spoken calls, each printer's worker, notices, the district sync).

The body runs on a daemon thread, so a stuck device never keeps the desk from closing; it
checks `stopping` and naps with `sleep`, which returns early when someone calls `wake`
(new work) or `stop`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Daemon:
    """`body(daemon)` runs on a thread named `name` until it returns."""

    def __init__(self, name: str, body: Callable[[Daemon], None], *,
                 wake_event: threading.Event | None = None,
                 stop_event: threading.Event | None = None) -> None:
        self.name = name
        self._body = body
        self.wake_event = wake_event or threading.Event()  # a printer's comes from print_wake
        self.stop_event = stop_event or threading.Event()  # a pool of workers shares one
        self._thread: threading.Thread | None = None

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        return self.stop_event.is_set()

    def start(self) -> Daemon:
        """Start the thread unless it is already running (a second call is harmless)."""
        if not self.alive:
            self._thread = threading.Thread(target=self._body, args=(self,), name=self.name,
                                            daemon=True)
            self._thread.start()
        return self

    def wake(self) -> None:
        self.wake_event.set()

    def sleep(self, seconds: float) -> bool:
        """Nap up to `seconds`; True when woken (or stopped) before the time was up."""
        woken = self.wake_event.wait(max(0.0, seconds))
        self.wake_event.clear()
        return woken or self.stopping

    def stop(self, timeout: float | None = None) -> None:
        """Ask the body to end; wait up to `timeout` s for it when given."""
        self.stop_event.set()
        self.wake_event.set()
        if timeout is not None:
            self.join(timeout)

    def join(self, timeout: float) -> None:
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
