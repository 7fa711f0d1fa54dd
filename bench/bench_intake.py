"""Intake at full size: the clerk's save → dossier committed and receipt job queued."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Row, office_ctx, pct, timed


def run() -> list[Row]:
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn, receive

    with tempfile.TemporaryDirectory() as tmp:
        ctx = office_ctx(copy_to=Path(tmp) / "office.sqlite3")
        ctx.engine  # noqa: B018
        n = iter(range(10**6))

        def once() -> None:
            i = next(n)
            receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
                name="Nguyễn Văn Hiệp", id_number=f"0400950{i:05d}", phone="0912345678")))

        once()  # warm: imports, fonts, prepared statements
        times = timed(once, 30)
        ctx.close()
    return [Row("intake save → receipt queued p50", pct(times, 50), "ms"),
            Row("intake save → receipt queued p95", pct(times, 95), "ms", 50)]
