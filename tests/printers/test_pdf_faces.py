"""An A4 PDF embeds only the faces its page shows (fpdf2 embeds and subsets every face added,
so the desk adds one when the page first uses it), and keeps the faces' glyph boxes at output
instead of recompiling every glyph: the page reads (pdftotext) and looks (pdftoppm) the same as
with every face added up front and the boxes recomputed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from printers.pdf.fonts import FAMILY, font_files
from printers.pdf.page import Letterhead, OfficialPdf

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdffonts", "pdftotext", "pdftoppm")),
    reason="poppler-utils not installed")

HEAD = Letterhead(office_name="UBND xã Minh Châu", place="Nghệ An")
WORDS = "Ủy ban nhân dân xã Minh Châu trân trọng xin lỗi Ông/Bà Nguyễn Thị Hường vì sự chậm trễ"


class EagerPdf(OfficialPdf):
    """fpdf2 as the desk used it before: the three faces added up front, every glyph's box
    recomputed at output."""

    def __init__(self, head: Letterhead) -> None:
        super().__init__(head)
        for style, path in font_files().items():
            if FAMILY.lower() + style not in self.fonts:
                self.add_font(FAMILY, style, str(path))
        for font in self.fonts.values():
            font.ttfont.recalcBBoxes = True


def _faces(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split()[0].split("+")[-1] for line in out.stdout.splitlines()[2:]]


def _save(pdf: OfficialPdf, path: Path) -> Path:
    path.write_bytes(pdf.pdf_bytes())
    return path


def _letter(cls: type[OfficialPdf]) -> OfficialPdf:
    pdf = cls(HEAD)
    pdf.letterhead("07/XL", when=None)
    pdf.heading("VĂN BẢN XIN LỖI", "Về việc trễ hạn giải quyết hồ sơ")
    pdf.para(WORDS + ".")
    pdf.field("Hẹn trả mới", "17 giờ 00, ngày 02 tháng 12 năm 2026")
    pdf.para("Rất mong nhận được sự thông cảm của Ông/Bà./.", italic=True)
    pdf.signatures([("Chủ tịch", "(Ký, ghi rõ họ tên, đóng dấu)", "Trần Văn Minh")])
    return pdf


def test_a_page_in_the_regular_face_embeds_only_that_face(tmp_path: Path) -> None:
    pdf = OfficialPdf(HEAD)
    pdf.para(WORDS)
    path = _save(pdf, tmp_path / "plain.pdf")
    assert _faces(path) == ["NotoSerif"]
    # the embedded font programs: three before, bold and italic unused but embedded (pdffonts
    # lists only the faces a page refers to)
    assert path.read_bytes().count(b"/FontFile2") == 1
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert " ".join(text.split()) == WORDS


def test_a_letter_reads_and_looks_as_with_every_face_added_up_front(tmp_path: Path) -> None:
    ours = _save(_letter(OfficialPdf), tmp_path / "ours.pdf")
    eager = _save(_letter(EagerPdf), tmp_path / "eager.pdf")
    assert sorted(_faces(ours)) == ["NotoSerif", "NotoSerif", "NotoSerifItalic"]
    texts = [subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True,
                            text=True, check=True).stdout for p in (ours, eager)]
    assert texts[0] == texts[1]
    words = " ".join(texts[0].split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in words
    assert "Nguyễn Thị Hường" in words and "thông cảm của Ông/Bà" in words
    pages = []
    for p in (ours, eager):
        subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(p),
                        str(p.with_suffix(""))], check=True)
        pages.append(Image.open(p.with_suffix(".png")).convert("RGB"))
    assert ImageChops.difference(*pages).getbbox() is None  # not one pixel apart
