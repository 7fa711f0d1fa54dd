"""`desk citizen read-qr TEXT`: a chip ID card's QR text, read and checked (the options:
desk/commands/parsers/citizen.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.dossier.card_scan import read_card


def read_qr_(args: argparse.Namespace) -> int:
    """A chip ID card's QR text, read and checked against itself and today (no database)."""
    today = context(args).local_now().date()  # the settings only: no database opened
    try:
        card = read_card(args.text, today)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(card, True)
        return 0
    for key in ("id_number", "old_id", "name", "birth_date", "sex", "address", "issued_on"):
        value = card[key]
        if key == "sex" and value:
            value = t(f"qr.sex.{value}")
        print(f"{t('qr.label.' + key):<16} {value or '—'}")
    for w in card["warnings"]:
        print(f"! {w['message']}")
    return 0
