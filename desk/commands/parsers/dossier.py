"""`desk dossier receive|show|list|search|act|fee|attach|step|step-result`: the options;
desk/commands/dossier.py answers (show, list, search also desk/commands/quick_read.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.i18n import t

ACTIONS = ("transfer", "start_processing", "request_supplement", "supplement_received",
           "refuse", "result_ready", "return_result", "withdraw", "stop")
# desk.domain.states.DossierStatus, named here so `--help` imports no domain module
# (tests/cli/test_dossier_rows.py keeps the two the same)
STATUSES = ("RECEIVED", "TRANSFERRED", "PROCESSING", "SUPPLEMENT_REQUESTED", "RESULT_READY",
            "RETURNED", "REFUSED", "WITHDRAWN", "STOPPED")


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("dossier", help=h["dossier"], description=h["dossier"])
    dsub = p.add_subparsers(dest="dossier_command", metavar="ACTION", required=True)

    r = dsub.add_parser("receive", help=h["dossier.receive"], description=h["dossier.receive"])
    r.add_argument("--procedure", required=True, metavar="CODE", help=h["dossier.procedure"])
    r.add_argument("--name", required=True, help=h["dossier.name"])
    r.add_argument("--id", dest="id_number", metavar="N", help=h["dossier.id"])
    r.add_argument("--birth", metavar="YYYY-MM-DD", help=h["validate.birth"])
    r.add_argument("--sex", choices=("M", "F"), help=h["validate.sex"])
    r.add_argument("--phone", metavar="P", help=h["dossier.phone"])
    r.add_argument("--address", default="", help=h["dossier.address"])
    r.add_argument("--channel", default="direct", choices=("direct", "online", "postal"),
                   help=h["dossier.channel"])
    r.add_argument("--sets", type=int, default=1, help=h["dossier.sets"])
    r.add_argument("--notes", default="", help=h["dossier.notes"])
    r.add_argument("--received", metavar='"YYYY-MM-DD HH:MM"', help=h["dossier.received"])
    r.add_argument("--no-print", action="store_true", help=h["dossier.no_print"])
    r.add_argument("--portal-code", default="", metavar="CODE",
                   help=t("help.dossier.portal_code"))
    _common(r, h)
    r.set_defaults(handler="desk.commands.dossier:receive_")

    s = dsub.add_parser("show", help=h["dossier.show"], description=h["dossier.show"])
    s.add_argument("code", metavar="CODE")
    _common(s, h, clerk=False)
    s.set_defaults(handler="desk.commands.dossier_read:show_")

    ls = dsub.add_parser("list", help=h["dossier.list"], description=h["dossier.list"])
    # a typo is refused with the valid ones named, not answered with an empty list
    ls.add_argument("--status", metavar="S", type=str.upper, choices=STATUSES,
                    help=h["dossier.status"])
    ls.add_argument("--due-before", metavar="DATE", help=h["dossier.due_before"])
    ls.add_argument("--limit", type=int, default=50, help=h["dossier.limit"])
    _common(ls, h, clerk=False)
    ls.set_defaults(handler="desk.commands.dossier_read:list_")

    se = dsub.add_parser("search", help=h["dossier.search"], description=h["dossier.search"])
    se.add_argument("text", metavar="TEXT")
    se.add_argument("--limit", type=int, default=20, help=h["dossier.limit"])
    _common(se, h, clerk=False)
    se.set_defaults(handler="desk.commands.dossier_read:search_")

    a = dsub.add_parser("act", help=h["dossier.act"], description=h["dossier.act"])
    a.add_argument("code", metavar="CODE")
    a.add_argument("action", metavar="ACTION", choices=ACTIONS, help=", ".join(ACTIONS))
    a.add_argument("--reason", help=h["dossier.reason"])
    a.add_argument("--agency", help=h["dossier.agency"])
    a.add_argument("--documents", help=h["dossier.documents"])
    a.add_argument("--method", choices=("counter", "post", "online"), help=h["dossier.method"])
    a.add_argument("--receiver", help=h["dossier.receiver"])
    a.add_argument("--tracking", help=h["dossier.tracking"])
    a.add_argument("--at", metavar='"YYYY-MM-DD HH:MM"', help=h["dossier.at"])
    _common(a, h)
    a.set_defaults(handler="desk.commands.dossier:act_")
    _register_facts(dsub, h)


def _register_facts(dsub: Any, h: dict[str, str]) -> None:
    """`desk dossier fee|attach|step|step-result` (fees, digitised copies, liên thông)."""
    f = dsub.add_parser("fee", help=h["dossier.fee"], description=h["dossier.fee"])
    f.add_argument("code", metavar="CODE")
    f.add_argument("--amount", type=int, metavar="N", help=h["dossier.fee.amount"])
    f.add_argument("--method", choices=("cash", "transfer", "online"), default="cash",
                   help=h["dossier.fee.method"])
    f.add_argument("--receipt", metavar="NO", help=h["dossier.fee.receipt"])
    f.add_argument("--exempt", metavar="REASON", help=h["dossier.fee.exempt"])
    f.add_argument("--correction", metavar="REASON", help=h["dossier.fee.correction"])
    _common(f, h)
    f.set_defaults(handler="desk.commands.dossier_facts:fee_")

    at = dsub.add_parser("attach", help=h["dossier.attach"], description=h["dossier.attach"])
    at.add_argument("code", metavar="CODE")
    at.add_argument("file", metavar="FILE", help=h["dossier.attach.file"])
    at.add_argument("--result", action="store_true", help=h["dossier.attach.result"])
    _common(at, h)
    at.set_defaults(handler="desk.commands.dossier_facts:attach_")

    st = dsub.add_parser("step", help=h["dossier.step"], description=h["dossier.step"])
    st.add_argument("code", metavar="CODE")
    st.add_argument("--to", required=True, metavar="AGENCY", help=h["dossier.step.to"])
    st.add_argument("--days", type=int, metavar="N", help=h["dossier.step.days"])
    st.add_argument("--giver", metavar="NAME", help=h["dossier.step.giver"])
    st.add_argument("--receiver", metavar="NAME", help=h["dossier.step.receiver"])
    st.add_argument("--note", default="", metavar="TEXT", help=h["dossier.step.note"])
    _common(st, h)
    st.set_defaults(handler="desk.commands.dossier_facts:step_")

    sr = dsub.add_parser("step-result", help=h["dossier.step_result"],
                         description=h["dossier.step_result"])
    sr.add_argument("code", metavar="CODE")
    sr.add_argument("--agency", required=True, metavar="AGENCY", help=h["dossier.step.agency"])
    sr.add_argument("--note", default="", metavar="TEXT", help=h["dossier.step.note"])
    _common(sr, h)
    sr.set_defaults(handler="desk.commands.dossier_facts:step_result_")


def _common(p: argparse.ArgumentParser, h: dict[str, str], clerk: bool = True) -> None:
    if clerk:
        p.add_argument("--clerk", metavar="NAME", help=h["dossier.clerk"])
    p.add_argument("--json", action="store_true", help=h["json"])
