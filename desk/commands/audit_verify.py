"""`desk audit verify`: the audit chain, the schema's append-only triggers, and the heads the
province keeps (the options: desk/commands/parsers/audit.py)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import text

from desk.commands.base import CommandError, emit
from desk.commands.cli_actor import cli_actor
from desk.commands.context import context
from desk.i18n import t
from desk.services.trust import audit
from desk.services.trust.anchor import compare, local_head
from desk.services.trust.backup import list_backups
from desk.sync.anchor import fetch_heads
from desk.sync.runner import client_config
from desk.sync.transport import SyncError, Transport
from storage import schema_check
from storage.engine import sqlite_of

EXIT_UNREACHABLE = 3  # as `desk sync`: the province could not be asked


def anchor_for(ctx: Any) -> tuple[int, str] | None:
    """The audit head recorded by the newest backup of this database's current epoch."""
    with ctx.engine.connect() as conn:
        epoch = conn.execute(text(
            "SELECT value FROM device_state WHERE key='device_epoch'")).scalar()
    epoch_n = int(epoch) if epoch and str(epoch).isdigit() else 1
    for b in list_backups(ctx):
        if b.audit_head is not None and (b.device_epoch or 1) == epoch_n:
            return b.audit_head
    return None


def province_check(ctx: Any) -> dict[str, Any]:
    """The local chain against the heads the province keeps (desk/services/trust/anchor.py):
    {"status": ok | none | behind | diverged | … | not_configured | never_synced |
    unsupported | unreachable, …}."""
    cfg = client_config(ctx)
    if cfg is None:
        return {"status": "not_configured"}
    head = local_head(ctx.engine)
    if head is None:
        return {"status": "never_synced"}
    net = Transport(cfg)
    try:
        heads = fetch_heads(net, head["device"])
    except SyncError as e:
        return {"status": "unreachable", "detail": f"{e.code}:{e.detail}"}
    finally:
        net.close()
    if heads is None:
        return {"status": "unsupported"}
    return compare(ctx.engine, heads).as_dict()


PROVINCE_OK = ("ok", "none", "new_pc", "not_configured", "never_synced", "unsupported")


def _province_line(p: dict[str, Any]) -> str:
    first = (p.get("have") or 0) + 1
    day = "/".join(reversed(str(p.get("day") or "").split("-")))  # 2026-11-23 → 23/11/2026
    return t(f"anchor.{p['status']}", seq=p.get("seq"), local=p.get("local_seq"), day=day,
             checked=p.get("checked"), have=p.get("have"), first=first,
             detail=p.get("detail", ""))


def verify_(args: argparse.Namespace) -> int:
    ctx = context(args)

    verdict = audit.verify(ctx.engine, anchor=anchor_for(ctx))
    raw = ctx.engine.raw_connection()
    try:  # the append-only triggers, and nothing the migrations did not create (issue 15)
        schema = schema_check.problems(sqlite_of(raw.driver_connection))
    finally:
        raw.close()
    province = province_check(ctx)  # the heads kept out of this PC's reach (issue 15)
    disagrees = province["status"] not in (*PROVINCE_OK, "unreachable")
    ok = verdict.ok and not schema and not disagrees
    audit.log(ctx, cli_actor(), audit.VERIFY, target_type="audit",
              detail={"ok": ok, "checked": verdict.checked,
                      "broken_seq": verdict.broken_seq, "schema": schema,
                      "province": province["status"]})
    code = 0 if ok else 1
    if ok and province["status"] == "unreachable":
        code = EXIT_UNREACHABLE
    if args.json:
        emit({**verdict.as_dict(), "ok": ok, "schema": schema, "province": province}, True)
        return code
    lines = [t("db.schema_problem", problem=p) for p in schema]
    if not verdict.ok:
        lines.insert(0, t("audit.broken", seq=verdict.broken_seq, checked=verdict.checked,
                          problem=t(f"audit.problem.{verdict.problem}")))
    if code == 1:
        if disagrees:
            lines.append(_province_line(province))
        raise CommandError("\n".join(lines), 1)
    print(t("audit.ok", count=verdict.checked))
    if code == EXIT_UNREACHABLE:
        raise CommandError(_province_line(province), EXIT_UNREACHABLE)
    print(_province_line(province))
    return 0
