"""`desk district serve|office add|office revoke|status|routes|act|catalog publish|calendar publish`
— the district server and its data."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desk.commands.base import CommandError, emit, fail, say
from desk.domain.errors import DomainError
from desk.i18n import set_language, t


def register(sub: Any, h: dict[str, str]) -> None:
    # `desk province …` is the same command: the server is the province's since 2025
    p = sub.add_parser("district", aliases=["province"], help=h["district"],
                       description=h["district"])
    dsub = p.add_subparsers(dest="district_command", metavar="ACTION", required=True)

    s = dsub.add_parser("serve", help=h["district.serve"], description=h["district.serve"])
    _db(s, h)
    s.add_argument("--host", default="127.0.0.1", help=h["district.host"])
    s.add_argument("--port", type=int, default=8765, help=h["district.port"])
    s.add_argument("--files", metavar="DIR", help=h["district.files"])
    s.add_argument("--tls-cert", metavar="PEM", help=h["district.tls.cert"])
    s.add_argument("--tls-key", metavar="PEM", help=h["district.tls.key"])
    s.add_argument("--workers", type=int, default=1, metavar="N", help=h["district.tls.workers"])
    s.set_defaults(handler=serve_)

    o = dsub.add_parser("office", help=h["district.office"], description=h["district.office"])
    osub = o.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    a = osub.add_parser("add", help=h["district.office.add"], description=h["district.office.add"])
    a.add_argument("office_id", metavar="OFFICE_ID", help=h["district.office_id"])
    a.add_argument("--name", required=True, help=h["district.name"])
    _db(a, h)
    a.add_argument("--json", action="store_true", help=h["json"])
    a.set_defaults(handler=office_add_)
    r = osub.add_parser("revoke", help=h["district.office.revoke"],
                        description=h["district.office.revoke"])
    r.add_argument("office_id", metavar="OFFICE_ID", help=h["district.office_id"])
    _db(r, h)
    r.set_defaults(handler=office_revoke_)

    st = dsub.add_parser("status", help=h["district.status"], description=h["district.status"])
    st.add_argument("--office", metavar="ID", help=h["district.only"])
    _db(st, h)
    st.add_argument("--json", action="store_true", help=h["json"])
    st.set_defaults(handler=status_)

    ro = dsub.add_parser("routes", help=h["district.routes"], description=h["district.routes"])
    ro.add_argument("--to", metavar="OFFICE_ID", help=h["district.routes.to"])
    _db(ro, h)
    ro.add_argument("--json", action="store_true", help=h["json"])
    ro.set_defaults(handler=routes_)

    ac = dsub.add_parser("act", help=h["district.act"], description=h["district.act"])
    ac.add_argument("office_id", metavar="OFFICE_ID", help=h["district.office_id"])
    ac.add_argument("code", metavar="CODE", help=h["district.code"])
    ac.add_argument("action", metavar="ACTION", help=h["district.action"])
    ac.add_argument("--reason", default="", help=h["district.reason"])
    ac.add_argument("--by", default="", help=h["district.by"])
    _db(ac, h)
    ac.add_argument("--json", action="store_true", help=h["json"])
    ac.set_defaults(handler=act_)

    for what in ("catalog", "calendar"):
        g = dsub.add_parser(what, help=h[f"district.{what}"], description=h[f"district.{what}"])
        gsub = g.add_subparsers(dest=f"{what}_command", metavar="ACTION", required=True)
        pub = gsub.add_parser("publish", help=h[f"district.{what}.publish"],
                              description=h[f"district.{what}.publish"])
        pub.add_argument("file", metavar="FILE", help=h[f"district.{what}.file"])
        _db(pub, h)
        pub.add_argument("--json", action="store_true", help=h["json"])
        pub.set_defaults(handler=catalog_publish_ if what == "catalog" else calendar_publish_)


def _db(p: argparse.ArgumentParser, h: dict[str, str]) -> None:
    p.add_argument("--db", metavar="URL", help=h["district.db"])


def _url(args: argparse.Namespace) -> str:
    from desk.config import ConfigError, load_settings, ui_language
    from desk.district.db import default_url

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
def _server_extra() -> Iterator[None]:
    """A missing package of the `server` extra: say which command installs it."""
    try:
        yield
    except ModuleNotFoundError as e:
        if (e.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        raise CommandError(t("district.need_server", package=e.name, command=SERVER_INSTALL),
                           EXIT_UNAVAILABLE) from None


def _engine(args: argparse.Namespace) -> Any:
    from desk.district.db import open_district

    with _server_extra():  # PostgreSQL needs psycopg
        return open_district(_url(args))


def serve_(args: argparse.Namespace) -> int:
    with _server_extra():
        from desk.district.app import serve

        url = _url(args)
        say("district.serving", host=args.host, port=args.port, db=_safe(url))
        if bool(args.tls_cert) != bool(args.tls_key):
            raise CommandError(t("district.tls_both"), 2)
        serve(url, args.host, args.port, _files_dir(args, url), args.tls_cert, args.tls_key,
              workers=max(1, args.workers))
    return 0


def _files_dir(args: argparse.Namespace, url: str) -> Any:
    """Where uploaded scans go: --files, [district] files_dir, else the server's default."""
    from desk.config import ConfigError, load_settings
    from desk.district.attachments import default_files_dir

    configured, data_dir = args.files or "", None
    if not configured:
        try:
            settings = load_settings(getattr(args, "config", None))
            configured, data_dir = settings.district.files_dir, settings.data_dir
        except ConfigError:
            pass
    return default_files_dir(url, configured, data_dir)


