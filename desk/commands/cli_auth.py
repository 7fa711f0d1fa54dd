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
import sys
from typing import Any

from desk import environment
from desk.commands.base import CommandError, fail
from desk.commands.cli_actor import cli_actor
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.trust.actor import Actor
from desk.services.trust.auth import login
from desk.services.trust.roles import require

ENV_PIN = environment.PIN
ENV_CLERK = environment.CLERK


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
    if from_stdin is None:
        from_stdin = bool(getattr(args, "pin_stdin", False))
    actor = signed_in(ctx, name, from_stdin)
    try:
        require(ctx, actor, permission)
    except DomainError as e:
        raise fail(e) from None
    return actor


def actor_for(ctx: Any, name: str | None, pin_stdin: bool = False) -> Actor:
    """Who a command acts as: the clerk named `--clerk NAME` once their PIN is right (their role
    is checked by the services), or, without a name, the office PC's command line, audited as
    `cli:<OS user>` (issue 15)."""
    if not name:
        return cli_actor()
    return signed_in(ctx, name, pin_stdin)
