"""`desk queue issue|call|act|pause|resume|waiting|stats|counter|board`, `desk kiosk`,
`desk display`: the options; desk/commands/queue.py answers the queue's writes and reads,
desk/commands/queue_terminals.py opens its Textual apps, desk/commands/lobby_web.py serves
`desk display --web`."""

from __future__ import annotations

from typing import Any

from desk.commands.parsers.options import HandledBy, add_pin_options

ACTIONS = ("call", "recall", "start", "finish", "no_show", "hold", "transfer")


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("queue", help=h["queue"], description=h["queue"])
    q = p.add_subparsers(dest="queue_command", metavar="ACTION", required=True)

    iss = q.add_parser("issue", help=h["queue.issue"], description=h["queue.issue"])
    iss.add_argument("service", metavar="SERVICE", help=h["queue.service"])
    iss.add_argument("--priority", metavar="REASON", help=h["queue.priority"])
    iss.add_argument("--no-print", action="store_true", help=h["queue.no_print"])
    iss.add_argument("--json", action="store_true", help=h["json"])
    iss.set_defaults(handler="desk.commands.queue:issue_")

    call = q.add_parser("call", help=h["queue.call"], description=h["queue.call"])
    call.add_argument("counter", metavar="COUNTER", type=int, help=h["queue.counter_no"])
    call.add_argument("--clerk", default="", help=h["queue.clerk"])
    add_pin_options(call, clerk=False)  # --clerk NAME needs that clerk's PIN (issue 15)
    call.add_argument("--json", action="store_true", help=h["json"])
    call.set_defaults(handler="desk.commands.queue_acts:call_")

    act = q.add_parser("act", help=h["queue.act"], description=h["queue.act"])
    act.add_argument("number", metavar="NUMBER", help=h["queue.number"])
    act.add_argument("action", choices=ACTIONS, metavar="ACTION", help=h["queue.act"])
    act.add_argument("--counter", type=int, help=h["queue.act_counter"])
    act.add_argument("--service", help=h["queue.act_service"])
    act.add_argument("--dossier", help=h["queue.dossier"])
    act.add_argument("--clerk", default="", help=h["queue.clerk"])
    add_pin_options(act, clerk=False)
    act.add_argument("--json", action="store_true", help=h["json"])
    act.set_defaults(handler="desk.commands.queue_acts:act_")

    for name in ("pause", "resume"):
        pr = q.add_parser(name, help=h[f"queue.{name}"], description=h[f"queue.{name}"])
        pr.add_argument("counter", metavar="COUNTER", type=int, help=h["queue.counter_no"])
        pr.add_argument("--clerk", default="", help=h["queue.clerk"])
        add_pin_options(pr, clerk=False)
        pr.set_defaults(handler="desk.commands.queue_acts:pause_", pause=name == "pause")

    w = q.add_parser("waiting", help=h["queue.waiting"], description=h["queue.waiting"])
    w.add_argument("--json", action="store_true", help=h["json"])
    w.set_defaults(handler="desk.commands.queue:waiting_")

    st = q.add_parser("stats", help=h["queue.stats"], description=h["queue.stats"])
    st.add_argument("--date", metavar="DATE", help=h["queue.date"])
    st.add_argument("--csv", metavar="FILE", help=h["queue.csv"])
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler="desk.commands.queue:stats_")

    c = q.add_parser("counter", help=h["queue.counter"], description=h["queue.counter"])
    c.add_argument("counter", metavar="COUNTER", type=int, help=h["queue.counter_no"])
    c.add_argument("--clerk", default="", help=h["queue.clerk"])
    add_pin_options(c, clerk=False)
    c.set_defaults(handler="desk.commands.queue_terminals:counter_app")
    b = q.add_parser("board", help=h["queue.board"], description=h["queue.board"])
    b.set_defaults(handler="desk.commands.queue_terminals:board_app")

    k = sub.add_parser("kiosk", help=h["kiosk"], description=h["kiosk"])
    k.set_defaults(handler="desk.commands.queue_terminals:kiosk_app")
    d = sub.add_parser("display", help=h["display"], description=h["display"])
    d.add_argument("--clips", metavar="DIR", help=h["display.clips"])
    d.add_argument("--mute", action="store_true", help=h["display.mute"])
    d.add_argument("--web", action=HandledBy, handler="desk.commands.lobby_web:display_web",
                   help=h["display.web"])  # the pages, not the terminal app
    d.add_argument("--host", default="0.0.0.0", help=h["display.host"])
    d.add_argument("--port", type=int, help=h["display.port"])
    d.set_defaults(handler="desk.commands.display:display_app")
