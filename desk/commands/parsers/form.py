"""`desk form list`: the options; desk/commands/form.py answers."""

from __future__ import annotations

from typing import Any

from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("form", help=t("help.form"), description=t("help.form"))
    fsub = p.add_subparsers(dest="form_command", metavar="ACTION", required=True)
    ls = fsub.add_parser("list", help=t("help.form.list"), description=t("help.form.list"))
    ls.add_argument("--set", dest="rule_set", metavar="ID", help=t("help.form.set"))
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler="desk.commands.form:list_")
