"""Opening a Textual app: plain `desk` opens the desk's own (desk/app.py)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from desk.commands.base import CommandError
from desk.commands.context import context
from desk.i18n import t


def run_tui(args: argparse.Namespace) -> int:
    return run_app(context(args))


def run_app(ctx: Any, **attrs: Any) -> int:
    """The desk's own app, with `attrs` set on it (the demo's accounts: desk/commands/demo.py)."""
    from desk.app import DeskApp  # noqa: PLC0415 — Textual and the app: only when it opens

    app = DeskApp(ctx)
    for name, value in attrs.items():
        setattr(app, name, value)
    return run_textual(app)


def run_textual(app: Any) -> int:
    """Run `app` in this terminal, or in a browser tab when textual-serve started us."""
    served = bool(os.environ.get("TEXTUAL_DRIVER"))  # set by textual-serve for its web driver
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandError(t("cli.no_tty"), 2)
    app.run()
    return int(app.return_code or 0)
