"""The serif font of the A4 documents: Noto Serif (OFL).

The desk ships static regular, bold and italic instances, subset to Latin + Vietnamese
(`printers/pdf/typeface/`, ~350 KB, made by `python -m printers.pdf.make_typeface` from the
variable font of the PyPI package `fontpkg-noto-serif`), so no document ever builds a font:
building them on first use took 10–30 s for the first letter after an install.

Without the shipped files (a trimmed install), the instances are made once from the package
(fpdf2 instancing the variable font itself costs 6–8 s per document), kept in the user cache
folder (`DESK_FONT_CACHE` overrides it). Without the package either, Debian's DejaVu Serif.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from platformdirs import user_cache_path

from desk import environment

__all__ = ["FAMILY", "SHIPPED_FILES", "font_files", "instance"]

log = logging.getLogger(__name__)
FAMILY = "DeskSerif"
_STYLES = {"": ("", 400), "B": ("", 700), "I": ("-Italic", 400)}
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_DEJAVU_FILES = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf"}
_UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x300, 0x330),
             *range(0x1EA0, 0x1EFA), *range(0x2010, 0x2050), 0x20AB, 0x2116, 0x2122]
_SHIPPED = Path(__file__).with_name("typeface")
SHIPPED_FILES = {"": "NotoSerif-Regular.ttf", "B": "NotoSerif-Bold.ttf",
                 "I": "NotoSerif-Italic.ttf"}
_lock = threading.Lock()


def _cache_dir() -> Path:
    env = environment.path(environment.FONT_CACHE)
    if env is not None:
        return env
    return user_cache_path("desk", appauthor=False) / "fonts"


def instance(source: Path, weight: int, target: Path) -> None:
    """Subset the variable font `source` to Vietnamese and write its static `weight`."""
    # fontTools is heavy and only font subsetting uses it
    from fontTools import subset  # noqa: PLC0415

    # fontTools is heavy and only font subsetting uses it
    from fontTools.ttLib import TTFont  # noqa: PLC0415

    # fontTools is heavy and only font subsetting uses it
    # fontTools is heavy; only building a typeface needs it
    from fontTools.varLib.instancer import instantiateVariableFont  # noqa: PLC0415

    font = TTFont(source)
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=_UNICODES)
    sub.subset(font)
    static = instantiateVariableFont(font, {"wght": weight, "wdth": 100})
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    static.save(tmp)
    os.replace(tmp, target)


@lru_cache(maxsize=1)
def font_files() -> dict[str, Path]:
    """Style ("", "B", "I") → a static TTF with every Vietnamese letter."""
    shipped = {style: _SHIPPED / name for style, name in SHIPPED_FILES.items()}
    if all(p.is_file() for p in shipped.values()):
        return shipped
    with _lock:
        try:
            # the font package is only looked up when a PDF needs fonts
            import fontpkg_noto_serif as pkg  # noqa: PLC0415
        except ModuleNotFoundError:
            pkg = None
        if pkg is not None:
            try:
                version = getattr(pkg, "__version__", "") or _version()
                out = {}
                for style, (suffix, weight) in _STYLES.items():
                    source = Path(pkg.ROOT) / "files" / f"NotoSerif{suffix}[wdth,wght].ttf"
                    target = _cache_dir() / f"NotoSerif-{version}-{style or 'R'}{weight}.ttf"
                    if not target.is_file():
                        instance(source, weight, target)
                    out[style] = target
                return out
            except Exception:  # a broken cache folder must not stop printing
                log.exception("cannot prepare Noto Serif; falling back to DejaVu Serif")
        files = {s: _DEJAVU / f for s, f in _DEJAVU_FILES.items()}
        if all(p.is_file() for p in files.values()):
            log.warning("fontpkg-noto-serif not installed; using DejaVu Serif")
            return files
        raise RuntimeError("no Vietnamese serif font: pip install fontpkg-noto-serif")


def _version() -> str:
    try:
        return version("fontpkg-noto-serif")
    except PackageNotFoundError:
        return "0"
