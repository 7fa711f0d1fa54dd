"""`desk print form N CODE --pdf FILE` and `desk print receipt CODE --out FILE` write into a
folder that does not exist yet, as `desk report --out` does; they said 'Không có quyền truy
cập tệp: …: No such file or directory' (wrong cause, English words) and wrote nothing."""

from __future__ import annotations

import json
from pathlib import Path


def test_papers_go_into_a_new_folder(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run_desk("demo", "--no-tui").returncode == 0
    code = json.loads(run_desk("dossier", "list", "--json").stdout)[0]["code"]
    pdf = tmp_path / "giay to" / "12-2026" / "mau01.pdf"
    out = run_desk("print", "form", "1", code, "--pdf", str(pdf))
    assert out.returncode == 0, out.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "No such file" not in out.stdout + out.stderr
    slip = tmp_path / "bien nhan" / "r.bin"
    out = run_desk("print", "receipt", code, "--out", str(slip))
    assert out.returncode == 0, out.stderr
    assert slip.stat().st_size > 0
