"""The dossier book (Form 06) as XLSX and as an A4 landscape PDF."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from desk.i18n import t
from desk.services.reports.exports.pdf import HEAD_FILL, LandscapePdf
from desk.services.reports.exports.xlsx import _put, _styles, print_setup, xlsx_bytes
from printers.pdf.fonts import FAMILY
from printers.pdf.subsets import pdf_bytes

if TYPE_CHECKING:
    from desk.services.reports.book import BookRow

# (column key, XLSX width, PDF width in mm); the five dates sit under one group header.
COLUMNS: Final[tuple[tuple[str, float, float], ...]] = (
    ("no", 5, 8), ("code", 24, 27), ("procedure", 28, 30), ("sets", 7, 11),
    ("applicant", 18, 20), ("contact", 22, 24), ("agency", 18, 18),
    ("received", 12, 15), ("due", 12, 15), ("transferred", 12, 15), ("result", 12, 15),
    ("returned", 12, 15), ("method", 12, 16), ("signature", 12, 17), ("notes", 20, 31),
)
DATES: Final = ("received", "due", "transferred", "result", "returned")
PDF_SIZE: Final = 7.0  # pt, the table's font
CODE_MAX_MM: Final = 44.0  # a wider code (a 35-character office id) gets a smaller font instead
# where the code column's extra width comes from, and how narrow each may get (mm)
GIVERS: Final = (("notes", 20.0), ("procedure", 24.0), ("contact", 20.0))


def _when(dt: datetime | None) -> str:
    return "" if dt is None else f"{dt:%H:%M %d/%m/%Y}"


def cells(r: BookRow) -> dict[str, Any]:
    """One book row as the cells of the form, by column key."""
    return {"no": r.no, "code": r.code, "procedure": r.procedure, "sets": r.sets,
            "applicant": r.applicant, "contact": r.contact, "agency": r.agency,
            "received": _when(r.received_at), "due": _when(r.due_at),
            "transferred": _when(r.transferred_at), "result": _when(r.result_at),
            "returned": _when(r.returned_at), "method": r.method, "signature": "",
            "notes": r.notes}


HEADER_ROW: Final = 5  # XLSX: two header rows (5 and 6), data from row 7


def book_xlsx(rows: list[BookRow], head: dict[str, str], created: datetime) -> bytes:
    # openpyxl is heavy and only the spreadsheet export uses it
    from openpyxl import Workbook  # noqa: PLC0415 — openpyxl is heavy; only the XLSX book needs it

    # openpyxl is heavy and only the spreadsheet export uses it
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    st = _styles()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("report.sheet.book")
    width = len(COLUMNS)
    ws.cell(row=1, column=1, value=head["office"].upper()).font = st["bold"]
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    c = ws.cell(row=2, column=1, value=head["title"])
    c.font, c.alignment = st["title"], st["head"]
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    c = ws.cell(row=3, column=1, value=head["period"])
    c.font, c.alignment = st["italic"], st["head"]
    h1, h2 = HEADER_ROW, HEADER_ROW + 1
    first_date = next(i for i, (k, _, _) in enumerate(COLUMNS, 1) if k == DATES[0])
    for i, (key, w, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
        if key in DATES:
            _put(ws, h1, i, t("book.group.dates") if i == first_date else None, st, bold=True,
                 align="head").fill = st["fill"]
            _put(ws, h2, i, t(f"book.col.{key}"), st, bold=True, align="head").fill = st["fill"]
        else:
            ws.merge_cells(start_row=h1, start_column=i, end_row=h2, end_column=i)
            _put(ws, h1, i, t(f"book.col.{key}"), st, bold=True, align="head").fill = st["fill"]
            _put(ws, h2, i, None, st, align="head")
    ws.merge_cells(start_row=h1, start_column=first_date, end_row=h1,
                   end_column=first_date + len(DATES) - 1)
    ws.row_dimensions[h2].height = 48
    for n, r in enumerate(rows):
        row = h2 + 1 + n
        for i, (key, _, _) in enumerate(COLUMNS, 1):
            v = cells(r)[key]
            _put(ws, row, i, v if v != "" else None, st,
                 align="num" if key in ("no", "sets") else "wrap")
    ws.freeze_panes = ws.cell(row=h2 + 1, column=3)
    print_setup(ws, f"{h1}:{h2}")
    return xlsx_bytes(wb, created)


def pdf_widths(pdf: Any, codes: list[str]) -> tuple[tuple[float, ...], float]:
    """The PDF's column widths and the font size of the code cells, so that a dossier code is
    never wrapped inside its cell: the code column widens to the longest code (taking the room
    from the notes, then the procedure and contact columns), up to CODE_MAX_MM; a longer code
    is set smaller instead."""
    pdf.set_font(FAMILY, "", PDF_SIZE)
    slack = 2 * pdf.c_margin + 0.8  # the cell's inner margins, and rounding
    longest = max((pdf.get_string_width(c) for c in codes), default=0.0)
    widths = {k: w for k, _, w in COLUMNS}
    want = min(max(widths["code"], longest + slack), CODE_MAX_MM)
    extra = want - widths["code"]
    for key, least in GIVERS:
        take = min(extra, max(0.0, widths[key] - least))
        widths[key] -= take
        widths["code"] += take
        extra -= take
    room = widths["code"] - slack
    size = PDF_SIZE if longest <= room else PDF_SIZE * room / longest
    return tuple(widths[k] for k, _, _ in COLUMNS), size


def book_pdf(rows: list[BookRow], head: dict[str, str], created: datetime | None = None) -> bytes:
    from fpdf.fonts import FontFace  # noqa: PLC0415 — fpdf2 is heavy and only PDF output uses it

    pdf = LandscapePdf(created=created)
    pdf.masthead(head["office"], head["title"], head["period"])
    widths, code_size = pdf_widths(pdf, [r.code for r in rows])
    code_style = FontFace(size_pt=code_size) if code_size < PDF_SIZE else None
    pdf.set_font(FAMILY, "", PDF_SIZE)
    style = FontFace(emphasis="BOLD", fill_color=HEAD_FILL, size_pt=7)
    with pdf.table(col_widths=widths, width=sum(widths), text_align="CENTER",
                   line_height=3.8, num_heading_rows=2, headings_style=style,
                   v_align="MIDDLE") as tb:
        r1 = tb.row()
        for key, _, _ in COLUMNS:
            if key == DATES[0]:
                r1.cell(t("book.group.dates"), colspan=len(DATES))
            elif key not in DATES:
                r1.cell(t(f"book.col.{key}"), rowspan=2)
        r2 = tb.row()
        for key in DATES:
            r2.cell(t(f"book.col.{key}"))
        for r in rows:
            row = tb.row()
            for key, _, _ in COLUMNS:
                v = cells(r)[key]
                row.cell(str(v), align="LEFT" if key in ("procedure", "applicant", "contact",
                                                         "agency", "notes") else "CENTER",
                         style=code_style if key == "code" else None)
    return pdf_bytes(pdf)
