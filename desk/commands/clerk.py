"""`desk clerk add NAME --role ROLE [--pin-stdin]`, `desk clerk unlock NAME`, `desk clerk list`.

Adding a clerk or unlocking one needs an admin's name and PIN (`--clerk`, issue 15), except the
first admin of an office that has none."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk import environment
from desk.commands.base import CommandError, context, emit, fail, helps
from desk.commands.cli_auth import ENV_PIN, add_pin_options, authorize, cli_actor
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("clerk", help=h["clerk"], description=h["clerk"])
    csub = p.add_subparsers(dest="clerk_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", help=h["clerk.add"], description=h["clerk.add"])
    add.add_argument("name", metavar="NAME", help=h["clerk.name"])
    add.add_argument("--role", required=True, choices=("clerk", "supervisor", "admin"),
                     help=h["clerk.role"])
    add.add_argument("--counter", type=int, help=h["clerk.counter"])
    add.add_argument("--pin-stdin", action="store_true", help=h["clerk.pin_stdin"])
    add.add_argument("--json", action="store_true", help=h["json"])
    add_pin_options(add, stdin=False)  # --pin-stdin: the admin's PIN first, then the new one
    add.set_defaults(handler=add_)
    un = csub.add_parser("unlock", help=h["clerk.unlock"], description=h["clerk.unlock"])
    un.add_argument("name", metavar="NAME", help=h["clerk.name"])
    add_pin_options(un)
    un.set_defaults(handler=unlock_)
    ls = csub.add_parser("list", help=h["clerk.list"], description=h["clerk.list"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler=list_)


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    import getpass

    h = helps()
    first = getpass.getpass(h["pin.ask"])
    if getpass.getpass(h["pin.again"]) != first:
        raise CommandError(t("clerk.pin_mismatch"), 1)
    return first


def _has_admin(ctx: Any) -> bool:
    from desk.services.trust.clerks import list_clerks

    return any(c["role"] == "admin" and c["active"] for c in list_clerks(ctx))


def add_(args: argparse.Namespace) -> int:
    """The first admin of an office with no admin needs no PIN; everything else an admin's."""
    from desk.services.trust.clerks import add_clerk, validate_pin

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
    from desk.services.trust.auth import unlock

    ctx = context(args)
    actor = authorize(ctx, args, "clerk.manage")
    try:
        done = unlock(ctx, args.name, actor)
    except DomainError as e:
        raise fail(e) from None
    print(t("clerk.unlocked" if done["was_locked"] else "clerk.not_locked", name=done["name"]))
    return 0


def list_(args: argparse.Namespace) -> int:
    from desk.services.trust.clerks import list_clerks

    rows = list_clerks(context(args))
    if args.json:
        emit(rows, True)
    else:
        for c in rows:
            counter = f"quầy {c['counter']}" if c["counter"] else ""
            print(f"{c['name']:<28} {c['role']:<11} {counter}")
    return 0
