"""Issue 20 §1, the CLI's one lazy door: the parsers (desk/commands/parsers) name each handler by
a string, and desk/cli.py imports only the chosen command's handler module. `desk --help`
imports none; a command imports its own and no other group's (so the handler modules can
import what they use at their top)."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cli import build_parser
from desk.commands.quick import QUICK
from tests.conftest import PINNED_NOW, REPO

PROBE = (
    "import contextlib, io, sys\n"
    "from desk.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
    "    try:\n"
    "        main(sys.argv[1:])\n"
    "    except SystemExit:\n"
    "        pass\n"
    "print(' '.join(sorted(m for m in sys.modules if m.startswith('desk.commands.'))))\n"
)


def _specs(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every handler the parsers name: their defaults, and flags that hand over (HandledBy)."""
    if "handler" in parser._defaults:
        yield parser._defaults["handler"]
    for action in parser._actions:
        if isinstance(getattr(action, "handler", None), str):
            yield action.handler  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _specs(sub)


SPECS = sorted(set(_specs(build_parser())))
HANDLER_MODULES = {s.split(":")[0] for s in SPECS} | {s.split(":")[0] for s in QUICK.values()}


def test_every_handler_the_parsers_name_exists() -> None:
    assert len(SPECS) > 70 and all(s.startswith("desk.commands.") for s in SPECS)
    for spec in [*SPECS, *QUICK, *QUICK.values()]:
        module, _, name = spec.partition(":")
        assert callable(getattr(importlib.import_module(module), name, None)), spec
    assert set(QUICK) <= set(SPECS)  # a quick twin stands for a command that exists


def _loaded(args: list[str], tmp_path: Path) -> set[str]:
    config = tmp_path / "desk.toml"
    config.write_text('[storage]\ndatabase = "office.sqlite3"\n', encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DESK_CONFIG": str(config),
           "DESK_NOW": PINNED_NOW, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=120, check=True).stdout
    return set(out.split()) & HANDLER_MODULES


@pytest.mark.parametrize(("args", "handlers"), [
    (["--help"], set()),
    (["queue", "--help"], set()),
    (["validate", "phone", "0912345678"], {"desk.commands.validate_phone"}),
    (["validate", "id", "040095000123"], {"desk.commands.validate"}),
    (["queue", "waiting"], {"desk.commands.queue"}),  # not the kiosk's Textual app
    (["deadlines"], {"desk.commands.quick_read", "desk.commands.deadlines"}),  # a new office:
    (["dossier", "list"], {"desk.commands.quick_read", "desk.commands.dossier_read"}),  # regular
])
def test_a_command_imports_its_own_handler_module_only(args: list[str], handlers: set[str],
                                                       tmp_path: Path) -> None:
    assert _loaded(args, tmp_path) == handlers


def test_display_web_hands_over_to_the_pages_handler() -> None:
    """`desk display` opens the Textual app; `--web` serves the pages: another handler module
    (FastAPI and uvicorn, not Textual), chosen while the options are parsed."""
    parser = build_parser()
    assert parser.parse_args(["display"]).handler == "desk.commands.display:display_app"
    web = parser.parse_args(["display", "--web", "--port", "8099"])
    assert web.handler == "desk.commands.lobby_web:display_web" and web.web and web.port == 8099
