"""An A4 page in the layout of an official Vietnamese document (Decree 30/2020/NĐ-CP):
agency block top left with "Số: …", the national motto top right, place and date in italics,
a bold centred title, a 13 pt serif body and the signature block(s)."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypedDict

from fpdf import FPDF
from fpdf.enums import TextEmphasis, XPos, YPos
from fpdf.fonts import TTFFont

from printers.pdf.fonts import FAMILY, font_files
from printers.pdf.subsets import pdf_bytes

__all__ = ["Letterhead", "OfficialPdf", "vn_date"]

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LEFT_W = 72.0  # mm: agency block
BODY = 13
class NextLine(TypedDict):
    """Where fpdf2 leaves the cursor after a cell: the next line, back at the left margin."""

    new_x: XPos
    new_y: YPos


_DOWN: NextLine = {"new_x": XPos.LEFT, "new_y": YPos.NEXT}


@dataclass(frozen=True)
class Letterhead:
    """Who issues the paper: the office, its parent body (optional), the place for the date
    line (the province), the form set ("2018" or "2025") and the default signer."""

    office_name: str
    place: str
    parent: str = ""
    unit: str = "Bộ phận Tiếp nhận và Trả kết quả"
    form_set: str = "2025"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""


def vn_date(day: date | datetime) -> str:
    """'ngày 05 tháng 02 năm 2026' (days < 10 and months < 3 take a leading zero)."""
    d = f"{day.day:02d}" if day.day < 10 else str(day.day)
    m = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {d} tháng {m} năm {day.year}"


class OfficialPdf(FPDF):
    def __init__(self, head: Letterhead, created: datetime | None = None) -> None:
        """`created`: the desk's clock (an aware instant) for the PDF's CreationDate, which
        fpdf2 otherwise takes from the machine's clock, not the one that dated the paper."""
        super().__init__(orientation="P", unit="mm", format="A4")
        if created is not None:
            self.set_creation_date(created)
        self.head = head
        self.set_margins(30, 20, 15)
        self.set_auto_page_break(True, 20)
        self._faces = font_files()  # style → file, each added when the document first uses it
        self.set_font(FAMILY, "", BODY)
        self.add_page()

    def set_font(self, family: str | None = None, style: str | TextEmphasis = "",
                 size: float = 0) -> None:
        """fpdf2's, adding one of the desk's faces the first time the document uses it: fpdf2
        embeds (and subsets at output) every face added, used or not."""
        name = (family or self.font_family).lower()
        key = "".join(sorted(style.style if isinstance(style, TextEmphasis) else style.upper()))
        key = key.replace("S", "").replace("U", "")
        faces = getattr(self, "_faces", {})
        if name == FAMILY.lower() and name + key not in self.fonts and key in faces:
            self.add_font(FAMILY, key, str(faces[key]))
            # The faces' glyph boxes are right: without this fontTools decompiles and
            # recompiles every glyph of the subset at output to recompute them (~1/4 of it).
            if isinstance(font := self.fonts[name + key], TTFFont):
                font.ttfont.recalcBBoxes = False
        super().set_font(family, style, size)

    # -- header -----------------------------------------------------------------------------
    def letterhead(self, number: str = "", when: date | datetime | None = None,
                   unit: bool = True) -> None:
        top, left = self.t_margin, self.l_margin
        right_x, right_w = left + LEFT_W, self.epw - LEFT_W
        self.set_xy(left, top)
        if self.head.parent:
            self.set_font(FAMILY, "", 12)
            self.multi_cell(LEFT_W, 5.5, self.head.parent.upper(), align="C", **_DOWN)
        self.set_font(FAMILY, "B", 12)
        self.multi_cell(LEFT_W, 5.5, self.head.office_name.upper(), align="C", **_DOWN)
        if unit and self.head.unit:
            self.multi_cell(LEFT_W, 5.5, self.head.unit.upper(), align="C", **_DOWN)
        self._underline(left + LEFT_W / 2, 12)
        if number:
            self.set_font(FAMILY, "", 13)
            self.set_xy(left, self.get_y() + 2)
            self.cell(LEFT_W, 6, f"Số: {number}", align="C")
            self.ln(6)
        left_bottom = self.get_y()
        self.set_xy(right_x, top)
        self.set_font(FAMILY, "B", 12)
        self.cell(right_w, 5.5, NATION, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(FAMILY, "B", 13)
        self.cell(right_w, 6, MOTTO, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self._underline(right_x + right_w / 2, self.get_string_width(MOTTO))
        if when is not None:
            self.set_xy(right_x, max(self.get_y() + 4, left_bottom - 6))
            self.set_font(FAMILY, "I", 13)
            self.cell(right_w, 6, f"{self.head.place}, {vn_date(when)}", align="C")
        self.set_xy(left, max(left_bottom, self.get_y() + 6) + 6)
        self.set_font(FAMILY, "", BODY)

    def _underline(self, centre: float, width: float) -> None:
        y = self.get_y() + 0.8
        self.set_line_width(0.3)
        self.line(centre - width / 2, y, centre + width / 2, y)
        self.set_y(y + 0.5)

    def heading(self, text: str, subtitle: str = "") -> None:
        self.set_font(FAMILY, "B", 14)
        self.multi_cell(0, 7, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if subtitle:
            self.set_font(FAMILY, "B", BODY)
            self.multi_cell(0, 6.5, subtitle, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)
        self.set_font(FAMILY, "", BODY)

    # -- body -------------------------------------------------------------------------------
    def para(self, text: str, bold: bool = False, italic: bool = False, indent: bool = True,
             align: str = "J") -> None:
        self.set_font(FAMILY, ("B" if bold else "") + ("I" if italic else ""), BODY)
        self.multi_cell(0, 6.5, ("      " if indent else "") + text, align=align,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", BODY)

    def field(self, label: str, value: str) -> None:
        """'label: value' with the value in bold, wrapped."""
        self.set_x(self.l_margin)
        self.write(6.5, f"{label}: ")
        self.set_font(FAMILY, "B", BODY)
        self.write(6.5, value)
        self.set_font(FAMILY, "", BODY)
        self.ln(6.5)

    def items(self, items: Sequence[str], marker: str = "{n}.") -> None:
        for n, item in enumerate(items, 1):
            self.set_x(self.l_margin + 8)
            self.multi_cell(0, 6.5, f"{marker.format(n=n)} {item}", align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def grid(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[int]) -> None:
        self.set_font(FAMILY, "", 12)
        with self.table(col_widths=tuple(widths), text_align="CENTER", line_height=6,
                        first_row_as_headings=False) as t:
            head = t.row()
            self.set_font(FAMILY, "B", 12)
            for h in header:
                head.cell(h)
            self.set_font(FAMILY, "", 12)
            for r in rows:
                row = t.row()
                for c in r:
                    row.cell(c)
        self.set_font(FAMILY, "", BODY)
        self.ln(2)

    # -- codes ------------------------------------------------------------------------------
    def barcode(self, data: str, w: float = 70, h: float = 11, x: float | None = None) -> None:
        # python-barcode loads only when a page prints a barcode
        from barcode import Code128  # noqa: PLC0415

        # python-barcode loads only when a page prints a barcode
        from barcode.writer import SVGWriter  # noqa: PLC0415

        svg = io.BytesIO()
        Code128(data, writer=SVGWriter()).write(
            svg, {"write_text": False, "module_height": h, "quiet_zone": 1.0})
        x = self.l_margin + (self.epw - w) / 2 if x is None else x
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # python-barcode's SVG has no viewBox
            self.image(io.BytesIO(svg.getvalue()), x=x, y=self.get_y(), w=w, h=h)
        self.set_y(self.get_y() + h + 1)

    def qr(self, data: str, size: float, x: float, y: float) -> None:
        import qrcode  # noqa: PLC0415 — qrcode/PIL load only when a page prints a QR code

        img = qrcode.make(data, border=1,
                          error_correction=qrcode.constants.ERROR_CORRECT_M).get_image()
        self.image(img, x=x, y=y, w=size, h=size)

    # -- signatures -------------------------------------------------------------------------
    def signatures(self, blocks: Sequence[tuple[str, str, str]], space: float = 22) -> None:
        """Each block: (ROLE, note such as '(Ký và ghi rõ họ tên)', name). One block sits on
        the right half; two share the width."""
        if self.get_y() + 20 + space > self.h - self.b_margin:
            self.add_page()
        self.ln(4)
        top = self.get_y()
        n = len(blocks)
        w = self.epw / 2 if n == 1 else self.epw / n
        bottom = top
        for i, (role, note, name) in enumerate(blocks):
            x = self.l_margin + (self.epw / 2 if n == 1 else i * w)
            self.set_xy(x, top)
            self.set_font(FAMILY, "B", BODY)
            self.multi_cell(w, 6, role.upper(), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
            if note:
                self.set_font(FAMILY, "I", 12)
                self.multi_cell(w, 6, note, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.set_y(self.get_y() + space)
            self.set_x(x)
            self.set_font(FAMILY, "B", BODY)
            self.multi_cell(w, 6, name, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
            bottom = max(bottom, self.get_y())
        self.set_xy(self.l_margin, bottom + 2)
        self.set_font(FAMILY, "", BODY)

    def pdf_bytes(self) -> bytes:
        return pdf_bytes(self)

