"""The first A4 document after an install builds no font: the static Noto Serif instances ship
with the desk (building them on first use made the first letter wait 10–30 s)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from printers.pdf.fonts import SHIPPED_FILES

TYPEFACE = Path(__file__).resolve().parents[2] / "printers" / "pdf" / "typeface"

SCRIPT = r"""
import json, sys
import printers.pdf.fonts as fonts
built = []
real = fonts.instance
def spy(*args):
    built.append(str(args[-1]))
    real(*args)
fonts.instance = spy
from printers.layouts.samples import APOLOGY
from printers.pdf import Letterhead, apology_pdf
data = apology_pdf(APOLOGY, Letterhead(office_name="UBND xã Minh Châu", place="Nghệ An"))
open(sys.argv[1], "wb").write(data)
print(json.dumps(built))
"""


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_first_letter_builds_no_font(tmp_path: Path) -> None:
    cache = tmp_path / "empty-cache"
    pdf = tmp_path / "letter.pdf"
    env = {**os.environ, "DESK_FONT_CACHE": str(cache), "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(pdf)], capture_output=True,
                         text=True, env=env, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []  # no instance made
    assert not cache.exists() or not any(cache.rglob("*.ttf"))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True, timeout=60).stdout
    assert fonts.count("NotoSerif") == 3 and "DejaVu" not in fonts  # regular, bold, italic


def test_the_shipped_instances_are_static_and_vietnamese() -> None:
    from fontTools.ttLib import TTFont

    for name in SHIPPED_FILES.values():
        font = TTFont(TYPEFACE / name)
        assert "fvar" not in font  # static: nothing left to instance
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in "Đđ ỆệỮữƠơƯư ẫẪ ỹỸ ₫")
    assert (TYPEFACE / "OFL.txt").read_text(encoding="utf-8").count("Open Font License") >= 1
