"""`desk validate id NUMBER [--birth YYYY-MM-DD] [--sex M|F]`, `desk validate phone NUMBER`.

Exit 0 and print the normalised value when valid; exit 1 with the reason when not.
"""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import context, emit, fail, parse_date
from desk.domain.errors import DomainError
from desk.i18n import t


def register(sub: Any, h: dict[str, str]) -> None:
    p = sub.add_parser("validate", help=h["validate"], description=h["validate"])
    vsub = p.add_subparsers(dest="validate_command", metavar="WHAT", required=True)
    i = vsub.add_parser("id", help=h["validate.id"], description=h["validate.id"])
    i.add_argument("number", metavar="NUMBER", help=h["validate.number"])
    i.add_argument("--birth", metavar="YYYY-MM-DD", help=h["validate.birth"])
    i.add_argument("--sex", choices=("M", "F"), help=h["validate.sex"])
    i.add_argument("--json", action="store_true", help=h["json"])
    i.set_defaults(handler=validate_id)
    ph = vsub.add_parser("phone", help=h["validate.phone"], description=h["validate.phone"])
    ph.add_argument("number", metavar="NUMBER", help=h["validate.number"])
    ph.add_argument("--json", action="store_true", help=h["json"])
    ph.set_defaults(handler=validate_phone)


def validate_id(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from desk.domain.identity import validate_personal_id
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


def validate_phone(args: argparse.Namespace) -> int:
    from desk.domain.identity import normalize_phone

    try:
        phone = normalize_phone(args.number)
    except DomainError as e:
        raise fail(e, 1) from None
    if args.json:
        emit({"valid": True, "phone": phone}, True)
    else:
        print(phone)
    return 0
