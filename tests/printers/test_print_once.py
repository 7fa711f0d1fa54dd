"""`desk print receipt CODE` while the receipt already waits (printer off or out of paper)
adds no second copy; once printed, asking again gives a copy marked "BẢN IN LẠI"."""

from __future__ import annotations

import json
from pathlib import Path

from desk.config import load_file
from desk.services.context import DeskContext
from desk.services.printing import spooler as printing
from printers.escpos import PRESETS, decode_text
from tests.printers.test_print_cli import CODE, _config, office  # noqa: F401  (fixture)
from tests.printers.test_transport import TcpPrinter


def test_reprint_never_duplicates_a_waiting_receipt(run_desk, office: Path,  # type: ignore[no-untyped-def]  # noqa: F811
                                                    tmp_path: Path) -> None:
    fake = TcpPrinter("paper_out")
    try:
        cfg = _config(tmp_path, fake.url)
        first = run_desk("print", "receipt", CODE, "--timeout", "1", "--json", config=cfg)
        assert first.returncode == 3 and json.loads(first.stdout)["submitted"] == "new"
        again = run_desk("print", "receipt", CODE, "--timeout", "1", config=cfg)
        assert again.returncode == 3
        assert f"Giấy này của {CODE} đang chờ in ở máy in biên nhận (lệnh" in again.stdout
        assert "Chưa in được trên máy in biên nhận (" in again.stdout  # not "receipt"
        ctx = DeskContext(load_file(cfg))
        try:
            assert len(printing.jobs(ctx, ref=CODE)) == 1
        finally:
            ctx.close()
        fake.come_back("ok")
        done = run_desk("print", "receipt", CODE, "--timeout", "15", "--json", config=cfg)
        assert done.returncode == 0 and json.loads(done.stdout)["submitted"] == "waiting"
        text = decode_text(bytes(fake.received), PRESETS["epson80"])
        assert text.count(f"Mã hồ sơ: {CODE}") == 1 and "BẢN IN LẠI" not in text
        later = run_desk("print", "receipt", CODE, "--timeout", "15", config=cfg)
        assert later.returncode == 0 and "BẢN IN LẠI" in later.stdout
        text = decode_text(bytes(fake.received), PRESETS["epson80"])
        assert text.count(f"Mã hồ sơ: {CODE}") == 2 and text.count("BẢN IN LẠI") == 1
    finally:
        fake.close()
