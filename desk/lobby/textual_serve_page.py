"""textual-serve's page template, made to work on an office LAN without internet.

Its template loads the terminal font from fonts.googleapis.com, which an offline LAN cannot
reach (the page then waits and falls back to another font), and its terminal takes no key
until someone clicks the page. `offline_templates()` writes a copy of the installed template
where the Google Fonts link is replaced by an @font-face on the Roboto Mono file textual-serve
already ships in its own static folder, plus a small script that focuses the terminal.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import textual_serve

SOURCE = Path(textual_serve.__file__).resolve().parent / "templates" / "app_index.html"
_GOOGLE = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.S)
FONT_FACE = (
    "<style>@font-face { font-family: \"Roboto Mono\"; font-weight: 100 700; "
    "src: url(\"{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf\") "
    "format(\"truetype\"); }</style>"
)
FOCUS = (
    "<script>/* keys work without a first click: focus the terminal once it exists */\n"
    "(function focus(n) { var t = document.querySelector('.xterm-helper-textarea');\n"
    "  if (t && document.activeElement !== t) t.focus();\n"
    "  if (n > 0) setTimeout(function () { focus(n - 1); }, 500); })(240);</script>\n"
)


def offline_page(text: str) -> str:
    """The template text without any request to the internet, with the focus script."""
    text = _GOOGLE.sub(lambda _m: FONT_FACE, text)
    return text.replace("</body>", FOCUS + "</body>", 1)


def offline_templates(folder: Path) -> Path:
    """Write the offline template into `folder` (created) and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / SOURCE.name
    page = offline_page(SOURCE.read_text(encoding="utf-8"))
    if not target.is_file() or target.read_text(encoding="utf-8") != page:
        part = target.with_name(f"{target.name}.{os.getpid()}.part")
        part.write_text(page, encoding="utf-8")
        os.replace(part, target)  # two servers starting at once never read half a file
    return folder
