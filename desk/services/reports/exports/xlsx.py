"""The period report as an XLSX workbook formatted for printing (openpyxl): title, period,
two bold header rows with the column groups merged, thin borders, column widths, landscape A4,
fit to one page wide, header rows repeated on every page. Sheets: the report (table, rates,
score), per day, satisfaction."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zipfile import ZIP_DEFLATED, ZipFile

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
    rates,
    score_lines,
    table_rows,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from desk.services.reports.period import PeriodReport

HEADER_ROW = 6  # the first of the two header rows; data starts two rows below
FIRST_DATA_ROW = HEADER_ROW + 2
PCT = "0.0%"


def _styles() -> dict[str, Any]:
    # openpyxl is heavy and only the spreadsheet export uses it
    # openpyxl is heavy; only XLSX output needs it
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: PLC0415

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "bold": Font(name="Times New Roman", bold=True, size=11),
        "normal": Font(name="Times New Roman", size=11),
        "title": Font(name="Times New Roman", bold=True, size=14),
        "italic": Font(name="Times New Roman", italic=True, size=11),
        "head": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "wrap": Alignment(vertical="center", wrap_text=True),
        "num": Alignment(horizontal="right", vertical="center"),
        "fill": PatternFill("solid", fgColor="DDEBF7"),
        "total_fill": PatternFill("solid", fgColor="F2F2F2"),
    }


def print_setup(ws: Worksheet, header_rows: str | None, landscape: bool = True) -> None:
    """Landscape A4, one page wide (any number of pages tall), header rows on every page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if header_rows:
        ws.print_title_rows = header_rows
    ws.oddFooter.center.text = "&P / &N"


def _title(ws: Worksheet, st: dict[str, Any], report: PeriodReport, width: int,
           title: str) -> None:
    ws.cell(row=1, column=1, value=report.office_name.upper()).font = st["bold"]
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    c = ws.cell(row=2, column=1, value=title)
    c.font, c.alignment = st["title"], st["head"]
    ws.row_dimensions[2].height = 24
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    c = ws.cell(row=3, column=1, value=period_text(report))
    c.font, c.alignment = st["italic"], st["head"]
    ws.cell(row=4, column=1, value=t("report.unit")).font = st["italic"]
    at = report.generated_at.strftime("%d/%m/%Y %H:%M")
    c = ws.cell(row=4, column=width, value=t("report.generated", at=at))
    c.font = st["italic"]
    c.alignment = st["num"]


def _put(ws: Worksheet, row: int, col: int, value: Any, st: dict[str, Any], *,
         bold: bool = False, fmt: str | None = None, align: str = "wrap") -> Any:
    c = ws.cell(row=row, column=col, value=value)
    c.border = st["border"]
    c.font = st["bold"] if bold else st["normal"]
    c.alignment = st[align]
    if fmt:
        c.number_format = fmt
    return c


def report_sheet(ws: Worksheet, report: PeriodReport, st: dict[str, Any]) -> None:
    # openpyxl is heavy and only the spreadsheet export uses it
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    width = 3 + len(VALUE_KEYS)
    _title(ws, st, report, width, t("report.title"))
    h1, h2 = HEADER_ROW, HEADER_ROW + 1
    for col, key in ((1, "report.col.no"), (2, "report.col.code"), (3, "report.col.name")):
        ws.merge_cells(start_row=h1, start_column=col, end_row=h2, end_column=col)
        _put(ws, h1, col, t(key), st, bold=True, align="head").fill = st["fill"]
        _put(ws, h2, col, None, st, align="head")
    col = 4
    for group, keys in GROUPS:
        ws.merge_cells(start_row=h1, start_column=col, end_row=h1, end_column=col + len(keys) - 1)
        for i, key in enumerate(keys):
            _put(ws, h1, col + i, t(f"report.group.{group}") if i == 0 else None, st,
                 bold=True, align="head").fill = st["fill"]
            _put(ws, h2, col + i, column_label(key), st, bold=True,
                 align="head").fill = st["fill"]
        col += len(keys)
    ws.row_dimensions[h1].height = 30
    ws.row_dimensions[h2].height = 45
    row = FIRST_DATA_ROW
    n = 0
    for tr in table_rows(report):
        bold = tr.level != "procedure"
        if tr.level == "field":
            n += 1
        number = n if tr.level == "field" else None
        name = ("    " if tr.level == "procedure" else "") + tr.name
        _put(ws, row, 1, number if tr.level != "total" else None, st, bold=bold, align="head")
        _put(ws, row, 2, tr.code or None, st, bold=bold)
        _put(ws, row, 3, name, st, bold=bold)
        for i, key in enumerate(VALUE_KEYS):
            v = tr.values[key]
            if key in RATE_KEYS:
                c = _put(ws, row, 4 + i, t("value.na") if v is None else v, st, bold=bold, fmt=PCT,
                         align="num")
            else:
                c = _put(ws, row, 4 + i, v, st, bold=bold, align="num")
            if tr.level == "total":
                c.fill = st["total_fill"]
        if tr.level == "total":
            for cc in (1, 2, 3):
                ws.cell(row=row, column=cc).fill = st["total_fill"]
        row += 1
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 36
    for i in range(len(VALUE_KEYS)):
        ws.column_dimensions[get_column_letter(4 + i)].width = 9.5
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=4)
    print_setup(ws, f"{h1}:{h2}")
    # rates and the score under the table
    row += 1
    ws.cell(row=row, column=1, value=t("report.rates")).font = st["bold"]
    row += 1
    for label, value in rates(report):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.cell(row=row, column=1, value=label).font = st["normal"]
        c = ws.cell(row=row, column=4, value=t("value.na") if value is None else value)
        c.number_format, c.font = PCT, st["bold"]
        if label == t("report.rate.on_time"):
            ws.cell(row=row, column=5, value=t("report.rate.goal", goal=percent(GOAL, 0))
                    ).font = st["italic"]
        row += 1
    row += 1
    ws.cell(row=row, column=1, value=t("report.score")).font = st["bold"]
    row += 1
    for i, col_key in enumerate(("report.score.col.no", "report.score.col.name",
                                 "report.score.col.points")):
        _put(ws, row, (1, 3, 4)[i], t(col_key), st, bold=True, align="head")
    _put(ws, row, 2, None, st)
    row += 1
    for ind in report.score.indicators:
        _put(ws, row, 1, ind.number, st, align="head")
        _put(ws, row, 2, None, st)
        _put(ws, row, 3, t(f"report.indicator.{ind.number}"), st)
        _put(ws, row, 4, t("value.na") if ind.points is None else ind.points, st, fmt="0.0",
             align="num")
        row += 1
    for line in score_lines(report):
        ws.cell(row=row, column=1, value=line).font = st["bold"]
        row += 1


