"""The TTF used to rasterise Vietnamese text (printer raster fallback and previews).

JetBrains Mono (OFL) from the PyPI package `fontpkg-jetbrains-mono`: monospaced, so a
rasterised line keeps the printer's fixed character pitch (advance 0.6 em; 20 px = the
12-dot cell of ESC/POS font A), and it covers every Vietnamese letter. Fallbacks: the
Debian DejaVu Sans Mono, then Pillow's built-in font (with a logged warning).

A character the monospace font lacks (an emoji or a symbol in a name) is drawn with the
first fallback font that has it — DejaVu Sans, Symbola (Debian `fonts-symbola`, monochrome
emoji, right for a thermal head), or Segoe UI Symbol/Emoji on Windows — instead of the
empty box of a missing glyph.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import logging
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

__all__ = ["font_for", "font_path", "load_font"]

log = logging.getLogger(__name__)

_PACKAGE = "fontpkg_jetbrains_mono"
_PACKAGE_FILE = "JetBrainsMono[wght].ttf"
_SYSTEM = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"),
)
_FALLBACKS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    Path("/usr/share/fonts/truetype/symbola/Symbola.ttf"),
    Path("C:/Windows/Fonts/seguisym.ttf"),
    Path("C:/Windows/Fonts/seguiemj.ttf"),
)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=1)
def font_path() -> Path | None:
    """Path of the Vietnamese-capable TTF, or None when none is installed."""
    try:
        res = importlib.resources.files(_PACKAGE) / "files" / _PACKAGE_FILE
        if res.is_file():
            return Path(str(res))
    except ModuleNotFoundError:
        pass
    if _SYSTEM[0].is_file():
        log.warning("package %s not installed; using %s", _PACKAGE, _SYSTEM[0])
        return _SYSTEM[0]
    return None


@lru_cache(maxsize=32)
def load_font(cell_dots: int = 12, bold: bool = False) -> Font:
    """A font whose advance is `cell_dots` dots (monospace), cached per size and weight."""
    path = font_path()
    size = round(cell_dots / 0.6)
    if path is None:
        log.warning("no Vietnamese TTF found; Vietnamese letters may print as boxes")
        return ImageFont.load_default(size)
    if bold and path == _SYSTEM[0] and _SYSTEM[1].is_file():
        return ImageFont.truetype(str(_SYSTEM[1]), size)
    font = ImageFont.truetype(str(path), size)
    if bold:
        with contextlib.suppress(OSError):  # not a variable font: drawn regular
            font.set_variation_by_axes([700])
    return font


@lru_cache(maxsize=8)
def _coverage(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for (its best cmap)."""
    from fontTools.ttLib import TTFont  # noqa: PLC0415 — heavy; only a glyph the font lacks needs it

    try:
        with TTFont(str(path), lazy=True) as font:
            return frozenset(font.getBestCmap() or ())
    except Exception:  # an unreadable font file is no fallback
        log.warning("cannot read the font %s", path)
        return frozenset()


@lru_cache(maxsize=1024)
def font_for(char: str, cell_dots: int = 12, bold: bool = False) -> Font:
    """The font to draw `char` with: the monospace one when it has the glyph, else the
    first fallback font that has it (sized like the monospace font), else the monospace
    one (and a warning: it prints an empty box)."""
    primary = load_font(cell_dots, bold)
    path = font_path()
    code = ord(char)
    if path is None or code < 0x80 or code in _coverage(path):
        return primary
    for fallback in _FALLBACKS:
        if fallback.is_file() and code in _coverage(fallback):
            return ImageFont.truetype(str(fallback), round(cell_dots / 0.6))
    log.warning("no installed font has U+%04X; it prints as an empty box", code)
    return primary
