"""What every command shares, and nothing heavy: errors and output. desk/cli.py imports it
for `desk --help` (the office itself: desk/commands/context.py)."""

from __future__ import annotations

import json
import sys
from typing import Any

from desk.i18n import render_error, t


class CommandError(Exception):
    """A failure already phrased for the user; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def fail(exc: BaseException, code: int = 1) -> CommandError:
    return CommandError(render_error(exc), code)


def emit(data: Any, as_json: bool) -> None:
    """Print JSON (UTF-8, not escaped) when asked; otherwise the caller prints text."""
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def say(key: str, **params: Any) -> None:
    print(t(key, **params))
