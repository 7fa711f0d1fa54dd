"""Sync: bytes per event and a day (300 events) through 50 kbit/s, 600 ms RTT, 10 % loss;
requests per cycle, a 30-day backlog and a 300 KB scan through the same link (issue #10)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bench.common import Row

ROOT = Path(__file__).resolve().parent.parent


def _num(pattern: str, line: str) -> float:
    m = re.search(pattern, line)
    if m is None:
        raise ValueError(f"{pattern!r} not in {line!r}")
    return float(m.group(1))


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
        elif line.startswith("requests per cycle"):
            rows.append(Row("sync: requests per cycle (1 new event, normal day)",
                            _num(r"cycle\s+(\d+)", line), "req", 2,
                            re.findall(r"\(([^();]+);", line)[0]))
        elif "-day backlog" in line:
            events = int(_num(r"backlog\s+(\d+) events", line))
            batches = int(_num(r"in (\d+) batch", line))
            wire_kb = _num(r"on the wire (\d+) B", line) / 1000
            rows.append(Row(f"sync: 30-day backlog ({events:,} events), same link",
                            _num(r"through the link in ([\d.]+) s", line), "s", None,
                            f"{batches} batches, {wire_kb:.0f} kB on the wire"))
            rows.append(Row("sync: 30-day backlog on the wire per event",
                            _num(r"= ([\d.]+) B/event", line), "B"))
        elif line.startswith("scan on the wire"):
            wire_kb = _num(r"wire\s+(\d+) B", line) / 1000
            with_event = _num(r"first ([\d.]+) s", line)
            rows.append(Row("sync: a 300 KB scan after its event, same link",
                            _num(r"scan uploaded in ([\d.]+) s", line), "s", None,
                            f"{wire_kb:.0f} kB on the wire; {with_event:.1f} s with its event"))
    if not rows:
        raise RuntimeError(out.stderr[-1500:])
    return rows
