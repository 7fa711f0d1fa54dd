"""`desk audit verify`, `desk audit list [--citizen ID] [--clerk NAME] [--json]`."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import CommandError, actor_for, context, emit
from desk.i18n import t

EXIT_UNREACHABLE = 3  # as `desk sync`: the province could not be asked


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("audit", help=h["audit"], description=h["audit"])
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help=h["audit.verify"], description=h["audit.verify"])
    v.add_argument("--json", action="store_true", help=h["json"])
    v.set_defaults(handler=verify_)
    ls = asub.add_parser("list", help=h["audit.list"], description=h["audit.list"])
    ls.add_argument("--citizen", metavar="ID", help=h["audit.citizen"])
    ls.add_argument("--clerk", metavar="NAME", help=h["audit.clerk"])
    ls.add_argument("--action", metavar="ACTION", help=h["audit.action"])
    ls.add_argument("--limit", type=int, default=200, help=h["audit.limit"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler=list_)


def anchor_for(ctx: Any) -> tuple[int, str] | None:
    """The audit head recorded by the newest backup of this database's current epoch."""
    from sqlalchemy import text

    from desk.services.trust.backup import list_backups

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
    from desk.services.trust.anchor import compare, local_head
    from desk.sync.anchor import fetch_heads
    from desk.sync.runner import client_config
    from desk.sync.transport import SyncError, Transport

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
    from desk.services.trust import audit

    ctx = context(args)
    from storage import schema_check  # migrates a scratch file: verify only

    verdict = audit.verify(ctx.engine, anchor=anchor_for(ctx))
    raw = ctx.engine.raw_connection()
    try:  # the append-only triggers, and nothing the migrations did not create (issue 15)
        schema = schema_check.problems(raw.driver_connection)  # type: ignore[arg-type]
    finally:
        raw.close()
    province = province_check(ctx)  # the heads kept out of this PC's reach (issue 15)
    disagrees = province["status"] not in (*PROVINCE_OK, "unreachable")
    ok = verdict.ok and not schema and not disagrees
    audit.log(ctx, actor_for(None, None), audit.VERIFY, target_type="audit",
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


def list_(args: argparse.Namespace) -> int:
    from desk.services.trust import audit

    ctx = context(args)
    rows = audit.entries(ctx, citizen=args.citizen, clerk=args.clerk, action=args.action,
                         limit=args.limit)
    if args.json:
        emit(rows, True)
        return 0
    if not rows:
        print(t("audit.none"))
    for r in rows:
        who = r["actor_name"] + (f" ({t('role.name.' + r['actor_role'])})"
                                 if r["actor_role"] else "")
        what = t(f"audit.action.{r['action']}")
        target = f"{r['target_type']} {r['target_id']}".strip()
        print(f"{r['seq']:>6}  {r['at']}  {what:<18} {who:<36} {target}")
    return 0
