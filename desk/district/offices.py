"""Offices of the district: add (secret printed once; its hash and signing key stored), revoke,
authenticate (key id + signature, the secret never on the wire)."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete
from sqlmodel import select

from desk.district.db import read, write
from desk.district.tables import Nonce, Office, utcnow
from desk.sync import protocol as P


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


@dataclass
class Signed:
    """A request whose headers are authentic: its body is still to be checked (`finish`)."""

    office: Office
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
    with read(engine) as s:
        office = s.exec(select(Office).where(Office.token_hash == kid)).first()
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


def finish(engine: Engine, signed: Signed, body: bytes) -> Office:
    """The body is the one signed for, and the nonce is fresh (recorded)."""
    if signed.digest != P.content_digest(body):
        raise AuthError(400, "bad_digest")
    office, nonce, now = signed.office, signed.nonce, signed.now
    with write(engine) as s:
        if s.get(Nonce, (office.id, nonce)) is not None:
            raise AuthError(409, "replay")
        s.add(Nonce(office_id=office.id, nonce=nonce, seen_at=now))
        s.exec(delete(Nonce).where(Nonce.seen_at < now - timedelta(seconds=3 * P.SKEW_SECONDS)))
        row = s.get(Office, office.id)
        if row is not None:
            row.last_contact = now
            s.add(row)
    return office


def authenticate(engine: Engine, office_id: str, method: str, target: str,
                 headers: dict[str, str], body: bytes) -> Office:
    """Headers, then body: a whole request at once (requests without a body)."""
    return finish(engine, check_headers(engine, office_id, method, target, headers), body)
