"""One module per command group; each has `register(subparsers, helps)`."""

from desk.commands import calendar, catalog, clerk, db, demo, dossier, validate

COMMAND_MODULES = (demo, db, catalog, calendar, validate, clerk, dossier)
