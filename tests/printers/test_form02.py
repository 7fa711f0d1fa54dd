"""Form 02 (issue 14 §3): it lists exactly the documents the clerk asked for, each an item,
with the reason apart — on the A4 PDF (pdftotext, pdffonts) and the thermal slip (bytes
decoded back) — never the reason as item 1 and the documents left out."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desk.services.context import DeskContext
from desk.services.dossier.lifecycle import act
from desk.services.printing import rule_forms
from desk.services.printing.rendering import render_job
from printers.escpos import decode_text
from tests.printers.test_pdf_subsets import assert_distinct_tags
from tests.screens.conftest import intake

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdffonts")),
                                reason="poppler-utils missing")
REASON = "Giấy tờ chứng minh nơi cư trú đã hết hạn"
DOCS = ["Bản sao giấy tờ chứng minh chỗ ở hợp pháp", "Tờ khai có chữ ký của chủ hộ"]


def test_form02_lists_the_documents_asked_for_with_the_reason(demo_ctx: DeskContext,
                                                               tmp_path: Path) -> None:
    code = intake(demo_ctx)["code"]
    act(demo_ctx, code, "request_supplement", reason=REASON, documents=DOCS)
    prepared = rule_forms.prepare(demo_ctx, 2, code)
    path = tmp_path / "f02.pdf"
    path.write_bytes(rule_forms.pdf_bytes(demo_ctx, prepared))
    raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    text = " ".join(raw.split())
    assert DOCS[0] in text and DOCS[1] in text and REASON in text
    assert text.index(DOCS[0]) < text.index(DOCS[1])
    assert f"1. {REASON}" not in text and "3. " not in text.split(DOCS[1], 1)[1][:40]
    assert_distinct_tags(path)
    data, _, _ = render_job(demo_ctx, "receipt", rule_forms.thermal_document(prepared))
    slip = " ".join(decode_text(data).split())
    assert f"1. {DOCS[0]}" in slip and f"2. {DOCS[1]}" in slip and REASON in slip
    assert f"1. {REASON}" not in slip
