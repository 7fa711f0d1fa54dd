"""An intake's save does each query once (issue 20): the clerk's save waited on reads of
what it had just written — the new dossier's history, its base version, its events again,
and the whole dossier once more for the receipt."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event

from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.receipts import receipt_document
from desk.services.printing.rendering import render_job
from storage.engine import read_session
from storage.tables import PrintJob


def _statements_of_one_intake(ctx: DeskContext, id_number: str,
                              out: dict[str, Any] | None = None) -> list[str]:
    statements: list[str] = []

    def count(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        statements.append(" ".join(sql.split()))

    event.listen(ctx.engine, "before_cursor_execute", count)
    try:
        view = receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
            name="Nguyễn Văn Hiệp", id_number=id_number, phone="0912345678")),
            print_receipt=out is not None)
        if out is not None:
            out.update(view)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", count)
    return statements


def test_an_intake_does_not_read_back_the_history_it_writes(demo_ctx: DeskContext) -> None:
    _statements_of_one_intake(demo_ctx, "040095000001")  # warm: the first save prepares
    statements = _statements_of_one_intake(demo_ctx, "040095000002")
    reads = [s for s in statements if s.startswith("SELECT") and "FROM dossier_event" in s]
    assert reads == []  # was 4: last record time, base version, projection, view
    assert len(statements) <= 15, statements  # was 20


def test_the_receipt_is_queued_from_the_rows_just_saved(demo_ctx: DeskContext) -> None:
    _statements_of_one_intake(demo_ctx, "040095000001", {})
    out: dict[str, Any] = {}
    statements = _statements_of_one_intake(demo_ctx, "040095000002", out)
    assert not [s for s in statements if s.startswith("SELECT dossier.id")]  # not read back
    assert len(statements) <= 20, statements  # was 26: a read transaction for the receipt
    with read_session(demo_ctx.engine) as s:
        job = s.get_one(PrintJob, uuid.UUID(out["receipt_job"]))
    read_back = render_job(demo_ctx, "receipt", receipt_document(demo_ctx, out["code"]))
    assert job.transcript == read_back[1]  # the same slip as a reprint reading the store
