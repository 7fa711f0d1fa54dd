"""The audit trail: append-only, hash-chained; an edited, deleted or inserted row is found."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from desk.services.context import DeskContext
from desk.services.trust import audit
from storage.engine import write_session
from tests.trust.conftest import ADMIN, CLERK1


def _fill(ctx: DeskContext, n: int = 6) -> None:
    for i in range(n):
        audit.log(ctx, CLERK1 if i % 2 else ADMIN, audit.VIEW, target_type="dossier",
                  target_id=f"D{i}", citizen_id=f"c{i % 3}", detail={"i": i, "ghi chú": "ổn"})


def test_entries_chain_and_verify(ctx: DeskContext) -> None:
    assert audit.verify(ctx.engine).ok  # empty trail
    _fill(ctx)
    v = audit.verify(ctx.engine)
    assert v.ok and v.checked == 6 and v.last_seq == 6
    assert audit.head(ctx.engine) == (6, v.last_hash)


def test_the_trail_refuses_update_and_delete(ctx: DeskContext) -> None:
    _fill(ctx, 2)
    for sql in ("UPDATE audit_log SET actor_name='x'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError, match="append-only"), ctx.engine.begin() as c:
            c.execute(text(sql))


def _tamper(ctx: DeskContext, sql: str) -> None:
    with ctx.engine.begin() as c:
        c.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        c.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        c.execute(text(sql))


@pytest.mark.parametrize(("sql", "seq", "problem"), [
    ("UPDATE audit_log SET actor_name='Người khác' WHERE seq=3", 3, "hash"),
    ("UPDATE audit_log SET detail='{\"i\": 99}' WHERE seq=4", 4, "hash"),
    ("UPDATE audit_log SET at='2020-01-01 00:00:00.000000' WHERE seq=2", 2, "hash"),
    ("DELETE FROM audit_log WHERE seq=3", 4, "gap"),
    ("DELETE FROM audit_log WHERE seq=1", 2, "gap"),
    ("UPDATE audit_log SET seq=seq+100 WHERE seq>=3", 103, "gap"),
])
def test_tampering_is_found_at_the_first_broken_row(ctx: DeskContext, sql: str, seq: int,
                                                     problem: str) -> None:
    _fill(ctx)
    _tamper(ctx, sql)
    v = audit.verify(ctx.engine)
    assert not v.ok and v.broken_seq == seq and v.problem == problem


def test_a_deleted_row_with_renumbering_breaks_the_link(ctx: DeskContext) -> None:
    _fill(ctx)
    _tamper(ctx, "DELETE FROM audit_log WHERE seq=3")
    _tamper(ctx, "UPDATE audit_log SET seq=seq-1 WHERE seq>3")
    v = audit.verify(ctx.engine)
    assert not v.ok and v.broken_seq == 3 and v.problem == "prev_hash"


def test_removing_the_last_rows_is_caught_by_a_backup_anchor(ctx: DeskContext) -> None:
    _fill(ctx)
    anchor = audit.head(ctx.engine)
    assert audit.verify(ctx.engine, anchor=anchor).ok
    _tamper(ctx, "DELETE FROM audit_log WHERE seq>=5")
    assert audit.verify(ctx.engine).ok  # the chain alone cannot see a cut tail …
    v = audit.verify(ctx.engine, anchor=anchor)  # … the anchor can
    assert not v.ok and v.problem == "anchor"


def test_write_joins_the_callers_transaction(ctx: DeskContext) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), write_session(ctx.engine) as s:
        audit.write(s, ADMIN, audit.CHANGE, target_type="settings", detail={"x": 1})
        raise Boom
    assert audit.head(ctx.engine)[0] == 0  # rolled back with the change it described
    with write_session(ctx.engine) as s:
        audit.write(s, ADMIN, audit.CHANGE, target_type="settings", detail={"x": 1})
    assert audit.head(ctx.engine)[0] == 1


def test_list_filters_by_citizen_and_clerk(ctx: DeskContext) -> None:
    _fill(ctx)
    assert [r["seq"] for r in audit.entries(ctx, citizen="c1")] == [5, 2]
    assert {r["actor_name"] for r in audit.entries(ctx, clerk=CLERK1.name)} == {CLERK1.name}
    assert len(audit.entries(ctx, limit=2)) == 2


def test_personal_diff_masks_personal_fields() -> None:
    d = audit.personal_diff({"phone": "0912345678", "address": "Xóm 1", "sets": 1},
                            {"phone": "0987654321", "address": "Xóm 2", "sets": 2})
    assert d["changed"]["phone"] == {"before": "091****678", "after": "098****321"}
    assert d["changed"]["address"] == {"before": "***", "after": "***"}
    assert d["changed"]["sets"] == {"before": 1, "after": 2}
