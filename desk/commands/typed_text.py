"""Free text given on the command line, as the clerk meant it."""

from __future__ import annotations

import sys

from desk.domain.telex import untelex
from desk.i18n import t
from desk.services.context import DeskContext


def typed_text(ctx: DeskContext, text: str | None) -> str | None:
    """Raw Telex typed with no input method on ("Phongf Taif chinhs") becomes Vietnamese
    ("Phòng Tài chính") before it reaches a letter or a receipt, and stderr says so, as the
    screens do (`desk.domain.telex.untelex`: only ASCII text whose words Telex makes into
    Vietnamese syllables; "Chua co ket qua", "Ross", "email" stay)."""
    if not text:
        return text
    fixed = untelex(text, ctx.settings.office.tone_style)
    if fixed != text:
        print(t("cli.telex_converted", text=fixed), file=sys.stderr)
    return fixed
