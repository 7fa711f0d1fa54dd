"""A paper written to the file a command names (`--pdf`, `--out`): the bytes, then the line
saying so, or a clear message and exit 1. Standard library and messages only: the quick
`print form --pdf` (desk/commands/quick_print.py) and the regular print commands share it."""

from __future__ import annotations

from pathlib import Path

from desk.commands.base import CommandError
from desk.i18n import t


def write_file(path: str, data: bytes) -> None:
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)  # as `desk report --out` does
        Path(path).write_bytes(data)
    except OSError as e:
        raise CommandError(t("cli.permission", error=f"{path}: {e.strerror}"), 1) from None
    print(t("print.saved", bytes=len(data), file=path))
