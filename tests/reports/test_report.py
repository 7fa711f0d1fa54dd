"""The period report of the fixture history equals the hand-computed figures."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desk.domain.errors import DomainError
from desk.domain.statistics import Figures
from desk.services.context import DeskContext
from tests.reports import expected as X
from tests.reports.conftest import History


def test_total_equals_the_hand_computed_figures(history: History, report_of: Any) -> None:
    r = report_of()
    assert r.total == Figures(**X.TOTAL)
    for key, value in X.TOTAL_DERIVED.items():
        assert getattr(r.total, key) == pytest.approx(value), key
    assert r.total.balanced


def test_by_field_and_by_procedure(history: History, report_of: Any) -> None:
    r = report_of()
    assert {g.code: g.figures for g in r.fields} == {k: Figures(**v) for k, v in X.FIELDS.items()}
    assert {g.code: g.figures for g in r.procedures} == {
        k: Figures(**v) for k, v in X.PROCEDURES.items()}
    assert [(g.level, g.code) for g in r.rows()] == [
        ("field", "CT"), ("procedure", "2.001019"), ("field", "CU"), ("procedure", "1.004194"),
        ("field", "HT"), ("procedure", "1.001193"), ("procedure", "1.004873")]
    assert {g.code: g.name for g in r.fields}["HT"] == "Hộ tịch"
    assert all(g.figures.balanced for g in (*r.fields, *r.procedures))


def test_per_day_series(history: History, report_of: Any) -> None:
    r = report_of()
    assert [p.day for p in r.days] == [date(2026, 11, d) for d in range(2, 14)]
    assert {p.day: p.received for p in r.days if p.received} == X.RECEIVED_BY_DAY
    assert {p.day: p.resolved for p in r.days if p.resolved} == X.RESOLVED_BY_DAY
    assert sum(p.received for p in r.days) == r.total.new
    assert sum(p.resolved for p in r.days) == r.total.resolved


def test_classification_uses_the_original_deadline_and_the_local_date(
        history: History, report_of: Any) -> None:
    """C was late against 29/10 although its apology moved the appointment to 05/11;
    H's result at 15:30 on its due date (due 14:00) is on time — dates, not hours."""
    from desk.services.dossier.views import show

    c = show(history.ctx, history.codes["C"])
    assert c["extended_due_at"] is not None and c["result_class"] == "late"
    assert report_of((2026, 11, 5), (2026, 11, 5)).total.late == 1
    h = report_of((2026, 11, 6), (2026, 11, 6)).total
    assert (h.on_time, h.late, h.new) == (1, 0, 0)


def test_one_day_period_borders(history: History, report_of: Any) -> None:
    """13/11 alone: carried over = everything open at its start; N is new; nothing resolved."""
    r = report_of((2026, 11, 13), (2026, 11, 13)).total
    # open at 13/11 00:00: F, O, M (paused), Q is stopped on 11/11 → no; H resolved 6/11 …
    assert (r.carried_over, r.new, r.resolved) == (3, 1, 0)
    assert (r.open_not_due, r.open_overdue, r.paused) == (1, 2, 1)
    assert r.balanced


def test_a_later_period_sees_resumed_and_late_results(history: History, report_of: Any) -> None:
    """16/11–20/11: M resumed on 16/11 (no longer paused), F and O resolved late, P is new."""
    r = report_of((2026, 11, 16), (2026, 11, 20)).total
    assert (r.carried_over, r.new, r.late, r.paused) == (4, 1, 2, 0)
    assert r.balanced


def test_empty_period_and_bad_period(demo_ctx: DeskContext, report_of: Any) -> None:
    r = report_of()
    assert r.total == Figures() and r.total.on_time_rate is None
    assert r.fields == [] and len(r.days) == 12
    with pytest.raises(DomainError) as info:
        report_of((2026, 11, 13), (2026, 11, 2))
    assert info.value.key == "report.bad_period"


def test_satisfaction_and_score(history: History, report_of: Any) -> None:
    r = report_of()
    very, ok, bad, rate = X.SATISFACTION["total"]
    s = r.satisfaction
    assert (s.very, s.satisfied, s.unsatisfied) == (very, ok, bad)
    assert s.rate == pytest.approx(rate)
    for c in r.by_counter:
        very, ok, bad, rate = X.SATISFACTION[c.key]
        assert (c.very, c.satisfied, c.unsatisfied, c.rate) == (very, ok, bad, rate)
    assert [(c.label, c.total) for c in r.by_clerk] == [("Nguyễn Thị Lan", 4),
                                                         ("Trần Văn Minh", 2)]
    sc = r.score
    points = {i.number: i.points for i in sc.indicators}
    assert points[1] == X.SCORE["ind1"] and points[9] == X.SCORE["ind9"]
    assert all(points[n] is None for n in range(2, 9))
    assert (sc.points, sc.max_points, sc.estimate, sc.band) == (
        X.SCORE["points"], X.SCORE["max"], X.SCORE["estimate"], X.SCORE["band"])


def test_glance_of_a_day(history: History) -> None:
    from desk.services.reports.period import glance

    g = glance(history.ctx, date(2026, 11, 12))
    # received on 12/11: J; due on 12/11 and open at its start: O (and L's due, but L was
    # withdrawn on 10/11) and J (same day); overdue at the end of 12/11: F, O
    assert (g.received, g.due, g.overdue) == (1, 2, 2)
    # month to 12/11: resolved A B C G H I J → (2 + 3) / 7
    assert g.month_resolved == 7 and g.month_on_time_rate == pytest.approx(5 / 7)
