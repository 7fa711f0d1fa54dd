"""Make the static Noto Serif instances the desk ships (`printers/pdf/typeface/`).

    python -m printers.pdf.make_typeface [FOLDER]

Run by a maintainer when `fontpkg-noto-serif` is upgraded; the files are committed and
installed as package data, so an office never builds a font (about 10 s on first use).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from printers.pdf.fonts import SHIPPED_FILES, instance

# style → (suffix of the variable font file, weight)
_SOURCES = {"": ("", 400), "B": ("", 700), "I": ("-Italic", 400)}


def main(argv: list[str]) -> int:
    # the font package is a build-time input only here
    import fontpkg_noto_serif as pkg  # noqa: PLC0415

    folder = Path(argv[0]) if argv else Path(__file__).with_name("typeface")
    for style, (suffix, weight) in _SOURCES.items():
        source = Path(pkg.ROOT) / "files" / f"NotoSerif{suffix}[wdth,wght].ttf"
        instance(source, weight, folder / SHIPPED_FILES[style])
    shutil.copy(Path(pkg.ROOT) / "LICENSE", folder / "OFL.txt")
    print(f"{folder}: {', '.join(SHIPPED_FILES.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
