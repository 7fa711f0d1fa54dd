"""Một Cửa Desk — one-stop counter software. Importing this package stays cheap (no Textual)."""

import time as _time

STARTED_AT = _time.perf_counter()  # taken at first import; the app logs time-to-ready from it
__version__ = "0.1.0"
