"""`desk notify send|list|status|opt-out|resend|run`: the options; desk/commands/notify.py
answers."""

from __future__ import annotations

from typing import Any

STATUSES = ("waiting", "sending", "sent", "delivered", "failed")


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("notify", help=h["notify"], description=h["notify"])
    nsub = p.add_subparsers(dest="notify_command", metavar="ACTION", required=True)
    sd = nsub.add_parser("send", help=h["notify.send"], description=h["notify.send"])
    sd.add_argument("--phone", required=True, metavar="P", help=h["notify.phone"])
    sd.add_argument("--text", required=True, metavar="T", help=h["notify.text"])
    sd.add_argument("--channel", choices=("modem", "http", "file"),
                    help=h["notify.channel"])
    sd.add_argument("--wait", type=float, default=30.0, metavar="S", help=h["notify.wait"])
    sd.add_argument("--json", action="store_true", help=h["json"])
    sd.set_defaults(handler="desk.commands.notify_send:send_")
    ls = nsub.add_parser("list", help=h["notify.list"], description=h["notify.list"])
    ls.add_argument("--status", choices=STATUSES, metavar="S", help=h["notify.status_filter"])
    ls.add_argument("--json", action="store_true", help=h["json"])
    ls.set_defaults(handler="desk.commands.notify:list_")
    st = nsub.add_parser("status", help=h["notify.status"], description=h["notify.status"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler="desk.commands.notify:status_")
    oo = nsub.add_parser("opt-out", help=h["notify.opt_out"], description=h["notify.opt_out"])
    oo.add_argument("--phone", required=True, metavar="P", help=h["notify.phone"])
    oo.set_defaults(handler="desk.commands.notify:opt_out_")
    rs = nsub.add_parser("resend", help=h["notify.resend"], description=h["notify.resend"])
    rs.add_argument("id", metavar="ID", help=h["notify.id"])
    rs.set_defaults(handler="desk.commands.notify:resend_")
    rn = nsub.add_parser("run", help=h["notify.run"], description=h["notify.run"])
    rn.add_argument("--for", dest="seconds", type=float, default=0.0, metavar="S",
                    help=h["notify.run_for"])
    rn.set_defaults(handler="desk.commands.notify_send:run_")
