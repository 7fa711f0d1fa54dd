"""The parts of a dossier's view folded from its fact events: the fee (the latest fee fact
stands), the liên thông steps, the attachments. Read-only; the facts are written by
fees.py, steps.py and attachments.py through fact_log.record_fact."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a type only: the CLI's quick reads fold facts without the database stack
    from storage.tables import Procedure

FEE_KINDS = ("fee_paid", "fee_exempted")


def default_amount(procedure: Procedure | None, sets: int) -> int:
    """The catalog's rule: the procedure's fee × the number of sets (0 for no procedure)."""
    if procedure is None:
        return 0
    return max(0, int(procedure.fee_amount or 0)) * max(1, int(sets or 1))


def fee_status(events: Iterable[Any], procedure: Procedure | None, sets: int) -> dict[str, Any]:
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


def steps_of(events: Iterable[Any]) -> list[dict[str, Any]]:
    """The steps in a dossier's events, in order (datetimes as they are stored):
    {to_agency, giver, receiver, handed_at, deadline, days, note, clerk, result, result_at,
    result_note}; result is None while the step is open."""
    steps: list[dict[str, Any]] = []
    for e in events:
        p = e.payload or {}
        if e.kind == "handover":
            steps.append({"to_agency": p.get("to_agency", ""), "giver": p.get("giver", ""),
                          "receiver": p.get("receiver", ""), "handed_at": e.at,
                          "deadline": datetime.fromisoformat(p["deadline"])
                          if p.get("deadline") else None,
                          "days": p.get("days"), "note": p.get("note", ""),
                          "clerk": e.clerk_name, "result": None, "result_at": None,
                          "result_note": ""})
        elif e.kind == "step_result":
            step = next((s for s in reversed(steps) if s["result"] is None), None)
            if step is not None:
                step.update(result=p.get("result"), result_at=e.at,
                            result_note=p.get("note", ""))
    return steps


def steps_view(events: Iterable[Any], tz: Any) -> list[dict[str, Any]]:
    """`steps_of` with ISO local times, for the dossier view and `--json`."""
    def iso(dt: datetime | None) -> str | None:
        return dt.astimezone(tz).isoformat(timespec="minutes") if dt else None

    return [{**s, "handed_at": iso(s["handed_at"]), "deadline": iso(s["deadline"]),
             "result_at": iso(s["result_at"])} for s in steps_of(events)]


def open_step(events: Iterable[Any]) -> dict[str, Any] | None:
    return next((s for s in reversed(steps_of(events)) if s["result"] is None), None)


def attachments_of(events: Iterable[Any], tz: Any) -> list[dict[str, Any]]:
    """The attachments in a dossier's events, oldest first."""
    out = []
    for e in events:
        if e.kind != "attachment_added":
            continue
        p = e.payload or {}
        out.append({"name": p.get("name", ""), "sha256": p.get("sha256", ""),
                    "size": p.get("size", 0), "kind": p.get("kind", "document"),
                    "at": e.at.astimezone(tz).isoformat(timespec="minutes"),
                    "clerk": e.clerk_name})
    return out
