"""`desk audit list`: the audit trail, filtered (the options: desk/commands/parsers/audit.py;
`verify`: audit_verify.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit
from desk.commands.context import context
from desk.i18n import t
from desk.services.trust import audit


def list_(args: argparse.Namespace) -> int:
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
