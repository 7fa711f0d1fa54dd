"""Issue 14 §5 at the command line: DESK_LANG over desk.toml, argparse in Vietnamese, no
English status words or role names in Vietnamese output, a birth date and a long name."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def vi_office(tmp_path: Path) -> Path:
    path = tmp_path / "desk.toml"
    path.write_text('[office]\nlanguage = "vi"\n[storage]\ndatabase = "office.sqlite3"\n',
                    encoding="utf-8")
    return path


def test_desk_lang_wins_over_the_office_language(run_desk, vi_office: Path) -> None:  # type: ignore[no-untyped-def]
    en = run_desk("dossier", "show", "NOPE", config=vi_office, env={"DESK_LANG": "en"})
    assert en.returncode != 0 and "No dossier" in en.stderr and "Không" not in en.stderr
    vi = run_desk("dossier", "show", "NOPE", config=vi_office)
    assert "Không tìm thấy" in vi.stderr


def test_argparse_speaks_vietnamese(run_desk) -> None:  # type: ignore[no-untyped-def]
    bad = run_desk("report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "docx")
    assert bad.returncode == 2
    assert "giá trị không hợp lệ: 'docx'" in bad.stderr and "cách dùng:" in bad.stderr
    assert "invalid choice" not in bad.stderr and "usage:" not in bad.stderr
    missing = run_desk("queue")
    assert "còn thiếu: ACTION" in missing.stderr
    assert "required" not in missing.stderr
    helped = run_desk("--help")
    assert "hiện hướng dẫn này rồi thoát" in helped.stdout and "tuỳ chọn:" in helped.stdout
    assert "show this help" not in helped.stdout
    english = run_desk("queue", env={"DESK_LANG": "en"})
    assert "the following arguments are required: ACTION" in english.stderr


def test_demo_roles_and_statuses_are_vietnamese(run_desk) -> None:  # type: ignore[no-untyped-def]
    demo = run_desk("demo", "--no-tui")
    assert demo.returncode == 0, demo.stderr
    assert "cán bộ một cửa" in demo.stdout and "phụ trách bộ phận" in demo.stdout
    for word in (" clerk ", " supervisor ", " admin "):
        assert word not in demo.stdout.replace("—", " ")
    listed = run_desk("dossier", "search", "Nguyen")
    assert listed.returncode == 0, listed.stderr
    assert "Đang xử lý" in listed.stdout or "Đã tiếp nhận" in listed.stdout
    for raw in ("PROCESSING", "RECEIVED", "TRANSFERRED"):
        assert raw not in listed.stdout
    run_desk("queue", "issue", "HT")
    run_desk("queue", "call", "1")
    held = run_desk("queue", "act", "A001", "hold")
    assert held.returncode == 0, held.stderr
    assert "Tạm giữ" in held.stdout and "HOLD" not in held.stdout


def test_sex_is_a_word_not_a_letter(run_desk) -> None:  # type: ignore[no-untyped-def]
    out = run_desk("validate", "id", "040095000123")
    assert out.returncode == 0, out.stderr
    assert "nam" in out.stdout.split("·")[-1] and " M" not in out.stdout
    assert '"sex": "M"' in run_desk("validate", "id", "040095000123", "--json").stdout
