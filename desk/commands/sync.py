"""`desk sync [--once]` (the options: desk/commands/parsers/sync.py; `status`: sync_status.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import CommandError, emit, say
from desk.commands.context import context
from desk.i18n import t
from desk.sync.client import LocalStoreError, SyncBusy, SyncClient
from desk.sync.runner import client_config as from_settings
from desk.sync.transport import AuthFailed, Offline, ProtocolError, UpgradeRequired

EXIT_OFFLINE = 3
EXIT_AUTH = 4
EXIT_UPGRADE = 5


def client_config(ctx: Any) -> Any:
    cfg = from_settings(ctx)
    if cfg is None:
        raise CommandError(t("sync.not_configured"), 2)
    return cfg


def sync_(args: argparse.Namespace) -> int:
    ctx = context(args)
    client = SyncClient(ctx, client_config(ctx))

    def progress(r: Any) -> None:
        if not isinstance(r, Exception) and not args.json:
            _done(r)

    try:
        if args.once:
            rep = client.sync_once()
            emit(rep.as_dict(), args.json)
            if not args.json:
                _done(rep)
        else:
            client.run(on_cycle=progress)
    except Offline as e:
        raise CommandError(t("sync.offline", detail=e.detail), EXIT_OFFLINE) from None
    except SyncBusy:
        raise CommandError(t("sync.busy"), EXIT_OFFLINE) from None
    except LocalStoreError as e:
        raise CommandError(t("sync.local_store", detail=e.detail), EXIT_OFFLINE) from None
    except AuthFailed as e:
        raise CommandError(t("sync.auth", detail=e.detail), EXIT_AUTH) from None
    except UpgradeRequired:
        raise CommandError(t("sync.upgrade"), EXIT_UPGRADE) from None
    except ProtocolError as e:
        raise CommandError(t("sync.protocol", detail=e.detail), 1) from None
    finally:
        client.close()
    return 0


def _done(rep: Any) -> None:
    if rep.recovered:
        say("sync.recovered", count=rep.recovered)
    say("sync.done", sent=rep.events_up, batches=rep.batches, bytes=rep.bytes_up,
        pulled=rep.pulled)
    files = rep.attachments
    if files.get("chunks"):
        why = str(files.get("stopped", "done")).split(":", 1)[0]
        why = why if why in ("done", "events", "budget") else "other"
        say("sync.attachments_sent", uploaded=files.get("uploaded", 0),
            kb=-(-files.get("bytes", 0) // 1024), why=t("sync.attachments_why." + why))
