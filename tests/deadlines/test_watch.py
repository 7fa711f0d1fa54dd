"""The deadline watch: states at the right instants (weekend, Tết), counts, list, summary."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event

from desk.services.context import DeskContext
from desk.services.deadlines import watch as deadlines
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from tests.conftest import local
from tests.deadlines.conftest import intake


def _state(office: Callable[..., DeskContext], code: str, *when: int) -> str:
    ctx = office(*when)
    view_state = show(ctx, code)["deadline_state"]
    c = deadlines.counts(ctx)
    listed = {r["code"]: r["state"] for r in deadlines.watch_list(ctx)}
    counted = [k for k in ("due_today", "due_soon", "overdue") if getattr(c, k)]
    # the view, the list and the counts agree
    if view_state == "ok":
        assert code not in listed and counted == []
    else:
        assert listed[code] == view_state and counted == [view_state]
    return str(view_state)


def test_over_tet_2026(office: Callable[..., DeskContext]) -> None:
    # Thu 12/02/2026 09:00 + 3 working days; the public-sector Tết break runs 14–22/02
    # (weekends + Tết 16–20/02): Fri 13 is day 1, Mon 23 day 2 → due Tue 24/02 09:00.
    code = intake(office(2026, 2, 12, 9, 0), local(2026, 2, 12, 9, 0))["code"]
    assert show(office(2026, 2, 12, 9, 0), code)["due_at"] == "2026-02-24T09:00+07:00"
    assert _state(office, code, 2026, 2, 12, 10, 0) == "ok"
    assert _state(office, code, 2026, 2, 13, 16, 0) == "ok"  # 10 h left, Tết ahead
    assert _state(office, code, 2026, 2, 18, 10, 0) == "ok"  # in the middle of Tết: 9 h left
    assert _state(office, code, 2026, 2, 22, 20, 0) == "ok"
    assert _state(office, code, 2026, 2, 23, 8, 59) == "ok"  # 7 h 31 min + 1 min left
    assert _state(office, code, 2026, 2, 23, 9, 0) == "due_soon"  # exactly one working day
    assert _state(office, code, 2026, 2, 23, 16, 59) == "due_soon"
    assert _state(office, code, 2026, 2, 24, 0, 0) == "due_today"
    assert _state(office, code, 2026, 2, 24, 9, 0) == "due_today"  # the due instant itself
    assert _state(office, code, 2026, 2, 24, 9, 1) == "overdue"
    assert _state(office, code, 2026, 3, 2, 9, 0) == "overdue"


def test_over_a_weekend(office: Callable[..., DeskContext]) -> None:
    # Thu 05/03/2026 10:00 + 3 working days → Tue 10/03 10:00
    code = intake(office(2026, 3, 5, 10, 0), local(2026, 3, 5, 10, 0))["code"]
    assert _state(office, code, 2026, 3, 6, 16, 0) == "ok"
    assert _state(office, code, 2026, 3, 7, 10, 0) == "ok"  # Saturday: 10 h left
    assert _state(office, code, 2026, 3, 9, 9, 59) == "ok"
    assert _state(office, code, 2026, 3, 9, 10, 0) == "due_soon"
    assert _state(office, code, 2026, 3, 10, 7, 0) == "due_today"
    assert _state(office, code, 2026, 3, 10, 10, 1) == "overdue"


def test_counts_list_and_summary(office: Callable[..., DeskContext]) -> None:
    now = (2026, 11, 23, 9, 0)  # Monday; Tue 24/11 is a holiday
    ctx = office(*now)
    overdue = intake(ctx, local(2026, 11, 17, 9, 0), name="Lê Văn A")["code"]  # due Fri 20
    overdue2 = intake(ctx, local(2026, 11, 16, 9, 0), proc="1.004194", name="Lê Văn B")["code"]
    today = intake(ctx, local(2026, 11, 18, 14, 0), name="Lê Văn C")["code"]  # due Mon 23 14:00
    soon = intake(ctx, local(2026, 11, 19, 9, 0), name="Lê Văn D")["code"]  # due Wed 25 09:00
    intake(ctx, local(2026, 11, 23, 8, 0), name="Lê Văn E")  # ok: due Fri 27
    paused = intake(ctx, local(2026, 11, 16, 10, 0), name="Lê Văn F")["code"]
    act(ctx, paused, "request_supplement", reason="Thiếu giấy tờ", documents=["Giấy X"],
        at=local(2026, 11, 16, 11, 0))
    ready = intake(ctx, local(2026, 11, 16, 10, 0), name="Lê Văn G")["code"]
    for a in ("transfer", "start_processing", "result_ready"):
        act(ctx, ready, a)
    act(ctx, overdue2, "transfer", agency="Công an xã")

    c = deadlines.counts(ctx)
    assert c.as_dict() == {"due_today": 1, "due_soon": 1, "overdue": 2, "overdue_no_letter": 2}
    rows = deadlines.watch_list(ctx)
    assert [r["code"] for r in rows] == [overdue2, overdue, today, soon]  # oldest risk first
    assert rows[0]["needs_letter"] and rows[0]["overdue_working_days"] == 2.0
    assert rows[0]["agency"] == "Công an xã" and rows[0]["field_name"] == "Cư trú"
    by_field = [r["field"] for r in deadlines.watch_list(ctx, "field")]
    assert by_field == sorted(by_field)
    act(ctx, soon, "transfer", agency="Công chức Tư pháp - Hộ tịch")
    by_agency = deadlines.watch_list(ctx, "agency")  # named agencies A→Z, unassigned last
    assert [r["code"] for r in by_agency] == [overdue2, soon, overdue, today]
    assert deadlines.at_risk_summary(ctx) == (
        "Cần chú ý: 2 hồ sơ quá hạn (trong đó 2 hồ sơ chưa có văn bản xin lỗi), "
        "1 hồ sơ đến hạn hôm nay, 1 hồ sơ sắp đến hạn (trong một ngày làm việc).")
    assert "2 overdue" in deadlines.at_risk_summary(ctx, lang="en")
    with pytest.raises(Exception, match="bad_sort"):
        deadlines.watch_list(ctx, "name")


def test_nothing_at_risk_and_daily_summary(office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    assert deadlines.at_risk_summary(ctx).startswith("Không có hồ sơ nào")
    assert deadlines.daily_summary(ctx) is not None
    assert deadlines.daily_summary(ctx) is None  # once a day
    assert deadlines.daily_summary(office(2026, 11, 25, 8, 0)) is not None  # a new day


def test_watch_queries_use_the_status_due_index(office: Callable[..., DeskContext]) -> None:
    """The counts and the list read through (status, due_at): fast with a million dossiers."""
    ctx = office(2026, 11, 23, 9, 0)
    intake(ctx, local(2026, 11, 17, 9, 0))
    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, many):  # type: ignore[no-untyped-def]
        if "FROM dossier" in statement and "coalesce" in statement:
            seen.append((statement, parameters))

    event.listen(ctx.engine, "before_cursor_execute", capture)
    try:
        deadlines.counts(ctx)
        deadlines.watch_list(ctx)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", capture)
    assert len(seen) == 2
    with ctx.engine.connect() as conn:
        for statement, parameters in seen:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            details = " | ".join(str(row[-1]) for row in plan)
            assert "USING INDEX ix_dossier_status_due" in details, details
            assert "SCAN dossier" not in details, details
