"""Issue 14 §1: the crash log is named by the desk's clock (DESK_NOW pins it, office time),
not the machine's, and a second crash never overwrites the first one's log."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.commands import crash


def test_crash_logs_follow_the_desks_clock_and_are_kept(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.setenv("DESK_NOW", "2026-11-23 09:00")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    first = Path(crash.write_crash_log(RuntimeError("boom 040095000123")))
    second = Path(crash.write_crash_log(RuntimeError("again")))
    assert first.name == "crash-20261123-090000.log"  # the pinned office time
    assert second != first and second.name.startswith("crash-20261123-090000")
    assert "boom" in first.read_text(encoding="utf-8")  # the first log is still there
    assert "040095000123" not in first.read_text(encoding="utf-8")  # masked
    assert "again" in second.read_text(encoding="utf-8")
