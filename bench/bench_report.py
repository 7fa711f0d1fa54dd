"""The period report at full size: a month and a year (budgets 1 s and 5 s)."""

from __future__ import annotations

from datetime import date

from bench.common import Row, office_ctx, timed


def run() -> list[Row]:
    from desk.services.reports.period import period_report

    ctx = office_ctx()
    ctx.engine  # noqa: B018
    month = min(timed(lambda: period_report(ctx, date(2026, 10, 1), date(2026, 10, 31)), 3))
    year = min(timed(lambda: period_report(ctx, date(2025, 11, 1), date(2026, 10, 31)), 2))
    ctx.close()
    return [Row("report of a month (1M-dossier office)", month, "ms", 1000),
            Row("report of a year", year, "ms", 5000)]
