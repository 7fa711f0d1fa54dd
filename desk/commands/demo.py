"""`desk demo [--no-tui]`: seed the demo office (idempotent), then open the UI."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import CommandError, context, emit, say
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("demo", help=h["demo"], description=h["demo"])
    p.add_argument("--no-tui", action="store_true", help=h["demo.no_tui"])
    p.add_argument("--no-dossiers", action="store_true", help=h["demo.no_dossiers"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler=demo)


def demo(args: argparse.Namespace) -> int:
    ctx = context(args)
    if not args.no_tui and not args.json:  # the login first, the office seeded behind it
        return _demo_tui(ctx, dossiers=not args.no_dossiers)
    from desk.services.demo import seed_demo

    result = seed_demo(ctx, dossiers=not args.no_dossiers)
    if args.json:
        emit(result, True)
    else:
        say("demo.seeded", office=result["office"], path=result["database"])
        _print_accounts(result["clerks"])
    if args.no_tui:
        return 0
    from desk.app import DeskApp
    from desk.commands.tui import run_textual

    app = DeskApp(ctx)
    app.demo_accounts = result["clerks"]  # the demo login lists them: the printout scrolls away
    return run_textual(app)


def _print_accounts(accounts: list[dict[str, Any]]) -> None:
    say("demo.clerks")
    for c in accounts:
        print(f"  {c['name']} — {t('role.' + c['role'])} — {c['pin']}")


def _demo_tui(ctx: Any, *, dossiers: bool) -> int:
    """The login is painted at once; the app seeds the office in a worker behind it (the clerks
    first, listed as soon as they exist, then the demo dossiers): issue 19, ≤ 2 s to the login
    on a fresh HOME, where seeding first took 3–4 s."""
    from desk.app import DeskApp
    from desk.commands.tui import run_textual
    from desk.services.demo_accounts import demo_accounts

    accounts = demo_accounts()
    _print_accounts(accounts)
    app = DeskApp(ctx)
    app.demo_accounts = accounts  # the demo login lists them: the printout scrolls away
    app.demo_seed = "dossiers" if dossiers else "office"
    try:
        return run_textual(app)
    except CommandError:  # no terminal: the office is seeded all the same, as it always was
        from desk.services.demo import seed_demo

        seed_demo(ctx, dossiers=dossiers)
        raise
