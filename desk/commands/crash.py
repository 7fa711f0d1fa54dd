"""An unexpected exception, as the user reads it: a sentence, and the traceback (masked) in a
log file named by the desk's clock. desk/cli.py imports this module on the crash path only."""

from __future__ import annotations

import os
import tempfile
import traceback
from pathlib import Path
from zoneinfo import ZoneInfo

from platformdirs import user_log_path

from desk.config import OfficeConfig
from desk.domain.masking import mask_text
from desk.i18n import t
from desk.services.clock import clock_from_env


def classify_exception(exc: BaseException) -> tuple[str, int]:
    """An unexpected exception → a sentence for the user, and the traceback into a log file."""
    text = str(exc)
    if "database is locked" in text:
        return t("cli.db_busy"), 75
    if "file is not a database" in text or "malformed" in text:
        return t("cli.db_corrupt"), 74
    if isinstance(exc, PermissionError):
        return t("cli.permission", error=text), 77
    log = write_crash_log(exc)
    return t("cli.crash", error=type(exc).__name__, log=log), 70


def write_crash_log(exc: BaseException) -> str:
    try:
        folder = user_log_path("desk", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    # named by the desk's clock (DESK_NOW pins it) in office time, the time a clerk reports
    tz = OfficeConfig().timezone
    stamp = f"{clock_from_env(tz)().astimezone(ZoneInfo(tz)):%Y%m%d-%H%M%S}"
    try:
        # tracebacks can quote a citizen's ID or phone: they are masked like every log
        text = mask_text("".join(traceback.format_exception(exc)))
        for n in range(100):  # two crashes in one second (or a pinned clock) keep both logs
            path = folder / (f"crash-{stamp}.log" if n == 0 else f"crash-{stamp}-{n}.log")
            try:  # owner only; never over an earlier log
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            return str(path)
    except OSError:
        pass
    return "-"
