"""Configuration: defaults, lookup order, and one clear message for a bad file."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from desk.config import ConfigError, Settings, find_config, load_file, load_settings
from tests.conftest import REPO


def test_repo_desk_toml_is_the_builtin_default() -> None:
    from_file = load_file(REPO / "desk.toml")
    defaults = Settings()
    assert from_file.office == defaults.office
    assert from_file.queue == defaults.queue
    assert from_file.printers == defaults.printers
    assert from_file.office.cutoff == time(15, 0)
    assert from_file.office.language == "vi"


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = tmp_path / "a.toml"
    env = tmp_path / "b.toml"
    for p in (explicit, env):
        p.write_text("", encoding="utf-8")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    (cwd / "desk.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("DESK_CONFIG", str(env))
    assert find_config(explicit) == explicit
    assert find_config() == env
    monkeypatch.delenv("DESK_CONFIG")
    assert find_config() == cwd / "desk.toml"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    user = tmp_path / "xdg" / "desk" / "desk.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[office]\nname = "Xã Từ Thư Mục Người Dùng"\n', encoding="utf-8")
    assert load_settings().office.name == "Xã Từ Thư Mục Người Dùng"


def test_relative_database_path_is_relative_to_the_file(tmp_path: Path) -> None:
    p = tmp_path / "desk.toml"
    p.write_text('[storage]\ndatabase = "data/office.sqlite3"\n', encoding="utf-8")
    assert load_file(p).database_path == tmp_path / "data" / "office.sqlite3"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[office]\nname = "x"\nnmae = "y"\n', ["office.nmae", "không được hỗ trợ"]),
        ("[office]\ncutoff = \"25:00\"\n", ["office.cutoff", "25:00"]),
        ('[office]\nhours = [["13:30", "11:30"]]\n', ["office.hours", "kết thúc trước"]),
        ('[office]\ntimezone = "Mars/Base"\n', ["office.timezone", "Mars/Base"]),
        ('[office]\nlanguage = "fr"\n', ["office.language", "'fr'"]),
        ('[office]\nid = "xã 01"\n', ["office.id", "chữ HOA"]),
        ("[office\nname = 1\n", ["TOML"]),
        ('[[queue.services]]\ncode = "HT"\nname = "Hộ tịch"\nprefix = "A"\ncounters = [9]\n',
         ["queue", "quầy chưa khai báo"]),
        ("[sync]\ninterval_seconds = \"often\"\n", ["sync.interval_seconds", "số nguyên"]),
    ],
)
def test_bad_file_names_file_key_and_problem(tmp_path: Path, content: str,
                                             expected: list[str]) -> None:
    p = tmp_path / "bad.toml"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_file(p)
    message = str(info.value)
    assert str(p) in message
    for part in expected:
        assert part in message


def test_english_office_gets_english_config_errors(tmp_path: Path) -> None:
    p = tmp_path / "bad.toml"
    p.write_text('[office]\nlanguage = "en"\ncutof = "15:00"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        load_file(p)


def test_cli_reports_bad_config_without_traceback(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "broken.toml"
    p.write_text("[office]\nhours = 7\n", encoding="utf-8")
    result = run_desk("catalog", "list", config=p)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "office.hours" in result.stderr and str(p) in result.stderr
