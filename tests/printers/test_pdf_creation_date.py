"""A PDF made by the desk carries the desk's clock in its CreationDate (DESK_NOW in tests and
demos), the instant its letter is dated by, not the machine's clock."""

from __future__ import annotations

import re
from pathlib import Path

from desk.services.context import DeskContext
from desk.services.deadlines.apology import letter_pdf
from printers.layouts.apology import ApologyData
from tests.conftest import local
from tests.rules.test_form_cli import office  # noqa: F401  (fixture)


def creation_date(pdf: bytes) -> str:
    """The document information dictionary's /CreationDate, as `pdfinfo -rawdates` shows it."""
    found = re.search(rb"/CreationDate \((D:[^)]*)\)", pdf)
    assert found, "no /CreationDate"
    return found.group(1).decode("ascii")


def test_a_printed_form_is_created_at_the_desks_time(run_desk, office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    config, old, new = office
    for form, code in (("1", new), ("4", old)):
        pdf = tmp_path / f"{form}-{code}.pdf"
        res = run_desk("print", "form", form, code, "--pdf", str(pdf), config=config,
                       env={"DESK_NOW": "2025-07-01 09:30"})
        assert res.returncode == 0, res.stderr
        assert creation_date(pdf.read_bytes()) == "D:20250701093000+07'00'", form


def test_the_apology_letter_is_created_at_the_desks_time(ctx: DeskContext) -> None:
    data = ApologyData(office_name="UBND xã Tân Phú", dossier_code="H01.2026.000001",
                       applicant_name="Nguyễn Văn An", old_appointment=local(2026, 11, 20, 16),
                       new_appointment=local(2026, 11, 27, 16), reason="cần xác minh thêm")
    assert creation_date(letter_pdf(ctx, data, "2025")) == "D:20261123090000+07'00'"
