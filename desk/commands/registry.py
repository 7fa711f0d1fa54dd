"""The command groups' parsers, in the order `desk --help` lists them (desk/commands/parsers:
argparse and help texts only; each command names its handler module by a string)."""

from desk.commands.parsers import (
    appointment,  # appointments (issue 18)
    audit,  # the audit trail (issue 9)
    backup,  # backup, restore (issue 9)
    calendar,
    catalog,
    citizen,  # citizens' personal data, a chip card's QR (issues 9, 15)
    clerk,
    db,
    deadlines,  # deadlines, apology letters (issue 6)
    demo,
    district,  # district server (issue 7)
    dossier,
    fee,  # VietQR fees, reconciliation (issue 17)
    form,  # rule sets and their forms (issue 16)
    notify,  # notices to phones (issue 17)
    printer,  # printing (issue 4)
    queue,  # the queue (issue 5)
    report,  # reports, dossier book (issue 8)
    serve,  # browser access (issue 5)
    sync,  # district sync (issue 7)
    validate,
)

COMMAND_MODULES = (demo, db, catalog, calendar, validate, clerk, dossier, queue, appointment,
                   printer, form, deadlines, district, sync, report, serve, backup, audit,
                   citizen, fee, notify)
