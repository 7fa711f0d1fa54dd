"""Document → ESC/POS bytes for a printer profile.

Text goes out natively in the profile's code page (TCVN-3 with minimal ESC t switching, or
iconv-compatible CP1258). A line that the code page cannot hold is rasterised with the TTF
(GS v 0) — never printed as '?'. Raster mode rasterises every text line. CODE128 and QR
are native (GS k 73 with optimal code sets; GS ( k model 2, EC M) or rasterised.
Style commands are emitted only when the style changes.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import qrcode
from PIL import Image

from printers.document import QR, Barcode, Cut, Document, Feed, Line, layout_lines
from printers.escpos import cp1258, tcvn3
from printers.escpos.code128 import escpos_payload, modules
from printers.escpos.profiles import PrinterProfile
from printers.escpos.raster import image_to_raster, render_text_line

__all__ = ["qr_matrix", "render", "render_barcode_image", "render_qr_image"]

log = logging.getLogger(__name__)
_ALIGN = {"left": 0, "center": 1, "right": 2}
QR_BORDER = 2  # modules of white around a rasterised QR


def qr_matrix(data: str) -> list[list[bool]]:
    """QR (model 2, EC M, smallest version) as rows of booleans, no border."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(data.encode("utf-8"))
    qr.make(fit=True)
    return [[bool(m) for m in row] for row in qr.get_matrix()]


@lru_cache(maxsize=256)
def qr_modules(data: str) -> int:
    """Modules per side of the smallest QR for `data`, without building its matrix: a native
    QR only needs the size, and masking a matrix costs ~20 ms a receipt on an old PC."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(data.encode("utf-8"))
    return int(qr.best_fit()) * 4 + 17


def render_qr_image(data: str, size: int, border: int = QR_BORDER) -> Image.Image:
    matrix = qr_matrix(data)
    n = len(matrix) + 2 * border
    img = Image.new("1", (n, n), 1)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                img.putpixel((x + border, y + border), 0)
    return img.resize((n * size, n * size), Image.Resampling.NEAREST)


def render_barcode_image(data: str, module: int, height: int) -> Image.Image:
    bars = modules(data)
    img = Image.new("1", (len(bars), 1), 1)
    for x, bit in enumerate(bars):
        if bit == "1":
            img.putpixel((x, 0), 0)
    return img.resize((len(bars) * module, height), Image.Resampling.NEAREST)


class _Renderer:
    def __init__(self, profile: PrinterProfile) -> None:
        self.p = profile
        self.out = bytearray(profile.init)
        self.align = 0
        self.bold = False
        self.size = 0
        self.page: int | None = None
        if profile.codepage_mode == "cp1258" and profile.cp1258_page is not None:
            self.out += bytes((0x1B, 0x74, profile.cp1258_page))
            self.page = profile.cp1258_page

    def set_align(self, align: int) -> None:
        if align != self.align:
            self.out += bytes((0x1B, 0x61, align))
            self.align = align

    def set_style(self, bold: bool, size: int) -> None:
        if bold != self.bold:
            self.out += bytes((0x1B, 0x45, int(bold)))
            self.bold = bold
        if size != self.size:
            self.out += bytes((0x1D, 0x21, size))
            self.size = size

    def encode(self, text: str) -> bytes | None:
        p = self.p
        try:
            if p.codepage_mode == "tcvn3" and p.tcvn3_pages is not None:
                data, self.page = tcvn3.encode_line(text, *p.tcvn3_pages, current=self.page)
                return data
            if p.codepage_mode == "cp1258":
                return cp1258.encode(text)
        except (tcvn3.TcvnError, cp1258.Cp1258Error) as exc:
            log.info("rasterising line %r: %s", text, exc)
        return None

    def line(self, item: Line) -> None:
        self.set_align(_ALIGN[item.align])
        data = None if self.p.codepage_mode == "raster" else self.encode(item.text)
        if data is None and item.text.strip():
            img = render_text_line(item.text, self.p.char_dots, item.bold,
                                   item.width, item.height)
            self.out += image_to_raster(img)
            return
        self.set_style(item.bold, (item.width - 1) << 4 | (item.height - 1))
        self.out += (data or b"") + b"\n"

    def barcode(self, item: Barcode) -> None:
        count = len(modules(item.data))
        module = min(3, self.p.dots // count)
        self.set_align(1)
        if self.p.native_barcode and module >= 2:
            payload = escpos_payload(item.data)
            self.out += bytes((0x1D, 0x68, item.height, 0x1D, 0x77, module, 0x1D, 0x48, 0))
            self.out += bytes((0x1D, 0x6B, 73, len(payload))) + payload
            return
        if module < 1:
            log.warning("CODE128 %r too wide for %d dots; printing text", item.data, self.p.dots)
            self.line(Line(item.data, "center"))
            return
        self.out += image_to_raster(render_barcode_image(item.data, module, item.height))

    def qr(self, item: QR) -> None:
        size = self.qr_size(item)
        self.set_align(1)
        if not self.p.native_qr:
            self.out += image_to_raster(render_qr_image(item.data, size))
            return
        data = item.data.encode("utf-8")
        store = len(data) + 3

        def k(*body: int) -> bytes:
            return bytes((0x1D, 0x28, 0x6B, len(body) & 0xFF, len(body) >> 8, *body))

        self.out += k(0x31, 0x41, 0x32, 0x00) + k(0x31, 0x43, size) + k(0x31, 0x45, 0x31)
        self.out += bytes((0x1D, 0x28, 0x6B, store & 0xFF, store >> 8, 0x31, 0x50, 0x30)) + data
        self.out += k(0x31, 0x51, 0x30)

    def quiet_gap(self, before: object, item: object) -> None:
        """Two codes printed one under the other touch: nothing in ESC/POS spaces them. A
        QR needs a quiet zone of 4 modules, so feed that much paper (ESC J n) between a
        code and the next one, and the preview (drawn from these bytes) shows it too."""
        codes = (Barcode, QR)
        if not (isinstance(before, codes) and isinstance(item, codes)):
            return
        qr = item if isinstance(item, QR) else before
        dots = 4 * self.qr_size(qr) if isinstance(qr, QR) else 16
        self.out += bytes((0x1B, 0x4A, min(255, dots)))

    def qr_size(self, item: QR) -> int:
        count = qr_modules(item.data)
        return max(1, min(item.size, 16, self.p.dots // (count + 2 * QR_BORDER)))

    def run(self, document: Document) -> bytes:
        before: object = None
        for item in layout_lines(document, self.p.paper_columns):
            self.quiet_gap(before, item)
            before = item
            if isinstance(item, Line):
                self.line(item)
            elif isinstance(item, Feed):
                self.out += bytes((0x1B, 0x64, item.lines))
            elif isinstance(item, Barcode):
                self.barcode(item)
            elif isinstance(item, QR):
                self.qr(item)
            elif isinstance(item, Cut):
                if self.p.cut:
                    self.out += bytes((0x1D, 0x56, 66 if item.partial else 65, 3))
                else:
                    self.out += bytes((0x1B, 0x64, 4))
        return bytes(self.out)


def render(document: Document, profile: PrinterProfile) -> bytes:
    """ESC/POS bytes for `document` on a printer described by `profile`."""
    return _Renderer(profile).run(document)
