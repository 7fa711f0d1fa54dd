"""A paper sent to a printer from the command line: queued (once, with `once`), then sent for
up to `timeout` seconds (desk/commands/printer*.py, print_*.py; a file: file_output.py)."""

from __future__ import annotations

from typing import Any

from desk.commands.base import emit
from desk.commands.printer import EXIT_NOT_PRINTED
from desk.i18n import t
from desk.services.printing import spooler as printing
from desk.services.printing import worker as print_worker


def queue_and_wait(ctx: Any, data: Any, printer: str, kind: str, ref: str,
                    timeout: float, as_json: bool, once: bool = False) -> int:
    """Queue (with `once`: unless the same paper already waits), then send for `timeout` s."""
    how = "new"
    label = printing.printer_label(ctx, printer)  # what the clerk calls it, not the toml key
    if once:
        jid, how = printing.submit_once(ctx, data, printer=printer, kind=kind, ref=ref)
    else:
        jid = printing.submit(ctx, data, printer=printer, kind=kind, ref=ref)
    if not as_json and how == "waiting":
        print(t("print.already_waiting", ref=ref, printer=label, job=jid))
    elif not as_json and how == "reprint":
        print(t("print.as_reprint"))
    print_worker.drain(ctx, timeout, [printer])
    job = printing.job(ctx, jid)
    done = job is not None and job["state"] == "done"
    if as_json:
        emit(printing.printed(job, how) if job is not None else {"submitted": how}, True)
    elif done:
        print(t("print.done", printer=label))
    else:
        print(t("print.queued", job=jid, bytes=job["bytes"] if job else 0))
        print(t("print.waiting", printer=label, error=(job["last_error"] if job else "") or "-"))
    return 0 if done else EXIT_NOT_PRINTED
