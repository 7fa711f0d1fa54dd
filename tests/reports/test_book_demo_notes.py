"""The book of the demo office: its notes column says the sample dossiers' situations in
words, never the seeder's keys such as `overdue_letter` (issue 14, seen on paper)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desk.services.context import DeskContext
from desk.services.demo_dossiers import SITUATIONS, seed_demo_dossiers
from desk.services.reports.book import book_head, book_rows
from desk.services.reports.exports import render_book
from tests.conftest import local
from tests.queue.conftest import MovingClock

PERIOD = (date(2026, 6, 1), date(2026, 11, 23))
RAW = re.compile("|".join(sorted((c.key for c in SITUATIONS), key=len, reverse=True)))


def test_the_book_prints_the_demo_notes_in_words(demo_ctx: DeskContext, tmp_path: Path) -> None:
    demo_ctx.clock = MovingClock(local(2026, 11, 23, 9, 0))
    seed_demo_dossiers(demo_ctx)
    rows = book_rows(demo_ctx, *PERIOD)
    notes = [r.notes for r in rows]
    assert len(rows) == len(SITUATIONS)
    assert "Hồ sơ mẫu: quá hạn, quá cả ngày hẹn lại" in " | ".join(notes)
    assert not [n for n in notes if RAW.search(n)], notes
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(render_book(rows, book_head(demo_ctx, *PERIOD), "pdf", demo_ctx.local_now()))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Hồ sơ mẫu" in text
    flat = re.sub(r"\s+", "", text)  # a key broken over two lines of its cell still counts
    assert not RAW.search(text) and "_" not in flat
