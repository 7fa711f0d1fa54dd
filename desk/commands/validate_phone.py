"""`desk validate phone NUMBER`: needs no office, so it loads none (the options:
desk/commands/parsers/validate.py)."""

from __future__ import annotations

import argparse

from desk.commands.base import emit, fail
from desk.domain.errors import DomainError
from desk.domain.identity import normalize_phone


def validate_phone(args: argparse.Namespace) -> int:
    try:
        phone = normalize_phone(args.number)
    except DomainError as e:
        raise fail(e, 1) from None
    if args.json:
        emit({"valid": True, "phone": phone}, True)
    else:
        print(phone)
    return 0
