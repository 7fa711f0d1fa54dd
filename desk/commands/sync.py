"""`desk sync [--once]` and `desk sync status --json`."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import CommandError, context, emit, say
from desk.i18n import t

EXIT_OFFLINE = 3
EXIT_AUTH = 4
EXIT_UPGRADE = 5


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("sync", help=h["sync"], description=h["sync"])
    p.add_argument("--once", action="store_true", help=h["sync.once"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.set_defaults(handler=sync_)
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION")
    st = ssub.add_parser("status", help=h["sync.status"], description=h["sync.status"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler=status_)


def client_config(ctx: Any) -> Any:
    from desk.sync.runner import client_config as from_settings

    cfg = from_settings(ctx)
    if cfg is None:
        raise CommandError(t("sync.not_configured"), 2)
    return cfg


def sync_(args: argparse.Namespace) -> int:
    import desk.sync  # noqa: F401  (registers the outbox hook)
    from desk.sync.client import LocalStoreError, SyncBusy, SyncClient
    from desk.sync.transport import AuthFailed, Offline, ProtocolError, UpgradeRequired

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


def status_(args: argparse.Namespace) -> int:
    from desk.sync.status import sync_status

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
