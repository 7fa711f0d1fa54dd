"""`desk form list [--set ID] [--json]`: the forms of a rule set (issue 16)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.rules import get_set
from desk.services.printing import rule_forms


def list_(args: argparse.Namespace) -> int:
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
