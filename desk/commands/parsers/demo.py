"""`desk demo`: the options; desk/commands/demo.py answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("demo", help=h["demo"], description=h["demo"])
    p.add_argument("--no-tui", action="store_true", help=h["demo.no_tui"])
    p.add_argument("--no-dossiers", action="store_true", help=h["demo.no_dossiers"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler="desk.commands.demo:demo")
