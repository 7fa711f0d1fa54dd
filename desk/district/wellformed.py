"""What a pushed batch must look like before anything is stored (issue 15).

An office that is signed in can still send bytes that no column, codec or recursion can take:
a body that is not gzip, `schema_v: 1e400`, JSON nested 100,000 deep, `"p": [1, 2]`, a NUL or
a lone surrogate (PostgreSQL text refuses both). A batch-level problem is a 400 that names it;
an event-level problem is that event's `rejected:malformed` and the rest of the batch is kept.
"""

from __future__ import annotations

import json
import math
import zlib
from typing import Any

from desk.domain.codes import parse_dossier_code
from desk.domain.errors import DomainError
from desk.sync import protocol as P

MAX_DEPTH = 16  # batch → events → event → p → … a real event is 5 deep
MAX_TEXT = 64  # an event's type, a device id
MAX_ENTITY = 100  # a dossier code is 47 at most; a ticket label far less
INT32 = 2**31 - 1


class Malformed(ValueError):
    """A batch the district cannot read; `problem` is the short word the 400 names."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _depth_ok(obj: Any, limit: int = MAX_DEPTH) -> bool:
    """Iteratively (never recursing on input): is `obj` at most `limit` containers deep?"""
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return False
            children = node.values() if isinstance(node, dict) else node
            stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return True


def storable_text(s: str) -> bool:
    """Text every backend stores: no NUL (PostgreSQL), no lone surrogate (UTF-8)."""
    if "\x00" in s:
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _all_text_ok(obj: Any) -> bool:
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if not storable_text(node):
                return False
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, float) and not math.isfinite(node):
            return False  # NaN / Infinity: not JSON, and json columns refuse them
    return True


def read_batch(body: bytes, gzipped: bool) -> dict[str, Any]:
    """The batch of a request body, or Malformed naming what is wrong with it."""
    try:
        raw = P.inflate(body) if gzipped else body
    except (zlib.error, EOFError, OSError):
        raise Malformed("not_gzip") from None
    except ValueError:
        raise Malformed("inflated_too_large") from None
    try:
        batch = json.loads(raw)
    except RecursionError:
        raise Malformed("too_deep") from None
    except (ValueError, UnicodeDecodeError):
        raise Malformed("not_json") from None
    if not isinstance(batch, dict):
        raise Malformed("not_object")
    if not _depth_ok(batch):
        raise Malformed("too_deep")
    if not isinstance(batch.get("events"), list):
        raise Malformed("events")
    sv = batch.get("schema_v", 0)
    if not isinstance(sv, int) or isinstance(sv, bool) or not 0 <= sv <= INT32:
        raise Malformed("schema_v")
    device = batch.get("device", "")
    if not isinstance(device, str) or len(device) > MAX_TEXT or not storable_text(device):
        raise Malformed("device")
    epoch = batch.get("epoch", 0)
    if not isinstance(epoch, int) or isinstance(epoch, bool):
        raise Malformed("epoch")
    bid = batch.get("batch_id")
    if bid is not None and not (isinstance(bid, str) and len(bid) <= MAX_TEXT
                                and storable_text(bid)):
        raise Malformed("batch_id")
    return batch


def event_ok(ev: Any) -> bool:
    """The shape and text of one event (numbers are checked against columns in ingest)."""
    if not isinstance(ev, dict) or not _all_text_ok(ev):
        return False
    t, e, p = ev.get("t"), ev.get("e"), ev.get("p")
    return (isinstance(t, str) and 0 < len(t) <= MAX_TEXT
            # facts may have no entity: a rating is anonymous, a counter's pause names no ticket
            and isinstance(e, str) and (len(e) > 0 or t == "rating" or t.startswith("ticket."))
            and len(e) <= MAX_ENTITY
            and (p is None or isinstance(p, dict)))


def own_code(code: str, office_id: str) -> bool:
    """A dossier code this office may push: OFFICE-YYMMDD-NNNN with its own prefix."""
    try:
        return parse_dossier_code(code).office_id == office_id and code == code.strip().upper()
    except DomainError:
        return False
