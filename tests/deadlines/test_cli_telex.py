"""Issue 14 §5: text typed as raw Telex on the command line (no input method on) reaches the
official letter and the dossier as the clerk meant it, and the command says it read it so."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

NOW = {"DESK_NOW": "2026-11-23 09:00"}


def _pdftext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return " ".join(out.stdout.split())


def test_apology_reason_typed_in_raw_telex_is_vietnamese_on_the_letter(  # type: ignore[no-untyped-def]
        run_desk, tmp_path: Path) -> None:
    assert run_desk("demo", "--no-tui", "--no-dossiers", env=NOW).returncode == 0
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Nguyeenx Vawn Hieepj",
                 "--phone", "0912345678", "--received", "2026-11-17 09:00", "--no-print",
                 "--json", env=NOW)
    assert r.returncode == 0, r.stderr
    dossier = json.loads(r.stdout)
    assert dossier["applicant"]["name"] == "Nguyễn Văn Hiệp"
    assert "Nguyễn Văn Hiệp" in r.stderr  # said, not silent
    pdf = tmp_path / "letter.pdf"
    out = run_desk("apology", dossier["code"], "--reason", "Chowf Phongf Taif chinhs xacs minh",
                   "--pdf", str(pdf), "--no-print", "--clerk", "Trần Văn Minh",
                   env={**NOW, "DESK_PIN": "2345"})
    assert out.returncode == 0, out.stderr
    assert "Chờ Phòng Tài chính xác minh" in out.stderr
    text = _pdftext(pdf)
    assert "Chờ Phòng Tài chính xác minh" in text
    assert "Phongf" not in text and "chinhs" not in text
    shown = run_desk("dossier", "show", dossier["code"], "--json", env=NOW)
    assert "Taif" not in shown.stdout


def test_plain_ascii_text_is_left_as_typed(run_desk) -> None:  # type: ignore[no-untyped-def]
    assert run_desk("demo", "--no-tui", "--no-dossiers", env=NOW).returncode == 0
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Ross Taylor",
                 "--notes", "Chua co ket qua, gui email", "--no-print", "--json", env=NOW)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["applicant"]["name"] == "Ross Taylor"
    assert "Telex" not in r.stderr
