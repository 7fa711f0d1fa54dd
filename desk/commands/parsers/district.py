"""`desk district serve|office add|office revoke|status|routes|act|catalog publish|calendar
publish`: the options; desk/commands/district.py (and district_serve.py) answer."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    # `desk province …` is the same command: the server is the province's since 2025
    p = sub.add_parser("district", aliases=["province"], help=h["district"],
                       description=h["district"])
    dsub = p.add_subparsers(dest="district_command", metavar="ACTION", required=True)

    s = dsub.add_parser("serve", help=h["district.serve"], description=h["district.serve"])
    _db(s, h)
    s.add_argument("--host", default="127.0.0.1", help=h["district.host"])
    s.add_argument("--port", type=int, default=8765, help=h["district.port"])
    s.add_argument("--files", metavar="DIR", help=h["district.files"])
    s.add_argument("--tls-cert", metavar="PEM", help=h["district.tls.cert"])
    s.add_argument("--tls-key", metavar="PEM", help=h["district.tls.key"])
    s.add_argument("--workers", type=int, default=1, metavar="N", help=h["district.tls.workers"])
    s.set_defaults(handler="desk.commands.district_serve:serve_")

    o = dsub.add_parser("office", help=h["district.office"], description=h["district.office"])
    osub = o.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    a = osub.add_parser("add", help=h["district.office.add"], description=h["district.office.add"])
    a.add_argument("office_id", metavar="OFFICE_ID", help=h["district.office_id"])
    a.add_argument("--name", required=True, help=h["district.name"])
    _db(a, h)
    a.add_argument("--json", action="store_true", help=h["json"])
    a.set_defaults(handler="desk.commands.district:office_add_")
    r = osub.add_parser("revoke", help=h["district.office.revoke"],
                        description=h["district.office.revoke"])
    r.add_argument("office_id", metavar="OFFICE_ID", help=h["district.office_id"])
    _db(r, h)
    r.set_defaults(handler="desk.commands.district:office_revoke_")

    st = dsub.add_parser("status", help=h["district.status"], description=h["district.status"])
    st.add_argument("--office", metavar="ID", help=h["district.only"])
    _db(st, h)
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler="desk.commands.district:status_")

    ro = dsub.add_parser("routes", help=h["district.routes"], description=h["district.routes"])
    ro.add_argument("--to", metavar="OFFICE_ID", help=h["district.routes.to"])
    _db(ro, h)
    ro.add_argument("--json", action="store_true", help=h["json"])
    ro.set_defaults(handler="desk.commands.district:routes_")

    ac = dsub.add_parser("act", help=h["district.act"], description=h["district.act"])
    ac.add_argument("office_id", metavar="OFFICE_ID", help=h["district.office_id"])
    ac.add_argument("code", metavar="CODE", help=h["district.code"])
    ac.add_argument("action", metavar="ACTION", help=h["district.action"])
    ac.add_argument("--reason", default="", help=h["district.reason"])
    ac.add_argument("--by", default="", help=h["district.by"])
    _db(ac, h)
    ac.add_argument("--json", action="store_true", help=h["json"])
    ac.set_defaults(handler="desk.commands.district_publish:act_")

    for what in ("catalog", "calendar"):
        g = dsub.add_parser(what, help=h[f"district.{what}"], description=h[f"district.{what}"])
        gsub = g.add_subparsers(dest=f"{what}_command", metavar="ACTION", required=True)
        pub = gsub.add_parser("publish", help=h[f"district.{what}.publish"],
                              description=h[f"district.{what}.publish"])
        pub.add_argument("file", metavar="FILE", help=h[f"district.{what}.file"])
        _db(pub, h)
        pub.add_argument("--json", action="store_true", help=h["json"])
        pub.set_defaults(handler=f"desk.commands.district_publish:{what}_publish_")


def _db(p: argparse.ArgumentParser, h: dict[str, str]) -> None:
    p.add_argument("--db", metavar="URL", help=h["district.db"])
