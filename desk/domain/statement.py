"""Bank statement exports (CSV) → credit transfers, for fee reconciliation.

Banks export statements with a few lines about the account first, then a header row, then one
row per transaction. The layouts differ in column names, order and number format, so the
header row is found by its names (folded: no diacritics, lower case) and each column is
looked up by a list of names it is known by. docs/fees.md describes the two layouts tested:

- layout "A" (Vietcombank-style): STT, Ngày giao dịch, Số tham chiếu, Số tiền ghi nợ,
  Số tiền ghi có, Mô tả — amounts "1.500.000" or "1,500,000";
- layout "B" (Techcombank/BIDV-style): Ngày GD, Mã giao dịch, Diễn giải, Nợ/Debit,
  Có/Credit, Số dư — amounts with decimals "15000.00", dates yyyy-mm-dd or dd/mm/yyyy HH:MM.

Only credits (money in) are returned; debits and totals rows are skipped.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from desk.domain.errors import DomainError
from desk.domain.text import fold

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "date": ("ngay giao dich", "ngay gd", "ngay hieu luc", "transaction date", "date",
             "ngay"),
    "reference": ("so tham chieu", "ma giao dich", "so but toan", "reference", "ref",
                  "transaction id", "ma gd"),
    "credit": ("so tien ghi co", "ghi co", "co", "credit", "so tien co", "co/credit"),
    "debit": ("so tien ghi no", "ghi no", "no", "debit", "no/debit"),
    "description": ("mo ta", "dien giai", "noi dung", "description", "noi dung giao dich",
                    "chi tiet giao dich"),
}
REQUIRED: Final = ("date", "credit", "description")
_NUMBER: Final = re.compile(r"[0-9.,]+")


@dataclass(frozen=True, slots=True)
class Credit:
    line: int  # 1-based line in the file
    on: date
    amount: int  # đồng
    reference: str
    description: str


def _column_key(name: str) -> str | None:
    key = fold(name).strip(" :*")
    for column, names in COLUMNS.items():
        if key in names:
            return column
    return None


def parse_amount(text: str) -> int | None:
    """"1.500.000", "1,500,000", "15000.00", "15 000", "+15,000 VND" → đồng; None if empty."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "").upper().removesuffix("VND")
    raw = raw.lstrip("+")
    if not raw or raw in ("-", "0"):
        return None
    if not _NUMBER.fullmatch(raw):
        raise ValueError(text)
    # A final group of 1–2 digits after the last separator is decimals (đồng have none).
    m = re.fullmatch(r"(.*?)[.,](\d{1,2})", raw)
    if m:
        raw = m.group(1)
    digits = raw.replace(".", "").replace(",", "")
    return int(digits) if digits else None


def parse_day(text: str) -> date:
    raw = text.strip().split(" ")[0].split("T")[0]
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _sniff(text: str) -> csv.Dialect | type[csv.Dialect]:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def parse_statement(text: str) -> list[Credit]:
    """The credits of a statement export. DomainError "statement.no_header" when no row has
    the date, credit and description columns; "statement.bad_row" names a row it cannot read."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), _sniff(text)))
    header_at, columns = None, {}
    for i, row in enumerate(rows):
        found = {}
        for j, cell in enumerate(row):
            key = _column_key(cell)
            if key and key not in found:
                found[key] = j
        if all(k in found for k in REQUIRED):
            header_at, columns = i, found
            break
    if header_at is None:
        raise DomainError("statement.no_header")
    credits = []
    for i, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            cell = row[columns["credit"]] if columns["credit"] < len(row) else ""
            amount = parse_amount(cell)
            if amount is None:
                continue  # a debit, or a row without money in
            day_cell = row[columns["date"]].strip()
            if not day_cell or not day_cell[0].isdigit():
                continue  # a totals row ("Tổng cộng")
            on = parse_day(day_cell)
        except (ValueError, IndexError):
            raise DomainError("statement.bad_row", line=i) from None
        ref = row[columns["reference"]].strip() if "reference" in columns and \
            columns["reference"] < len(row) else ""
        desc = row[columns["description"]].strip() if columns["description"] < len(row) else ""
        credits.append(Credit(line=i, on=on, amount=amount, reference=ref or f"L{i}",
                              description=desc))
    return credits


def compact(text: str) -> str:
    """Letters and digits only, upper case: banks drop or change the dots and dashes of a
    transfer's message ("H55.242-261204-0007" arrives as "H55242 261204 0007")."""
    return re.sub(r"[^0-9A-Z]", "", fold(text).upper())
