"""A4 PDFs of Forms 01–05: rendered to PNG with pdftoppm (not blank) and read back with
pdftotext (the dossier code, the title and the Vietnamese text are really there)."""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from printers.layouts import samples
from printers.pdf import APOLOGY_TITLES, Letterhead, form_pdf, vn_date

pytestmark = pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
                                reason="poppler-utils (pdftoppm, pdftotext) not installed")
HEAD = Letterhead(office_name="UBND xã Tân Phú", place="Nghệ An", parent="UBND huyện Đức Trọng",
                  signer_name="Nguyễn Văn An")
FORMS = {1: samples.RECEIPT, 2: samples.SUPPLEMENT, 3: samples.REFUSAL, 4: samples.APOLOGY,
         5: samples.CONTROL}
TITLES = {1: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
          2: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
          3: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
          4: APOLOGY_TITLES["2025"],
          5: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"}


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True, timeout=60)
    return " ".join(out.stdout.decode("utf-8").split())


def png_of(path: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(path),
                    str(path.with_suffix(""))], check=True, timeout=60)
    return Image.open(path.with_suffix(".png")).convert("L")


def test_vietnamese_date_line() -> None:
    assert vn_date(date(2026, 11, 21)) == "ngày 21 tháng 11 năm 2026"
    assert vn_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert vn_date(date(2026, 3, 15)) == "ngày 15 tháng 3 năm 2026"


@pytest.mark.parametrize("form", [1, 2, 3, 4, 5])
def test_form_renders_with_code_and_title(form: int, tmp_path: Path) -> None:
    data = FORMS[form]
    if form == 3:
        data = replace(samples.REFUSAL, dossier_code=samples.CODE)
    path = tmp_path / f"form{form}.pdf"
    path.write_bytes(form_pdf(data, HEAD))
    text = pdf_text(path)
    assert samples.CODE in text
    assert TITLES[form] in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "UBND XÃ TÂN PHÚ" in text
    assert "Nguyễn Thị Hồng Nhung" in text or form == 3
    img = png_of(path)
    assert img.size[0] < img.size[1]  # portrait A4
    dark = sum(img.histogram()[:128])
    assert dark > 2000, "the page is (nearly) blank"


def test_receipt_lists_the_documents_and_times(tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(form_pdf(samples.RECEIPT, HEAD))
    text = pdf_text(path)
    assert "Số: 125/TN" in text
    assert "Nghệ An, ngày 31 tháng 5 năm 2021" in text
    assert "Giấy chứng sinh (bản chính)" in text
    assert "14 giờ 00 phút, ngày 07 tháng 6 năm 2021" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text and "Trần Văn Đức" in text


def test_apology_title_follows_the_form_set(tmp_path: Path) -> None:
    old = tmp_path / "old.pdf"
    old.write_bytes(form_pdf(samples.APOLOGY, replace(HEAD, form_set="2018")))
    new = tmp_path / "new.pdf"
    new.write_bytes(form_pdf(samples.APOLOGY, HEAD))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in pdf_text(old)
    new_text = pdf_text(new)
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in new_text
    assert "gia hạn" in new_text and "Nguyễn Văn An" in new_text


def test_barcode_on_the_page_decodes(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    path = tmp_path / "receipt.pdf"
    path.write_bytes(form_pdf(samples.RECEIPT, HEAD))
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(path),
                    str(tmp_path / "hi")], check=True, timeout=60)
    found = {r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "hi.png"))}
    assert samples.CODE in found
    assert samples.RECEIPT.status_url in found


def test_pdf_timing_first_and_tenth(capsys: pytest.CaptureFixture[str]) -> None:
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        form_pdf(samples.RECEIPT, HEAD)
        times.append(time.perf_counter() - t0)
    with capsys.disabled():
        print(f"\nA4 receipt PDF: first {times[0]:.3f} s, tenth {times[-1]:.3f} s")
    assert times[-1] < 5
