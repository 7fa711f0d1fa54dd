"""Files instead of printers: `file:PATH` appends every job to one file; `dir:PATH` writes
one `<job-id>.bin` per job plus a `.txt` transcript from the ESC/POS decoder (the demo
default, so an office without a printer still sees what would have printed). PDF jobs are
saved as `<job-id>.pdf`."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from printers.escpos.decode import decode_text
from printers.escpos.profiles import PrinterProfile
from printers.transports.base import Transport, TransportError

__all__ = ["DirTransport", "FileTransport"]


def _is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


class FileTransport(Transport):
    def __init__(self, url: str, path: Path) -> None:
        self.url, self.path = url, path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise TransportError(f"cannot create {path.parent}: {e.strerror}") from None

    def write(self, data: bytes, timeout: float, *, name: str | None = None,
              stall: float | None = None) -> int:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "ab") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except OSError as e:
            raise TransportError(f"cannot write {self.path}: {e.strerror}") from None
        return len(data)


class DirTransport(Transport):
    def __init__(self, url: str, folder: Path, profile: PrinterProfile | None) -> None:
        self.url, self.folder, self.profile = url, folder, profile
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise TransportError(f"cannot create {folder}: {e.strerror}") from None
        self.last_path: Path | None = None

    def write(self, data: bytes, timeout: float, *, name: str | None = None,
              stall: float | None = None) -> int:
        stem = name or uuid.uuid4().hex  # the print worker names files by job id
        pdf = _is_pdf(data)
        path = self.folder / f"{stem}.{'pdf' if pdf else 'bin'}"
        try:
            _atomic_write(path, data)
            if not pdf:
                text = decode_text(data, self.profile)
                _atomic_write(path.with_suffix(".txt"), (text + "\n").encode("utf-8"))
        except OSError as e:
            raise TransportError(f"cannot write {path}: {e.strerror}") from None
        self.last_path = path
        return len(data)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    # receipts and letters carry citizens' names: the owner's only (issue 15)
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
