"""kill -9 of the desk process at named points of push and pull; then integrity + checker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desk.district.changes import decide
from desk.services.dossier.lifecycle import act
from tests.sync.harness import OFFICE, check, client, intake, write_config

REPO = Path(__file__).resolve().parents[2]


def _desk_sync(tmp: Path, cfg: Path, crash_at: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DESK_CONFIG": str(cfg), "HOME": str(tmp),
           "XDG_DATA_HOME": str(tmp / "xdg"), "DESK_SYNC_CRASH_AT": crash_at,
           "PYTHONIOENCODING": "utf-8", "DESK_NOW": "2026-11-23 09:00"}
    return subprocess.run([sys.executable, "-m", "desk.cli", "sync", "--once", "--json"],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("point", ["push_before_send", "push_after_send", "push_mid_mark",
                                   "pull_after_fetch", "pull_mid_apply", "pull_after_commit"])
def test_kill9_at_point(district_sqlite: Any, office: Any, tmp_path: Path, point: str) -> None:
    from desk.services.store import check as db_check

    d = district_sqlite
    codes = intake(office, 5)
    for code in codes[:3]:
        act(office, code, "transfer")
    client(office, d.url, d.token).sync_once()
    for code in codes[:3]:
        decide(d.engine, OFFICE, code, "start_processing")
    decide(d.engine, OFFICE, codes[0], "result_ready")
    act(office, codes[3], "transfer")
    intake(office, 2, name="Phạm Văn")
    cfg = write_config(tmp_path, d.url, d.token)
    office.close()
    crashed = _desk_sync(tmp_path, cfg, point)
    assert crashed.returncode == 137, crashed.stderr
    assert db_check(office.engine)["integrity"] == "ok"
    office.close()
    done = _desk_sync(tmp_path, cfg)
    assert done.returncode == 0, done.stderr
    assert check(office, d.engine) == {"events": 11, "changes": 4}
