"""Decode OUR ESC/POS bytes back into events, a plain-text transcript and (preview.py) a PNG.

Transcript format, one printed line per transcript line:
- text: `[C] ` / `[R] ` prefix for centred / right-aligned lines, `[WxH] ` when the GS !
  magnification is not 1x1, and `**text**` when bold, e.g. `[C] [4x4] **A015**`;
  the text is decoded with the code page active for each byte (TCVN-3 lower/upper/single
  or CP1258, by the profile's page numbers; other pages as CP437), then NFC-normalised;
- `[CODE128 data]`, `[QR data]`, `[RASTER WxH]` (dots) for codes and raster images
  (with the alignment prefix); `[FEED n]` for ESC d n, `[FEED n dots]` for ESC J n;
  `[CUT]` / `[CUT full]`;
- unknown commands as `[? 1b xx]` (our renderer never emits any).
Code page switches, FS . and barcode/QR settings are not shown.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from printers.escpos import cp1258, tcvn3
from printers.escpos.code128 import parse_payload
from printers.escpos.preview import draw
from printers.escpos.profiles import PRESETS, PrinterProfile
from printers.escpos.raster import raster_to_image

__all__ = ["Decoded", "Event", "decode", "decode_image", "decode_png", "decode_text"]

_ALIGNS = ("left", "center", "right")


@dataclass
class Event:
    """kind: text | barcode | qr | raster | feed | cut | unknown."""

    kind: str
    text: str = ""
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1
    module: int = 2          # barcode module width (GS w) / QR module size
    bar_height: int = 162    # GS h
    image: Image.Image | None = None
    lines: int = 0           # ESC d n: lines of feed
    dots: int = 0            # ESC J n: dots of feed


@dataclass
class Decoded:
    events: list[Event] = field(default_factory=list)

    def transcript(self) -> str:
        return "\n".join(_describe(e) for e in self.events)


def _describe(e: Event) -> str:
    pre = {"center": "[C] ", "right": "[R] "}.get(e.align, "")
    if e.kind == "text":
        size = f"[{e.width}x{e.height}] " if (e.width, e.height) != (1, 1) else ""
        body = f"**{e.text}**" if e.bold and e.text else e.text
        return (pre + size + body) if e.text else ""
    if e.kind == "barcode":
        return f"{pre}[CODE128 {e.text}]"
    if e.kind == "qr":
        return f"{pre}[QR {e.text}]"
    if e.kind == "raster" and e.image is not None:
        return f"{pre}[RASTER {e.image.width}x{e.image.height}]"
    if e.kind == "feed":
        return f"[FEED {e.dots} dots]" if e.dots else f"[FEED {e.lines}]"
    if e.kind == "cut":
        return "[CUT]" if e.text == "partial" else "[CUT full]"
    return f"[? {e.text}]"


class _Decoder:
    def __init__(self, data: bytes, profile: PrinterProfile) -> None:
        self.d, self.i, self.p = data, 0, profile
        self.events: list[Event] = []
        self.reset()
        self.segments: list[tuple[int, bytearray]] = []
        self.qr_size, self.qr_data = 3, b""

    def reset(self) -> None:
        self.page, self.align, self.bold, self.size = 0, 0, False, 0
        self.bar_h, self.bar_w = 162, 3

    def take(self, n: int) -> bytes:
        chunk = self.d[self.i:self.i + n]
        self.i += n
        return chunk

    def _codec(self, page: int, raw: bytes) -> str:
        p = self.p
        if p.tcvn3_pages is not None:
            lower, upper = p.tcvn3_pages
            if page == lower:
                return tcvn3.decode(raw, "single" if upper is None else "lower")
            if page == upper:
                return tcvn3.decode(raw, "upper")
        if page == p.cp1258_page:
            return cp1258.decode(raw)
        return raw.decode("cp437")

    def emit(self, kind: str, **kw: Any) -> None:  # Any: the fields of Event, each its type
        self.events.append(Event(kind, align=_ALIGNS[self.align % 3], **kw))

    def flush_line(self) -> None:
        text = "".join(self._codec(pg, bytes(raw)) for pg, raw in self.segments)
        self.segments = []
        self.emit("text", text=unicodedata.normalize("NFC", text), bold=self.bold,
                  width=(self.size >> 4) + 1, height=(self.size & 15) + 1)

    def char(self, b: int) -> None:
        if not self.segments or self.segments[-1][0] != self.page:
            self.segments.append((self.page, bytearray()))
        self.segments[-1][1].append(b)

    def esc(self) -> None:
        cmd = self.take(1)[0]
        if cmd == 0x40:
            self.reset()
        elif cmd in (0x74, 0x61, 0x45, 0x64, 0x21, 0x4A):
            n = self.take(1)[0]
            if cmd == 0x74:
                self.page = n
            elif cmd == 0x61:
                self.align = n & 3
            elif cmd == 0x45:
                self.bold = bool(n & 1)
            elif cmd == 0x64:
                self.emit("feed", lines=n)
            elif cmd == 0x4A:
                self.emit("feed", dots=n)
            elif cmd == 0x21:
                self.bold = bool(n & 8)
                self.size = (0x10 if n & 32 else 0) | (1 if n & 16 else 0)
        else:
            self.emit("unknown", text=f"1b {cmd:02x}")

    def gs(self) -> None:
        cmd = self.take(1)[0]
        if cmd == 0x21:
            self.size = self.take(1)[0]
        elif cmd == 0x68:
            self.bar_h = self.take(1)[0]
        elif cmd == 0x77:
            self.bar_w = self.take(1)[0]
        elif cmd in (0x48, 0x66, 0x72):
            self.take(1)
        elif cmd == 0x56:
            m = self.take(1)[0]
            if m in (65, 66):
                self.take(1)
            self.emit("cut", text="partial" if m in (1, 49, 66) else "full")
        elif cmd == 0x6B:
            self.barcode()
        elif cmd == 0x28:
            self.gs_paren()
        elif cmd == 0x76:
            _zero, _m, xl, xh, yl, yh = self.take(6)
            w, h = xl | xh << 8, yl | yh << 8
            self.emit("raster", image=raster_to_image(w, h, self.take(w * h)))
        else:
            self.emit("unknown", text=f"1d {cmd:02x}")

    def barcode(self) -> None:
        m = self.take(1)[0]
        if m >= 65:
            payload = self.take(self.take(1)[0])
        else:
            end = self.d.index(0, self.i)
            payload = self.take(end - self.i)
            self.take(1)
        text = parse_payload(payload) if m == 73 else payload.decode("ascii", "replace")
        self.emit("barcode", text=text, module=self.bar_w, bar_height=self.bar_h)

    def gs_paren(self) -> None:
        fn, pl, ph = self.take(3)
        body = self.take(pl | ph << 8)
        if fn != 0x6B or len(body) < 3:
            return
        if body[:2] == b"\x31\x43":
            self.qr_size = body[2]
        elif body[:3] == b"\x31\x50\x30":
            self.qr_data = body[3:]
        elif body[:3] == b"\x31\x51\x30":
            self.emit("qr", text=self.qr_data.decode("utf-8", "replace"), module=self.qr_size)

    def run(self) -> list[Event]:
        while self.i < len(self.d):
            b = self.take(1)[0]
            if b == 0x0A:
                self.flush_line()
            elif b == 0x1B:
                self.esc()
            elif b == 0x1D:
                self.gs()
            elif b == 0x1C:
                self.take(1)  # FS . / FS &: Kanji mode on/off
            elif b == 0x10:
                self.take(2)  # DLE EOT n
            elif b == 0x0D:
                continue
            else:
                self.char(b)
        if self.segments:
            self.flush_line()
        return self.events


def decode(data: bytes, profile: PrinterProfile | None = None) -> Decoded:
    """Parse bytes produced by `render` (page numbers interpreted per `profile`)."""
    return Decoded(_Decoder(data, profile or PRESETS["epson80"]).run())


def decode_text(data: bytes, profile: PrinterProfile | None = None) -> str:
    return decode(data, profile).transcript()


def decode_image(data: bytes, profile: PrinterProfile | None = None) -> Image.Image:
    """A PNG-ready approximation of the printed paper (see preview.py)."""
    prof = profile or PRESETS["epson80"]
    return draw(decode(data, prof).events, prof.dots, prof.char_dots)


def decode_png(data: bytes, profile: PrinterProfile | None = None) -> bytes:
    """The preview image as PNG bytes."""
    buf = io.BytesIO()
    decode_image(data, profile).save(buf, format="PNG")
    return buf.getvalue()
