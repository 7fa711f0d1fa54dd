"""The office a command works in: its settings loaded, its language set, the services' context
built — or a clear message and exit 2."""

from __future__ import annotations

import argparse

from desk.commands.base import CommandError
from desk.config import ConfigError, load_settings, ui_language
from desk.i18n import set_language
from desk.services.context import DeskContext


def context(args: argparse.Namespace) -> DeskContext:
    """Load the configuration and build the services' context, or fail with a clear message."""
    try:
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as e:
        raise CommandError(str(e), 2) from None
    set_language(ui_language(settings))  # DESK_LANG wins over desk.toml
    return DeskContext(settings)
