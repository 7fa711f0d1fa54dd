"""Issue 14 §1: one injected clock. What the desk stamps comes from its clock (ctx.now(),
DESK_NOW), what the district stamps from the district's (tables.set_clock), never from the
machine's calendar behind their backs."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from tests.conftest import REPO

IN_2010 = datetime(2010, 1, 1, 8, 0, tzinfo=UTC)


def test_the_outbox_stamp_is_the_desks_clock(demo_ctx: DeskContext) -> None:
    from desk.sync.hlc import HLC
    from storage.engine import read_session
    from storage.tables.sync import OutboxEvent
    from tests.screens.conftest import intake

    old = DeskContext(demo_ctx.settings, clock=fixed_clock(IN_2010))
    try:
        intake(old, "Trần Thị Bình")
        with read_session(old.engine) as s:
            row = s.exec(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()  # type: ignore[attr-defined]
        assert row is not None
        stamp = datetime.fromtimestamp(HLC.decode(row.hlc).ms / 1000, UTC)
        assert stamp == IN_2010  # not the machine's 2026
    finally:
        old.close()


def test_decide_and_server_time_follow_the_districts_clock(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from desk.district import tables
    from desk.district.app import create_app
    from desk.district.changes import changes_since, decide
    from desk.district.db import open_district
    from desk.district.offices import add_office
    from desk.district.tables import DossierState

    engine = open_district(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    add_office(engine, "000.00.00.H41", "UBND xã Minh Châu")
    with engine.begin() as c:
        c.execute(DossierState.__table__.insert().values(  # type: ignore[attr-defined]
            office_id="000.00.00.H41", code="X-1", status="RECEIVED", version=1,
            last_event="", updated=IN_2010))
    old = tables.set_clock(fixed_clock(IN_2010))
    try:
        decide(engine, "000.00.00.H41", "X-1", "refuse", reason="Không đủ điều kiện")
        change = changes_since(engine, "000.00.00.H41", "", 10)["changes"][-1]
        assert change["p"]["at"] == int(IN_2010.timestamp())
        reply = TestClient(create_app(engine)).get("/v1/offices/000.00.00.H41/changes")
        assert json.loads(reply.text)["server_time"] == int(IN_2010.timestamp() * 1000)
    finally:
        tables.set_clock(old)
        engine.dispose()


def test_print_lease_is_on_the_desks_clock(ctx: DeskContext) -> None:
    from desk.services.printing import spooler as printing
    from desk.services.printing import worker as print_worker
    from storage.engine import read_session
    from storage.tables import PrintJob

    job = printing.submit(ctx, b"\x1b@hello\n", printer="receipt", kind="receipt", ref="R")
    worker = print_worker.PrintWorker(ctx, "receipt")
    assert worker._claim(job)  # what a worker writes when it takes the job
    with read_session(ctx.engine) as s:
        row = s.get(PrintJob, job)
        assert row is not None and row.next_attempt_at is not None
        lease = row.next_attempt_at - ctx.now()
    assert timedelta(0) < lease < timedelta(minutes=5)  # not 10 days off the pinned clock


def test_id_check_bounds_the_birth_year_by_the_desks_date(run_desk) -> None:  # type: ignore[no-untyped-def]
    born_2026 = "040226000123"  # century digit 2: a boy born in 2026
    early = run_desk("validate", "id", born_2026, env={"DESK_NOW": "2025-06-01 09:00"})
    assert early.returncode == 1 and "2026" in early.stderr
    later = run_desk("validate", "id", born_2026, env={"DESK_NOW": "2026-11-23 09:00"})
    assert later.returncode == 0, later.stderr


def test_run_desk_pins_the_date(run_desk) -> None:  # type: ignore[no-untyped-def]
    out = run_desk("queue", "stats", "--json")  # "today" by the desk's clock
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["day"] == "2026-11-23"


def test_the_real_clock_is_read_only_in_the_clock_module() -> None:
    """ruff's TID251 (pyproject.toml) bans datetime.now, date.today and time.time elsewhere:
    a new call anywhere fails here and in `ruff check`."""
    probe = REPO / "desk" / "services" / "_clock_probe_tmp.py"
    probe.write_text("from datetime import date\n\nTODAY = date.today()\n", encoding="utf-8")
    try:
        out = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "TID251",
                              "--no-cache", str(probe)], capture_output=True, text=True,
                             cwd=REPO, timeout=60)
    finally:
        probe.unlink()
    assert out.returncode == 1 and "TID251" in out.stdout, out.stdout + out.stderr
    whole = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "TID251",
                            "--no-cache", "."], capture_output=True, text=True, cwd=REPO,
                           timeout=120)
    assert whole.returncode == 0, whole.stdout
