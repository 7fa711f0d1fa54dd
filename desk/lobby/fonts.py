"""The typefaces the waiting-room pages use, served by the desk from installed packages.

Noto Serif (text: every Vietnamese letter, stacked marks drawn whole) from `fontpkg-noto-serif`
and JetBrains Mono (numbers: equal-width digits, 0 and O distinct) from `fontpkg-jetbrains-mono`,
both OFL and already dependencies of the desk for printing. DejaVu from Debian is the fallback.
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache
from pathlib import Path

# URL name → (package, file in its files/ folder, system fallback)
FONTS: dict[str, tuple[str, str, Path]] = {
    "text.ttf": ("fontpkg_noto_serif", "NotoSerif[wdth,wght].ttf",
                 Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")),
    "digits.ttf": ("fontpkg_jetbrains_mono", "JetBrainsMono[wght].ttf",
                   Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf")),
}


@lru_cache(maxsize=8)
def font_file(name: str) -> Path | None:
    """The file behind /fonts/<name>, or None for a name the pages do not use."""
    if name not in FONTS:
        return None
    package, file, fallback = FONTS[name]
    try:
        res = importlib.resources.files(package) / "files" / file
        if res.is_file():
            return Path(str(res))
    except ModuleNotFoundError:
        pass
    return fallback if fallback.is_file() else None
