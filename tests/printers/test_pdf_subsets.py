"""Every embedded font subset of our PDFs has its own tag (PDF 32000-1 §9.6.4), as pdffonts
lists them; the pages still render (pdftoppm) and read back (pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from printers.layouts import samples
from printers.pdf import Letterhead, form_pdf

pytestmark = pytest.mark.skipif(not (shutil.which("pdffonts") and shutil.which("pdftoppm")),
                                reason="poppler-utils (pdffonts, pdftoppm) not installed")
HEAD = Letterhead(office_name="UBND xã Tân Phú", place="Lâm Đồng", signer_name="Nguyễn Văn An")
TAGGED = re.compile(r"^([A-Z]{6})\+(\S+)$")


def subset_fonts(path: Path) -> list[str]:
    """The font names pdffonts lists (one per embedded font)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout.splitlines()[2:]
    return [line.split()[0] for line in out if line.strip()]


def assert_distinct_tags(path: Path) -> None:
    names = subset_fonts(path)
    assert len(names) >= 2, names
    tags = []
    for name in names:
        m = TAGGED.match(name)
        assert m is not None, f"{name} is not TAG+Name"
        tags.append(m.group(1))
    assert len(set(tags)) == len(tags), names


@pytest.mark.parametrize("form", [1, 2, 3, 4, 5])
def test_form_subsets_have_distinct_tags(form: int, tmp_path: Path) -> None:
    data = {1: samples.RECEIPT, 2: samples.SUPPLEMENT, 3: samples.REFUSAL, 4: samples.APOLOGY,
            5: samples.CONTROL}[form]
    path = tmp_path / f"form{form}.pdf"
    path.write_bytes(form_pdf(data, HEAD))
    assert_distinct_tags(path)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(path),
                    str(tmp_path / "page")], check=True, timeout=60)
    assert (tmp_path / "page.png").stat().st_size > 1000
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    assert "UBND XÃ TÂN PHÚ" in text
