"""The office PC's command line as an actor: a command run without `--clerk` is audited as
`cli:<OS user>` (issue 15 §4; signing in a named clerk: cli_auth.py)."""

from __future__ import annotations

import getpass
import os

from desk.services.trust.actor import Actor


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a service account, a container)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def cli_actor() -> Actor:
    """The command line of the office PC, named by its OS user in the audit trail."""
    return Actor(id=None, name=f"cli:{os_user()}", role="admin")
