"""Issue 15 §5: the Form 06 book and other exports, print files, crash logs and a new data
folder are the owner's only (0600 / 0700 on POSIX; on Windows the user's profile folders
already are)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk.commands.crash import write_crash_log
from desk.services.reports.exports import write_file
from printers.transports.files import DirTransport, FileTransport
from storage.engine import make_engine

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def test_exports_crash_logs_and_data_folders_are_private(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    old = os.umask(0o022)
    try:
        book = write_file(b"Nguyen Van A", tmp_path / "so-theo-doi.xlsx")
        assert book.stat().st_mode & 0o777 == 0o600
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
        log = Path(write_crash_log(RuntimeError("040095000123")))
        assert log.is_file() and log.stat().st_mode & 0o777 == 0o600
        make_engine(tmp_path / "new-office" / "desk.sqlite3").dispose()
        printer = DirTransport("dir:x", tmp_path / "print", None)
        printer.write(b"%PDF-1.4 Nguyen Van A", 5.0, name="bien-nhan")
        assert (tmp_path / "print" / "bien-nhan.pdf").stat().st_mode & 0o777 == 0o600
        FileTransport("file:x", tmp_path / "printer.out").write(b"\x1b@Nguyen", 5.0)
        assert (tmp_path / "printer.out").stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "new-office").stat().st_mode & 0o777 == 0o700
    finally:
        os.umask(old)
