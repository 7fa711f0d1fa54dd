"""When the system refuses a file, the message says why in the reader's language: the OS's own
words ("No such file or directory", "Permission denied") were pasted into Vietnamese
sentences ("Không đọc được tệp danh mục x.json: No such file or directory.")."""

from __future__ import annotations

import errno
from pathlib import Path

from desk.domain.errors import MessageKey
from desk.domain.os_errors import KNOWN, os_reason
from desk.i18n import has


def test_catalog_import_of_a_missing_file_says_why_in_vietnamese(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "danh-muc.json"
    out = run_desk("catalog", "import", str(missing))
    assert out.returncode != 0
    assert "No such file" not in out.stderr, out.stderr
    assert "không có tệp hoặc thư mục này" in out.stderr, out.stderr
    english = run_desk("catalog", "import", str(missing), env={"DESK_LANG": "en"})
    assert "no such file or folder" in english.stderr, english.stderr


def test_every_known_reason_has_words_and_others_keep_the_systems() -> None:
    assert all(has(f"oserror.{name}") for name in KNOWN.values())
    assert isinstance(os_reason(FileNotFoundError(errno.ENOENT, "No such file")), MessageKey)
    assert isinstance(os_reason(OSError(errno.ENOENT, "No such file")), MessageKey)  # as raised
    assert os_reason(OSError(errno.EBUSY, "Device or resource busy")) == \
        "Device or resource busy"
