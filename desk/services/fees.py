"""Fees (lệ phí): what was collected for a dossier, or why it was exempted.

Both are facts appended to the dossier's log ("fee_paid", "fee_exempted") through
`desk.services.events.record`; they do not change the dossier's status. The amount defaults
from the catalog's rule (procedure.fee_amount × sets). A second fee fact is refused unless it
is marked as a correction (with its reason, by someone allowed to correct); the latest fact
then stands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from desk.domain.errors import DomainError
from desk.services.actor import SYSTEM, Actor
from desk.services.citizens import clean_text
from desk.services.context import DeskContext

METHODS = ("cash", "transfer", "online")
FEE_KINDS = ("fee_paid", "fee_exempted")
# the usual exemption grounds (any reason may be typed)
EXEMPTION_REASONS = ("người có công", "hộ nghèo", "đăng ký đúng hạn")
MAX_AMOUNT = 1_000_000_000  # đồng; a typo guard


def default_amount(procedure: Any, sets: int) -> int:
    """The catalog's rule: the procedure's fee × the number of sets (0 for no procedure)."""
    if procedure is None:
        return 0
    return max(0, int(procedure.fee_amount or 0)) * max(1, int(sets or 1))


def fee_status(events: Iterable[Any], procedure: Any, sets: int) -> dict[str, Any]:
    """The fee part of a dossier view, folded from its events (the latest fee fact stands).

    status: "paid" | "exempt" | "unpaid" (a fee is due) | "free" (the catalog asks none).
    """
    due = default_amount(procedure, sets)
    out: dict[str, Any] = {"status": "unpaid" if due else "free", "due": due,
                           "note": procedure.fee_note if procedure is not None else "",
                           "amount": 0, "method": None, "receipt": "", "reason": "",
                           "at": None, "clerk": "", "corrections": 0}
    facts = [e for e in events if str(e.kind) in FEE_KINDS]
    if not facts:
        return out
    last = facts[-1]
    p = last.payload or {}
    out.update(at=last.at, clerk=last.clerk_name, corrections=len(facts) - 1)
    if last.kind == "fee_paid":
        out.update(status="paid", amount=int(p.get("amount") or 0), method=p.get("method"),
                   receipt=p.get("receipt") or "")
    else:
        out.update(status="exempt", reason=p.get("reason") or "")
    return out


def record_fact(ctx: DeskContext, code: str, kind: str, actor: Actor,
                build: Callable[[Any, Any, list[Any]], dict[str, Any]], *,
                at: datetime | None = None, permission: str = "dossier.act") -> dict[str, Any]:
    """Append one non-transition fact to the dossier `code`, in one write transaction.

    `build(session, dossier, events)` checks what it must and returns the payload (or raises
    DomainError). Returns the updated dossier view.
    """
    from desk.services.events import record
    from desk.services.projection import load_events
    from desk.services.roles import require
    from desk.services.views import dossier_view, get_dossier
    from storage.engine import write_session

    require(ctx, actor, permission, target=code)
    now = ctx.now()
    when = at or now
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.tz)
    with write_session(ctx.engine) as s:
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        if when < d.received_at or when > now:
            raise DomainError("lifecycle.bad_time")
        payload = build(s, d, load_events(s, d.id))
        record(s, d, kind, when, actor, payload=payload, backdated=at is not None)
        d.version += 1
        d.updated_at = max(now, d.updated_at)
        s.add(d)
        s.flush()
        return dossier_view(s, d, ctx)


def is_closed(dossier: Any) -> bool:
    from desk.domain.states import DossierStatus, is_terminal

    return is_terminal(DossierStatus(dossier.status))


def _check_open_and_single(ctx: DeskContext, actor: Actor, d: Any, events: list[Any],
                           correction: str | None) -> dict[str, Any]:
    from desk.services.roles import require

    if is_closed(d):
        raise DomainError("fees.closed", code=d.code, status=d.status)
    previous = [e for e in events if str(e.kind) in FEE_KINDS]
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
        at: datetime | None = None) -> dict[str, Any]:
    """Record the fee collected for dossier `code` ("fee_paid"); returns the dossier view.

    `amount` defaults to the catalog's fee × sets; `method` is cash | transfer | online;
    `receipt` is the fee receipt's number (biên lai). A second fee fact needs `correction`
    (its reason) and the "dossier.correct" permission.
    """
    from storage.tables import Procedure

    method = (method or "cash").strip().lower()
    if method not in METHODS:
        raise DomainError("fees.bad_method", method=method, methods=", ".join(METHODS))
    receipt_no = clean_text(receipt, 60)

    def build(s: Any, d: Any, events: list[Any]) -> dict[str, Any]:
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
           correction: str | None = None, at: datetime | None = None) -> dict[str, Any]:
    """Record that the dossier's fee is exempted, with its reason ("fee_exempted")."""
    from storage.tables import Procedure

    why = clean_text(reason, 300)
    if not why:
        raise DomainError("fees.exempt_reason")

    def build(s: Any, d: Any, events: list[Any]) -> dict[str, Any]:
        extra = _check_open_and_single(ctx, actor, d, events, correction)
        rule = default_amount(s.get(Procedure, d.procedure_code), d.sets)
        return {"reason": why, "waived": rule, **extra}

    return record_fact(ctx, code, "fee_exempted", actor, build, at=at)


def format_amount(amount: int) -> str:
    """15000 → "15.000 đ" (Vietnamese thousands separator)."""
    return f"{amount:,}".replace(",", ".") + " đ"
