"""`desk demo [--no-tui]`: seed the demo office (idempotent), then open the UI (the options:
desk/commands/parsers/demo.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands import tui
from desk.commands.base import CommandError, emit, say
from desk.commands.context import context
from desk.i18n import t
from desk.services.demo_accounts import demo_accounts
from desk.services.shapes import DemoClerk, DemoOut


def demo(args: argparse.Namespace) -> int:
    ctx = context(args)
    if not args.no_tui and not args.json:  # the login first, the office seeded behind it
        return _demo_tui(ctx, dossiers=not args.no_dossiers)
    result = _seed(ctx, dossiers=not args.no_dossiers)
    if args.json:
        emit(result, True)
    else:
        say("demo.seeded", office=result["office"], path=result["database"])
        _print_accounts(result["clerks"])
    if args.no_tui:
        return 0
    # the demo login lists them: the printout scrolls away
    return tui.run_app(ctx, demo_accounts=result["clerks"])


def _seed(ctx: Any, *, dossiers: bool) -> DemoOut:
    # The ORM and fpdf2 (~0.9 s of CPU) are loaded only to seed here; plain `desk demo` paints
    # the login first and the app seeds behind it (issue 19).
    from desk.services.demo import seed_demo  # noqa: PLC0415 — never before the first paint

    return seed_demo(ctx, dossiers=dossiers)


def _print_accounts(accounts: list[DemoClerk]) -> None:
    say("demo.clerks")
    for c in accounts:
        print(f"  {c['name']} — {t('role.' + c['role'])} — {c['pin']}")


def _demo_tui(ctx: Any, *, dossiers: bool) -> int:
    """The login is painted at once; the app seeds the office in a worker behind it (the clerks
    first, listed as soon as they exist, then the demo dossiers): issue 19, ≤ 2 s to the login
    on a fresh HOME, where seeding first took 3–4 s."""
    accounts = demo_accounts()
    _print_accounts(accounts)
    try:  # the demo login lists the accounts: the printout scrolls away
        return tui.run_app(ctx, demo_accounts=accounts,
                           demo_seed="dossiers" if dossiers else "office")
    except CommandError:  # no terminal: the office is seeded all the same, as it always was
        _seed(ctx, dossiers=dossiers)
        raise
