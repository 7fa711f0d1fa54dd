"""Pillow images and text lines ↔ ESC/POS GS v 0 raster bit images.

GS v 0 m xL xH yL yH d1..dk: xL + 256·xH bytes per row (width in dots / 8, rounded up),
yL + 256·yH rows, 1 bit per dot, MSB first, 1 = black.
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from printers.escpos.fonts import Font, font_for, load_font
from printers.text import clusters, display_width, nfc

__all__ = ["image_to_raster", "raster_to_image", "render_text_line", "text_line_height"]

MAX_BAND = 1024  # rows per GS v 0 command; larger images are sent in bands


def _to_1bit(img: Image.Image) -> Image.Image:
    if img.mode == "1":
        return img
    gray = img.convert("L")
    return gray.point(lambda v: 255 if v >= 128 else 0, mode="1")


def image_to_raster(img: Image.Image) -> bytes:
    """GS v 0 command(s) for an image; dark pixels print. Width is padded to 8 dots."""
    mono = _to_1bit(img)
    width, height = mono.size
    wbytes = (width + 7) // 8
    padded = Image.new("1", (wbytes * 8, height), 1)
    padded.paste(mono, (0, 0))
    # PIL "1" packs 1 = white; the printer wants 1 = black, so invert the bits.
    raw = bytes(b ^ 0xFF for b in padded.tobytes())
    out = bytearray()
    for top in range(0, height, MAX_BAND):
        rows = min(MAX_BAND, height - top)
        out += bytes((0x1D, 0x76, 0x30, 0, wbytes & 0xFF, wbytes >> 8, rows & 0xFF, rows >> 8))
        out += raw[top * wbytes:(top + rows) * wbytes]
    return bytes(out)


def raster_to_image(wbytes: int, height: int, data: bytes) -> Image.Image:
    """Inverse of one GS v 0 command's payload."""
    inverted = bytes(b ^ 0xFF for b in data[:wbytes * height])
    return Image.frombytes("1", (wbytes * 8, height), inverted)


def _draw_fitted(img: Image.Image, cluster: str, font: Font, x: int, room: int,
                 line_h: int) -> None:
    """Draw a fallback glyph into `room` dots at `x`, scaled down when it is wider/taller."""
    left, top, right, bottom = font.getbbox(cluster)
    w, h = max(1, int(right - left)), max(1, int(bottom - top))  # whole dots
    glyph = Image.new("L", (w, h), 255)
    ImageDraw.Draw(glyph).text((-left, -top), cluster, font=font, fill=0)
    scale = min(1.0, room / w, line_h / h)
    if scale < 1.0:
        glyph = glyph.resize((max(1, int(w * scale)), max(1, int(h * scale))),
                             Image.Resampling.LANCZOS)
    img.paste(glyph, (x + (room - glyph.width) // 2, (line_h - glyph.height) // 2))


def text_line_height(cell_dots: int = 12) -> int:
    font = load_font(cell_dots)
    if not isinstance(font, ImageFont.FreeTypeFont):  # Pillow's bitmap font: no metrics
        return 2 * cell_dots
    ascent, descent = font.getmetrics()
    return ascent + descent


def render_text_line(text: str, cell_dots: int = 12, bold: bool = False,
                     width: int = 1, height: int = 1) -> Image.Image:
    """Draw one line on a fixed cell grid; magnified by (width, height) like GS !. A wide
    character (an emoji) takes two cells; one the monospace font lacks is drawn with a
    fallback font (fonts.font_for), centred in its cells and scaled down to fit them."""
    cells = clusters(nfc(text))
    line_h = text_line_height(cell_dots)
    img = Image.new("L", (max(1, display_width("".join(cells))) * cell_dots, line_h), 255)
    draw = ImageDraw.Draw(img)
    x = 0
    for c in cells:
        room = display_width(c) * cell_dots
        if c != " ":
            font = font_for(c[0], cell_dots, bold)
            if font is load_font(cell_dots, bold):
                draw.text((x, 0), c, font=font, fill=0)
            else:
                _draw_fitted(img, c, font, x, room, line_h)
        x += room
    if width != 1 or height != 1:
        img = img.resize((img.width * width, img.height * height), Image.Resampling.NEAREST)
    return img
