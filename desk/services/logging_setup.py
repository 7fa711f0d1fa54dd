"""Logging with personal data masked (PDP Law 91/2025: "mask … ID numbers … in logs").

`MaskingFilter` rewrites each record's message (and its traceback text) with
`desk.domain.masking.mask_text`: 12- and 9-digit ID numbers and phone numbers never reach a log
file. Names cannot be recognised in free text: code that logs a citizen's name passes it through
`mask_name(…, "stars")` itself (better: log the dossier code instead).

`setup_logging(ctx)` — call once at start (TUI and CLI): a rotating file
`<data_dir>/logs/desk.log` (mode 0600, 5 × 2 MB) with the filter on its handler, and the filter
on every handler the root logger already has (handlers, not loggers: a logger's own filters do
not see records propagated from child loggers). The desk's own loggers (OWN) log at INFO;
everything else (fontTools wrote ~120 INFO lines per PDF, httpx one per request) only from
WARNING: the root logger stays at WARNING.
"""

from __future__ import annotations

import logging
import logging.handlers
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING

from desk.domain.masking import mask_text
from desk.services.trust.backup import secure_file

if TYPE_CHECKING:
    from desk.services.context import DeskContext

LOG_FILE = "desk.log"
OWN = ("desk", "screens", "printers", "storage")  # our packages' logger names


class MaskingFilter(logging.Filter):
    """Masks ID and phone numbers in the formatted message and in the exception text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the raw text, masked
            message = f"{record.msg} {record.args}"
        masked = mask_text(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


def install_masking(handler: logging.Handler | None = None) -> None:
    """Put a MaskingFilter on `handler`, or on every handler of the root logger."""
    handlers = [handler] if handler is not None else list(logging.getLogger().handlers)
    for h in handlers:
        if not any(isinstance(f, MaskingFilter) for f in h.filters):
            h.addFilter(MaskingFilter())


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created 0600 (POSIX)."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        secure_file(Path(self.baseFilename))
        return stream


def setup_logging(ctx: DeskContext, level: int = logging.INFO) -> Path:
    """The desk's log file with masking; returns its path. Idempotent."""
    folder = ctx.settings.data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    root = logging.getLogger()
    if not any(isinstance(h, _PrivateRotatingHandler) and Path(h.baseFilename) == path
               for h in root.handlers):
        handler = _PrivateRotatingHandler(path, maxBytes=2_000_000, backupCount=5,
                                          encoding="utf-8")
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"))
        root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)  # third-party libraries: warnings and errors only
    for name in OWN:
        own = logging.getLogger(name)
        if own.level > level or own.level == logging.NOTSET:
            own.setLevel(level)
    install_masking()
    return path
