"""Sync: bytes per event and a day (300 events) through 50 kbit/s, 600 ms RTT, 10 % loss."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.common import Row

ROOT = Path(__file__).resolve().parent.parent


def run() -> list[Row]:
    out = subprocess.run([sys.executable, "bench/sync_bench.py"], capture_output=True,
                         text=True, cwd=ROOT, timeout=900)
    rows, text = [], out.stdout
    for line in text.splitlines():
        if line.startswith("request bodies"):
            rows.append(Row("sync: request body per event (gzip)",
                            float(line.split("=")[1].split("B/event")[0]), "B", 60))
        elif line.startswith("on the wire"):
            rows.append(Row("sync: on the wire per event (headers, reply)",
                            float(line.split("=")[-1].split("B/event")[0]), "B"))
        elif line.startswith("a day through the link"):
            rows.append(Row("sync: a day (300 events) at 50 kbit/s, 600 ms, 10 % loss",
                            float(line.split()[5]), "s", 60))
    if not rows:
        raise RuntimeError(out.stderr[-1500:])
    return rows
