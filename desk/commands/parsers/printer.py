"""`desk printer test|status`, `desk print receipt|form`: the options; desk/commands/printer.py,
printer_test.py, print_receipt.py and print_form.py answer."""

from __future__ import annotations

from typing import Any


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("printer", help=h["printer"], description=h["printer"])
    psub = p.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    test = psub.add_parser("test", help=h["printer.test"], description=h["printer.test"])
    test.add_argument("name", metavar="NAME", help=h["printer.name"])
    test.add_argument("--timeout", type=float, default=15.0, help=h["printer.timeout"])
    test.add_argument("--json", action="store_true", help=h["json"])
    test.set_defaults(handler="desk.commands.printer_test:printer_test")
    st = psub.add_parser("status", help=h["printer.status"], description=h["printer.status"])
    st.add_argument("name", metavar="NAME", help=h["printer.name"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler="desk.commands.printer:printer_status")

    q = sub.add_parser("print", help=h["print"], description=h["print"])
    qsub = q.add_subparsers(dest="print_command", metavar="WHAT", required=True)
    rc = qsub.add_parser("receipt", help=h["print.receipt"], description=h["print.receipt"])
    rc.add_argument("code", metavar="CODE", help=h["print.code"])
    rc.add_argument("--printer", default="receipt", metavar="NAME", help=h["print.printer"])
    rc.add_argument("--out", metavar="FILE", help=h["print.out"])
    rc.add_argument("--timeout", type=float, default=15.0, help=h["printer.timeout"])
    rc.add_argument("--json", action="store_true", help=h["json"])
    rc.set_defaults(handler="desk.commands.print_receipt:print_receipt")
    fm = qsub.add_parser("form", help=h["print.form"], description=h["print.form"])
    fm.add_argument("form", metavar="N", type=int, choices=range(1, 8), help=h["print.n"])
    fm.add_argument("code", metavar="CODE", help=h["print.code"])
    fm.add_argument("--pdf", metavar="FILE", help=h["print.pdf"])
    fm.add_argument("--printer", default="a4", metavar="NAME", help=h["print.printer"])
    fm.add_argument("--timeout", type=float, default=15.0, help=h["printer.timeout"])
    fm.add_argument("--json", action="store_true", help=h["json"])
    fm.set_defaults(handler="desk.commands.print_form:print_form")
