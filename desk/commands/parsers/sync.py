"""`desk sync [--once]`, `desk sync status`: the options; desk/commands/sync.py answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("sync", help=h["sync"], description=h["sync"])
    p.add_argument("--once", action="store_true", help=h["sync.once"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler="desk.commands.sync:sync_")
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION")
    st = ssub.add_parser("status", help=h["sync.status"], description=h["sync.status"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler="desk.commands.sync_status:status_")
