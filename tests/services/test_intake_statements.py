"""An intake's save does each query once (issue 20): the clerk's save waited on reads of
what it had just written — the new dossier's history, its base version, its events again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive


def _statements_of_one_intake(ctx: DeskContext, id_number: str) -> list[str]:
    statements: list[str] = []

    def count(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        statements.append(" ".join(sql.split()))

    event.listen(ctx.engine, "before_cursor_execute", count)
    try:
        receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
            name="Nguyễn Văn Hiệp", id_number=id_number, phone="0912345678")),
            print_receipt=False)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", count)
    return statements


def test_an_intake_does_not_read_back_the_history_it_writes(demo_ctx: DeskContext) -> None:
    _statements_of_one_intake(demo_ctx, "040095000001")  # warm: the first save prepares
    statements = _statements_of_one_intake(demo_ctx, "040095000002")
    reads = [s for s in statements if s.startswith("SELECT") and "FROM dossier_event" in s]
    assert reads == []  # was 4: last record time, base version, projection, view
    assert len(statements) <= 16, statements  # was 20
