"""`desk district serve`: the province server (FastAPI, uvicorn: the `server` extra, which a
commune's desk goes without; the options: desk/commands/parsers/district.py)."""

from __future__ import annotations

import argparse
from typing import Any

from desk.commands.base import CommandError, say
from desk.commands.district import server_extra, url_of
from desk.config import ConfigError, load_settings
from desk.i18n import t


def serve_(args: argparse.Namespace) -> int:
    with server_extra():  # FastAPI and uvicorn come with the extra: imported only here
        from desk.district.app import serve  # noqa: PLC0415 — the `server` extra may be missing

        url = url_of(args)
        say("district.serving", host=args.host, port=args.port, db=_safe(url))
        if bool(args.tls_cert) != bool(args.tls_key):
            raise CommandError(t("district.tls_both"), 2)
        serve(url, args.host, args.port, _files_dir(args, url), args.tls_cert, args.tls_key,
              workers=max(1, args.workers))
    return 0


def _files_dir(args: argparse.Namespace, url: str) -> Any:
    """Where uploaded scans go: --files, [district] files_dir, else the server's default."""
    from desk.district.attachments import default_files_dir  # noqa: PLC0415 — FastAPI, as above

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
