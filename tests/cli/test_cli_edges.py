"""Issue 15 §5: an argument that is not UTF-8 gets a clear message (no crash log), and
`desk … | head` ends quietly when the reader goes away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def _env(config_file: Path, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "DESK_CONFIG": str(config_file), "HOME": str(tmp_path),
            "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
            "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "PYTHONIOENCODING": "utf-8"}


def _crash_logs(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*") if "crash" in p.name.lower()]


@pytest.mark.skipif(os.name == "nt", reason="POSIX argv bytes")
def test_invalid_utf8_argument_is_a_clear_message(config_file: Path, tmp_path: Path) -> None:
    r = subprocess.run([os.fsencode(sys.executable), b"-m", b"desk.cli", b"validate", b"id",
                        b"04009\xff\xfe0123"], capture_output=True,
                       env=_env(config_file, tmp_path), cwd=tmp_path, timeout=120)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2, err
    assert "UTF-8" in err and "Traceback" not in err
    assert not _crash_logs(tmp_path)


@pytest.mark.skipif(os.name == "nt", reason="a POSIX pipe")
def test_a_closed_pipe_ends_quietly(run_desk: Any, config_file: Path, tmp_path: Path) -> None:
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    # many lines, one byte read: the writer meets a closed pipe
    cmd = f"'{sys.executable}' -m desk.cli catalog list | head -c 1 >/dev/null"
    r = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True,
                       env=_env(config_file, tmp_path), cwd=tmp_path, timeout=120)
    assert not r.stderr.strip(), r.stderr
    assert not _crash_logs(tmp_path)
