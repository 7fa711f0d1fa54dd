"""Writers of the period report and the dossier book: XLSX, CSV, JSON, PDF (and the text table
of the CLI). Every writer renders the same `PeriodReport` through `table.table_rows`, so the
figures agree in every format.

Each format's writer is imported when that format is asked for: openpyxl and fpdf2 are
heavy, and `desk --help` imports this module for the format names."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from desk.services.reports.book import BookRow
    from desk.services.reports.period import PeriodReport

__all__ = ["BOOK_FORMATS", "REPORT_FORMATS", "render_book", "render_report", "write_file"]

REPORT_FORMATS = ("table", "csv", "xlsx", "json", "pdf")
BOOK_FORMATS = ("xlsx", "pdf")


def render_report(report: PeriodReport, fmt: str) -> bytes:
    """The report in `fmt` as bytes (text formats in UTF-8)."""
    # not at the top: `desk --help` imports this module for the format names only
    # the per-format writers load their heavy libraries only when asked
    from desk.services.reports.exports.textual_formats import (  # noqa: PLC0415
        report_csv,
        report_json,
        report_text,
    )

    if fmt == "csv":
        return report_csv(report).encode("utf-8-sig")  # the BOM lets Excel read the accents
    if fmt == "json":
        return report_json(report).encode("utf-8")
    if fmt == "table":
        return report_text(report).encode("utf-8")
    if fmt == "xlsx":
        from desk.services.reports.exports.xlsx import report_xlsx  # noqa: PLC0415 — openpyxl

        return report_xlsx(report)
    if fmt == "pdf":
        from desk.services.reports.exports.pdf import report_pdf  # noqa: PLC0415 — fpdf2

        return report_pdf(report)
    raise ValueError(fmt)


def render_book(rows: list[BookRow], head: dict[str, str], fmt: str,
                created: datetime) -> bytes:
    """The dossier book (Form 06) in `fmt` ("xlsx" or "pdf"); `created` (the desk's clock) is
    the PDF's CreationDate and the XLSX's created and modified times."""
    if fmt == "xlsx":
        from desk.services.reports.exports.book import book_xlsx  # noqa: PLC0415 — openpyxl

        return book_xlsx(rows, head, created)
    if fmt == "pdf":
        from desk.services.reports.exports.book import book_pdf  # noqa: PLC0415 — fpdf2

        return book_pdf(rows, head, created)
    raise ValueError(fmt)


def write_file(data: bytes, path: Path | str) -> Path:
    """Write atomically (a half-written report must never be left behind), readable by its
    owner only: the book and exports list citizens (0600 on POSIX; issue 15)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return path


def default_path(folder: Path, kind: str, first: object, last: object, fmt: str) -> Path:
    """`<folder>/bao-cao-2026-11-01_2026-11-30.xlsx` (or `so-theo-doi-…` for the book)."""
    stem = "so-theo-doi" if kind == "book" else "bao-cao"
    ext = "txt" if fmt == "table" else fmt
    return folder / f"{stem}-{first}_{last}.{ext}"
