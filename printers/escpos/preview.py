"""Draw decoded ESC/POS events as a paper-like image (print preview and tests).

The preview shows what the printer gets: space comes only from the bytes (line feeds, ESC d,
ESC J), never from the drawing.

Text is drawn with the same TTF and cell grid as the raster fallback; CODE128 is redrawn
from the decoded data with our module pattern at the GS w/GS h size; QR is redrawn with
the qrcode package at the GS ( k module size; raster images are pasted as sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from printers.escpos.raster import render_text_line, text_line_height
from printers.escpos.render import render_barcode_image, render_qr_image

if TYPE_CHECKING:
    from printers.escpos.decode import Event

__all__ = ["draw"]

MARGIN = 24   # white around the printable area (the paper margin / quiet zone)
LINE_GAP = 4  # extra dots between text lines (printer default spacing ≈ 30 dots)


def _strip(event: Event, char_dots: int) -> Image.Image | None:
    if event.kind == "text":
        if not event.text:
            return Image.new("1", (1, text_line_height(char_dots) * event.height), 1)
        return render_text_line(event.text, char_dots, event.bold, event.width, event.height)
    if event.kind == "barcode":
        return render_barcode_image(event.text, max(1, event.module), max(1, event.bar_height))
    if event.kind == "qr":
        return render_qr_image(event.text, max(1, event.module), border=0)
    if event.kind == "raster":
        return event.image
    if event.kind == "feed":
        height = event.dots or event.lines * (text_line_height(char_dots) + LINE_GAP)
        return Image.new("1", (1, max(1, height)), 1)
    return None


def draw(events: Sequence[Event], dots: int = 576, char_dots: int = 12) -> Image.Image:
    """Compose events top to bottom on a `dots`-wide paper (plus margins)."""
    placed: list[tuple[Image.Image, int, int]] = []
    y = MARGIN
    cuts: list[int] = []
    for ev in events:
        if ev.kind == "cut":
            y += 8
            cuts.append(y)
            y += 8
            continue
        img = _strip(ev, char_dots)
        if img is None:
            continue
        img = img.convert("L")
        if img.width > dots:
            img = img.crop((0, 0, dots, img.height))
        x = {"center": (dots - img.width) // 2, "right": dots - img.width}.get(ev.align, 0)
        placed.append((img, MARGIN + x, y))
        # only text lines get the printer's line spacing; a code or an image is followed
        # directly by what comes next, as on paper (no gap the bytes do not ask for)
        y += img.height + (LINE_GAP if ev.kind == "text" else 0)
    paper = Image.new("L", (dots + 2 * MARGIN, y + MARGIN), 255)
    for img, x, top in placed:
        paper.paste(img, (x, top))
    pen = ImageDraw.Draw(paper)
    for cy in cuts:
        for x in range(0, paper.width, 12):
            pen.line((x, cy, x + 6, cy), fill=128)
    return paper
