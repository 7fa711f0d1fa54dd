"""Citizens: found by personal ID or phone (a returning citizen's details fill in), or added."""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, or_, select

from desk.domain.errors import DomainError
from desk.domain.identity import normalize_phone, validate_personal_id
from desk.domain.text import BIDI_CONTROLS, fold
from desk.services.context import DeskContext
from desk.services.dossier.shapes import CitizenOut
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from storage.engine import read_session
from storage.tables import Citizen

NAME_LIMIT = 200  # characters of an applicant's name (the receipt and the forms print it whole)


@dataclass
class ApplicantIn:
    """What the clerk typed about the applicant; validated by `clean`."""

    name: str
    id_number: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    phone: str | None = None
    address: str = ""
    email: str = ""
    id_type: str | None = field(default=None, init=False)  # what `clean` read from the number

    def clean(self, today: date | None = None) -> ApplicantIn:
        """Checked and tidied; `today` (the desk's date) bounds an ID's birth year."""
        name = clean_text(self.name, 10 * NAME_LIMIT)
        if not name:
            raise DomainError("intake.no_name")
        if len(name) > NAME_LIMIT:  # refused, never cut mid-word on the receipt
            raise DomainError("intake.name_too_long", length=len(name), limit=NAME_LIMIT)
        id_number = (self.id_number or "").strip() or None
        id_type = None
        if id_number:
            pid = validate_personal_id(id_number, birth=self.birth_date, sex=self.sex,
                                       today=today)
            id_number, id_type = pid.number, pid.id_type
        phone = (self.phone or "").strip() or None
        if phone:
            phone = normalize_phone(phone)
        out = ApplicantIn(name=name, id_number=id_number, birth_date=self.birth_date,
                          sex=self.sex, phone=phone, address=clean_text(self.address, 300),
                          email=clean_text(self.email, 120))
        out.id_type = id_type
        return out


def clean_text(text: str | None, limit: int) -> str:
    """Free text as stored: NUL and other C0 controls (but tab/newline) and bidirectional
    controls (a right-to-left override reverses what the screen shows) removed, trimmed, capped.

    Markup such as `[bold]` is kept literally; the screens escape it when they show it.
    """
    if not text:
        return ""
    kept = "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 32 and ord(ch) != 127
                                                       and ch not in BIDI_CONTROLS))
    return unicodedata.normalize("NFC", kept).strip()[:limit]


def find(session: Session, *, id_number: str | None = None,
         phone: str | None = None) -> list[Any]:
    conds = []
    if id_number:
        conds.append(Citizen.id_number == id_number)
    if phone:
        conds.append(Citizen.phone == phone)
    if not conds:
        return []
    return list(session.exec(select(Citizen).where(or_(*conds)).limit(10)))


def upsert(session: Session, applicant: ApplicantIn, now: Any) -> Any:
    """The citizen row for this applicant: the one with the same personal ID (updated with the
    newly typed contact details), else a new one."""
    existing = None
    if applicant.id_number:
        existing = session.exec(
            select(Citizen).where(Citizen.id_number == applicant.id_number)).first()
    if existing is None and applicant.phone and not applicant.id_number:
        existing = session.exec(select(Citizen).where(
            Citizen.phone == applicant.phone,
            Citizen.name_folded == fold(applicant.name))).first()
    if existing is None:
        existing = Citizen(full_name=applicant.name, name_folded=fold(applicant.name),
                           id_number=applicant.id_number,
                           id_type=applicant.id_type,
                           birth_date=applicant.birth_date, sex=applicant.sex,
                           phone=applicant.phone, address=applicant.address,
                           email=applicant.email, created_at=now, updated_at=now)
    else:
        existing.full_name = applicant.name
        existing.name_folded = fold(applicant.name)
        for attr in ("birth_date", "sex", "phone", "address", "email"):
            value = getattr(applicant, attr)
            if value:
                setattr(existing, attr, value)
        existing.updated_at = now
    session.add(existing)
    session.flush()
    return existing


def lookup(ctx: DeskContext, query: str, actor: Actor = SYSTEM) -> list[CitizenOut]:
    """Returning citizens whose personal ID or phone is `query` (as typed at the counter).
    Needs `citizen.lookup`; every citizen shown is an audited view (issue 15)."""
    require(ctx, actor, "citizen.lookup")
    q = "".join(query.split())
    phone = None
    with contextlib.suppress(DomainError):
        phone = normalize_phone(q)
    with read_session(ctx.engine) as s:
        rows = find(s, id_number=q if q.isdigit() and len(q) in (9, 12) else None, phone=phone)
        found = [public(c) for c in rows]
    for c in found:
        audit.log_view(ctx, actor, citizen_id=c["id"].replace("-", ""), target_type="citizen",
                       target_id=c["id"], fields=("lookup",))
    return found


def public(c: Any) -> CitizenOut:
    return {"id": str(c.id), "name": c.full_name, "id_number": c.id_number,
            "id_type": c.id_type, "birth_date": c.birth_date.isoformat() if c.birth_date else None,
            "sex": c.sex, "phone": c.phone, "address": c.address, "email": c.email}
