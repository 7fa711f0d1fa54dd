"""What the quick-path CLI tests share: a real `desk` process in an office of its own (its own
HOME, XDG folders, desk.toml and the pinned clock), and a probe that runs one command and says
which of the heavy modules it loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from tests.conftest import PINNED_NOW, REPO

# what the quick paths must not load: the database stack
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")

_PROBE = ("import runpy, sys\n"
          "modules = sys.argv[1].split(',')\n"
          "sys.argv = ['desk'] + sys.argv[2:]\n"
          "try:\n"
          "    runpy.run_module('desk.cli', run_name='__main__')\n"
          "except SystemExit:\n"
          "    pass\n"
          "print('HEAVY', [m for m in modules if m in sys.modules], file=sys.stderr)\n")


def office_env(home: Path) -> dict[str, str]:
    """The environment of a desk whose office lives in `home` (desk.toml there)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "xdg-data"), "XDG_CONFIG_HOME": str(home / "xdg-config"),
           "XDG_STATE_HOME": str(home / "xdg-state"), "XDG_CACHE_HOME": str(home / "cache"),
           "DESK_NOW": PINNED_NOW, "DESK_CONFIG": str(home / "desk.toml")}
    for key in ("DESK_LANG", "DESK_QUICK"):
        env.pop(key, None)
    return env


def run_desk(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """`desk ARGS` in a real process, in `home`'s office; `extra` adds to its environment."""
    return subprocess.run([sys.executable, "-m", "desk.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", env={**office_env(home), **extra},
                          cwd=home, timeout=180, check=False)


def probe_loaded(home: Path, args: Sequence[str],
                 modules: Sequence[str] = HEAVY) -> subprocess.CompletedProcess[str]:
    """`desk ARGS` in `home`'s office; its stderr ends with "HEAVY [...]": which of `modules`
    the command loaded."""
    return subprocess.run([sys.executable, "-c", _PROBE, ",".join(modules), *args],
                          capture_output=True, text=True, encoding="utf-8",
                          env=office_env(home), cwd=REPO, timeout=120, check=False)
