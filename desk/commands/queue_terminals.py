"""`desk kiosk`, `desk queue counter|board`: the queue's Textual terminals (the options:
desk/commands/parsers/queue.py; the waiting-room TV: display.py)."""

from __future__ import annotations

import argparse

from desk.commands import tui
from desk.commands.base import fail
from desk.commands.cli_actor import cli_actor
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.queue_apps import CounterApp, KioskApp, SupervisorApp
from desk.services.queue.ticket_rules import counter_services


def kiosk_app(args: argparse.Namespace) -> int:
    return tui.run_textual(KioskApp(context(args)))


def counter_app(args: argparse.Namespace) -> int:
    ctx = context(args)
    try:
        counter_services(ctx, args.counter)  # a counter that serves nothing: said before the app
    except DomainError as e:
        raise fail(e) from None
    # who acts: `--clerk NAME` once their PIN is right, else the command line (`cli:<OS user>`)
    actor = cli_actor()
    if args.clerk:  # the login (lockout, PIN, audit) needs the database stack before the app
        from desk.commands.cli_auth import signed_in  # noqa: PLC0415 — only with a clerk

        actor = signed_in(ctx, args.clerk, bool(getattr(args, "pin_stdin", False)))
    return tui.run_textual(CounterApp(ctx, args.counter, clerk=args.clerk, actor=actor))


def board_app(args: argparse.Namespace) -> int:
    return tui.run_textual(SupervisorApp(context(args)))
