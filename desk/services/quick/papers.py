"""`desk print form N CODE --pdf` read through `sqlite3`: the dossier as
desk.services.dossier.receipts.load_dossier loads it (the same rows, attribute for attribute),
filled and drawn by desk.services.printing.form_fill as the regular command does. Printing a
form to a file writes nothing to the office file, on either path."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from desk.domain.errors import DomainError
from desk.services.dossier.fact_fold import fee_status
from desk.services.dossier.fee_due import due_qr
from desk.services.dossier.paper_view import DossierView
from desk.services.dossier.shapes import FeeQrOut
from desk.services.printing.form_fill import PreparedForm, dossier_set, prepared
from desk.services.quick.context import QuickContext
from storage.quick import snapshot, utc

# the UTCDateTime columns of storage.tables (naive UTC text → aware)
_TIMES = frozenset({"received_at", "due_at", "extended_due_at", "paused_since", "result_at",
                    "returned_at", "updated_at", "at", "recorded_at"})
_JSON = frozenset({"payload", "documents"})  # the JSON columns read here


def _row(q: QuickContext, sql: str, params: tuple[Any, ...]) -> SimpleNamespace | None:
    rows = _rows(q, sql, params)
    return rows[0] if rows else None


def _rows(q: QuickContext, sql: str, params: tuple[Any, ...]) -> list[SimpleNamespace]:
    cur = q.conn.execute(sql, params)
    names = [c[0] for c in cur.description]
    out = []
    for values in cur.fetchall():
        d = dict(zip(names, values, strict=True))
        for k in names:
            if k in _TIMES:
                d[k] = utc(d[k])
            elif k in _JSON and d[k] is not None:
                d[k] = json.loads(d[k])
        out.append(SimpleNamespace(**d))
    return out


def load_view(q: QuickContext, code: str) -> DossierView:
    """receipts.load_dossier: the dossier by its exact code, with its procedure, field,
    citizen, receiving clerk and its events in the order of their instants."""
    with snapshot(q.conn):  # one state of the file for the reads, as a read_session
        d = _row(q, "SELECT * FROM dossier WHERE code = ?", (code.strip(),))
        if d is None:
            raise DomainError("print.no_dossier", code=code)
        proc = _row(q, "SELECT * FROM procedure WHERE code = ?", (d.procedure_code,))
        field = _row(q, "SELECT * FROM field WHERE code = ?",
                     (d.field_code or (proc.field_code if proc else ""),))
        citizen = (_row(q, "SELECT * FROM citizen WHERE id = ?", (d.citizen_id,))
                   if d.citizen_id else None)
        clerk = (_row(q, "SELECT * FROM clerk WHERE id = ?", (d.receiving_clerk_id,))
                 if d.receiving_clerk_id else None)
        events = _rows(q, "SELECT * FROM dossier_event WHERE dossier_id = ? ORDER BY at",
                       (d.id,))
    return DossierView(d, citizen, proc, field, clerk, events)


def receipt_fee(q: QuickContext, v: DossierView) -> FeeQrOut | None:
    """fee_qr.receipt_qr: the VietQR of the fee due, None without a bank or nothing due."""
    bank = q.ctx.settings.bank
    if not bank.bin or not bank.account:
        return None
    d = v.dossier
    events = _rows(q, "SELECT * FROM dossier_event WHERE dossier_id = ?"
                      " ORDER BY recorded_at, id", (d.id,))  # projection.load_events' order
    return due_qr(bank.bin, bank.account, d.code, fee_status(events, v.procedure, d.sets))


def prepare(q: QuickContext, number: int | str, code: str) -> PreparedForm:
    """rule_forms.prepare: form `number` of the dossier's own rule set, filled."""
    v = load_view(q, code)
    rs = dossier_set(q.ctx, v.dossier)
    form = rs.form(number)
    return prepared(q.ctx, rs, form, v, receipt_fee(q, v) if form.key == "receipt" else None)
