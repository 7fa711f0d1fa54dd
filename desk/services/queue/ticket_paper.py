"""The paper ticket a citizen takes: what both writers of `queue issue` send to the receipt
printer (tickets.issue through the spooler, the quick `sqlite3` path through
desk/services/quick/ticket_print.py). Pure: the document, not its bytes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.i18n import t
from desk.services.queue import wait_estimates
from desk.services.queue.ticket_views import TicketView
from printers.document import Document
from printers.layouts.ticket import TicketData, build_ticket

if TYPE_CHECKING:
    from desk.config import ServiceConfig
    from desk.services.context import DeskContext

PRINTER = "receipt"
KIND = "ticket"
PRINT_FAILED = "queue.print_failed"  # the message key when the ticket could not be queued


def ticket_document(ctx: DeskContext, view: TicketView, svc: ServiceConfig, ahead: int,
                    link: str = "", wait: float | None = None) -> Document:
    reason = t(f"queue.reason.{view.priority_reason}", "vi") if view.priority_reason else None
    return build_ticket(TicketData(
        office_name=ctx.settings.office.name, service_name=svc.name, number=view.label,
        issued_at=view.issued_at.astimezone(ctx.tz), people_ahead=ahead,
        priority_reason=reason, status_url=link or None,
        wait_minutes=wait_estimates.minutes(wait),
    ))
