"""`desk validate id NUMBER [--birth YYYY-MM-DD] [--sex M|F]`, `desk validate phone NUMBER`.

Exit 0 and print the normalised value when valid; exit 1 with the reason when not.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desk.commands.base import emit, fail
from desk.commands.context import context
from desk.commands.dates import parse_date
from desk.domain.errors import DomainError
from desk.domain.identity import validate_personal_id
from desk.i18n import t


def validate_id(args: argparse.Namespace) -> int:
    birth = parse_date(args.birth) if args.birth else None
    today = context(args).local_now().date()  # the desk's clock bounds the birth year
    try:
        pid = validate_personal_id(args.number, birth=birth, sex=args.sex, today=today)
    except DomainError as e:
        raise fail(e, 1) from None
    if args.json:
        emit({"valid": True, **asdict(pid)}, True)
    else:
        print(pid.number)
        sex = t(f"sex.{pid.sex}") if pid.sex else ""  # the JSON keeps M/F (a contract)
        extra = " · ".join(str(x) for x in (pid.id_type, pid.province_name, sex) if x)
        if extra:
            print(f"{t('cli.valid')}: {extra}")
    return 0
