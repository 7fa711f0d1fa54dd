"""Bytes and seconds at 9600 baud per document per printer profile."""

from __future__ import annotations

from bench.common import Row

BAUD_BYTES_PER_S = 9600 / 10  # 8N1: ten bits a byte


def run() -> list[Row]:
    from printers.escpos import render
    from printers.escpos.profiles import PRESETS
    from printers.layouts.samples import sample_documents

    docs = sample_documents()
    rows = []
    for name in ("receipt", "ticket"):
        for preset, profile in PRESETS.items():
            size = len(render(docs[name], profile))
            budget = 2000 if (name, preset) == ("receipt", "epson80") else None
            rows.append(Row(f"{name} on {preset}: bytes", size, "B", budget))
            rows.append(Row(f"{name} on {preset}: at 9600 baud", size / BAUD_BYTES_PER_S, "s",
                            2 if budget else None))
    return rows
