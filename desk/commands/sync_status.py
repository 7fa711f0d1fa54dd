"""`desk sync status`: where this desk's sync stands, without the sync client (the options:
desk/commands/parsers/sync.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, say
from desk.commands.context import context
from desk.i18n import t
from desk.sync.status import sync_status


def status_(args: argparse.Namespace) -> int:
    data = sync_status(context(args))
    if args.json:
        emit(data, True)
        return 0
    say("sync.status", **{**data, "last_sync": data["last_sync"] or t("sync.never")})
    if data["attachments_pending"] or data["attachments_missing"] \
            or data["attachments_failed"]:
        say("sync.attachments", pending=data["attachments_pending"],
            kb=-(-data["attachments_bytes_pending"] // 1024), done=data["attachments_done"],
            missing=data["attachments_missing"], failed=data["attachments_failed"])
    for c in data["conflict_list"]:
        say("sync.conflict_line", dossier=c["dossier"],
            local=t("action." + (c["local"] or "")), server=c["server"].get("status", "?"))
    return 0
