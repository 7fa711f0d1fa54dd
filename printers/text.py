"""Vietnamese text helpers for fixed-pitch printing: NFC, display clusters, word wrap.

A *cluster* is one base character with any combining marks that NFC could not fold into
it; it occupies one printer cell (East Asian wide characters occupy two). Wrapping works on
clusters, so a Vietnamese letter is never split from its tone mark.
"""

from __future__ import annotations

import unicodedata

__all__ = ["clusters", "display_width", "nfc", "pad", "truncate", "wrap"]


# Typographic punctuation that no Vietnamese code page holds, folded to ASCII so that a
# curly quote typed into a name does not force a whole line into a raster image.
_FOLD = {"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u201c": '"', "\u201d": '"',
         "\u2018": "'", "\u2019": "'", "\u2026": "...", "\u00a0": " ", "\u2022": "-"}


def nfc(text: str) -> str:
    """NFC-normalise, fold typographic punctuation, turn whitespace controls into spaces."""
    text = unicodedata.normalize("NFC", text)
    return "".join(" " if (ch.isspace() and ch != "\n") else _FOLD.get(ch, ch) for ch in text)


_JOINERS = frozenset({"\u200d", "\ufe0e", "\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))})


def clusters(text: str) -> list[str]:
    """Split NFC text into display clusters (base + following combining marks; an emoji with
    its variation selector, skin tone and zero-width-joined parts)."""
    out: list[str] = []
    for ch in text:
        if out and (unicodedata.combining(ch) or ch in _JOINERS or out[-1][-1] == "\u200d"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _cell_width(cluster: str) -> int:
    return 2 if unicodedata.east_asian_width(cluster[0]) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Number of printer cells the text takes."""
    return sum(_cell_width(c) for c in clusters(text))


def truncate(text: str, width: int) -> str:
    """Cut text to at most `width` cells, on a cluster boundary."""
    out: list[str] = []
    used = 0
    for c in clusters(text):
        w = _cell_width(c)
        if used + w > width:
            break
        out.append(c)
        used += w
    return "".join(out)


def pad(text: str, width: int, align: str = "left") -> str:
    """Pad text with spaces to exactly `width` cells (text must already fit)."""
    gap = max(0, width - display_width(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap


def wrap(text: str, width: int, indent: int = 0, first_prefix: str = "") -> list[str]:
    """Word-wrap `text` to `width` cells.

    `first_prefix` is put before the first line (e.g. "- " or "Họ tên: "); continuation
    lines are indented by `indent` spaces. Explicit newlines start new paragraphs. Words
    longer than a line are broken between clusters, never inside one. Every returned line
    has display_width(line) <= width.
    """
    if width < 1:
        raise ValueError("width must be at least 1")
    indent = min(indent, width - 1)
    text = nfc(text)
    lines: list[str] = []
    prefix = truncate(nfc(first_prefix), width)
    for para in text.split("\n"):
        current = prefix
        cur_w = display_width(current)
        fresh = True  # nothing but the prefix/indent on the current line
        for word in para.split(" "):
            if not word:
                continue
            ww = display_width(word)
            sep = 0 if fresh else 1
            if cur_w + sep + ww <= width:
                current += (" " if sep else "") + word
                cur_w += sep + ww
                fresh = False
                continue
            # Move to a new line unless the line is still empty, or the word is too long
            # even for a fresh line (then it is split where it stands).
            if not fresh or (cur_w > indent and ww <= width - indent):
                lines.append(current.rstrip())
                current, cur_w, fresh = " " * indent, indent, True
            while word:
                room = width - cur_w
                head = word if display_width(word) <= room else truncate(word, room)
                if not head:
                    lines.append(current.rstrip())
                    current, cur_w = " " * indent, indent
                    continue
                current += head
                cur_w += display_width(head)
                word = word[len(head):]
                fresh = False
                if word:
                    lines.append(current.rstrip())
                    current, cur_w = " " * indent, indent
        lines.append(current.rstrip() if current.strip() else "")
        prefix = " " * indent
    return lines
