"""Opening a Textual app (the only place the CLI imports one)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from desk.commands.base import CommandError, context
from desk.i18n import t


def run_tui(args: argparse.Namespace) -> int:
    return run_app(context(args))


def run_app(ctx: Any) -> int:
    from desk.app import DeskApp

    return run_textual(DeskApp(ctx))


def run_textual(app: Any) -> int:
    """Run `app` in this terminal, or in a browser tab when textual-serve started us."""
    served = bool(os.environ.get("TEXTUAL_DRIVER"))  # set by textual-serve for its web driver
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandError(t("cli.no_tty"), 2)
    app.run()
    return int(app.return_code or 0)
