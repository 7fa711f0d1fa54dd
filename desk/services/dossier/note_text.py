"""A dossier's notes as a reader sees them (screen, book, paper).

The demo seeder marks each sample dossier with `DEMO_NOTE` and its situation's key, which is
how a second `desk demo` knows what is already seeded. That key is for the seeder, never for
paper: it is read out in words here.
"""

from __future__ import annotations

from typing import Final

from desk.i18n import has, t

DEMO_NOTE: Final = "Hồ sơ mẫu (thời hạn):"


def readable_notes(notes: str | None) -> str:
    """`notes` with the demo marker put into words ("Hồ sơ mẫu: quá hạn, đã có văn bản
    xin lỗi"); any other note as the clerk typed it."""
    if not notes:
        return ""
    if not notes.startswith(DEMO_NOTE):
        return notes
    key = f"demo.situation.{notes.removeprefix(DEMO_NOTE).strip()}"
    return t("demo.note", situation=t(key)) if has(key) else t("demo.note_plain")
