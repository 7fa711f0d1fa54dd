"""Hypothesis state machine over the sync (sync.md §4.7): commune intake and actions, district
decisions, push, pull, the link cut and healed in any order. After a final heal + sync:
every desk event exactly once on the server, every district change exactly once on the desk,
the same dossier states on both sides (the harness checker)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from desk.district.changes import decide, state_of
from desk.domain.errors import DomainError
from desk.services.lifecycle import act
from desk.sync.client import SyncReport
from desk.sync.transport import SyncError
from tests.sync.harness import OFFICE, check, client, desk_ctx, intake, start_district
from tests.sync.proxy import FaultProxy

COMMUNE = ("transfer", "request_supplement", "supplement_received", "return_result",
           "withdraw")
DISTRICT = ("start_processing", "result_ready", "request_supplement", "supplement_received",
            "refuse")
FAULTS = ("blackhole", "refuse", "reset_after", "cut_reply", "captive")


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="desk-stateful-"))
        self.district: Any = None
        self.proxy: FaultProxy | None = None
        self.office: Any = None
        self.client: Any = None
        self.codes: list[str] = []

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
    @rule(i=st.integers(0, 50), action=st.sampled_from(DISTRICT))
    def district_decides(self, i: int, action: str) -> None:
        known = sorted(state_of(self.district.engine, OFFICE))
        if not known:
            return
        with contextlib.suppress(DomainError):
            decide(self.district.engine, OFFICE, known[i % len(known)], action,
                   reason="thử nghiệm", actor="Phòng Tư pháp")

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
                self.client.run(until_idle=True, max_seconds=30)
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
    max_examples=15, stateful_step_count=20, deadline=None, database=None,
    suppress_health_check=list(HealthCheck))
test_sync_state_machine = SyncMachine.TestCase
