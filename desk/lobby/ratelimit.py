"""A rate limit per client address for the phone pages' write endpoints (POST /book).

GCRA, the "generic cell rate algorithm" of ATM networks (the token bucket written as one
timestamp per client): a client may send `burst` requests at once, then one every `every`
seconds. Each address keeps only its theoretical arrival time `tat`; a request is allowed when
`tat - now <= (burst - 1) * every`, and the refusal says exactly when the next one will be
(HTTP Retry-After). Hand-written (twenty lines): the libraries (pyrate-limiter, limits) bring
storage back ends this one process does not need. Time is `time.monotonic`, the timeout clock
the house rules allow, not the desk's calendar clock (which tests pin and freeze).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

MAX_CLIENTS = 10_000  # addresses remembered at once; expired ones are dropped first


class RateLimit:
    def __init__(self, burst: int, every: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.every = every
        self._clock = clock
        self._tat: dict[str, float] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Count one request of `client`: 0 when allowed, else the seconds until it would be."""
        with self._lock:
            now = self._clock()
            tat = max(self._tat.get(client, now), now)
            wait = tat - now - (self.burst - 1) * self.every
            if wait > 0:
                return wait
            if len(self._tat) >= MAX_CLIENTS:
                self._tat = {k: v for k, v in self._tat.items() if v > now}
            self._tat[client] = tat + self.every
            return 0.0


def retry_after(seconds: float) -> str:
    """The Retry-After header: whole seconds, at least 1."""
    return str(max(1, math.ceil(seconds)))
