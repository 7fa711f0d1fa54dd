"""Opening the Textual app (the only place the CLI imports it)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk.commands.base import CommandError, context


def run_tui(args: argparse.Namespace) -> int:
    return run_app(context(args))


def run_app(ctx: Any) -> int:
    from desk.i18n import t

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandError(t("cli.no_tty"), 2)
    from desk.app import DeskApp

    app = DeskApp(ctx)
    app.run()
    return int(app.return_code or 0)
