"""Offices of the district: add (secret printed once; its hash and signing key stored), revoke,
authenticate (key id + signature, the secret never on the wire)."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, bindparam
from sqlmodel import select

from desk.district.db import read, single_statements, write
from desk.district.seen import remember_nonce, touch
from desk.district.tables import Office, utcnow
from desk.sync import protocol as P
from storage.tables.common import table_of

OFFICE = table_of(Office)
# the key a request names, read in one autocommit statement (no BEGIN/ROLLBACK round trips)
_BY_KEY = select(OFFICE.c.id, OFFICE.c.signing_key, OFFICE.c.revoked).where(
    OFFICE.c.token_hash == bindparam("kid"))


@dataclass
class AuthError(Exception):
    status: int
    code: str


def add_office(engine: Engine, office_id: str, name: str) -> str:
    """Register an office (or give it a new token); returns the token, shown only this once."""
    token = secrets.token_urlsafe(32)  # 256 bits
    with write(engine) as s:
        office = s.get(Office, office_id)
        if office is None:
            office = Office(id=office_id, name=name, token_hash="", signing_key="")
        office.name = name or office.name
        office.token_hash = P.token_hash(token)
        office.signing_key = P.signing_key(token)
        office.revoked = False
        s.add(office)
    return token


def revoke_office(engine: Engine, office_id: str) -> bool:
    with write(engine) as s:
        office = s.get(Office, office_id)
        if office is None:
            return False
        office.revoked = True
        s.add(office)
    return True


def list_offices(engine: Engine) -> list[Office]:
    with read(engine) as s:
        return list(s.exec(select(Office).order_by(Office.id)))


@dataclass(frozen=True)
class OfficeKey:
    """What authentication needs of an office (read per request: a revocation is immediate)."""

    id: str
    signing_key: str
    revoked: bool


@dataclass
class Signed:
    """A request whose headers are authentic: its body is still to be checked (`finish`)."""

    office: OfficeKey
    digest: str
    nonce: str
    now: datetime


def check_headers(engine: Engine, office_id: str, method: str, target: str,
                  headers: dict[str, str]) -> Signed:
    """Key id + HMAC signature over method, target, claimed body digest, time and nonce — all
    from the headers, so a request is refused before a byte of its body is read."""
    kid = headers.get(P.H_KEY.lower(), "").strip()
    if not kid:
        if headers.get("authorization", "").lower().startswith("bearer "):
            raise AuthError(426, "upgrade_required")  # a desk that still sends its secret
        raise AuthError(401, "unauthorized")
    if len(kid) != 64:
        raise AuthError(401, "unauthorized")
    with single_statements(engine) as conn:
        row = conn.execute(_BY_KEY, {"kid": kid}).first()
    office = OfficeKey(row.id, row.signing_key, bool(row.revoked)) if row else None
    if office is None:
        raise AuthError(401, "unauthorized")
    if office.revoked:
        raise AuthError(401, "revoked")
    if office.id != office_id:
        raise AuthError(403, "forbidden")
    digest = headers.get(P.H_DIGEST.lower(), "")
    ts, nonce = headers.get(P.H_TS.lower(), ""), headers.get(P.H_NONCE.lower(), "")
    now = utcnow()
    try:
        skew = abs(int(ts) - int(now.timestamp()))
    except ValueError:
        raise AuthError(401, "bad_signature") from None
    if skew > P.SKEW_SECONDS:
        raise AuthError(401, "clock_skew")
    expected = P.signature(office.signing_key, method, target, digest, ts, nonce)
    if not (nonce and 8 <= len(nonce) <= 64
            and hmac.compare_digest(expected, headers.get(P.H_SIG.lower(), ""))):
        raise AuthError(401, "bad_signature")
    return Signed(office, digest, nonce, now)


def finish(engine: Engine, signed: Signed, body: bytes) -> OfficeKey:
    """The body is the one signed for, and the nonce is fresh. No write transaction: the nonce
    is one autocommit statement into an unlogged table, the last contact is written every 30 s
    (desk/district/seen.py)."""
    if signed.digest != P.content_digest(body):
        raise AuthError(400, "bad_digest")
    office, now = signed.office, signed.now
    if not remember_nonce(engine, office.id, signed.nonce, now):
        raise AuthError(409, "replay")
    touch(engine, office.id, now)
    return office


def authenticate(engine: Engine, office_id: str, method: str, target: str,
                 headers: dict[str, str], body: bytes) -> OfficeKey:
    """Headers, then body: a whole request at once (requests without a body)."""
    return finish(engine, check_headers(engine, office_id, method, target, headers), body)
