"""Printer-independent document model.

A `Document` is a list of blocks. Layouts build documents; renderers (ESC/POS, later PDF)
turn them into output. `layout_lines(document, columns)` resolves the width-dependent blocks
(Text, Rule, KeyValue, Columns) into concrete `Line`s that fit a paper width in character
cells, so every renderer wraps Vietnamese text the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from printers.text import clusters, display_width, nfc, pad, truncate, wrap

Align = Literal["left", "center", "right"]

__all__ = [
    "QR", "Align", "Barcode", "Block", "Bullet", "Columns", "Cut", "Document", "Feed", "Item",
    "KeyValue", "Line", "Rule", "Text", "layout_lines", "to_text",
]


@dataclass(frozen=True)
class Text:
    """One paragraph, word-wrapped; `width`/`height` are character magnifications 1..8."""

    text: str
    align: Align = "left"
    bold: bool = False
    width: int = 1
    height: int = 1

    def __post_init__(self) -> None:
        if not (1 <= self.width <= 8 and 1 <= self.height <= 8):
            raise ValueError("width and height must be 1..8")


@dataclass(frozen=True)
class Rule:
    """A full-width line of `char` (dashes by default)."""

    char: str = "-"


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Barcode:
    """A CODE128 barcode (printable ASCII data); `height` in dots."""

    data: str
    height: int = 64

    def __post_init__(self) -> None:
        if not self.data or any(not 32 <= ord(c) < 127 for c in self.data):
            raise ValueError("CODE128 data must be non-empty printable ASCII")


@dataclass(frozen=True)
class QR:
    """A QR code (model 2, EC level M); `size` is the module size in dots (1..16)."""

    data: str
    size: int = 6


@dataclass(frozen=True)
class Cut:
    partial: bool = True


@dataclass(frozen=True)
class KeyValue:
    """`label: value`, value wrapped with a hanging indent."""

    label: str
    value: str


@dataclass(frozen=True)
class Bullet:
    """A list item: `marker` then the text, continuation lines indented under the text."""

    text: str
    marker: str = "-"


@dataclass(frozen=True)
class Columns:
    """One table row; `weights` share the width (default equal), 1 space between cells."""

    cells: tuple[str, ...]
    weights: tuple[int, ...] | None = None
    aligns: tuple[Align, ...] | None = None
    bold: bool = False


Block = Text | Rule | Feed | Barcode | QR | Cut | KeyValue | Bullet | Columns


@dataclass(frozen=True)
class Line:
    """A resolved printable line; `text` fits `columns // width` cells."""

    text: str
    align: Align = "left"
    bold: bool = False
    width: int = 1
    height: int = 1


Item = Line | Feed | Barcode | QR | Cut


@dataclass
class Document:
    """An ordered list of blocks with small builder helpers (each returns self)."""

    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    def text(self, text: str, align: Align = "left", bold: bool = False,
             width: int = 1, height: int = 1) -> Document:
        return self.add(Text(text, align, bold, width, height))

    def center(self, text: str, bold: bool = False, width: int = 1, height: int = 1) -> Document:
        return self.add(Text(text, "center", bold, width, height))

    def rule(self, char: str = "-") -> Document:
        return self.add(Rule(char))

    def feed(self, lines: int = 1) -> Document:
        return self.add(Feed(lines))

    def kv(self, label: str, value: str) -> Document:
        return self.add(KeyValue(label, value))

    def bullet(self, text: str, marker: str = "-") -> Document:
        return self.add(Bullet(text, marker))

    def columns(self, *cells: str, weights: Sequence[int] | None = None,
                aligns: Sequence[Align] | None = None, bold: bool = False) -> Document:
        return self.add(Columns(tuple(cells), tuple(weights) if weights else None,
                                tuple(aligns) if aligns else None, bold))

    def barcode(self, data: str, height: int = 64) -> Document:
        return self.add(Barcode(data, height))

    def qr(self, data: str, size: int = 6) -> Document:
        return self.add(QR(data, size))

    def cut(self, partial: bool = True) -> Document:
        return self.add(Cut(partial))


def _kv_lines(block: KeyValue, columns: int) -> list[Line]:
    label = nfc(block.label).strip() + ": "
    lw = display_width(label)
    longest = max((display_width(w) for w in nfc(block.value).split()), default=0)
    indent = lw if lw <= columns * 2 // 5 and longest <= columns - lw else 2
    lines = wrap(block.value, columns, indent=indent, first_prefix=label)
    return [Line(t) for t in lines]


def _column_widths(n: int, weights: tuple[int, ...] | None, columns: int) -> list[int]:
    w = list(weights) if weights else [1] * n
    if len(w) != n or any(x < 1 for x in w):
        raise ValueError("weights must match cells and be positive")
    avail = max(n, columns - (n - 1))
    widths = [max(1, avail * x // sum(w)) for x in w]
    widths[-1] += avail - sum(widths)
    return widths


def _columns_lines(block: Columns, columns: int) -> list[Line]:
    n = len(block.cells)
    widths = _column_widths(n, block.weights, columns)
    aligns = block.aligns or ("left",) * n
    wrapped = [wrap(cell, w) for cell, w in zip(block.cells, widths, strict=True)]
    rows = max(len(c) for c in wrapped)
    out: list[Line] = []
    for r in range(rows):
        parts = [pad(c[r] if r < len(c) else "", w, a)
                 for c, w, a in zip(wrapped, widths, aligns, strict=True)]
        out.append(Line(" ".join(parts).rstrip(), bold=block.bold))
    return out


def layout_lines(document: Document, columns: int) -> list[Item]:
    """Resolve a document for a paper `columns` wide into printable items."""
    items: list[Item] = []
    for block in document.blocks:
        if isinstance(block, Text):
            room = max(1, columns // block.width)
            for t in wrap(block.text, room):
                items.append(Line(t, block.align, block.bold, block.width, block.height))
        elif isinstance(block, Rule):
            ch = clusters(nfc(block.char))[0] if block.char else "-"
            items.append(Line(truncate(ch * columns, columns)))
        elif isinstance(block, KeyValue):
            items.extend(_kv_lines(block, columns))
        elif isinstance(block, Bullet):
            prefix = nfc(block.marker).strip() + " "
            indent = min(display_width(prefix), columns // 3)
            items.extend(Line(t) for t in wrap(block.text, columns, indent, prefix))
        elif isinstance(block, Columns):
            items.extend(_columns_lines(block, columns))
        else:
            items.append(block)
    return items


def to_text(document: Document, columns: int) -> str:
    """Plain-text rendering (for on-screen previews and logs)."""
    out: list[str] = []
    for item in layout_lines(document, columns):
        if isinstance(item, Line):
            room = columns // item.width
            out.append(pad(item.text, room, item.align).rstrip() if item.align != "left"
                       else item.text)
        elif isinstance(item, Feed):
            out.extend([""] * item.lines)
        elif isinstance(item, Barcode):
            out.append(f"[CODE128 {item.data}]")
        elif isinstance(item, QR):
            out.append(f"[QR {item.data}]")
        elif isinstance(item, Cut):
            out.append("[CUT]")
    return "\n".join(out)
