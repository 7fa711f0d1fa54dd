"""`desk display`: the waiting-room TV's Textual app — calls, counters, waiting counts (the
options: desk/commands/parsers/queue.py; `--web`, its pages: lobby_web.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.commands import tui
from desk.commands.context import context
from desk.queue_apps import DisplayApp


def display_app(args: argparse.Namespace) -> int:
    ctx = context(args)
    clips = Path(args.clips) if args.clips else ctx.settings.queue.clips_dir
    return tui.run_textual(DisplayApp(ctx, clips_dir=clips, sound=not args.mute))
