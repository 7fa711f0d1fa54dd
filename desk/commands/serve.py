"""`desk serve`: the desk in a browser through textual-serve, for counters and the waiting-room
TV on the office LAN. Each browser tab runs its own desk process; the display needs no login,
every other app still asks for the clerk's PIN. See docs/deploy.md for TLS behind a proxy.

The server refuses foreign Origins, wants the access secret it prints (counters' app), and caps
concurrent sessions (serve_guard.py, issue 15)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from typing import Any

from desk import environment
from desk.i18n import t

APPS = {"main": [], "display": ["display"], "kiosk": ["kiosk"]}


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("serve", help=h["serve"], description=h["serve"])
    p.add_argument("--app", choices=tuple(APPS), default="main", help=h["serve.app"])
    p.add_argument("--host", default="127.0.0.1", help=h["serve.host"])
    p.add_argument("--port", type=int, default=8000, help=h["serve.port"])
    p.add_argument("--public-url", help=h["serve.public_url"])
    p.set_defaults(handler=serve)


def app_command(app: str, config: str | None) -> str:
    """The shell command textual-serve starts for every browser tab."""
    argv = [sys.executable, "-m", "desk.cli"]
    if config:
        argv += ["--config", os.path.abspath(config)]
    argv += APPS[app]
    if os.name == "nt":
        return subprocess.list2cmdline(argv)
    import shlex

    return shlex.join(argv)


def serve(args: argparse.Namespace) -> int:
    import tempfile
    from pathlib import Path

    from desk.commands.serve_guard import GuardedServer, new_token  # aiohttp: serve only
    from desk.config import ConfigError, find_config, load_settings
    from desk.lobby.textual_serve_page import offline_templates

    config = args.config or (str(find_config()) if find_config() else None)
    try:
        max_sessions = load_settings(config).security.serve_max_sessions
    except ConfigError:
        max_sessions = 4
    # the counters need the access secret; the display and kiosk show no personal data
    token = None
    if args.app == "main":
        token = environment.get(environment.SERVE_TOKEN) or new_token()
    # textual-serve's own page loads its font from Google: an offline copy (issue 18)
    pages = offline_templates(Path(tempfile.gettempdir()) / "desk-serve-pages")
    server = GuardedServer(app_command(args.app, config), host=args.host, port=args.port,
                           title="Một Cửa Desk", public_url=args.public_url, token=token,
                           max_sessions=max_sessions, templates_path=str(pages))
    print(t("serve.access", url=server.access_url(), n=max_sessions), flush=True)
    server.serve()
    return 0
