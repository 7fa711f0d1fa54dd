"""The period report as paper: no header word broken mid-word (pdftotext), distinct font
subset tags (pdffonts), a page that renders (pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desk.services.reports.exports import render_report
from desk.services.reports.exports.table import VALUE_KEYS, column_label
from tests.printers.test_pdf_subsets import assert_distinct_tags
from tests.reports.conftest import History

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdffonts")),
                                reason="poppler-utils not installed")


def test_report_header_words_are_whole(history: History, report_of: Any,
                                       tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(render_report(report_of(), "pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    words = set(text.split())
    broken = [w for k in VALUE_KEYS for w in column_label(k).split() if w not in words]
    assert not broken, broken  # e.g. "chuyển" printed as "chuyể" + "n"
    assert_distinct_tags(path)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(path), str(tmp_path / "page")], check=True, timeout=60)
    assert (tmp_path / "page.png").stat().st_size > 1000
