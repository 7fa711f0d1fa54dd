"""The wake-up events of this process's print workers: `submit` (desk/services/printing/spooler.py)
wakes the worker of a printer at once instead of waiting for its next poll."""

from __future__ import annotations

import threading

_wakes: dict[str, threading.Event] = {}
_wakes_lock = threading.Lock()


def listen(printer: str) -> threading.Event:
    """The event a worker for `printer` waits on (replaces an earlier one)."""
    wake = threading.Event()
    with _wakes_lock:
        _wakes[printer] = wake
    return wake


def forget(printers: list[str]) -> None:
    with _wakes_lock:
        for name in printers:
            _wakes.pop(name, None)


def notify(printer: str) -> None:
    """Wake this process's worker for `printer`, if one runs (called by submit)."""
    with _wakes_lock:
        ev = _wakes.get(printer)
    if ev is not None:
        ev.set()
