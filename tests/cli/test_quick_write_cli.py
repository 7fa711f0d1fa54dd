"""`desk queue issue --no-print` and `desk queue call COUNTER`, scripted in loops, write through
`sqlite3` (desk/commands/quick_write.py, issue 19 §1): on two copies of one office the same
commands print the same bytes and leave the same rows as the regular path (DESK_QUICK=0),
the audit chain holds, and no database stack is loaded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.quick_office import HEAVY, probe_loaded
from tests.cli.quick_office import run_desk as _desk
from tests.queue.test_quick_write import _tables

HEX = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

SCRIPT = [
    ["queue", "issue", "HT", "--no-print"],
    ["queue", "issue", "ct", "--no-print", "--priority", "elderly", "--json"],
    ["queue", "issue", "A", "--no-print", "--json"],
    ["queue", "issue", "XX", "--no-print"],  # no such service
    ["queue", "issue", "HT", "--no-print", "--priority", "nobody"],  # no such reason
    ["queue", "call", "1", "--json"],
    ["queue", "call", "1"],  # busy: A001 is at the desk
    ["queue", "call", "2"],
    ["queue", "call", "9", "--json"],  # no such counter
    ["queue", "call", "3", "--json"],
    ["queue", "call", "4"],  # nobody waiting for it
    ["queue", "issue", "CU", "--no-print", "--json"],
    ["queue", "issue", "HT"],  # printed: the job queued for the receipt printer, audited
    ["queue", "issue", "CT", "--priority", "pregnant", "--json"],
]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("quick-write")
    (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n', encoding="utf-8")
    r = _desk(home, "demo", "--no-tui")
    assert r.returncode == 0, r.stderr
    return home


def _copy(office: Path, to: Path) -> Path:
    shutil.copytree(office, to)
    return to


def _said(r: subprocess.CompletedProcess[str]) -> tuple[int, str, str]:
    """What a command answered; the ids of the ticket (its status link) and of its print
    job are minted at random."""
    return r.returncode, HEX.sub("<id>", r.stdout), r.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_both_paths_print_the_same_and_write_the_same_rows(office: Path, tmp_path: Path,
                                                          lang: str) -> None:
    regular, quick = _copy(office, tmp_path / "regular"), _copy(office, tmp_path / "quick")
    for args in SCRIPT:
        r = _said(_desk(regular, *args, DESK_QUICK="0", DESK_LANG=lang))
        q = _said(_desk(quick, *args, DESK_LANG=lang))
        assert q == r, args
    assert _tables(quick / "office.sqlite3") == _tables(regular / "office.sqlite3")
    verdict = _desk(quick, "audit", "verify")
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr


def test_queue_writes_load_no_database_stack(office: Path, tmp_path: Path) -> None:
    home = _copy(office, tmp_path / "home")
    # a printed ticket too: its printer profile is read without pydantic, and a ticket has no
    # barcode to draw, so python-barcode's writers stay unloaded (both failed before)
    for args in (["queue", "issue", "HT", "--no-print"], ["queue", "call", "2", "--json"],
                 ["queue", "issue", "HT"]):
        r = probe_loaded(home, args, (*HEAVY, "barcode"))
        assert r.stdout.strip(), (args, r.stderr)
        assert "HEAVY []" in r.stderr, (args, r.stderr[-800:])


def test_what_the_quick_write_does_not_do_takes_the_regular_path(office: Path,
                                                                 tmp_path: Path) -> None:
    home = _copy(office, tmp_path / "home")
    signed = _desk(home, "queue", "call", "1", "--clerk", "Nobody Here", "--pin-stdin")
    assert signed.returncode != 0 and signed.stderr  # a clerk to sign in: login's own answer
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "desk.toml").write_text('[storage]\ndatabase = "new.sqlite3"\n', encoding="utf-8")
    made = _desk(fresh, "queue", "issue", "HT", "--no-print")  # no file yet: made, migrated
    assert (made.returncode, made.stdout) == (0, "A001\n"), made.stderr
    assert (fresh / "new.sqlite3").is_file()
