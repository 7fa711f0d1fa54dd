"""`desk report [book] --from DATE --to DATE`: the options; desk/commands/report.py answers."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.parsers.options import add_pin_options
from desk.services.reports.exports import REPORT_FORMATS

WHAT = ("summary", "book")


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("report", help=h["report"], description=h["report"],
                       epilog=h["report.epilog"],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", nargs="?", choices=WHAT, default="summary", metavar="book",
                   help=h["report.what"])
    p.add_argument("--from", dest="first", required=True, metavar="DATE", help=h["report.from"])
    p.add_argument("--to", dest="last", required=True, metavar="DATE", help=h["report.to"])
    p.add_argument("--format", dest="fmt", choices=REPORT_FORMATS, default=None,
                   help=h["report.format"])
    p.add_argument("--out", metavar="FILE", help=h["report.out"])
    p.add_argument("--clerk", metavar="NAME", help=h["report.clerk"])
    add_pin_options(p, clerk=False)
    p.set_defaults(handler="desk.commands.report:report_")
