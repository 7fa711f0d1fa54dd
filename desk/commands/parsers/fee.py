"""`desk fee qr|slip|vietqr|reconcile`: the options; desk/commands/fee.py answers."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("fee", help=h["fee"], description=h["fee"])
    fsub = p.add_subparsers(dest="fee_command", metavar="ACTION", required=True)
    qr = fsub.add_parser("qr", help=h["fee.qr"], description=h["fee.qr"])
    qr.add_argument("code", metavar="CODE", help=h["fee.code"])
    qr.add_argument("--json", action="store_true", help=h["json"])
    qr.set_defaults(handler="desk.commands.fee:qr_")
    sl = fsub.add_parser("slip", help=h["fee.slip"], description=h["fee.slip"])
    sl.add_argument("code", metavar="CODE", help=h["fee.code"])
    sl.add_argument("--printer", default="receipt", metavar="NAME", help=h["fee.printer"])
    sl.set_defaults(handler="desk.commands.fee:slip_")
    vq = fsub.add_parser("vietqr", help=h["fee.vietqr"], description=h["fee.vietqr"])
    vq.add_argument("--bin", required=True, metavar="B", help=h["fee.bin"])
    vq.add_argument("--account", required=True, metavar="A", help=h["fee.account"])
    vq.add_argument("--amount", type=int, metavar="N", help=h["fee.amount"])
    vq.add_argument("--purpose", default="", metavar="T", help=h["fee.purpose"])
    vq.add_argument("--json", action="store_true", help=h["json"])
    vq.set_defaults(handler="desk.commands.fee:vietqr_")
    rc = fsub.add_parser("reconcile", help=h["fee.reconcile"], description=h["fee.reconcile"])
    rc.add_argument("file", metavar="FILE", help=h["fee.file"])
    rc.add_argument("--json", action="store_true", help=h["json"])
    rc.set_defaults(handler="desk.commands.fee:reconcile_")
