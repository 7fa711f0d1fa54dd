"""A clerk's PIN checked ahead in a thread (desk/services/trust/pin_ahead.py, issue 19 §1):
login keeps its order and its verdicts — a wrong PIN is refused, counted and audited, a
locked clerk stays locked — and a verdict is never used for another PIN or hash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.trust import audit, pin_ahead
from desk.services.trust.auth import login
from desk.services.trust.clerks import hash_pin
from storage.engine import read_session
from storage.tables import Clerk

SUPERVISOR, SUP_PIN = "Trần Văn Minh", "2345"


def _clerk(ctx: DeskContext) -> Clerk:
    with read_session(ctx.engine) as s:
        clerk = s.exec(select(Clerk).where(Clerk.name == SUPERVISOR)).one()
        s.expunge(clerk)
        return clerk


def _last_action(ctx: DeskContext) -> str:
    with sqlite3.connect(ctx.settings.database_path) as conn:
        return str(conn.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")
                   .fetchone()[0])


def test_a_verdict_is_used_for_its_own_pin_and_hash_only() -> None:
    digest = hash_pin("2345")
    pin_ahead.start("9999", digest)  # a wrong PIN checked ahead
    assert pin_ahead.check_pin("2345", digest) is True  # another PIN: checked now
    assert pin_ahead.check_pin("9999", digest) is False  # the verdict started ahead
    pin_ahead.start("2345", digest)
    assert pin_ahead.check_pin("2345", hash_pin("2345")) is True  # another hash (salt)
    assert pin_ahead.check_pin("2345", digest) is True
    assert pin_ahead.check_pin("2345", "not a bcrypt hash") is False


def test_start_for_reads_the_named_clerks_hash(demo_ctx: DeskContext) -> None:
    db = demo_ctx.settings.database_path
    assert pin_ahead.start_for(db, "  Trần   Văn Minh ", SUP_PIN) is True  # login's spelling
    assert pin_ahead.check_pin(SUP_PIN, _clerk(demo_ctx).pin_hash) is True
    assert pin_ahead.start_for(db, "Không Có Ai", SUP_PIN) is False
    assert pin_ahead.start_for(Path(db).with_name("missing.sqlite3"), SUPERVISOR,
                               SUP_PIN) is False


def test_a_wrong_pin_checked_ahead_is_refused_counted_and_audited(demo_ctx: DeskContext
                                                                  ) -> None:
    db = demo_ctx.settings.database_path
    assert pin_ahead.start_for(db, SUPERVISOR, "9999")
    with pytest.raises(DomainError) as refused:
        login(demo_ctx, SUPERVISOR, "9999", need_counter=False)
    assert refused.value.key == "auth.bad_pin" and refused.value.params["left"] == 2
    assert _clerk(demo_ctx).failed_attempts == 1
    assert _last_action(demo_ctx) == audit.LOGIN_FAILED
    assert pin_ahead.start_for(db, SUPERVISOR, SUP_PIN)
    assert login(demo_ctx, SUPERVISOR, SUP_PIN, need_counter=False).name == SUPERVISOR
    assert _clerk(demo_ctx).failed_attempts == 0
    assert _last_action(demo_ctx) == audit.LOGIN


def test_a_locked_clerk_stays_locked_with_the_right_pin_checked_ahead(demo_ctx: DeskContext
                                                                       ) -> None:
    for _ in range(3):
        with pytest.raises(DomainError):
            login(demo_ctx, SUPERVISOR, "9999", need_counter=False)
    assert pin_ahead.start_for(demo_ctx.settings.database_path, SUPERVISOR, SUP_PIN)
    with pytest.raises(DomainError) as refused:
        login(demo_ctx, SUPERVISOR, SUP_PIN, need_counter=False)
    assert refused.value.key == "auth.locked"
    assert _clerk(demo_ctx).locked_until is not None
