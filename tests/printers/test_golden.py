"""Golden files: bytes (.bin) and decoder transcript (.txt) per layout × width × mode.

Regenerate after an intended change with:  DESK_UPDATE_GOLDEN=1 pytest tests/printers
(then review the .txt diffs). Text modes use the Epson-class profile (TCVN-3 30/31,
CP1258 52, native codes); raster mode uses the raster preset (codes rasterised too).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from printers.escpos import decode_text, render
from printers.layouts.samples import SAMPLES

from .conftest import MODES, WIDTHS, profile_for

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DESK_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("layout", sorted(SAMPLES))
def test_golden(layout: str, width: int, mode: str) -> None:
    profile = profile_for(width, mode)
    data = render(SAMPLES[layout](), profile)
    text = decode_text(data, profile) + "\n"
    stem = GOLDEN / f"{layout}-{width}-{mode}"
    bin_path, txt_path = stem.with_suffix(".bin"), stem.with_suffix(".txt")
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        bin_path.write_bytes(data)
        txt_path.write_text(text, encoding="utf-8")
        return
    if not bin_path.exists():
        pytest.fail(f"missing {bin_path.name}; run with DESK_UPDATE_GOLDEN=1")
    want_text = txt_path.read_text(encoding="utf-8")
    if text != want_text:
        diff = "\n".join(difflib.unified_diff(want_text.splitlines(), text.splitlines(),
                                              "golden", "now", lineterm=""))
        pytest.fail(f"transcript changed for {stem.name}:\n{diff}")
    assert data == bin_path.read_bytes(), f"bytes changed for {stem.name} (same transcript)"
