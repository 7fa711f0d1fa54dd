"""`desk clerk add NAME --role ROLE [--pin-stdin]`, `desk clerk list`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk.commands.base import CommandError, context, emit, fail, helps
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
    add.set_defaults(handler=add_)
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


def add_(args: argparse.Namespace) -> int:
    from desk.domain.errors import DomainError
    from desk.services.clerks import add_clerk, validate_pin

    ctx = context(args)
    pin = _read_pin(args.pin_stdin)
    try:
        validate_pin(pin)
        clerk = add_clerk(ctx, args.name, args.role, pin, counter=args.counter)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(clerk, True)
    else:
        print(f"{clerk['name']} — {clerk['role']}")
    return 0


def list_(args: argparse.Namespace) -> int:
    from desk.services.clerks import list_clerks

    rows = list_clerks(context(args))
    if args.json:
        emit(rows, True)
    else:
        for c in rows:
            counter = f"quầy {c['counter']}" if c["counter"] else ""
            print(f"{c['name']:<28} {c['role']:<11} {counter}")
    return 0
