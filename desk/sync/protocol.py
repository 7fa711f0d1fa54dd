"""The wire protocol both sides share: envelope, limits, digests, signatures, event encoding.

Pure (stdlib only) so the district server and the desk client agree byte for byte.

Request signing (RFC 9421 in spirit, kept small): the body's ``Content-Digest`` and an HMAC-SHA256
over ``method\\npath?query\\ndigest\\ntimestamp\\nnonce`` keyed with a key derived from the office's
secret (the token `district office add` prints). The secret never travels: a request names its
key by ``X-Desk-Key`` (the secret's SHA-256, which lets nobody sign), the signature proves the
sender holds the secret and binds the body, the nonce blocks replays (issue 15).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import json
import zlib
from datetime import UTC, datetime
from typing import Any

API = "desk-district/1"  # every reply of the district API carries {"api": API}
SCHEMA_V = 2  # events: "a" is epoch seconds (v1 sent an ISO string)
MIN_SCHEMA_V = 1  # N-1 is upcast on ingest; below this the batch is quarantined with 426
MAX_EVENTS = 200
MAX_BODY = 64 * 1024  # compressed
MAX_INFLATED = 4 * 1024 * 1024
PULL_LIMIT = 500
SKEW_SECONDS = 600  # signature timestamp window; the client corrects its offset on "clock_skew"

H_TS = "X-Desk-Timestamp"
H_NONCE = "X-Desk-Nonce"
H_SIG = "X-Desk-Signature"
H_DIGEST = "Content-Digest"
H_APP = "X-App-Version"
H_KEY = "X-Desk-Key"  # the key id: SHA-256 of the office secret, never the secret


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def event_digest(event: dict[str, Any]) -> str:
    """The fingerprint of an event's content: equal ⇔ same bytes when canonicalised."""
    return sha256_hex(canonical(event))


def token_hash(token: str) -> str:
    return sha256_hex(token.encode())


def key_id(token: str) -> str:
    """What a request names its key by: one-way, so seeing it lets nobody sign."""
    return token_hash(token)


def signing_key(token: str) -> str:
    """The HMAC key both sides derive from the token (the server stores it, not the token)."""
    return hmac.new(token.encode(), b"desk-sign-v1", hashlib.sha256).hexdigest()


def content_digest(body: bytes) -> str:
    return "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"


def signature(key: str, method: str, target: str, digest: str, ts: str, nonce: str) -> str:
    msg = "\n".join((method.upper(), target, digest, ts, nonce)).encode()
    return hmac.new(key.encode(), msg, hashlib.sha256).hexdigest()


def signed_headers(token: str, method: str, target: str, digest: str, ts: str,
                   nonce: str) -> dict[str, str]:
    """The headers that authenticate one request (the body is bound by `digest`)."""
    return {H_KEY: key_id(token), H_DIGEST: digest, H_TS: ts, H_NONCE: nonce,
            H_SIG: signature(signing_key(token), method, target, digest, ts, nonce)}


def compress(obj: Any) -> bytes:
    return gzip.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode(),
                         compresslevel=9, mtime=0)


def inflate(body: bytes, limit: int = MAX_INFLATED) -> bytes:
    """gunzip with a ceiling (a small body must not inflate into gigabytes)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(body, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise ValueError("inflated body too large")
    return out


def is_envelope(data: Any) -> bool:
    return isinstance(data, dict) and data.get("api") == API


def epoch_s(dt: datetime) -> int:
    return int(dt.timestamp())


def from_epoch(s: int) -> datetime:
    return datetime.fromtimestamp(s, UTC)


def wire_event(*, event_id: str, seq: int, hlc: int, kind: str, entity: str, at: datetime,
               base_version: int, payload: dict[str, Any],
               schema_v: int = SCHEMA_V) -> dict[str, Any]:
    """One event as it travels (short keys: every byte counts on 2G)."""
    a: int | str = epoch_s(at) if schema_v >= 2 else at.astimezone(UTC).isoformat()
    ev: dict[str, Any] = {"i": event_id, "s": seq, "h": hlc, "t": kind, "e": entity, "a": a,
                          "v": base_version}
    if payload:
        ev["p"] = payload
    return ev


def upcast(event: dict[str, Any], schema_v: int) -> dict[str, Any]:
    """An event of an older schema in today's form (the digest is taken before this)."""
    if schema_v < 2 and isinstance(event.get("a"), str):
        event = {**event, "a": epoch_s(datetime.fromisoformat(event["a"]))}
    return event