def days_sheet(ws: Worksheet, report: PeriodReport, st: dict[str, Any]) -> None:
    _title(ws, st, report, 3, t("report.days"))
    row = HEADER_ROW
    for i, key in enumerate(("day", "received", "resolved")):
        _put(ws, row, 1 + i, t(f"report.day.col.{key}"), st, bold=True,
             align="head").fill = st["fill"]
    for p in report.days:
        row += 1
        _put(ws, row, 1, p.day, st, fmt="DD/MM/YYYY", align="head")
        _put(ws, row, 2, p.received, st, align="num")
        _put(ws, row, 3, p.resolved, st, align="num")
    row += 1
    _put(ws, row, 1, t("report.total"), st, bold=True, align="head")
    _put(ws, row, 2, sum(p.received for p in report.days), st, bold=True, align="num")
    _put(ws, row, 3, sum(p.resolved for p in report.days), st, bold=True, align="num")
    for letter, w in (("A", 14), ("B", 16), ("C", 16)):
        ws.column_dimensions[letter].width = w
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}", landscape=False)


def satisfaction_sheet(ws: Worksheet, report: PeriodReport, st: dict[str, Any]) -> None:
    width = 3 + len(LEVELS)
    _title(ws, st, report, width, t("report.satisfaction"))
    row = HEADER_ROW
    heads = [t("report.sat.col.who"), *(t(f"rating.level.{lv}") for lv in LEVELS),
             t("report.sat.col.total"), t("report.sat.col.rate")]
    for section, items in ((t("report.sat.by_counter"),
                            [(counter_label(s), s) for s in report.by_counter]),
                           (t("report.sat.by_clerk"),
                            [(clerk_label(s), s) for s in report.by_clerk])):
        ws.cell(row=row, column=1, value=section).font = st["bold"]
        row += 1
        for i, h in enumerate(heads):
            _put(ws, row, 1 + i, h, st, bold=True, align="head").fill = st["fill"]
        for label, s in [*items, (t("report.total"), report.satisfaction)]:
            row += 1
            bold = s is report.satisfaction
            _put(ws, row, 1, label, st, bold=bold)
            for i, lv in enumerate(LEVELS):
                _put(ws, row, 2 + i, s.count(lv), st, bold=bold, align="num")
            _put(ws, row, 2 + len(LEVELS), s.total, st, bold=bold, align="num")
            _put(ws, row, 3 + len(LEVELS), t("value.na") if s.rate is None else s.rate, st,
                 bold=bold,
                 fmt=PCT, align="num")
        row += 2
    ws.column_dimensions["A"].width = 28
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 15
    print_setup(ws, None, landscape=False)


def xlsx_bytes(wb: Workbook, made: datetime) -> bytes:
    """The workbook's file, created and last modified at `made` (the desk's clock, as the
    PDFs' CreationDate). `Workbook.save` would stamp the machine's clock as the modified
    time, so the file is written the way it does without that stamp."""
    # openpyxl is heavy and only the spreadsheet export uses it
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

    wb.properties.created = wb.properties.modified = (  # docProps/core.xml holds UTC
        made.astimezone(UTC).replace(tzinfo=None))
    out = io.BytesIO()
    ExcelWriter(wb, ZipFile(out, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return out.getvalue()


def report_xlsx(report: PeriodReport) -> bytes:
    # openpyxl is heavy and only the spreadsheet export uses it
    from openpyxl import Workbook  # noqa: PLC0415 — openpyxl is heavy; only XLSX output needs it

    st = _styles()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("report.sheet.report")
    report_sheet(ws, report, st)
    days_sheet(wb.create_sheet(t("report.sheet.days")), report, st)
    satisfaction_sheet(wb.create_sheet(t("report.sheet.satisfaction")), report, st)
    wb.properties.title = t("report.title")
    wb.properties.creator = "Một Cửa Desk"
    return xlsx_bytes(wb, report.generated_at)


__all__ = ["FIRST_DATA_ROW", "HEADER_ROW", "print_setup", "report_xlsx", "xlsx_bytes"]
