"""The desk's side of the audit anchor (issue 15 §5; the district's side: desk/district/anchor.py).

`push_head` sends this device's audit-chain head after every sync cycle that reached the
district, unless the district already acknowledged that same head; `fetch_heads` gets back
what the district kept, for `desk audit verify` (desk/services/trust/anchor.py compares). A
district that has no such route yet (404) is not an error: the sync goes on, and the verify
says there is no anchor.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import Engine

from desk.services.trust.anchor import local_head
from desk.sync.transport import Offline, ProtocolError, SyncError, Transport

log = logging.getLogger("desk.sync")
HEAD_PATH, HEADS_PATH = "audit:head", "audit:heads"
# The last head the district acknowledged, per database, for this process: a steady cycle
# with nothing new in the audit trail sends no request for it (500 offices every 30 s).
_acknowledged: dict[str, dict[str, Any]] = {}


class AnchorRefused(SyncError):
    """The district refused the head: it contradicts one it holds (behind, diverged, …)."""

    code = "anchor"


def push_head(net: Transport, engine: Engine) -> str:
    """Send the head; "stored" / "same" / "unsupported" (an older district), or
    AnchorRefused (409: the chain went back or was rewritten — the district kept the old head)."""
    head = local_head(engine)
    if head is None:  # never synced: no device id yet
        return "unsupported"
    key = str(engine.url)
    if _acknowledged.get(key) == head:
        return "same"
    body = json.dumps(head, separators=(",", ":")).encode()
    r, data = net.send("POST", net.office_path(HEAD_PATH), body, gzipped=False)
    if r.status_code == 404:
        return "unsupported"
    if r.status_code == 409:
        raise AnchorRefused(str(data.get("error", "")))
    if r.status_code != 200:
        raise Offline(f"http:{r.status_code}:{data.get('error', '')}")
    _acknowledged[key] = head
    return "stored" if data.get("stored") else "same"


def push_quietly(net: Transport, engine: Engine) -> str:
    """`push_head` for the sync cycle: never fails the sync it follows (the events are in)."""
    try:
        return push_head(net, engine)
    except AnchorRefused as e:
        log.warning("the district refused this desk's audit head: %s", e.detail)
        return f"refused:{e.detail}"
    except SyncError as e:
        return f"error:{e.code}"


def fetch_heads(net: Transport, device: str) -> list[dict[str, Any]] | None:
    """The heads the district keeps for `device`, newest first; None when the district has no
    such route (an older release). SyncError (Offline, AuthFailed …) when it cannot answer."""
    try:
        data = net.call("GET", net.office_path(HEADS_PATH), params={"device": device})
    except ProtocolError as e:
        if e.detail.startswith("http:404"):
            return None
        raise
    return list(data.get("heads") or [])
