"""`desk district act|catalog publish|calendar publish`: the province decides on a dossier, and
publishes the catalog and the calendar to the communes (the options:
desk/commands/parsers/district.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.commands.base import CommandError, emit, fail, say
from desk.commands.district import district_engine
from desk.district.changes import decide
from desk.district.publish import publish_calendar, publish_catalog
from desk.domain.calendar import parse_exceptions_csv
from desk.domain.errors import DomainError
from desk.domain.os_errors import os_reason
from desk.i18n import t
from desk.services.catalog import parse_catalog


def act_(args: argparse.Namespace) -> int:
    try:
        out = decide(district_engine(args), args.office_id, args.code, args.action, actor=args.by,
                     reason=args.reason)
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(out, True)
    else:
        say("district.decided", **{k: out[k] for k in ("code", "status", "version")})
    return 0


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise CommandError(t("district.unreadable", file=path, error=os_reason(e)),
                           1) from None


def catalog_publish_(args: argparse.Namespace) -> int:
    raw = _read(args.file)
    try:
        out = publish_catalog(district_engine(args), parse_catalog(raw, args.file))
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(out, True)
    else:
        say("district.catalog_published" if out["changed"] else "district.catalog_unchanged",
            version=out["version"], procedures=out["procedures"])
    return 0


def calendar_publish_(args: argparse.Namespace) -> int:
    raw = _read(args.file)
    try:
        rows = parse_exceptions_csv(raw.decode("utf-8-sig"))
        out = publish_calendar(district_engine(args), rows)
    except UnicodeDecodeError as e:
        raise CommandError(t("district.unreadable", file=args.file, error=str(e)), 1) from None
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(out, True)
    else:
        say("district.calendar_published" if out["changed"] else "district.calendar_unchanged",
            version=out["version"], days=out["days"])
    return 0
