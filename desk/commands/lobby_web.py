"""`desk display --web`: the waiting room's pages (FastAPI, uvicorn) served by this desk on the
office LAN (the options: desk/commands/parsers/queue.py; the terminal app: display.py)."""

from __future__ import annotations

import argparse
import socket

from desk.commands.base import CommandError
from desk.commands.context import context
from desk.i18n import t
from desk.lobby.app import create_app, run
from desk.lobby.urls import base_url


def display_web(args: argparse.Namespace) -> int:
    """`desk display --web`: the waiting-room pages served by this desk on the LAN."""
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
