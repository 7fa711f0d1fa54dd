"""The audit trail's hash chain, once: an entry's row and its hash (pure, no database).

Both writers use it — `trust.audit.write` (SQLModel) and the quick `sqlite3` path
(`desk/services/quick/audit.py`) — and `trust.audit.verify` recomputes with it, so an entry is
hashed the same way whoever appends it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from desk.services.trust.actor import Actor

GENESIS = "0" * 64

# What an entry says happened (trust.audit and the quick sqlite3 writers name them here).
VIEW = "view"  # a citizen's record was shown (dossier detail, citizen lookup)
CHANGE = "change"  # before/after of a change that is not a dossier event
LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOGOUT = "logout"
EXPORT = "export"  # citizen data export, report export
PRINT = "print"
BACKUP = "backup"
RESTORE = "restore"
DENIED = "denied"  # a role check refused an action
PURGE = "purge"  # retention: personal data removed
VERIFY = "verify"  # the trail itself was checked
ACTIONS = (VIEW, CHANGE, LOGIN, LOGIN_FAILED, LOGOUT, EXPORT, PRINT, BACKUP, RESTORE, DENIED,
           PURGE, VERIFY)

_HASHED = ("seq", "at", "action", "actor_id", "actor_name", "actor_role", "counter",
           "target_type", "target_id", "citizen_id", "detail")


def _jsonable(value: Any) -> Any:
    """`value` as it will come back from the JSON column (so the hash can be recomputed)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str, sort_keys=True))


def _at_text(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def canonical(row: dict[str, Any]) -> str:
    """The row's hashed content as canonical JSON (sorted keys, no spaces, UTF-8 kept)."""
    data = {k: row.get(k) for k in _HASHED}
    at = data["at"]
    if isinstance(at, datetime):
        data["at"] = _at_text(at if at.tzinfo else at.replace(tzinfo=UTC))
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def chain_hash(prev_hash: str, row: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical(row)}".encode()).hexdigest()


def id_text(value: Any) -> str:
    if value is None:
        return ""
    return value.hex if hasattr(value, "hex") and not isinstance(value, str) else str(value)


def entry_row(seq: int, at: datetime, actor: Actor, action: str, *, target_type: str,
              target_id: Any, citizen_id: Any, detail: dict[str, Any] | None) -> dict[str, Any]:
    """The hashed columns of entry `seq` (its `at` in UTC)."""
    return {
        "seq": seq, "at": at.astimezone(UTC), "action": action, "actor_id": id_text(actor.id),
        "actor_name": actor.name, "actor_role": actor.role, "counter": actor.counter,
        "target_type": target_type, "target_id": id_text(target_id),
        "citizen_id": id_text(citizen_id) or None, "detail": _jsonable(detail or {}),
    }


def next_link(last: tuple[Any, Any] | None) -> tuple[int, str]:
    """(seq, prev_hash) of the entry after `last` = (seq, hash) of the trail's last row."""
    return (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
