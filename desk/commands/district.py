"""`desk district office add|office revoke|status|routes` — the district server's offices and
what it knows (the options: desk/commands/parsers/district.py; `serve`: district_serve.py;
`act`, `catalog|calendar publish`: district_publish.py)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from desk.commands.base import CommandError, emit, say
from desk.config import ConfigError, OfficeConfig, load_settings, ui_language
from desk.district.db import default_url, open_district
from desk.district.offices import add_office, revoke_office
from desk.district.routing import routed
from desk.district.status import district_status
from desk.domain.units import unit_of
from desk.i18n import set_language, t
from desk.tables_reader import Invalid


def url_of(args: argparse.Namespace) -> str:
    """The district database: --db, else desk.toml's [district] db (or its default)."""
    if args.db:
        return default_url(args.db)
    try:
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as e:
        raise CommandError(str(e), 2) from None
    set_language(ui_language(settings))  # DESK_LANG wins over desk.toml
    return default_url(settings.district.db, settings.data_dir)


# The province server's own packages: the `server` extra (pyproject.toml), which a commune's
# desk goes without (issue 20 step 6).
SERVER_PACKAGES = ("fastapi", "psycopg", "uvloop", "httptools")
SERVER_INSTALL = "pip install 'mot-cua-desk[server]'"
EXIT_UNAVAILABLE = 69  # sysexits' EX_UNAVAILABLE: a needed program is not there


@contextmanager
def server_extra() -> Iterator[None]:
    """A missing package of the `server` extra: say which command installs it."""
    try:
        yield
    except ModuleNotFoundError as e:
        if (e.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        raise CommandError(t("district.need_server", package=e.name, command=SERVER_INSTALL),
                           EXIT_UNAVAILABLE) from None


def district_engine(args: argparse.Namespace) -> Any:
    with server_extra():  # PostgreSQL needs psycopg
        return open_district(url_of(args))


def office_add_(args: argparse.Namespace) -> int:
    try:
        OfficeConfig.from_dict({"id": args.office_id})
    except ValueError as e:
        if isinstance(e, Invalid) and e.key:  # a message key to render
            text = t(e.key, **e.params)
        else:
            text = str(e).splitlines()[-1].strip()
        raise CommandError(text, 2) from None
    unit = unit_of(args.office_id)  # checked above: None for an id older than July 2025
    token = add_office(district_engine(args), args.office_id, args.name)
    if args.json:
        emit({"office": args.office_id, "name": args.name, "token": token,
              "unit": asdict(unit) if unit else None, "legacy_id": unit is None}, True)
    else:
        say("district.token", office=args.office_id, token=token)
        if unit is None:
            say("district.legacy_id", office=args.office_id)
    return 0


def office_revoke_(args: argparse.Namespace) -> int:
    if not revoke_office(district_engine(args), args.office_id):
        raise CommandError(t("district.no_office", office=args.office_id), 1)
    say("district.revoked", office=args.office_id)
    return 0


def status_(args: argparse.Namespace) -> int:
    data = district_status(district_engine(args), args.office)
    if args.office and not data["offices"]:
        raise CommandError(t("district.no_office", office=args.office), 1)
    if args.json:
        emit(data, True)
        return 0
    for oid, o in data["offices"].items():
        dossiers = ", ".join(f"{k} {v}" for k, v in o["dossiers"].items()) or "0"
        say("district.status_line", office=oid, name=o["name"], events=o["events"],
            dossiers=dossiers, last=o["last_contact"] or "—",
            revoked=t("district.revoked_mark") if o["revoked"] else "")
    return 0


def routes_(args: argparse.Namespace) -> int:
    """Dossiers received for another commune of the province, and where each goes (issue 16)."""
    data = routed(district_engine(args), args.to)
    if args.json:
        emit(data, True)
        return 0
    if not data["routes"]:
        say("district.no_routes")
    for r in data["routes"]:
        say("district.route_line", code=r["code"], office=r["received_by"],
            commune=r["commune"], to=r["to_office"] or t("district.route_unmatched"),
            status=r["status"] or "—")
    return 0