def _safe(url: str) -> str:
    """The URL without a password, for printing."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://…@{rest.split('@', 1)[1]}"
    return url


def office_add_(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from desk.config import OfficeConfig
    from desk.district.offices import add_office
    from desk.domain.units import unit_of

    try:
        OfficeConfig.from_dict({"id": args.office_id})
    except ValueError as e:
        key = getattr(e, "key", "")  # tables_reader.Invalid: a message key to render
        text = t(key, **e.params) if key else str(e).splitlines()[-1].strip()  # type: ignore[attr-defined]
        raise CommandError(text, 2) from None
    unit = unit_of(args.office_id)  # checked above: None for an id older than July 2025
    token = add_office(_engine(args), args.office_id, args.name)
    if args.json:
        emit({"office": args.office_id, "name": args.name, "token": token,
              "unit": asdict(unit) if unit else None, "legacy_id": unit is None}, True)
    else:
        say("district.token", office=args.office_id, token=token)
        if unit is None:
            say("district.legacy_id", office=args.office_id)
    return 0


def office_revoke_(args: argparse.Namespace) -> int:
    from desk.district.offices import revoke_office
    if not revoke_office(_engine(args), args.office_id):
        raise CommandError(t("district.no_office", office=args.office_id), 1)
    say("district.revoked", office=args.office_id)
    return 0


def status_(args: argparse.Namespace) -> int:
    from desk.district.status import district_status
    data = district_status(_engine(args), args.office)
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
    from desk.district.routing import routed

    data = routed(_engine(args), args.to)
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


def act_(args: argparse.Namespace) -> int:
    from desk.district.changes import decide

    try:
        out = decide(_engine(args), args.office_id, args.code, args.action, actor=args.by,
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
        raise CommandError(t("district.unreadable", file=path, error=e.strerror or str(e)),
                           1) from None


def catalog_publish_(args: argparse.Namespace) -> int:
    from desk.district.publish import publish_catalog
    from desk.services.catalog import parse_catalog

    raw = _read(args.file)
    try:
        out = publish_catalog(_engine(args), parse_catalog(raw, args.file))
    except DomainError as e:
        raise fail(e) from None
    if args.json:
        emit(out, True)
    else:
        say("district.catalog_published" if out["changed"] else "district.catalog_unchanged",
            version=out["version"], procedures=out["procedures"])
    return 0


def calendar_publish_(args: argparse.Namespace) -> int:
    from desk.district.publish import publish_calendar
    from desk.domain.calendar import parse_exceptions_csv

    raw = _read(args.file)
    try:
        rows = parse_exceptions_csv(raw.decode("utf-8-sig"))
        out = publish_calendar(_engine(args), rows)
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
