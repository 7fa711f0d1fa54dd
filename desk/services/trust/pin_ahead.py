"""A clerk's PIN checked ahead, in a thread, while a command loads its stack (issue 19 §1).

bcrypt releases the GIL while it hashes (~0.1–0.3 s of CPU at cost 10), so a command that
signs a clerk in (`desk apology … --clerk NAME`) can start the check first — the clerk's hash
read through `sqlite3` — and import SQLAlchemy, SQLModel and fpdf2 meanwhile on the other core.
The verdict is only used by `check_pin` for that very PIN and hash, inside `auth.login`, whose
order stays as it was: the lockout first, then the PIN, then its writes (the failed count, the
audit entry). Nothing is written before the PIN is verified, and a wrong PIN is refused,
counted and audited exactly as before.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

import bcrypt

from desk.domain.names import name_key
from storage.quick import read_rows

__all__ = ["check_pin", "start", "start_for"]

_ahead: dict[tuple[str, str], Future[bool]] = {}
_lock = threading.Lock()


def _verify(pin: str, pin_hash: str) -> bool:
    try:
        return bcrypt.checkpw(pin.encode(), pin_hash.encode())
    except ValueError:  # not a bcrypt hash
        return False


def check_pin(pin: str, pin_hash: str) -> bool:
    """Whether `pin` matches `pin_hash`: the verdict started ahead for them, else bcrypt now."""
    with _lock:
        ahead = _ahead.pop((pin, pin_hash), None)
    return _verify(pin, pin_hash) if ahead is None else ahead.result()


def start(pin: str, pin_hash: str) -> None:
    """Check `pin` against `pin_hash` in a daemon thread; `check_pin` joins it."""
    fut: Future[bool] = Future()
    with _lock:
        if (pin, pin_hash) in _ahead:
            return
        _ahead[(pin, pin_hash)] = fut

    def run() -> None:
        try:
            fut.set_result(_verify(pin, pin_hash))
        except BaseException as e:  # handed to check_pin, which raises it
            fut.set_exception(e)

    threading.Thread(target=run, name="pin-ahead", daemon=True).start()


def start_for(database: Path, name: str, pin: str) -> bool:
    """`start` for the active clerk `name` (named as auth.login looks them up) of the office
    file `database`; False when the hash cannot be read here (no file, another schema, no
    such clerk): login then checks the PIN itself, as always."""
    wanted = name_key(name)
    rows = read_rows(database, "SELECT pin_hash FROM clerk WHERE name = ? AND active",
                     (wanted,))
    if not rows or not isinstance(rows[0][0], str):
        return False
    start(pin, rows[0][0])
    return True
