"""Printer profiles: what an ESC/POS printer can do and how to talk to it.

Presets follow shared/design/notes/escpos.md:
- epson80: Epson TM-T20-class, 80 mm, 203 dpi, TCVN-3 on pages 30 (lower) / 31 (upper),
  WPC1258 on 52, native CODE128 and QR, DLE EOT status.
- xprinter80 / xprinter58: Xprinter-class (Chinese firmware): "Vietnam" page 27 behaves
  like single-page TCVN-3 (not CP1258), so capitals with tones are rasterised; FS . must
  follow ESC @ to leave Kanji mode. Print the test sheet to confirm on each unit.
- raster: any printer; every text line is sent as a GS v 0 image.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from desk.domain.errors import DomainError

__all__ = ["PRESETS", "PrinterProfile", "get_profile"]

CodepageMode = Literal["tcvn3", "cp1258", "raster"]
FlowControl = Literal["none", "xonxoff", "rtscts", "dsrdtr"]


def _hex(v: object) -> str:
    """`init_bytes` as written in desk.toml ("1c 2e") → "1c2e"; not hex: a message key."""
    if not isinstance(v, str):
        raise DomainError("config.p.string")
    v = v.replace(" ", "").lower()
    try:
        bytes.fromhex(v)
    except ValueError:
        raise DomainError("print.p.hex", value=v) from None
    return v


# A frozen dataclass, not a pydantic model: a `desk queue issue` that prints its ticket reads
# one, and pydantic's import alone was most of that command's budget (docs/performance.md).
# A printer's `options` in desk.toml are read onto a preset by desk.tables_reader, as the
# settings are (printing/rendering.printer_profile), which also runs `_check`.
@dataclass(frozen=True, kw_only=True)
class PrinterProfile:
    """One printer model/configuration. Immutable; use `dataclasses.replace` to vary."""

    name: str
    paper_columns: Literal[32, 42, 48] = 48
    dots: Literal[384, 512, 576] = 576
    codepage_mode: CodepageMode = "tcvn3"
    # (lower page, upper page); upper None = one standard TCVN-3 page (no toned capitals)
    tcvn3_pages: tuple[int, int | None] | None = (30, 31)
    cp1258_page: int | None = 52
    init_bytes: str = field(default="", metadata={"convert": _hex})  # hex sent after ESC @
    native_barcode: bool = True
    native_qr: bool = True
    status_support: bool = True
    baudrate: int = 9600
    flow_control: FlowControl = "dsrdtr"
    cut: bool = True

    def _check(self) -> None:
        if self.codepage_mode == "tcvn3" and self.tcvn3_pages is None:
            raise DomainError("print.p.tcvn3_pages")
        if self.codepage_mode == "cp1258" and self.cp1258_page is None:
            raise DomainError("print.p.cp1258_page")

    @property
    def init(self) -> bytes:
        """ESC @ followed by the profile's extra init bytes."""
        return b"\x1b@" + bytes.fromhex(self.init_bytes)

    @property
    def char_dots(self) -> int:
        """Width of one character cell in dots (12 for font A)."""
        return self.dots // self.paper_columns


PRESETS: dict[str, PrinterProfile] = {
    "epson80": PrinterProfile(name="epson80"),
    "xprinter80": PrinterProfile(
        name="xprinter80", tcvn3_pages=(27, None), cp1258_page=None, init_bytes="1c2e",
        status_support=True, flow_control="none"),
    "xprinter58": PrinterProfile(
        name="xprinter58", paper_columns=32, dots=384, tcvn3_pages=(27, None),
        cp1258_page=None, init_bytes="1c2e", flow_control="none"),
    "raster": PrinterProfile(
        name="raster", codepage_mode="raster", tcvn3_pages=None, cp1258_page=None,
        native_barcode=False, native_qr=False, status_support=False, flow_control="none"),
}


def get_profile(name: str) -> PrinterProfile:
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown printer profile {name!r}; known: {sorted(PRESETS)}") from None
