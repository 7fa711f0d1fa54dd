"""The demo dossiers: every deadline situation, through the real services, idempotent."""

from __future__ import annotations

from collections.abc import Callable

from desk.services.context import DeskContext
from desk.services.deadlines import watch as deadlines
from desk.services.demo_dossiers import SITUATIONS, seed_demo_dossiers
from desk.services.dossier.views import show


def test_every_situation_once(office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    added = seed_demo_dossiers(ctx)
    assert set(added) == {c.key for c in SITUATIONS}
    assert seed_demo_dossiers(ctx) == {}  # idempotent
    v = {k: show(ctx, code) for k, code in added.items()}
    assert v["ok"]["deadline_state"] == "ok"
    assert v["due_soon"]["deadline_state"] == "due_soon"
    assert v["due_today"]["deadline_state"] == "due_today"
    for k in ("overdue", "overdue_2", "overdue_3"):
        assert v[k]["deadline_state"] == "overdue" and not v[k]["apologised"]
    assert v["overdue_letter"]["deadline_state"] == "overdue" and v["overdue_letter"]["apologised"]
    assert v["paused"]["deadline_state"] == "paused"
    labels = {k: deadlines.result_label(v[k]) for k in
              ("returned_early", "returned_on_time", "returned_late", "late_apologised")}
    assert labels == {"returned_early": "Trước hạn", "returned_on_time": "Đúng hạn",
                      "returned_late": "Quá hạn", "late_apologised": "Quá hạn, đã xin lỗi"}
    assert all(v[k]["status"] == "RETURNED" for k in labels)
    assert deadlines.counts(ctx).as_dict() == {"due_today": 1, "due_soon": 1, "overdue": 4,
                                               "overdue_no_letter": 3}


def test_on_a_sunday_and_during_tet(office: Callable[..., DeskContext]) -> None:
    sunday = seed_demo_dossiers(office(2026, 11, 22, 10, 0))
    assert "due_today" not in sunday  # nothing can be due on a day off
    assert {"overdue", "late_apologised", "returned_late"} <= set(sunday)
