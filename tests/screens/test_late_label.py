"""Issue 14 (the day in English): the deadline screen said "(1 days late)"."""

from __future__ import annotations

from desk.i18n import set_language
from screens.deadlines import late_label


def test_one_day_late_is_singular_in_english_and_vietnamese_unchanged() -> None:
    set_language("en")
    assert late_label(1) == "1 day late"
    assert late_label(2) == "2 days late" and late_label(0.5) == "0.5 days late"
    set_language("vi")
    assert late_label(1) == "trễ 1 ngày" and late_label(4.3) == "trễ 4,3 ngày"
