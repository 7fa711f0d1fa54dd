"""A4 apology letter: the first letter in a fresh process (font loading) and the tenth."""

from __future__ import annotations

import json
import subprocess
import sys

from bench.common import Row

SCRIPT = r"""
import json, time
from printers.layouts.samples import APOLOGY
from printers.pdf import Letterhead, apology_pdf
head = Letterhead(office_name="UBND xã Minh Châu", place="Nghệ An")
times = []
for i in range(10):
    a = time.perf_counter()
    apology_pdf(APOLOGY, head)
    times.append((time.perf_counter() - a) * 1000)
print(json.dumps(times))
"""


def run() -> list[Row]:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-1500:])
    times = json.loads(out.stdout.strip().splitlines()[-1])
    return [Row("A4 apology letter: first in a new process", times[0], "ms"),
            Row("A4 apology letter: tenth", times[9], "ms")]
