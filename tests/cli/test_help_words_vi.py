"""What an administrator reads in `desk --help` and in a usage error is Vietnamese, all of
it: argparse's own lines included (Python 3.11 writes --version's help before any gettext)."""

from __future__ import annotations

from tests.conftest import PINNED_NOW

PINNED_DAY = PINNED_NOW.split()[0]


def test_version_line_of_the_help_is_vietnamese(run_desk) -> None:  # type: ignore[no-untyped-def]
    helped = run_desk("--help")
    assert helped.returncode == 0, helped.stderr
    assert "hiện số phiên bản rồi thoát" in helped.stdout
    assert "show program" not in helped.stdout
    english = run_desk("--help", env={"DESK_LANG": "en"})
    assert "show program's version number and exit" in english.stdout


def test_a_wrong_number_names_no_python_type(run_desk) -> None:  # type: ignore[no-untyped-def]
    bad = run_desk("queue", "call", "abc")
    assert bad.returncode == 2
    assert "giá trị không hợp lệ: 'abc'" in bad.stderr, bad.stderr
    assert " int " not in bad.stderr


def test_calendar_day_without_a_date_is_today(run_desk) -> None:  # type: ignore[no-untyped-def]
    """`desk calendar day` alone answered 'còn thiếu: DATE'; the day asked about most is today."""
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    for quick in ("1", "0"):
        today = run_desk("calendar", "day", env={"DESK_QUICK": quick})
        assert today.returncode == 0, today.stderr
        named = run_desk("calendar", "day", PINNED_DAY, env={"DESK_QUICK": quick})
        assert today.stdout == named.stdout and today.stdout.startswith(PINNED_DAY)
