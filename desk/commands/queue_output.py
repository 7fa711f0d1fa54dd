"""What `desk queue issue` and `desk queue call` print, text and `--json`: one function each for
the regular handlers (desk/commands/queue.py, queue_acts.py) and their quick twins
(desk/commands/quick_write.py), so both paths print the same bytes."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk.commands.base import emit
from desk.i18n import t
from desk.services.queue.shapes import TicketOut
from desk.services.queue.ticket_views import TicketView


def ticket_dict(v: TicketView) -> TicketOut:
    return {"label": v.label, "number": v.number, "service": v.service_code,
            "priority": v.priority, "priority_reason": v.priority_reason, "state": v.state,
            "counter": v.counter, "target_counter": v.target_counter,
            "issued_at": v.issued_at.isoformat(), "leg": v.leg, "recalls": v.recalls,
            "dossier_code": v.dossier_code}


def print_issued(args: argparse.Namespace, issued: Any) -> int:
    if args.json:
        emit({**ticket_dict(issued.ticket), "people_ahead": issued.people_ahead,
              "wait_minutes": issued.wait_minutes, "status_url": issued.status_url,
              "print_job": issued.print_job, "print_note": t(issued.print_note)
              if issued.print_note else None}, True)
    else:
        print(issued.ticket.label)
        if issued.print_note:
            print(t(issued.print_note), file=sys.stderr)
    return 0


def print_called(args: argparse.Namespace, v: Any) -> int:
    if args.json:
        emit({"counter": args.counter, "ticket": ticket_dict(v) if v else None}, True)
    elif v is None:
        print(t("queue.cli.nobody", counter=args.counter), file=sys.stderr)
    else:
        print(v.label)
    return 0
