"""Rule sets by effective date (issue 16 §1): the set in force on the receipt date is recorded
on the dossier, moving the clock across 1 July 2025 switches it, and an old dossier reprints
exactly as it was first printed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from desk.domain.errors import DomainError
from desk.rules import all_sets, get_set, set_for
from desk.services.context import DeskContext
from desk.services.dossier.views import show
from desk.services.printing import rule_forms
from tests.conftest import local
from tests.deadlines.conftest import intake

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def pdf_text(data: bytes, tmp: Path) -> str:
    path = tmp / "f.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return " ".join(out.stdout.split())


def test_the_set_in_force_switches_on_1_july_2025() -> None:
    assert set_for(date(2025, 6, 30)).id == "2018"
    assert set_for(date(2025, 7, 1)).id == "2025"
    assert set_for(date(2019, 1, 1)).id == "2018"
    assert [s.id for s in all_sets()][:2] == ["2018", "2025"]


def test_each_set_numbers_its_own_forms() -> None:
    old, new = get_set("2018"), get_set("2025")
    assert [f.key for f in old.forms] == ["receipt", "supplement", "refusal", "apology",
                                          "control", "book"]
    assert [f.key for f in new.forms] == ["receipt", "supplement", "refusal", "apology",
                                          "stop", "control", "book"]
    assert old.form(5).key == "control" and old.form(6).key == "book"
    assert new.form(5).title == "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
    assert new.form(6).key == "control" and new.form(7).key == "book"
    assert new.form("04").title == "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
    with pytest.raises(DomainError) as e:
        old.form(7)
    assert e.value.key == "rules.no_form"


def test_moving_the_clock_across_1_july_2025_switches_the_set(
        office: Callable[..., DeskContext]) -> None:
    before = office(2025, 6, 30, 16, 0)
    old = intake(before, local(2025, 6, 30, 10, 0))["code"]
    after = office(2025, 7, 1, 9, 0)
    new = intake(after, local(2025, 7, 1, 8, 0))["code"]
    late_entry = intake(after, local(2025, 6, 30, 16, 30))["code"]  # backdated: its own date
    assert rule_forms.prepare(after, 4, old).rule_set.id == "2018"
    assert rule_forms.prepare(after, 4, new).rule_set.id == "2025"
    assert rule_forms.prepare(after, 1, late_entry).rule_set.id == "2018"
    assert show(after, old)["code"] == old


def test_2018_and_2025_dossiers_print_their_own_forms(office: Callable[..., DeskContext],
                                                     tmp_path: Path) -> None:
    ctx = office(2025, 7, 1, 9, 0)
    old = intake(ctx, local(2025, 6, 30, 10, 0))["code"]
    new = intake(ctx, local(2025, 7, 1, 8, 0))["code"]
    for code, set_id in ((old, "2018"), (new, "2025")):
        rs = get_set(set_id)
        for form in rs.forms:
            prepared = rule_forms.prepare(ctx, form.n, code)
            text = pdf_text(rule_forms.pdf_bytes(ctx, prepared), tmp_path)
            assert " ".join(form.title.split()) in text, (set_id, form.number)
            for f in form.fields():
                if "." in f["key"]:  # a table column: its header wraps inside the cell
                    assert all(w in text for w in f["label"].split()), (set_id, f)
                elif f["label"] and "{" not in f["label"]:
                    assert " ".join(f["label"].split()) in text, (set_id, form.number, f)
    with pytest.raises(DomainError):
        rule_forms.prepare(ctx, 7, old)  # the 2018 set has six forms


def test_an_old_dossier_reprints_exactly_as_first_printed(
        office: Callable[..., DeskContext], tmp_path: Path) -> None:
    first_ctx = office(2025, 6, 30, 10, 30)
    code = intake(first_ctx, local(2025, 6, 30, 10, 0))["code"]
    first = {n: rule_forms.thermal_document(rule_forms.prepare(first_ctx, n, code))
             for n in (1, 5)}
    first_pdf = pdf_text(rule_forms.pdf_bytes(first_ctx, rule_forms.prepare(first_ctx, 1, code)),
                         tmp_path)
    later = office(2026, 11, 23, 9, 0)  # a year and a half on, the 2025 set in force
    for n, doc in first.items():
        assert rule_forms.thermal_document(rule_forms.prepare(later, n, code)) == doc
    assert pdf_text(rule_forms.pdf_bytes(later, rule_forms.prepare(later, 1, code)),
                    tmp_path) == first_pdf
    assert "PHIẾU KIỂM SOÁT" in str(first[5].blocks[2:8])  # 2018 Form 05 is the control slip
