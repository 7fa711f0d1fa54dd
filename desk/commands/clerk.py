"""`desk clerk add NAME --role ROLE [--pin-stdin]`, `desk clerk unlock NAME`, `desk clerk list`.

Adding a clerk or unlocking one needs an admin's name and PIN (`--clerk`, issue 15), except the
first admin of an office that has none."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desk import environment
from desk.commands.base import CommandError, emit, fail
from desk.commands.cli_actor import cli_actor
from desk.commands.cli_auth import ENV_PIN, authorize
from desk.commands.context import context
from desk.commands.language import helps
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.trust.auth import unlock
from desk.services.trust.clerks import add_clerk, list_clerks, validate_pin


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()

    h = helps()
    first = getpass.getpass(h["pin.ask"])
    if getpass.getpass(h["pin.again"]) != first:
        raise CommandError(t("clerk.pin_mismatch"), 1)
    return first


def _has_admin(ctx: Any) -> bool:
    return any(c["role"] == "admin" and c["active"] for c in list_clerks(ctx))


def add_(args: argparse.Namespace) -> int:
    """The first admin of an office with no admin needs no PIN; everything else an admin's."""
    ctx = context(args)
    first_admin = not _has_admin(ctx)
    if first_admin and args.role != "admin":
        raise CommandError(t("clerk.need_admin_first"), 2)
    # the admin's PIN: DESK_PIN, else the first line of stdin (--pin-stdin), else a prompt
    actor = cli_actor() if first_admin else authorize(
        ctx, args, "clerk.manage", from_stdin=args.pin_stdin and not environment.get(ENV_PIN))
    pin = _read_pin(args.pin_stdin)
    try:
        validate_pin(pin, ctx)
        clerk = add_clerk(ctx, args.name, args.role, pin, counter=args.counter, actor=actor)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(clerk, True)
    else:
        print(f"{clerk['name']} — {clerk['role']}")
        if first_admin:
            print(t("clerk.first_admin", name=clerk["name"]))
    return 0


def unlock_(args: argparse.Namespace) -> int:
    ctx = context(args)
    actor = authorize(ctx, args, "clerk.manage")
    try:
        done = unlock(ctx, args.name, actor)
    except DomainError as e:
        raise fail(e) from None
    print(t("clerk.unlocked" if done["was_locked"] else "clerk.not_locked", name=done["name"]))
    return 0


def list_(args: argparse.Namespace) -> int:
    rows = list_clerks(context(args))
    if args.json:
        emit(rows, True)
    else:
        for c in rows:
            counter = f"quầy {c['counter']}" if c["counter"] else ""
            print(f"{c['name']:<28} {c['role']:<11} {counter}")
    return 0
