"""`desk apology CODE --clerk NAME` with the PIN in DESK_PIN: the clerk's PIN is checked by
bcrypt in a thread (desk/services/trust/pin_ahead.py) while the regular command
(desk/commands/apology.py, run next: this twin always answers None) imports the database stack
and fpdf2. Its login uses that verdict in its own order — lockout, PIN, then its writes — and
the letter is written only after it. A PIN typed at the prompt is checked by the login, as
before. Imports nothing heavy: the point is to start early."""

from __future__ import annotations

import argparse

from desk import environment
from desk.commands.context import context
from desk.services.trust import pin_ahead


def apology(args: argparse.Namespace) -> None:
    if args.clerk and environment.get(environment.PIN):
        pin_ahead.start_for(context(args).settings.database_path, args.clerk,
                            environment.text(environment.PIN))
