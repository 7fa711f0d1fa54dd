"""`desk ARGS --json` in this process against an office folder (tests/cli_in_process.py): the
environment a script on the office PC has, with the clock pinned (tests/conftest.PINNED_NOW)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tests.cli_in_process import run_cli
from tests.conftest import PINNED_NOW


def office_env(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "xdg-data"), "XDG_CONFIG_HOME": str(home / "xdg-config"),
           "XDG_STATE_HOME": str(home / "xdg-state"), "XDG_CACHE_HOME": str(home / "cache"),
           "DESK_NOW": PINNED_NOW, "DESK_CONFIG": str(home / "desk.toml"), "DESK_QUICK": "0",
           **extra}
    env.pop("DESK_LANG", None)
    return env


def desk_json(home: Path, *args: str, exit_code: int = 0, **extra: str) -> Any:
    """`desk ARGS --json` on the regular path; its printed JSON (the command must end with
    `exit_code`; `extra`: more environment)."""
    r = run_cli([*args, "--json"], env=office_env(home, **extra), cwd=home)
    assert r.returncode == exit_code, r.stderr
    return json.loads(r.stdout)
