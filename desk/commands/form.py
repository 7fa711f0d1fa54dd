"""`desk form list [--set ID] [--json]`: the forms of a rule set (issue 16)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import context, emit, fail
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("form", help=t("help.form"), description=t("help.form"))
    fsub = p.add_subparsers(dest="form_command", metavar="ACTION", required=True)
    ls = fsub.add_parser("list", help=t("help.form.list"), description=t("help.form.list"))
    ls.add_argument("--set", dest="rule_set", metavar="ID", help=t("help.form.set"))
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler=list_)


def list_(args: argparse.Namespace) -> int:
    from desk.rules import get_set
    from desk.services.printing import rule_forms

    ctx = context(args)
    try:
        if args.rule_set:
            rs = get_set(args.rule_set.strip(), rule_forms.rules_dir(ctx))
        else:
            rs = rule_forms.set_in_force(ctx, ctx.local_now().date())
    except DomainError as e:
        raise fail(e) from None
    data = rs.as_dict()
    if args.json:
        emit({"set": data["id"], **data}, True)
        return 0
    print(t("rules.set_line", id=rs.id, date=rs.effective_from.strftime("%d/%m/%Y"),
            name=rs.name))
    for f in rs.forms:
        print("  " + t("rules.form_line", number=f.number, title=f.title,
                       fields=len(f.fields())))
    return 0
