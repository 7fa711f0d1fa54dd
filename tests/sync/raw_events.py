"""Events and batches as a desk puts them on the wire (desk/sync/protocol.py), built by hand so
the district's ingest can be tested without a desk."""

from __future__ import annotations

import uuid
from typing import Any

from desk.sync import protocol as P
from tests.sync.harness import OFFICE

_SEQ = iter(range(1, 10**6))  # one device's sequence across the tests of a process


def ev(kind: str, code: str, version: int = 0, **payload: Any) -> dict[str, Any]:
    """One event of `kind` on dossier `code`, the next in the device's sequence."""
    s = next(_SEQ)
    return {"i": uuid.uuid4().hex, "s": s, "a": 1_795_400_000 + s, "h": s, "t": kind,
            "e": code, "v": version, "p": payload}


def code(n: int) -> str:
    """The office's dossier code number `n` of 23 November 2026."""
    return f"{OFFICE}-261123-{n:04d}"


def batch(events: list[dict[str, Any]]) -> dict[str, Any]:
    """A push of `events` from device pc1."""
    return {"batch_id": uuid.uuid4().hex, "schema_v": P.SCHEMA_V, "device": "pc1", "epoch": 0,
            "events": events}
