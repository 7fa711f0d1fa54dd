"""The TTF used to rasterise Vietnamese text (printer raster fallback and previews).

JetBrains Mono (OFL) from the PyPI package `fontpkg-jetbrains-mono`: monospaced, so a
rasterised line keeps the printer's fixed character pitch (advance 0.6 em; 20 px = the
12-dot cell of ESC/POS font A), and it covers every Vietnamese letter. Fallbacks: the
Debian DejaVu Sans Mono, then Pillow's built-in font (with a logged warning).
"""

from __future__ import annotations

import contextlib
import importlib.resources
import logging
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

__all__ = ["font_path", "load_font"]

log = logging.getLogger(__name__)

_PACKAGE = "fontpkg_jetbrains_mono"
_PACKAGE_FILE = "JetBrainsMono[wght].ttf"
_SYSTEM = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"),
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
