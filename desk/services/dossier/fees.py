"""Fees (lệ phí): what was collected for a dossier, or why it was exempted.

Both are facts appended to the dossier's log ("fee_paid", "fee_exempted") through
`desk.services.dossier.events.record`; they do not change the dossier's status. The amount defaults
from the catalog's rule (procedure.fee_amount × sets). A second fee fact is refused unless it
is marked as a correction (with its reason, by someone allowed to correct); the latest fact
then stands.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.citizens import clean_text
from desk.services.dossier.fact_fold import FEE_KINDS, default_amount
from desk.services.dossier.fact_log import is_closed, record_fact
from desk.services.dossier.shapes import DossierView
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from storage.tables import Dossier, Procedure

METHODS = ("cash", "transfer", "online")
# the usual exemption grounds (any reason may be typed)
EXEMPTION_REASONS = ("người có công", "hộ nghèo", "đăng ký đúng hạn")
MAX_AMOUNT = 1_000_000_000  # đồng; a typo guard
OWED_AFTER = ("RETURNED",)  # closed statuses whose fee may still be collected


def _check_open_and_single(ctx: DeskContext, actor: Actor, d: Dossier, events: list[Any],
                           correction: str | None) -> dict[str, Any]:
    previous = [e for e in events if str(e.kind) in FEE_KINDS]
    # A result handed over while its fee was still owed: the fee is collected afterwards
    # (else the dossier stays "unpaid" forever). Other closed dossiers take no fee.
    owed_after_return = d.status in OWED_AFTER and not previous and correction is None
    if is_closed(d) and not owed_after_return:
        raise DomainError("fees.closed", code=d.code, status=d.status)
    if correction is None:
        if previous:
            p = previous[-1].payload or {}
            raise DomainError("fees.already_recorded", code=d.code,
                              at=previous[-1].at.astimezone(ctx.tz).strftime("%H:%M %d/%m/%Y"),
                              what=(f"{int(p.get('amount') or 0):,}".replace(",", ".")
                                    if previous[-1].kind == "fee_paid"
                                    else p.get("reason") or ""))
        return {}
    reason = clean_text(correction, 500)
    if not reason:
        raise DomainError("fees.correction_reason")
    require(ctx, actor, "dossier.correct", target=d.code)
    return {"correction": reason, "corrects": len(previous)}


def pay(ctx: DeskContext, code: str, actor: Actor = SYSTEM, *, amount: int | None = None,
        method: str = "cash", receipt: str | None = None, correction: str | None = None,
        at: datetime | None = None) -> DossierView:
    """Record the fee collected for dossier `code` ("fee_paid"); returns the dossier view.

    `amount` defaults to the catalog's fee × sets; `method` is cash | transfer | online;
    `receipt` is the fee receipt's number (biên lai). A second fee fact needs `correction`
    (its reason) and the "dossier.correct" permission.
    """
    method = (method or "cash").strip().lower()
    if method not in METHODS:
        raise DomainError("fees.bad_method", method=method, methods=", ".join(METHODS))
    receipt_no = clean_text(receipt, 60)

    def build(s: Session, d: Dossier, events: list[Any]) -> dict[str, Any]:
        extra = _check_open_and_single(ctx, actor, d, events, correction)
        rule = default_amount(s.get(Procedure, d.procedure_code), d.sets)
        value = rule if amount is None else amount
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0 \
                or value > MAX_AMOUNT:
            if amount is None:
                raise DomainError("fees.no_fee_in_catalog", code=d.code,
                                  procedure=d.procedure_code)
            raise DomainError("fees.bad_amount", amount=amount)
        return {"amount": value, "method": method, "receipt": receipt_no,
                "catalog_amount": rule, "sets": d.sets, **extra}

    return record_fact(ctx, code, "fee_paid", actor, build, at=at)


def exempt(ctx: DeskContext, code: str, reason: str, actor: Actor = SYSTEM, *,
           correction: str | None = None, at: datetime | None = None) -> DossierView:
    """Record that the dossier's fee is exempted, with its reason ("fee_exempted")."""
    why = clean_text(reason, 300)
    if not why:
        raise DomainError("fees.exempt_reason")

    def build(s: Session, d: Dossier, events: list[Any]) -> dict[str, Any]:
        extra = _check_open_and_single(ctx, actor, d, events, correction)
        rule = default_amount(s.get(Procedure, d.procedure_code), d.sets)
        return {"reason": why, "waived": rule, **extra}

    return record_fact(ctx, code, "fee_exempted", actor, build, at=at)


def format_amount(amount: int) -> str:
    """15000 → "15.000 đ" (Vietnamese thousands separator)."""
    return f"{amount:,}".replace(",", ".") + " đ"
