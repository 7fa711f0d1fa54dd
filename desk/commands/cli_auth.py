"""Who runs a command (issue 15 §4).

Scripts keep working: a command without `--clerk` acts as the PC's command line and is audited
as `cli:<OS user>`. A command that discloses personal data in bulk or changes clerks, roles,
audit, retention or restore needs a supervisor's or admin's name (`--clerk NAME` or
DESK_CLERK) and PIN — from `--pin-stdin` (its first line), DESK_PIN, or a prompt — checked by
the same login as the counter's screen, with the same lockout, and audited. `--clerk NAME`
on any other command also needs that clerk's PIN: nobody acts under another's name.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from desk import environment
from desk.commands.base import CommandError, fail
from desk.domain.errors import DomainError
from desk.i18n import t

if TYPE_CHECKING:
    from desk.services.trust.actor import Actor

ENV_PIN = environment.PIN
ENV_CLERK = environment.CLERK


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a service account, a container)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def cli_actor() -> Actor:
    """The command line of the office PC, named by its OS user in the audit trail."""
    from desk.services.trust.actor import Actor  # the door: `desk --help` loads no database stack

    return Actor(id=None, name=f"cli:{os_user()}", role="admin")


def add_pin_options(p: argparse.ArgumentParser, *, clerk: bool = True,
                    stdin: bool = True) -> None:
    """`--clerk NAME` and `--pin-stdin` on a command that needs a supervisor or admin."""
    if clerk:
        p.add_argument("--clerk", metavar="NAME", help=t("help.auth.clerk"))
    if stdin:
        p.add_argument("--pin-stdin", action="store_true", help=t("help.auth.pin"))


def read_pin(name: str, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    if environment.get(ENV_PIN):
        return environment.text(ENV_PIN)
    if sys.stdin.isatty():
        return getpass.getpass(t("cli.pin_prompt", name=name))
    raise CommandError(t("cli.pin_needed", name=name), 2)


def signed_in(ctx: Any, name: str, from_stdin: bool = False) -> Actor:
    """The named clerk, once their PIN is right (login: lockout and audit as at a counter)."""
    from desk.services.trust.auth import login

    pin = read_pin(name, from_stdin)
    try:
        return login(ctx, name, pin, need_counter=False)
    except DomainError as e:
        raise fail(e) from None


def authorize(ctx: Any, args: argparse.Namespace, permission: str,
              from_stdin: bool | None = None) -> Actor:
    """A signed-in supervisor/admin who may do `permission`, or CommandError (audited).
    `from_stdin`: read the PIN from stdin (default: `--pin-stdin`)."""
    name = getattr(args, "clerk", None) or environment.get(ENV_CLERK)
    if not name:
        raise CommandError(t("cli.need_signin", action=t(f"perm.{permission}")), 2)
    from desk.services.trust.roles import require

    if from_stdin is None:
        from_stdin = bool(getattr(args, "pin_stdin", False))
    actor = signed_in(ctx, name, from_stdin)
    try:
        require(ctx, actor, permission)
    except DomainError as e:
        raise fail(e) from None
    return actor
