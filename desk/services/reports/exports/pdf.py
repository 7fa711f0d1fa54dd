"""The period report as an A4 landscape PDF (fpdf2, the Vietnamese serif of printers.pdf.fonts):
the office and the national motto, the title and period, the table with its two header rows
repeated on every page and the total, then the rates, satisfaction and the score."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from desk.domain.statistics import LEVELS
from desk.i18n import t
from desk.i18n.numbers import percent
from desk.services.reports.exports.table import (
    GOAL,
    GROUPS,
    RATE_KEYS,
    VALUE_KEYS,
    clerk_label,
    column_label,
    counter_label,
    period_text,
    points_text,
    rates,
    score_lines,
    table_rows,
)
from printers.pdf.fonts import FAMILY, font_files
from printers.pdf.subsets import pdf_bytes

if TYPE_CHECKING:
    from desk.services.reports.period import PeriodReport

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
HEAD_FILL = (221, 235, 247)
TOTAL_FILL = (242, 242, 242)


class _Move(TypedDict):
    new_x: XPos
    new_y: YPos


_DOWN: _Move = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}  # the next line, at the margin


class LandscapePdf(FPDF):
    """A4 landscape with the desk's serif font and a page number footer."""

    def __init__(self, orientation: str = "L", created: datetime | None = None) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        if created is not None:  # the desk's clock, not the machine's (fpdf2's default)
            self.set_creation_date(created)
        self.set_margins(10, 10, 10)
        self.set_auto_page_break(True, 12)
        for style, path in font_files().items():
            self.add_font(FAMILY, style, str(path))
        self.set_font(FAMILY, "", 10)
        self.alias_nb_pages()
        self.add_page()

    def footer(self) -> None:
        self.set_y(-9)
        self.set_font(FAMILY, "I", 8)
        self.cell(0, 5, t("report.page", n=self.page_no(), total="{nb}"), align="C")

    def masthead(self, office: str, title: str, subtitle: str, note: str = "") -> None:
        half = self.epw / 2
        top = self.get_y()
        self.set_font(FAMILY, "B", 11)
        self.multi_cell(half * 0.8, 5.5, office.upper(), align="C", **_DOWN)
        self.set_xy(self.l_margin + half, top)
        self.cell(half, 5.5, NATION, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.cell(half, 5.5, MOTTO, align="C", **_DOWN)
        self.ln(4)
        self.set_font(FAMILY, "B", 14)
        self.multi_cell(0, 7, title, align="C", **_DOWN)
        self.set_font(FAMILY, "I", 11)
        self.multi_cell(0, 6, subtitle, align="C", **_DOWN)
        if note:
            self.set_font(FAMILY, "I", 9)
            self.cell(0, 5, note, align="R", **_DOWN)
        self.ln(1)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - self.b_margin - 30:
            self.add_page()
        self.ln(3)
        self.set_font(FAMILY, "B", 11)
        self.cell(0, 6, text, **_DOWN)
        self.set_font(FAMILY, "", 10)

    def line_text(self, text: str, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", 10)
        self.multi_cell(0, 5.5, text, **_DOWN)
        self.set_font(FAMILY, "", 10)

    def simple_table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
                     widths: Sequence[float], bold_last: bool = False,
                     aligns: Sequence[str] = ()) -> None:
        self.set_font(FAMILY, "", 9)
        with self.table(col_widths=tuple(widths), width=sum(widths), align="LEFT",
                        text_align="CENTER", line_height=5, num_heading_rows=1,
                        headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL)) as tb:
            r = tb.row()
            for h in header:
                r.cell(h)
            for i, cells in enumerate(rows):
                last = bold_last and i == len(rows) - 1
                style = FontFace(emphasis="BOLD", fill_color=TOTAL_FILL) if last else None
                r = tb.row(style=style)
                for j, c in enumerate(cells):
                    align = aligns[j] if j < len(aligns) else "LEFT" if j == 0 else "RIGHT"
                    r.cell(c, align=align)
        self.set_font(FAMILY, "", 10)


