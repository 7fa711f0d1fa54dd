"""Search as you type at full size: per keystroke p50/p95 (budget p95 ≤ 50 ms)."""

from __future__ import annotations

from bench.common import Row, office_ctx, pct, timed


def run() -> list[Row]:
    from desk.services.dossier.search import search
    from desk.services.dossier.views import list_dossiers

    ctx = office_ctx()
    ctx.engine  # noqa: B018  (open and migrate outside the timing)
    rows: list[Row] = []
    for query in ("nguyen van hiep", "0912", "tran thi hoa"):
        times: list[float] = []
        for i in range(1, len(query) + 1):  # every prefix the clerk's typing produces
            times += timed(lambda q=query[:i]: search(ctx, q), 3)
        rows.append(Row(f"search as you type {query!r} p50", pct(times, 50), "ms"))
        rows.append(Row(f"search as you type {query!r} p95", pct(times, 95), "ms", 50))
    code = search(ctx, "", limit=1)[0]["code"]
    rows.append(Row("search by exact code (scanner)", pct(timed(lambda: search(ctx, code), 20),
                                                          50), "ms", 50))
    rows.append(Row("dossier list first page", pct(timed(lambda: list_dossiers(ctx), 20), 50),
                    "ms", 100))
    rows.append(Row("overdue filter first page",
                    pct(timed(lambda: search(ctx, "", scope="overdue"), 10), 50), "ms", 100))
    from desk.services.deadlines.watch import counts, watch_list

    rows.append(Row("deadline watch: the four counts", pct(timed(lambda: counts(ctx), 10), 50),
                    "ms", 100))
    rows.append(Row("deadline watch: first page of the list",
                    pct(timed(lambda: watch_list(ctx, limit=20), 10), 50), "ms", 100))
    ctx.close()
    return rows
