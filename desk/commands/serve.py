"""`desk serve`: the desk in a browser through textual-serve, for counters and the waiting-room
TV on the office LAN. Each browser tab runs its own desk process; the display needs no login,
every other app still asks for the clerk's PIN. See docs/deploy.md for TLS behind a proxy.

The server refuses foreign Origins, wants the access secret it prints (counters' app), and caps
concurrent sessions (serve_guard.py, issue 15)."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from desk import environment
from desk.commands.parsers.serve import APPS
from desk.commands.serve_guard import GuardedServer, new_token
from desk.config import ConfigError, find_config, load_settings
from desk.i18n import t
from desk.lobby.textual_serve_page import offline_templates


def app_command(app: str, config: str | None) -> str:
    """The shell command textual-serve starts for every browser tab."""
    argv = [sys.executable, "-m", "desk.cli"]
    if config:
        argv += ["--config", os.path.abspath(config)]
    argv += APPS[app]
    if os.name == "nt":
        return subprocess.list2cmdline(argv)

    return shlex.join(argv)


def serve(args: argparse.Namespace) -> int:
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
