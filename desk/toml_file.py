"""desk.toml parsed once per start: the CLI's early look at the language and the settings'
loader both need it (parsing it twice cost a few ms of every start)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

_last: tuple[tuple[str, int, int], dict[str, Any]] | None = None


def parse(path: Path) -> dict[str, Any]:
    """The parsed file, a shallow copy (raises OSError, UnicodeDecodeError or
    tomllib.TOMLDecodeError). Reused while the file's time and size stay the same."""
    global _last
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    if _last is None or _last[0] != key:
        _last = (key, tomllib.loads(path.read_bytes().decode("utf-8")))
    return dict(_last[1])
