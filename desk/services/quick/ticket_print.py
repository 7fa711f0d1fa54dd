"""The paper ticket of a quick `desk queue issue` (without --no-print), queued through
`sqlite3` as spooler.submit queues it: the same document (queue/ticket_paper.py), rendered to
the same bytes for the printer's profile (printing/rendering.py), stored as a print job with
its PRINT audit entry in one write transaction. The printer's worker sends it. Importing this
costs what rendering costs (Pillow, qrcode, python-barcode; the printer profile is a plain
dataclass): only `issue` with a print loads it (desk/commands/quick_write.py)."""

from __future__ import annotations

import dataclasses
import logging

from uuid6 import uuid7

from desk.services.printing.rendering import TICKET_TTL, render_job
from desk.services.printing.wake import notify
from desk.services.queue.ticket_paper import KIND, PRINT_FAILED, PRINTER, ticket_document
from desk.services.queue.ticket_rules import find_service
from desk.services.queue.ticket_views import Issued
from desk.services.quick import audit
from desk.services.quick.context import QuickContext
from desk.services.trust.actor import SYSTEM
from desk.services.trust.audit_chain import PRINT
from storage.quick import immediate, insert

log = logging.getLogger(__name__)


def print_issued(q: QuickContext, issued: Issued) -> Issued:
    """`issued` with its ticket queued for the receipt printer (tickets._print): the job's id,
    or the note that it could not be queued. Never raises: a kiosk must not lose a number."""
    ctx, view = q.ctx, issued.ticket
    try:
        svc = find_service(ctx, view.service_code)
        doc = ticket_document(ctx, view, svc, issued.people_ahead, issued.status_url,
                              issued.wait_seconds)
        data, transcript, profile = render_job(ctx, PRINTER, doc)
        now, job = ctx.now(), uuid7()
        with immediate(q.conn) as conn:
            insert(conn, "print_job", {
                "id": job, "printer": PRINTER, "kind": KIND, "ref": view.label,
                "profile": profile, "created_at": now, "data": data, "transcript": transcript,
                "state": "queued", "attempts": 0, "bytes_sent": 0, "last_error": "",
                "next_attempt_at": None, "expires_at": now + TICKET_TTL, "done_at": None,
                "reprint_of": None})
            audit.write(conn, SYSTEM, PRINT, at=now, target_type=KIND, target_id=view.label,
                        citizen_id=None)
    except Exception:  # as tickets._print: the number stands, the note says why no paper
        log.exception("printing ticket %s failed", view.label)
        return dataclasses.replace(issued, print_job=None, print_note=PRINT_FAILED)
    notify(PRINTER)  # a worker of this process, if one runs (as spooler.submit)
    return dataclasses.replace(issued, print_job=str(job), print_note=None)
