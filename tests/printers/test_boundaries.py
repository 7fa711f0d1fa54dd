"""printers/ must not pull in Textual, screens/ or storage/.

Checks the document model, layouts and ESC/POS packages (transports/spool/pdf belong to
their own tests).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import sys, pkgutil, importlib
import printers.document, printers.text, printers.escpos, printers.layouts
for pkg in (printers.escpos, printers.layouts):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(m.name)
bad = [m for m in sys.modules if m.split(".")[0] in ("textual", "screens", "storage")]
print(",".join(bad))
"""


def test_printers_imports_no_ui_or_storage() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""
