"""Hypothesis state machine over the sync (sync.md §4.7): commune intake and actions, district
decisions, push, pull, the link cut and healed, the desk "dying" at a named point of a sync
(in-process: an exception there, so the open transaction rolls back as a killed process's
would), a backup taken and restored later, in any order. After a final heal + sync:
every desk event exactly once on the server, every district change exactly once on the desk,
the same dossier states on both sides (the harness checker)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

import desk.sync.client as client_mod
from desk.district.changes import decide, state_of
from desk.domain.errors import DomainError
from desk.services.dossier.lifecycle import act
from desk.services.trust import backup
from desk.services.trust.actor import Actor
from desk.sync.client import SyncReport
from desk.sync.transport import SyncError
from tests.sync.harness import (
    DESK_NOW,
    OFFICE,
    check,
    client,
    desk_ctx,
    intake,
    start_district,
)
from tests.sync.proxy import FaultProxy

COMMUNE = ("transfer", "request_supplement", "supplement_received", "return_result",
           "withdraw")
DISTRICT = ("start_processing", "result_ready", "request_supplement", "supplement_received",
            "refuse")
FAULTS = ("blackhole", "refuse", "reset_after", "cut_reply", "captive")
CRASH_POINTS = ("push_after_send", "push_mid_mark", "pull_after_fetch", "pull_mid_apply",
                "recover_mid_apply")
ADMIN = Actor(id=None, name="Phạm Quản Trị", role="admin")


class Died(BaseException):
    """The desk process dying at a crash point (BaseException: nothing catches it but us)."""


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="desk-stateful-"))
        self.district: Any = None
        self.proxy: FaultProxy | None = None
        self.office: Any = None
        self.client: Any = None
        self.codes: list[str] = []
        self.backups: list[Path] = []

    @initialize()
    def setup(self) -> None:
        self.district = start_district(f"sqlite:///{self.tmp / 'district.sqlite3'}")
        self.proxy = FaultProxy(self.district.port).start()
        self.office = desk_ctx(self.tmp)
        self.client = client(self.office, self.proxy.url, self.district.token,
                             connect_timeout=0.5, read_timeout=0.5)

    # -- the commune ----------------------------------------------------------------------
    @rule()
    def create(self) -> None:
        self.codes += intake(self.office, 1)

    @rule(i=st.integers(0, 50), action=st.sampled_from(COMMUNE))
    def commune_act(self, i: int, action: str) -> None:
        if not self.codes:
            return
        code = self.codes[i % len(self.codes)]
        with contextlib.suppress(DomainError):  # not legal in the desk's current state
            act(self.office, code, action, reason="thử nghiệm")

    # -- the district ---------------------------------------------------------------------
    @rule(i=st.integers(0, 50), action=st.sampled_from(DISTRICT),
          minutes=st.integers(-3 * 24 * 60, 3 * 24 * 60))
    def district_decides(self, i: int, action: str, minutes: int) -> None:
        """A decision stamped by the district's clock: pinned, `minutes` from the desk's
        (before or after it, up to 3 days), never the real date: the explored order of events
        must not change with the calendar."""
        known = sorted(state_of(self.district.engine, OFFICE))
        if not known:
            return
        with contextlib.suppress(DomainError):
            decide(self.district.engine, OFFICE, known[i % len(known)], action,
                   reason="thử nghiệm", actor="Phòng Tư pháp",
                   at=DESK_NOW + timedelta(minutes=minutes))

    # -- the link -------------------------------------------------------------------------
    @rule()
    def push(self) -> None:
        with contextlib.suppress(SyncError):
            self.client.push(SyncReport())

    @rule()
    def pull(self) -> None:
        with contextlib.suppress(SyncError):
            self.client.pull(SyncReport())

    @rule(mode=st.sampled_from(FAULTS))
    def cut(self, mode: str) -> None:
        assert self.proxy is not None
        self.proxy.set(mode, reset_after=200)

    @rule()
    def heal(self) -> None:
        assert self.proxy is not None
        self.proxy.set("pass")

    # -- the desk dies, the office restores --------------------------------------------------
    @rule(point=st.sampled_from(CRASH_POINTS))
    def crash(self, point: str) -> None:
        def die(name: str) -> None:
            if name == point:
                raise Died(name)

        real = client_mod.crash_point
        client_mod.crash_point = die
        try:
            with contextlib.suppress(Died, SyncError):
                self.client.sync_once()
        finally:
            client_mod.crash_point = real

    @rule()
    def take_backup(self) -> None:
        if len(self.backups) < 3:
            self.backups.append(backup.create_backup(self.office, actor=ADMIN,
                                                     rotate_after=False).path)

    @rule(i=st.integers(0, 2))
    def restore_backup(self, i: int) -> None:
        if self.backups:
            backup.restore(self.office, self.backups[i % len(self.backups)], actor=ADMIN)

    # -- always ---------------------------------------------------------------------------
    @invariant()
    def no_duplicate_on_server(self) -> None:
        from sqlalchemy import text

        if self.district is None:
            return
        with self.district.engine.connect() as c:
            dup = c.execute(text("SELECT count(*) - count(DISTINCT event_id) FROM event")
                            ).scalar_one()
        assert dup == 0

    def teardown(self) -> None:
        try:
            if self.client is not None:
                assert self.proxy is not None
                self.proxy.set("pass")
                # The short timeouts make the cut link fail fast; the final heal must not time
                # out just because CI's two cores are busy.
                healed = client(self.office, self.proxy.url, self.district.token,
                                connect_timeout=10.0, read_timeout=60.0)
                try:
                    healed.run(until_idle=True, max_seconds=120)
                finally:
                    healed.close()
                check(self.office, self.district.engine)
        finally:
            if self.client is not None:
                self.client.close()
            if self.office is not None:
                self.office.close()
            if self.proxy is not None:
                self.proxy.stop()
            if self.district is not None:
                self.district.stop()
            shutil.rmtree(self.tmp, ignore_errors=True)


SyncMachine.TestCase.settings = settings(
    max_examples=12, stateful_step_count=20, deadline=None, database=None,
    suppress_health_check=list(HealthCheck))
test_sync_state_machine = SyncMachine.TestCase
