"""The quick twins of `desk queue issue` and `desk queue call COUNTER` (issue 19 §1:
scripted in loops): written through `sqlite3` by desk/services/quick/queue_write.py, printed by
desk/commands/queue_output.py as the regular handlers print. Each answers None — the regular
handler then runs — when the quick write is not possible (no file yet, a schema to migrate)
or not what was asked: a clerk to sign in by PIN (`--clerk`: login, its lockout and audit).
A ticket to print is queued by desk/services/quick/ticket_print.py, imported only then."""

from __future__ import annotations

import argparse

from desk.commands.queue_output import print_called, print_issued
from desk.commands.quick_run import run_quick
from desk.services.quick import queue_write
from desk.services.quick.context import QuickContext


def queue_issue(args: argparse.Namespace) -> int | None:
    def body(q: QuickContext) -> int:
        issued = queue_write.issue(q, args.service, args.priority)
        if not args.no_print:
            # rendering's imports (Pillow, qrcode) only when a ticket is printed
            from desk.services.quick.ticket_print import print_issued as queue_paper  # noqa: PLC0415

            issued = queue_paper(q, issued)
        return print_issued(args, issued)
    return run_quick(args, body, write=True)


def queue_call(args: argparse.Namespace) -> int | None:
    if args.clerk or getattr(args, "pin_stdin", False):
        return None

    def body(q: QuickContext) -> int:
        return print_called(args, queue_write.call_next(q, args.counter))
    return run_quick(args, body, write=True)
