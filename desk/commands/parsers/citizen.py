"""`desk citizen export|purge|read-qr`: the options; desk/commands/citizen.py and
desk/commands/citizen_card.py answer."""

from __future__ import annotations

from typing import Any

from desk.commands.parsers.options import add_pin_options


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("citizen", help=h["citizen"], description=h["citizen"])
    csub = p.add_subparsers(dest="citizen_command", metavar="ACTION", required=True)
    ex = csub.add_parser("export", help=h["citizen.export"], description=h["citizen.export"])
    ex.add_argument("who", metavar="ID", help=h["citizen.id"])
    ex.add_argument("--out", metavar="FILE", help=h["citizen.out"])
    add_pin_options(ex)
    ex.set_defaults(handler="desk.commands.citizen:export_")
    pu = csub.add_parser("purge", help=h["citizen.purge"], description=h["citizen.purge"])
    pu.add_argument("--before", required=True, metavar="DATE", help=h["citizen.before"])
    pu.add_argument("--dry-run", action="store_true", help=h["citizen.dry_run"])
    pu.add_argument("--json", action="store_true", help=h["json"])
    add_pin_options(pu)
    pu.set_defaults(handler="desk.commands.citizen:purge_")
    rq = csub.add_parser("read-qr", help=h["citizen.read_qr"],
                         description=h["citizen.read_qr"])
    rq.add_argument("text", metavar="TEXT", help=h["citizen.qr_text"])
    rq.add_argument("--json", action="store_true", help=h["json"])
    rq.set_defaults(handler="desk.commands.citizen_card:read_qr_")
