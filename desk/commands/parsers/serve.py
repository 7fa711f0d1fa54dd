"""`desk serve`: the options; desk/commands/serve.py answers."""

from __future__ import annotations

from typing import Any

APPS = {"main": [], "display": ["display"], "kiosk": ["kiosk"]}


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("serve", help=h["serve"], description=h["serve"])
    p.add_argument("--app", choices=tuple(APPS), default="main", help=h["serve.app"])
    p.add_argument("--host", default="127.0.0.1", help=h["serve.host"])
    p.add_argument("--port", type=int, default=8000, help=h["serve.port"])
    p.add_argument("--public-url", help=h["serve.public_url"])
    p.set_defaults(handler="desk.commands.serve:serve")
