"""The demo office's letters are signed by a named chairman (they showed "…" where the
signer's name goes); a real office that names no signer keeps the blank for the pen."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desk.config import DEMO_SIGNER, OfficeConfig
from tests.rules.test_form_cli import office  # noqa: F401  (fixture)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_demo_apology_letter_shows_its_signer(run_desk, office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    config, old, new = office
    for code in (old, new):  # Form 04 of both sets
        pdf = tmp_path / f"{code}.pdf"
        res = run_desk("print", "form", "4", code, "--pdf", str(pdf), config=config)
        assert res.returncode == 0, res.stderr
        lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout.split("\n")
        tail = [ln.strip() for ln in lines if ln.strip()][-1]
        assert tail == DEMO_SIGNER == "Phạm Văn Đức", lines[-8:]


def test_a_real_office_without_a_signer_keeps_the_blank() -> None:
    assert OfficeConfig.from_dict({"name": "UBND xã Tân Phú"}).signer_name == ""
    own = OfficeConfig.from_dict({"signer_name": "Lê Văn Bình"})
    assert own.signer_name == "Lê Văn Bình"  # the demo office's own choice wins
