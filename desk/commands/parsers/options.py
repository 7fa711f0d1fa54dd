"""Options several command groups share."""

from __future__ import annotations

import argparse
from typing import Any

from desk.i18n import t


def add_pin_options(p: argparse.ArgumentParser, *, clerk: bool = True,
                    stdin: bool = True) -> None:
    """`--clerk NAME` and `--pin-stdin` on a command that needs a supervisor or admin
    (desk/commands/cli_auth.py checks them)."""
    if clerk:
        p.add_argument("--clerk", metavar="NAME", help=t("help.auth.clerk"))
    if stdin:
        p.add_argument("--pin-stdin", action="store_true", help=t("help.auth.pin"))


class HandledBy(argparse.Action):
    """A flag (`store_true`) that also hands the command to another handler: a path of very
    different weight (`desk display --web` serves pages, the plain command opens Textual)."""

    def __init__(self, option_strings: list[str], dest: str, *, handler: str,
                 **kw: Any) -> None:  # Any: argparse.Action's own options (help, metavar…)
        super().__init__(option_strings, dest, nargs=0, default=False, **kw)
        self.handler = handler

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        setattr(namespace, self.dest, True)
        namespace.handler = self.handler
