"""Every `DESK_*` environment variable the desk reads, read here and nowhere else.

README.md "Environment variables" documents each one; tests/i18n/test_environment.py checks
that no other module reads a `DESK_*` variable and that the README names every variable below.
Standard library only: `desk --help` reads DESK_LANG and DESK_CONFIG before anything heavy is
imported (desk.config itself costs ~20 ms of a start). Values are read at each call, so a test's
monkeypatch.setenv is seen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

CONFIG: Final = "DESK_CONFIG"  # the desk.toml to use (after --config)
LANG: Final = "DESK_LANG"  # vi | en: this process's language, over [office] language
NOW: Final = "DESK_NOW"  # "YYYY-MM-DD HH:MM" (office time): pins the desk's clock
CLERK: Final = "DESK_CLERK"  # the supervisor/admin a command acts as (like --clerk)
PIN: Final = "DESK_PIN"  # that person's PIN, for scripts
SERVE_TOKEN: Final = "DESK_SERVE_TOKEN"  # `desk serve`: a fixed access secret
NOTIFY_TOKEN: Final = "DESK_NOTIFY_TOKEN"  # [notify.http] auth_value, kept out of desk.toml
SYNC_URL: Final = "DESK_SYNC_URL"  # over [sync] server_url
SYNC_TOKEN: Final = "DESK_SYNC_TOKEN"  # over [sync] token
SYNC_TIMEOUTS: Final = {  # seconds, over the client's defaults (tests, slow links)
    "connect_timeout": "DESK_SYNC_CONNECT_TIMEOUT",
    "read_timeout": "DESK_SYNC_READ_TIMEOUT",
    "total_timeout": "DESK_SYNC_TOTAL_TIMEOUT",
    "backoff_base": "DESK_SYNC_BACKOFF_BASE",
}
SYNC_SCHEMA_V: Final = "DESK_SYNC_SCHEMA_V"  # tests: write events as an older client would
SYNC_CRASH_AT: Final = "DESK_SYNC_CRASH_AT"  # tests: kill the desk at a named point
DISTRICT_DB: Final = "DESK_DISTRICT_DB"  # the province server's database (after --db, [district])
DISTRICT_FILES: Final = "DESK_DISTRICT_FILES"  # its uploaded scans' folder
DISTRICT_URL: Final = "DESK_DISTRICT_URL"  # set by `serve --workers N` for its worker processes
DISTRICT_MAX_PUSHES: Final = "DESK_DISTRICT_MAX_PUSHES"  # pushes in progress per worker (6)
DISTRICT_CRASH_AT: Final = "DESK_DISTRICT_CRASH_AT"  # tests: kill the server at a named point
DISTRICT_FAIL_AT: Final = "DESK_DISTRICT_FAIL_AT"  # tests: fail a request at a named point
FONT_CACHE: Final = "DESK_FONT_CACHE"  # where the PDF fonts' Vietnamese subsets are kept
QUICK: Final = "DESK_QUICK"  # 0: read-only commands go through the full stack (issue 19)
STRICT_MESSAGES: Final = "DESK_STRICT_MESSAGES"  # 1: a message missing a parameter raises

NAMES: Final = (CONFIG, LANG, NOW, CLERK, PIN, SERVE_TOKEN, NOTIFY_TOKEN, SYNC_URL, SYNC_TOKEN,
                *SYNC_TIMEOUTS.values(), SYNC_SCHEMA_V, SYNC_CRASH_AT, DISTRICT_DB,
                DISTRICT_FILES, DISTRICT_URL, DISTRICT_MAX_PUSHES, DISTRICT_CRASH_AT,
                DISTRICT_FAIL_AT, FONT_CACHE, QUICK, STRICT_MESSAGES)


def get(name: str) -> str:
    """The variable's value as set; "" when unset."""
    return os.environ.get(name, "")


def text(name: str) -> str:
    """The variable's value, stripped; "" when unset."""
    return get(name).strip()


def path(name: str) -> Path | None:
    value = get(name)
    return Path(value) if value else None


def config_file() -> Path | None:
    value = get(CONFIG)
    return Path(value) if value else None


def language() -> str | None:
    """DESK_LANG as "vi" or "en"; None when unset or neither."""
    lang = text(LANG).lower()
    return lang if lang in ("vi", "en") else None




def sync_timeouts() -> dict[str, float]:
    """The client's timing overrides: {attribute of ClientConfig: seconds}."""
    return {attr: float(os.environ[name]) for attr, name in SYNC_TIMEOUTS.items()
            if os.environ.get(name)}


def sync_schema_v(default: int) -> int:
    value = text(SYNC_SCHEMA_V)
    return int(value) if value else default


def district_max_pushes() -> int:
    value = text(DISTRICT_MAX_PUSHES)
    return int(value) if value else 6


def strict_messages() -> bool:
    """DESK_STRICT_MESSAGES=1 (set by the tests): a message missing a parameter raises instead of
    being logged, so the mistake fails the test that made it."""
    return text(STRICT_MESSAGES) not in ("", "0")
