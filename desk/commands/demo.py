"""`desk demo [--no-tui]`: seed the demo office (idempotent), then open the UI."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import context, emit, say
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("demo", help=h["demo"], description=h["demo"])
    p.add_argument("--no-tui", action="store_true", help=h["demo.no_tui"])
    p.add_argument("--no-dossiers", action="store_true", help=h["demo.no_dossiers"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler=demo)


def demo(args: argparse.Namespace) -> int:
    from desk.services.demo import seed_demo

    ctx = context(args)
    result = seed_demo(ctx, dossiers=not args.no_dossiers)
    if args.json:
        emit(result, True)
    else:
        say("demo.seeded", office=result["office"], path=result["database"])
        say("demo.clerks")
        for c in result["clerks"]:
            print(f"  {c['name']} — {t('role.' + c['role'])} — {c['pin']}")
    if args.no_tui:
        return 0
    from desk.app import DeskApp
    from desk.commands.tui import run_textual

    app = DeskApp(ctx)
    app.demo_accounts = result["clerks"]  # the demo login lists them: the printout scrolls away
    return run_textual(app)
