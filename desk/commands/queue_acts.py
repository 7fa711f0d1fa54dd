"""`desk queue call|act|pause|resume`: a counter's acts, as the clerk named by `--clerk` (with
their PIN) or the command line (the options: desk/commands/parsers/queue.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import emit
from desk.commands.cli_auth import actor_for
from desk.commands.context import context
from desk.commands.queue import domain_call
from desk.commands.queue_output import print_called, ticket_dict
from desk.i18n import t
from desk.services.queue import tickets as queue


def _actor(ctx: Any, args: argparse.Namespace) -> Any:
    """Who acts: `--clerk NAME` once their PIN is right (their role and counter are checked by
    the queue service: queue.call, queue.manage), else the command line (`cli:<OS user>`)."""
    return actor_for(ctx, args.clerk or None, bool(getattr(args, "pin_stdin", False)))


def call_(args: argparse.Namespace) -> int:
    ctx = context(args)
    v = domain_call(queue.call_next, ctx, args.counter, actor=_actor(ctx, args))
    return print_called(args, v)  # the same bytes as the quick twin (quick_write.py)


def act_(args: argparse.Namespace) -> int:
    ctx = context(args)
    kw: dict[str, Any] = {"label": args.number, "actor": _actor(ctx, args)}
    if args.action == "transfer":
        kw.update(to_counter=args.counter, to_service=args.service)
    else:
        kw.update(counter=args.counter, dossier_code=args.dossier)
    v = domain_call(queue.act, ctx, args.action, **kw)
    if args.json:
        emit(ticket_dict(v), True)
    else:
        print(t("queue.cli.done", label=v.label, state=t(f"queue.state.{v.state}")))
    return 0


def pause_(args: argparse.Namespace) -> int:
    ctx = context(args)
    fn = queue.pause if args.pause else queue.resume
    changed = domain_call(fn, ctx, args.counter, actor=_actor(ctx, args))
    key = ("queue.cli.paused" if args.pause else "queue.cli.resumed") if changed \
        else "queue.cli.unchanged"
    print(t(key, counter=args.counter))
    return 0
