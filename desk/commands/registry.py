"""The command groups, in the order `desk --help` lists them."""

from desk.commands import appointment as appointment_cmd  # appointments (issue 18)
from desk.commands import backup as backup_cmd  # backup, restore, audit, citizen (issue 9)
from desk.commands import calendar, catalog, clerk, db, demo, dossier, validate
from desk.commands import deadlines as deadlines_cmd  # deadlines, apology letters (issue 6)
from desk.commands import district as district_cmd  # district server (issue 7)
from desk.commands import fee as fee_cmd  # VietQR fees, reconciliation (issue 17)
from desk.commands import form as form_cmd  # rule sets and their forms (issue 16)
from desk.commands import notify as notify_cmd  # notices to phones (issue 17)
from desk.commands import printer as printer_cmd  # printing (issue 4)
from desk.commands import queue as queue_cmd  # the queue (issue 5)
from desk.commands import report as report_cmd  # reports, dossier book (issue 8)
from desk.commands import serve as serve_cmd  # browser access (issue 5)
from desk.commands import sync as sync_cmd  # district sync (issue 7)

COMMAND_MODULES = (demo, db, catalog, calendar, validate, clerk, dossier, queue_cmd,
                   appointment_cmd, printer_cmd,
                   form_cmd, deadlines_cmd, district_cmd,
                   sync_cmd, report_cmd, serve_cmd, backup_cmd, fee_cmd, notify_cmd)
