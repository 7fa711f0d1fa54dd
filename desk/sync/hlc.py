"""Hybrid logical clock (Kulkarni et al. 2014): physical milliseconds + a counter + a node id.

Pure functions on an immutable value. Stored as a sortable string
``"<ms:013d>.<counter:05d>.<node>"``; on the wire as one integer ``ms * 65536 + counter`` (the
node is the sending device). Merging the district's clock at each sync keeps a slow commune
clock from ordering new events before ones it has already seen.
"""

from __future__ import annotations

from dataclasses import dataclass

COUNTER_LIMIT = 65536


@dataclass(frozen=True, order=True, slots=True)
class HLC:
    ms: int
    counter: int = 0
    node: str = ""

    def encode(self) -> str:
        return f"{self.ms:013d}.{self.counter:05d}.{self.node}"

    def wire(self) -> int:
        return self.ms * COUNTER_LIMIT + self.counter

    @classmethod
    def decode(cls, text: str) -> HLC:
        if not text:
            return cls(0, 0, "")
        ms, counter, node = text.split(".", 2)
        return cls(int(ms), int(counter), node)

    @classmethod
    def from_wire(cls, value: int, node: str = "") -> HLC:
        return cls(value // COUNTER_LIMIT, value % COUNTER_LIMIT, node)


def _bump(ms: int, counter: int, node: str) -> HLC:
    if counter + 1 >= COUNTER_LIMIT:  # counter overflow: borrow one millisecond
        return HLC(ms + 1, 0, node)
    return HLC(ms, counter + 1, node)


def tick(last: HLC, now_ms: int, node: str | None = None) -> HLC:
    """The clock for a local event (send): never behind `last`, close to `now_ms`."""
    node = last.node if node is None else node
    if now_ms > last.ms:
        return HLC(now_ms, 0, node)
    return _bump(last.ms, last.counter, node)


def merge(last: HLC, remote: HLC, now_ms: int) -> HLC:
    """The clock after receiving `remote`: after both `last` and `remote`."""
    top = max(last.ms, remote.ms, now_ms)
    if top == last.ms == remote.ms:
        return _bump(top, max(last.counter, remote.counter), last.node)
    if top == last.ms:
        return _bump(top, last.counter, last.node)
    if top == remote.ms:
        return _bump(top, remote.counter, last.node)
    return HLC(top, 0, last.node)
