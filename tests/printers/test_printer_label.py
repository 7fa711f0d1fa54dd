"""The intake note names a printer as a clerk reads it, never by its desk.toml key
(issue 14, seen at the counter: "…hàng đợi in của máy receipt")."""

from __future__ import annotations

from pathlib import Path

from desk.config import Settings
from desk.i18n import get_language, set_language
from desk.services.context import DeskContext
from desk.services.printing import spooler as printing
from printers.layouts import samples
from printers.layouts.receipt import build_receipt
from tests.conftest import local
from tests.printers.test_spool import MovableClock


def _ctx(tmp_path: Path, printers: dict[str, dict[str, str]]) -> DeskContext:
    settings = Settings.from_dict({
        "storage": {"data_dir": str(tmp_path / "data"),
                    "database": str(tmp_path / "desk.sqlite3")},
        "printers": printers})
    return DeskContext(settings, clock=MovableClock(local(2026, 11, 23, 9, 0)))


def _note(ctx: DeskContext, printer: str) -> str:
    jid = printing.submit(ctx, build_receipt(samples.RECEIPT), kind="receipt",
                          ref="1", printer=printer)
    return printing.job_note(ctx, jid)


def test_intake_note_names_the_receipt_printer_in_words(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, {"receipt": {"transport": "dir:"}, "a4": {"kind": "a4"},
                          "quay2": {"transport": "dir:"}})
    try:
        note = _note(ctx, "receipt")
        assert note == ("Giấy tiếp nhận đã vào hàng đợi in của máy in biên nhận "
                        "(tình trạng: chưa rõ).")
        assert "máy in biên nhận thứ 2" in _note(ctx, "quay2")
        was = get_language()
        set_language("en")
        try:
            assert "queued for the receipt printer" in _note(ctx, "receipt")
        finally:
            set_language(was)
    finally:
        ctx.close()


def test_a_configured_label_is_what_the_clerk_reads(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, {"receipt": {"transport": "dir:", "label": "máy in quầy 1"}})
    try:
        note = _note(ctx, "receipt")
        assert "hàng đợi in của máy in quầy 1 " in note and "receipt" not in note
    finally:
        ctx.close()
