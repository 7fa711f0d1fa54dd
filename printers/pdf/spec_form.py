"""Any data-defined form (desk/rules/sets/*.json) as an A4 PDF in the layout of Decree
30/2020/NĐ-CP: agency block with "Số: number/symbol", the national motto, "place, ngày …",
the bold title, the body, then "Nơi nhận" at the bottom left beside the signature block at the
right (authority line TM./KT./Q., the signer's title, the note, the signer's name)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from printers.fill import EMPTY, FormLike, fill, items_of, rows_of
from printers.pdf.fonts import FAMILY
from printers.pdf.page import BODY, Letterhead, NextLine, OfficialPdf

__all__ = ["spec_pdf"]

_DOWN: NextLine = {"new_x": XPos.LEFT, "new_y": YPos.NEXT}
SIGN_SPACE = 22.0  # mm left blank for the signature and seal


def _codes(pdf: OfficialPdf, code: str, qr: str | None) -> None:
    y = pdf.get_y()
    if qr:
        pdf.qr(qr, 22, pdf.w - pdf.r_margin - 22, y - 2)
    pdf.barcode(code)
    pdf.set_y(max(pdf.get_y(), y + 22 if qr else 0) + 2)


def _fit(pdf: OfficialPdf, texts: Sequence[str], width: float, size: float) -> float:
    """The font size at which the widest of `texts` fits `width` on one line (a dossier code
    must never wrap inside its cell)."""
    pdf.set_font(FAMILY, "", size)
    widest = max((pdf.get_string_width(x) for x in texts), default=0.0)
    room = width - 2 * pdf.c_margin - 0.8
    return size if widest <= room else size * room / widest


def _grid(pdf: OfficialPdf, header: Sequence[str], rows: Sequence[Sequence[str]],
          widths: Sequence[float], size: int, nowrap: Sequence[bool] = ()) -> None:
    widths = [w * pdf.epw / sum(widths) for w in widths]  # the data's widths are proportions
    styles = [FontFace(size_pt=_fit(pdf, [r[i] for r in rows], w, size))
              if i < len(nowrap) and nowrap[i] else None for i, w in enumerate(widths)]
    pdf.set_font(FAMILY, "", size)
    line = size * 0.5
    with pdf.table(col_widths=tuple(widths), text_align="CENTER", line_height=line,
                   first_row_as_headings=False) as t:
        head = t.row()
        pdf.set_font(FAMILY, "B", size)
        for h in header:
            head.cell(h)
        pdf.set_font(FAMILY, "", size)
        for r in rows:
            row = t.row()
            for i, c in enumerate(r):
                row.cell(c, style=styles[i])
    pdf.set_font(FAMILY, "", BODY)
    pdf.ln(2)


def _body(pdf: OfficialPdf, form: FormLike, values: Mapping[str, Any]) -> None:
    for b in form.body:
        kind = b["type"]
        if b.get("intro"):
            pdf.para(fill(b["intro"], values, "a4"), indent=False)
        if kind == "para":
            pdf.para(fill(b["text"], values, "a4"), bold=bool(b.get("bold")),
                     indent=bool(b.get("indent", True)), align=str(b.get("align", "J")))
        elif kind == "field":
            pdf.field(b["label"], fill(b["value"], values, "a4"))
        elif kind == "list":
            pdf.items(items_of(values, b["items"], "a4"))
        elif kind == "table":
            cols = b["columns"]
            _grid(pdf, [c["label"] for c in cols], rows_of(values, b["rows"], cols, "a4"),
                  [float(c.get("width", 20)) for c in cols], int(b.get("font_size", 12)),
                  [bool(c.get("nowrap")) for c in cols])


def _recipients(pdf: OfficialPdf, x: float, y: float, w: float, items: Sequence[str]) -> float:
    pdf.set_xy(x, y)
    pdf.set_font(FAMILY, "I", 12)  # Decree 30: "Nơi nhận:" bold italic 12 pt (no BI face)
    pdf.cell(w, 6, "Nơi nhận:", **_DOWN)
    pdf.set_font(FAMILY, "", 11)
    for item in items:
        pdf.set_x(x)
        pdf.multi_cell(w, 5, f"- {item}", align="L", **_DOWN)
    return pdf.get_y()


def _sign(pdf: OfficialPdf, x: float, y: float, w: float, authority: str,
          block: Mapping[str, str], values: Mapping[str, Any]) -> float:
    pdf.set_xy(x, y)
    pdf.set_font(FAMILY, "B", BODY)
    if authority:
        pdf.multi_cell(w, 6, authority.upper(), align="C", **_DOWN)
    role = fill(block.get("role", ""), values, "a4")
    if role and role != EMPTY:
        pdf.set_x(x)
        pdf.multi_cell(w, 6, role.upper(), align="C", **_DOWN)
    if block.get("note"):
        pdf.set_x(x)
        pdf.set_font(FAMILY, "I", 12)
        pdf.multi_cell(w, 6, block["note"], align="C", **_DOWN)
    pdf.set_xy(x, pdf.get_y() + SIGN_SPACE)
    pdf.set_font(FAMILY, "B", BODY)
    pdf.multi_cell(w, 6, fill(block.get("name", ""), values, "a4"), align="C", **_DOWN)
    return pdf.get_y()


def _closing(pdf: OfficialPdf, form: FormLike, values: Mapping[str, Any]) -> None:
    sig = form.signature or {}
    blocks = list(sig.get("blocks", []))
    if not blocks and not form.recipients:
        return
    if pdf.get_y() + 30 + SIGN_SPACE > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.ln(4)
    top = pdf.get_y()
    authority = fill(sig.get("authority", ""), values, "a4") if sig.get("authority") else ""
    authority = "" if authority == EMPTY else authority
    bottom = top
    if len(blocks) >= 2 and not form.recipients:  # applicant and clerk share the width
        w = pdf.epw / len(blocks)
        for i, block in enumerate(blocks):
            bottom = max(bottom, _sign(pdf, pdf.l_margin + i * w, top, w, "", block, values))
    else:
        half = pdf.epw / 2
        if form.recipients:
            items = [fill(r, values, "a4") for r in form.recipients]
            bottom = _recipients(pdf, pdf.l_margin, top, half - 5, items)
        for block in blocks[:1]:
            bottom = max(bottom, _sign(pdf, pdf.l_margin + half, top, half, authority, block,
                                       values))
    pdf.set_xy(pdf.l_margin, bottom + 2)
    pdf.set_font(FAMILY, "", BODY)


class _Landscape(OfficialPdf):
    """A4 across, for the book's many columns."""

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        kwargs["orientation"] = "L"
        super().add_page(*args, **kwargs)


def spec_pdf(form: FormLike, values: Mapping[str, Any], head: Letterhead,
             created: datetime | None = None) -> bytes:
    """The A4 PDF of `form` filled with `values`. Values used by the frame: `number` (already
    "n/symbol"), `date` (the issue date of the paper), `dossier_code`, `qr`. `created` (the
    desk's clock) is the PDF's CreationDate."""
    landscape = getattr(form, "orientation", "P") == "L"
    pdf = _Landscape(head, created) if landscape else OfficialPdf(head, created)
    pdf.letterhead(str(values.get("number") or ""), values.get("date"), unit=form.unit)
    code = str(values.get("dossier_code") or "")
    pdf.heading(form.title, f"Mã hồ sơ: {code}" if code else "")
    if form.codes and code:
        _codes(pdf, code, values.get("qr") or None)
    _body(pdf, form, values)
    _closing(pdf, form, values)
    return pdf.pdf_bytes()
