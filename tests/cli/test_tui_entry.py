"""Plain `desk` and `desk --config FILE` open the TUI through a short path (no parser of
every command group); what they answer must not change."""

from __future__ import annotations

from pathlib import Path

from desk.cli import _tui_only


def test_only_plain_desk_and_config_take_the_short_path() -> None:
    assert _tui_only([]) is not None and _tui_only([]).config is None  # type: ignore[union-attr]
    assert _tui_only(["--config", "a.toml"]).config == "a.toml"  # type: ignore[union-attr]
    assert _tui_only(["--config=b.toml"]).config == "b.toml"  # type: ignore[union-attr]
    for argv in (["--config"], ["--config", "--help"], ["--config="], ["--help"],
                 ["--config", "a.toml", "sync"], ["demo"]):
        assert _tui_only(argv) is None, argv


def test_plain_desk_without_a_terminal_says_so(run_desk_process, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_desk_process()  # a real process: its stdin and stdout are pipes
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "terminal" in result.stderr.lower() or "cửa sổ" in result.stderr.lower()


def test_config_on_the_short_path_is_still_checked(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text('[office]\nlanguage = "fr"\n', encoding="utf-8")
    result = run_desk("--config", str(bad), config=None)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "office.language" in result.stderr and str(bad) in result.stderr
    missing = run_desk("--config", str(tmp_path / "none.toml"), config=None)
    assert missing.returncode == 2 and "none.toml" in missing.stderr
    usage = run_desk("--config", config=None)  # no file named: the full parser's usage error
    assert usage.returncode == 2 and "cách dùng" in usage.stderr  # argparse, in Vietnamese
