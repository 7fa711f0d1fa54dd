"""`desk queue issue|call|act|pause|resume|waiting|stats|counter|board`, `desk kiosk`,
`desk display`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, actor_for, context, emit, fail, parse_date
from desk.commands.cli_auth import add_pin_options
from desk.domain.errors import DomainError
from desk.i18n import t

ACTIONS = ("call", "recall", "start", "finish", "no_show", "hold", "transfer")


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("queue", help=h["queue"], description=h["queue"])
    q = p.add_subparsers(dest="queue_command", metavar="ACTION", required=True)

    iss = q.add_parser("issue", help=h["queue.issue"], description=h["queue.issue"])
    iss.add_argument("service", metavar="SERVICE", help=h["queue.service"])
    iss.add_argument("--priority", metavar="REASON", help=h["queue.priority"])
    iss.add_argument("--no-print", action="store_true", help=h["queue.no_print"])
    iss.add_argument("--json", action="store_true", help=h["json"])
    iss.set_defaults(handler=issue_)

    call = q.add_parser("call", help=h["queue.call"], description=h["queue.call"])
    call.add_argument("counter", metavar="COUNTER", type=int, help=h["queue.counter_no"])
    call.add_argument("--clerk", default="", help=h["queue.clerk"])
    add_pin_options(call, clerk=False)  # --clerk NAME needs that clerk's PIN (issue 15)
    call.add_argument("--json", action="store_true", help=h["json"])
    call.set_defaults(handler=call_)

    act = q.add_parser("act", help=h["queue.act"], description=h["queue.act"])
    act.add_argument("number", metavar="NUMBER", help=h["queue.number"])
    act.add_argument("action", choices=ACTIONS, metavar="ACTION", help=h["queue.act"])
    act.add_argument("--counter", type=int, help=h["queue.act_counter"])
    act.add_argument("--service", help=h["queue.act_service"])
    act.add_argument("--dossier", help=h["queue.dossier"])
    act.add_argument("--clerk", default="", help=h["queue.clerk"])
    add_pin_options(act, clerk=False)
    act.add_argument("--json", action="store_true", help=h["json"])
    act.set_defaults(handler=act_)

    for name in ("pause", "resume"):
        pr = q.add_parser(name, help=h[f"queue.{name}"], description=h[f"queue.{name}"])
        pr.add_argument("counter", metavar="COUNTER", type=int, help=h["queue.counter_no"])
        pr.add_argument("--clerk", default="", help=h["queue.clerk"])
        add_pin_options(pr, clerk=False)
        pr.set_defaults(handler=pause_, pause=name == "pause")

    w = q.add_parser("waiting", help=h["queue.waiting"], description=h["queue.waiting"])
    w.add_argument("--json", action="store_true", help=h["json"])
    w.set_defaults(handler=waiting_)

    st = q.add_parser("stats", help=h["queue.stats"], description=h["queue.stats"])
    st.add_argument("--date", metavar="DATE", help=h["queue.date"])
    st.add_argument("--csv", metavar="FILE", help=h["queue.csv"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler=stats_)

    c = q.add_parser("counter", help=h["queue.counter"], description=h["queue.counter"])
    c.add_argument("counter", metavar="COUNTER", type=int, help=h["queue.counter_no"])
    c.add_argument("--clerk", default="", help=h["queue.clerk"])
    add_pin_options(c, clerk=False)
    c.set_defaults(handler=counter_app)
    b = q.add_parser("board", help=h["queue.board"], description=h["queue.board"])
    b.set_defaults(handler=board_app)

    k = sub.add_parser("kiosk", help=h["kiosk"], description=h["kiosk"])
    k.set_defaults(handler=kiosk_app)
    d = sub.add_parser("display", help=h["display"], description=h["display"])
    d.add_argument("--clips", metavar="DIR", help=h["display.clips"])
    d.add_argument("--mute", action="store_true", help=h["display.mute"])
    d.add_argument("--web", action="store_true", help=h["display.web"])
    d.add_argument("--host", default="0.0.0.0", help=h["display.host"])
    d.add_argument("--port", type=int, help=h["display.port"])
    d.set_defaults(handler=display_app)


def _ticket_dict(v: Any) -> dict[str, Any]:
    return {"label": v.label, "number": v.number, "service": v.service_code,
            "priority": v.priority, "priority_reason": v.priority_reason, "state": v.state,
            "counter": v.counter, "target_counter": v.target_counter,
            "issued_at": v.issued_at.isoformat(), "leg": v.leg, "recalls": v.recalls,
            "dossier_code": v.dossier_code}


def _domain(fn: Any, *args: Any, **kw: Any) -> Any:
    try:
        return fn(*args, **kw)
    except DomainError as e:
        raise fail(e) from None


def _actor(ctx: Any, args: argparse.Namespace) -> Any:
    """Who acts: `--clerk NAME` once their PIN is right (their role and counter are checked by
    the queue service: queue.call, queue.manage), else the command line (`cli:<OS user>`)."""
    return actor_for(ctx, args.clerk or None, bool(getattr(args, "pin_stdin", False)))


def issue_(args: argparse.Namespace) -> int:
    from desk.services.queue import tickets as queue

    ctx = context(args)
    issued = _domain(queue.issue, ctx, args.service, args.priority,
                     print_ticket=not args.no_print)
    if args.json:
        emit({**_ticket_dict(issued.ticket), "people_ahead": issued.people_ahead,
              "wait_minutes": issued.wait_minutes, "status_url": issued.status_url,
              "print_job": issued.print_job, "print_note": t(issued.print_note)
              if issued.print_note else None}, True)
    else:
        print(issued.ticket.label)
        if issued.print_note:
            print(t(issued.print_note), file=sys.stderr)
    return 0


def call_(args: argparse.Namespace) -> int:
    from desk.services.queue import tickets as queue

    ctx = context(args)
    v = _domain(queue.call_next, ctx, args.counter, actor=_actor(ctx, args))
    if args.json:
        emit({"counter": args.counter, "ticket": _ticket_dict(v) if v else None}, True)
    elif v is None:
        print(t("queue.cli.nobody", counter=args.counter), file=sys.stderr)
    else:
        print(v.label)
    return 0


def act_(args: argparse.Namespace) -> int:
    from desk.services.queue import tickets as queue

    ctx = context(args)
    kw: dict[str, Any] = {"label": args.number, "actor": _actor(ctx, args)}
    if args.action == "transfer":
        kw.update(to_counter=args.counter, to_service=args.service)
    else:
        kw.update(counter=args.counter, dossier_code=args.dossier)
    v = _domain(queue.act, ctx, args.action, **kw)
    if args.json:
        emit(_ticket_dict(v), True)
    else:
        print(t("queue.cli.done", label=v.label, state=t(f"queue.state.{v.state}")))
    return 0


def pause_(args: argparse.Namespace) -> int:
    from desk.services.queue import tickets as queue

    ctx = context(args)
    fn = queue.pause if args.pause else queue.resume
    changed = _domain(fn, ctx, args.counter, actor=_actor(ctx, args))
    key = ("queue.cli.paused" if args.pause else "queue.cli.resumed") if changed \
        else "queue.cli.unchanged"
    print(t(key, counter=args.counter))
    return 0


def waiting_(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from desk.services.queue import tickets as queue

    rows = queue.waiting_summary(context(args))
    if args.json:
        emit([asdict(r) for r in rows], True)
    else:
        for r in rows:
            oldest = "—" if r.oldest_wait_seconds is None else f"{r.oldest_wait_seconds / 60:.0f}'"
            print(f"{r.prefix} {r.code:<4} {r.waiting:>3} ({r.priority_waiting} ƯT)  {oldest}  "
                  f"{r.name}")
    return 0


def stats_(args: argparse.Namespace) -> int:
    from desk.services.queue import tickets as queue

    ctx = context(args)
    day = parse_date(args.date) if args.date else None
    st = queue.stats(ctx, day)
    if args.csv:
        path = queue.export_csv(ctx, st.day, Path(args.csv))
        if not args.json:
            print(t("queue.cli.exported", path=path))
    if args.json:
        emit(queue.stats_dict(st), True)
    elif not args.csv:
        sys.stdout.write(queue.stats_csv(st))
    return 0


def _run(app: Any) -> int:
    from desk.commands.tui import run_textual

    return run_textual(app)


def kiosk_app(args: argparse.Namespace) -> int:
    from desk.queue_apps import KioskApp

    return _run(KioskApp(context(args)))


def display_app(args: argparse.Namespace) -> int:
    if args.web:
        return display_web(args)
    from desk.queue_apps import DisplayApp

    ctx = context(args)
    clips = Path(args.clips) if args.clips else ctx.settings.queue.clips_dir
    return _run(DisplayApp(ctx, clips_dir=clips, sound=not args.mute))


def counter_app(args: argparse.Namespace) -> int:
    from desk.queue_apps import CounterApp
    from desk.services.queue.tickets import counter_services

    ctx = context(args)
    _domain(counter_services, ctx, args.counter)
    actor = _actor(ctx, args)
    return _run(CounterApp(ctx, args.counter, clerk=args.clerk, actor=actor))


def board_app(args: argparse.Namespace) -> int:
    from desk.queue_apps import SupervisorApp

    return _run(SupervisorApp(context(args)))


def display_web(args: argparse.Namespace) -> int:
    """`desk display --web`: the waiting-room pages served by this desk on the LAN."""
    import socket

    from desk.lobby.app import create_app, run
    from desk.lobby.urls import base_url

    ctx = context(args)
    port = args.port or ctx.settings.queue.web_port
    with socket.socket() as probe:  # a clear sentence instead of uvicorn's traceback
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((args.host, port))
        except OSError:
            raise CommandError(t("lobby.cli.port_busy", port=port), 1) from None
    ctx.engine  # noqa: B018 — open (and migrate) the database before the pages read it
    app = create_app(ctx, notices=list(ctx.settings.queue.notices) or None)
    local = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{port}/"
    print(t("lobby.cli.listening", url=local, phone=base_url(ctx.settings)), flush=True)
    run(app, args.host, port)
    return 0
