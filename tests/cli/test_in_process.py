"""`run_desk` runs `desk.cli.main` in the test process (tests/cli_in_process.py): it must answer
exactly as the real command does, and leave nothing of the command behind in the process."""

from __future__ import annotations

import logging
import os
import signal
from typing import Any

from desk.i18n import get_language


def test_in_process_answers_as_the_real_command(run_desk: Any, run_desk_process: Any) -> None:
    """The smoke test of `desk --help` and of a few answers, in a real subprocess beside."""
    for args, env in ((("--help",), None), (("--help",), {"DESK_LANG": "en"}),
                      (("validate", "id", "040095000123", "--birth", "1996-05-01"), None),
                      (("calendar", "due", "--received"), None),
                      (("--version",), None)):
        inside, real = run_desk(*args, env=env), run_desk_process(*args, env=env)
        assert (inside.returncode, inside.stdout, inside.stderr) == (
            real.returncode, real.stdout, real.stderr), args


def test_a_command_leaves_the_process_as_it_found_it(run_desk: Any) -> None:
    root = logging.getLogger()
    before = (dict(os.environ), os.getcwd(), list(root.handlers), root.level,
              [list(h.filters) for h in root.handlers], signal.getsignal(signal.SIGINT))
    r = run_desk("demo", "--no-tui", "--no-dossiers", env={"DESK_LANG": "en"})
    assert r.returncode == 0, r.stderr
    assert (run_desk("clerk", "list", "--json", env={"DESK_LANG": "en"}).returncode) == 0
    after = (dict(os.environ), os.getcwd(), list(root.handlers), root.level,
             [list(h.filters) for h in root.handlers], signal.getsignal(signal.SIGINT))
    assert after == before
    assert get_language() == "vi"


def test_stdin_reaches_the_command(run_desk: Any) -> None:
    r = run_desk("clerk", "add", "Quản Trị", "--role", "admin", "--pin-stdin", stdin="975310\n")
    assert r.returncode == 0, r.stderr
    short = run_desk("clerk", "add", "Võ Văn Tư", "--role", "clerk", "--pin-stdin",
                     stdin="12\n", env={"DESK_CLERK": "Quản Trị", "DESK_PIN": "975310"})
    assert short.returncode == 1 and "4 đến 12" in short.stderr
