"""What every command shares: the language chosen early, the context, errors, output."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk import environment, toml_file
from desk.i18n import get_language, keys, render_error, set_language, t

if TYPE_CHECKING:
    from desk.services.context import DeskContext

class CommandError(Exception):
    """A failure already phrased for the user; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def early_language(argv: list[str]) -> str:
    """The office language, read cheaply (tomllib only) so even --help speaks it. The caller
    sets it (desk.i18n.set_language): desk.i18n keeps the process's one language setting."""
    lang = environment.language()
    if lang is None:
        lang = "vi"
        path = _config_path_from(argv)
        if path is not None:
            try:
                data = toml_file.parse(path)
                office = data.get("office", {})
                if isinstance(office, dict) and office.get("language") in ("vi", "en"):
                    lang = office["language"]
            except (OSError, ValueError):
                pass  # the real loader reports a bad file properly later
    return lang


def _config_path_from(argv: list[str]) -> Path | None:
    for i, a in enumerate(argv):
        if a == "--config" and i + 1 < len(argv):
            return Path(argv[i + 1])
        if a.startswith("--config="):
            return Path(a.split("=", 1)[1])
    if environment.config_file() is not None:
        return environment.config_file()
    local = Path.cwd() / "desk.toml"
    return local if local.is_file() else None


_helps: dict[str, dict[str, str]] = {}


def helps() -> dict[str, str]:
    """The `--help` texts in the process's language: h["dossier.receive"] is the catalogs'
    "help.dossier.receive" (desk/i18n/msg_help*.py). A text the catalogs lack is a KeyError
    when the parser is built, never a raw key in the help."""
    lang = get_language()
    if lang not in _helps:  # ~250 texts: once per language, `desk --help` asks several times
        _helps[lang] = {key.removeprefix("help."): t(key) for key in keys("help.")}
    return dict(_helps[lang])


def context(args: argparse.Namespace) -> DeskContext:
    """Load the configuration and build the services' context, or fail with a clear message."""
    from desk.config import ConfigError, load_settings, ui_language
    from desk.services.context import DeskContext

    try:
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as e:
        raise CommandError(str(e), 2) from None
    set_language(ui_language(settings))  # DESK_LANG wins over desk.toml
    return DeskContext(settings)


def fail(exc: BaseException, code: int = 1) -> CommandError:
    return CommandError(render_error(exc), code)


def emit(data: Any, as_json: bool) -> None:
    """Print JSON (UTF-8, not escaped) when asked; otherwise the caller prints text."""
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def say(key: str, **params: Any) -> None:
    print(t(key, **params))


def typed_text(ctx: DeskContext, text: str | None) -> str | None:
    """Free text given on the command line (an apology reason, a name), as the clerk meant
    it: raw Telex typed with no input method on ("Phongf Taif chinhs") becomes Vietnamese
    ("Phòng Tài chính") before it reaches a letter or a receipt, and stderr says so, as the
    screens do (`desk.domain.telex.untelex`: only ASCII text whose words Telex makes into
    Vietnamese syllables; "Chua co ket qua", "Ross", "email" stay)."""
    if not text:
        return text
    from desk.domain.telex import untelex

    fixed = untelex(text, ctx.settings.office.tone_style)
    if fixed != text:
        print(t("cli.telex_converted", text=fixed), file=sys.stderr)
    return fixed


def classify_exception(exc: BaseException) -> tuple[str, int]:
    """An unexpected exception → a sentence for the user, and the traceback into a log file."""
    text = str(exc)
    if "database is locked" in text:
        return t("cli.db_busy"), 75
    if "file is not a database" in text or "malformed" in text:
        return t("cli.db_corrupt"), 74
    if isinstance(exc, PermissionError):
        return t("cli.permission", error=text), 77
    log = _write_crash_log(exc)
    return t("cli.crash", error=type(exc).__name__, log=log), 70


def _write_crash_log(exc: BaseException) -> str:
    import traceback
    from zoneinfo import ZoneInfo

    from desk.config import OfficeConfig
    from desk.services.clock import clock_from_env

    try:
        from platformdirs import user_log_path

        folder = user_log_path("desk", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    # named by the desk's clock (DESK_NOW pins it) in office time, the time a clerk reports
    tz = OfficeConfig().timezone
    stamp = f"{clock_from_env(tz)().astimezone(ZoneInfo(tz)):%Y%m%d-%H%M%S}"
    try:
        from desk.domain.masking import mask_text

        # tracebacks can quote a citizen's ID or phone: they are masked like every log
        text = mask_text("".join(traceback.format_exception(exc)))
        for n in range(100):  # two crashes in one second (or a pinned clock) keep both logs
            path = folder / (f"crash-{stamp}.log" if n == 0 else f"crash-{stamp}-{n}.log")
            try:  # owner only; never over an earlier log
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            return str(path)
    except OSError:
        pass
    return "-"


def parse_date(value: str) -> Any:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(t("cli.bad_date", value=value), 2) from None


def parse_local_datetime(value: str, tz: str) -> Any:
    """"YYYY-MM-DD HH:MM" in office time → an aware datetime."""
    from zoneinfo import ZoneInfo

    try:
        dt = datetime.strptime(" ".join(value.split()), "%Y-%m-%d %H:%M")
    except ValueError:
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise CommandError(t("cli.bad_datetime", value=value), 2) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(tz))
    return dt


def actor_for(ctx: Any, name: str | None, pin_stdin: bool = False) -> Any:
    """Who a command acts as: the clerk named `--clerk NAME` once their PIN is right (their role
    is checked by the services), or, without a name, the office PC's command line, audited as
    `cli:<OS user>` (issue 15)."""
    from desk.commands.cli_auth import cli_actor, signed_in  # cli_auth builds on this module

    if not name:
        return cli_actor()
    return signed_in(ctx, name, pin_stdin)
