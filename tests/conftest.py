"""Shared fixtures: a real SQLite office in a temporary folder, a fixed clock, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desk import environment
from desk.config import Settings
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from tests.cli_in_process import run_cli
from tests.office_template import seeded
from tests.tiers import (  # noqa: F401  (the test tiers' hooks: `pytest` alone is the fast tier)
    pytest_addoption,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_configure_node,
    pytest_report_header,
)

REPO = Path(__file__).resolve().parent.parent
# a message asked for without one of its parameters fails the test that did it (issue 20),
# in this process and in the `desk` subprocesses the tests start; in production it is logged
os.environ.setdefault(environment.STRICT_MESSAGES, "1")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PINNED_NOW = "2026-11-23 09:00"  # DESK_NOW of `run_desk`, the `ctx` fixture's instant


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)  # type: ignore[misc]


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    from desk.i18n import set_language

    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(autouse=True)
def _documents(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Exports go to the user's Documents folder: in tests, a temporary one."""
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path_factory.getbasetemp() / "Documents"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_dict({"storage": {"database": str(tmp_path / "desk.sqlite3"),
                                                "data_dir": str(tmp_path / "data")}})


@pytest.fixture
def ctx(settings: Settings) -> Iterator[DeskContext]:
    c = DeskContext(settings, clock=fixed_clock(local(2026, 11, 23, 9, 0)))
    yield c
    c.close()


@pytest.fixture
def demo_ctx(ctx: DeskContext) -> DeskContext:
    seeded(ctx)  # the office without its demo dossiers (built once, copied: office_template)
    return ctx


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "desk.toml"
    path.write_text('[storage]\ndatabase = "office.sqlite3"\n', encoding="utf-8")
    return path


@pytest.fixture
def run_desk(config_file: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run the `desk` command as an administrator would, in this process (`desk.cli.main`
    with its own streams, environment and folder: tests/cli_in_process.py), on the tests'
    pinned date (DESK_NOW, the `ctx` fixture's instant) unless `env` says otherwise: a test
    never depends on the real calendar date. Same answer as `run_desk_process`."""
    return _desk_runner(config_file, tmp_path, in_process=True)


@pytest.fixture
def run_desk_process(config_file: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """`run_desk`, but the real `python -m desk.cli` in a subprocess: the smoke tests of the
    installed command (a fresh interpreter, real exit status, real pipes)."""
    return _desk_runner(config_file, tmp_path, in_process=False)


def _desk_runner(config_file: Path, tmp_path: Path, *,
                 in_process: bool) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            config: Path | None = config_file) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(tmp_path),
                    "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
                    "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
                    "XDG_STATE_HOME": str(tmp_path / "xdg-state")}
        full_env.pop("DESK_CONFIG", None)
        full_env.pop("DESK_LANG", None)
        full_env["DESK_NOW"] = PINNED_NOW
        if config is not None:
            full_env["DESK_CONFIG"] = str(config)
        full_env.update(env or {})
        if in_process:
            return run_cli(args, env=full_env, cwd=tmp_path, stdin=stdin)
        return subprocess.run(
            [sys.executable, "-m", "desk.cli", *args], input=stdin, capture_output=True,
            text=True, encoding="utf-8", env=full_env, cwd=tmp_path, timeout=120,
        )

    return run
