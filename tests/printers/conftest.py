"""Shared helpers for the printer tests."""

from __future__ import annotations

from dataclasses import replace

from printers.escpos.profiles import PRESETS, PrinterProfile

DOTS = {32: 384, 42: 512, 48: 576}
WIDTHS = (32, 42, 48)
MODES = ("tcvn3", "cp1258", "raster")


def profile_for(width: int, mode: str) -> PrinterProfile:
    """Epson-class profile for text modes; the raster preset (no native codes) for raster."""
    base = PRESETS["raster" if mode == "raster" else "epson80"]
    return replace(base, name=f"{mode}{width}", paper_columns=width, dots=DOTS[width],
                   codepage_mode=mode)
