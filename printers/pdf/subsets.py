"""Distinct font-subset tags in our PDFs.

The PDF specification (ISO 32000-1, 9.6.4) names an embedded font subset "ABCDEF+Name", the
six-letter tag differing between subsets. fpdf2 (2.8) writes "MPDFAA+" before every
embedded font, so the regular, bold and italic subsets of one PDF all share a tag (pdffonts
lists three "MPDFAA+NotoSerif…"). `pdf_bytes(pdf)` outputs a document through a producer
that gives each subset its own tag, derived from the font and the glyphs it holds.
"""

from __future__ import annotations

import hashlib
import string
from typing import Any

from fpdf import FPDF
from fpdf.fonts import TTFFont
from fpdf.output import OutputProducer, PDFFont
from fpdf.syntax import Name

__all__ = ["TaggedOutput", "pdf_bytes", "subset_tag"]

FPDF_TAG = "MPDFAA+"


def subset_tag(key: str, glyphs: list[str]) -> str:
    """Six capital letters from the font's key and its subset's glyph names."""
    digest = hashlib.sha256("\0".join([key, *glyphs]).encode("utf-8")).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:6])


class TaggedOutput(OutputProducer):
    """fpdf2's producer, with one subset tag per embedded font."""

    def _add_fonts(self, *args: Any, **kwargs: Any) -> Any:
        objs = super()._add_fonts(*args, **kwargs)
        used: set[str] = set()
        for font in sorted(self.fpdf.fonts.values(), key=lambda f: f.i):
            obj = objs.get(font.i)
            if (not isinstance(obj, PDFFont) or not isinstance(font, TTFFont)
                    or not str(obj.base_font).startswith(FPDF_TAG)):
                continue
            glyphs = sorted(str(g) for g in font.subset.get_all_glyph_names())
            tag = subset_tag(getattr(font, "fontkey", font.name), glyphs)
            while tag in used:  # two identical subsets still get two tags
                tag = subset_tag(tag, glyphs)
            used.add(tag)
            name = Name(f"{tag}+{font.name}")
            obj.base_font = name
            for child in obj.descendant_fonts or ():
                child.base_font = name
                if getattr(child, "font_descriptor", None) is not None:
                    child.font_descriptor.font_name = name
        return objs


def pdf_bytes(pdf: FPDF) -> bytes:
    """The finished PDF, its font subsets tagged one by one."""
    return bytes(pdf.output(output_producer_class=TaggedOutput))