def fitting_size(pdf: FPDF, labels: Sequence[str], widths: Sequence[float], size: float,
                 style: str = "B") -> float:
    """The largest font size (at most `size`, in 0.25 pt steps) at which every word of each
    header label fits its column: fpdf2 breaks a word that does not fit mid-word
    ("chuyể/n"), which a reader cannot follow."""
    room = [w - 2 * pdf.c_margin - 0.2 for w in widths]
    while size > 4:
        pdf.set_font(FAMILY, style, size)
        if all(pdf.get_string_width(word) <= r
               for label, r in zip(labels, room, strict=True) for word in label.split()):
            break
        size -= 0.25
    pdf.set_font(FAMILY, "", 7.5)
    return size


def _report_table(pdf: LandscapePdf, report: PeriodReport) -> None:
    name_w, no_w, rate_w = 46.0, 8.0, 14.0
    val_w = (pdf.epw - name_w - no_w - rate_w) / (len(VALUE_KEYS) - 1)
    widths = (no_w, name_w, *(rate_w if k in RATE_KEYS else val_w for k in VALUE_KEYS))
    pdf.set_font(FAMILY, "", 7.5)
    labels = [column_label(k) for k in VALUE_KEYS]
    head_pt = fitting_size(pdf, labels, widths[2:], 7.0)
    head = FontFace(emphasis="BOLD", fill_color=HEAD_FILL, size_pt=head_pt)
    with pdf.table(col_widths=widths, text_align="CENTER", line_height=3.6,
                   num_heading_rows=2, headings_style=head, v_align="MIDDLE") as tb:
        r1 = tb.row()
        r1.cell(t("report.col.no"), rowspan=2)
        r1.cell(t("report.col.name"), rowspan=2)
        for group, keys in GROUPS:
            r1.cell(t(f"report.group.{group}"), colspan=len(keys))
        r2 = tb.row()
        for key in VALUE_KEYS:
            r2.cell(column_label(key))
        n = 0
        for tr in table_rows(report):
            style = None
            if tr.level == "total":
                style = FontFace(emphasis="BOLD", fill_color=TOTAL_FILL)
            elif tr.level == "field":
                style = FontFace(emphasis="BOLD")
            r = tb.row(style=style)
            if tr.level == "field":
                n += 1
            r.cell(str(n) if tr.level == "field" else "")
            label = tr.name if tr.level == "total" else f"{tr.code} {tr.name}"
            r.cell(("   " if tr.level == "procedure" else "") + label, align="LEFT")
            for key in VALUE_KEYS:
                r.cell(tr.cell(key), align="RIGHT")
    pdf.set_font(FAMILY, "", 10)


def report_pdf(report: PeriodReport) -> bytes:
    pdf = LandscapePdf(created=report.generated_at)
    at = report.generated_at.strftime("%d/%m/%Y %H:%M")
    pdf.masthead(report.office_name, t("report.title"), period_text(report),
                 f"{t('report.unit')} — {t('report.generated', at=at)}")
    _report_table(pdf, report)
    pdf.heading(t("report.rates"))
    for label, value in rates(report):
        goal = f"  ({t('report.rate.goal', goal=percent(GOAL, 0))})" \
            if label == t("report.rate.on_time") else ""
        shown = percent(value) if value is not None else t("report.na")
        pdf.line_text(f"• {label}: {shown}{goal}")
    pdf.heading(t("report.satisfaction"))
    heads = [t("report.sat.col.who"), *(t(f"rating.level.{lv}") for lv in LEVELS),
             t("report.sat.col.total"), t("report.sat.col.rate")]
    widths = (60.0, 30.0, 30.0, 30.0, 22.0, 28.0)
    items = [(counter_label(s), s) for s in report.by_counter] + \
        [(clerk_label(s), s) for s in report.by_clerk] + \
        [(t("report.total"), report.satisfaction)]
    pdf.simple_table(heads, [[label, *(str(s.count(lv)) for lv in LEVELS), str(s.total),
                              percent(s.rate) if s.rate is not None else t("report.na")]
                             for label, s in items], widths, bold_last=True)
    pdf.heading(t("report.score"))
    pdf.simple_table([t("report.score.col.no"), t("report.score.col.name"),
                      t("report.score.col.points")],
                     [[str(i.number), t(f"report.indicator.{i.number}"), points_text(i.points)]
                      for i in report.score.indicators], (18.0, 120.0, 30.0),
                     aligns=("CENTER", "LEFT", "RIGHT"))
    for line in score_lines(report):
        pdf.line_text(line, bold=True)
    return pdf_bytes(pdf)
