"""Roles: the permission table, refusals in Vietnamese, every refusal audited."""

from __future__ import annotations

import pytest

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.services.context import DeskContext
from desk.services.deadlines.apology import check_can_issue
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM
from desk.services.trust.roles import (
    ADMIN_PERMISSIONS,
    CLERK_PERMISSIONS,
    PERMISSIONS,
    SUPERVISOR_PERMISSIONS,
    allowed,
    lowest_role,
    require,
)
from tests.trust.conftest import ADMIN, CLERK1, CLERK2, SUPERVISOR, take_in


def test_each_role_has_everything_of_the_one_before() -> None:
    assert CLERK_PERMISSIONS < SUPERVISOR_PERMISSIONS < ADMIN_PERMISSIONS
    assert lowest_role("dossier.intake") == "clerk"
    assert lowest_role("apology.issue") == "supervisor"
    assert lowest_role("backup.restore") == "admin"
    for perm in ADMIN_PERMISSIONS:
        assert allowed(SYSTEM, perm)
        assert allowed(ADMIN, perm)
    assert set(PERMISSIONS) == {"clerk", "supervisor", "admin"}


@pytest.mark.parametrize("perm", ["apology.issue", "report.view", "citizen.export",
                                  "dossier.correct", "report.export"])
def test_a_clerk_cannot_do_supervisor_work(demo_ctx: DeskContext, perm: str) -> None:
    with pytest.raises(DomainError) as info:
        require(demo_ctx, CLERK1, perm)
    assert info.value.key == "role.denied"
    text = render_error(info.value)
    assert "Nguyễn Thị Lan" in text and "không có quyền" in text and "lãnh đạo" in text
    require(demo_ctx, SUPERVISOR, perm)  # allowed: no exception


@pytest.mark.parametrize("perm", ["clerk.manage", "settings.change", "backup.create",
                                  "backup.restore", "audit.verify"])
def test_only_an_admin_does_admin_work(demo_ctx: DeskContext, perm: str) -> None:
    for actor in (CLERK1, SUPERVISOR):
        with pytest.raises(DomainError):
            require(demo_ctx, actor, perm)
    require(demo_ctx, ADMIN, perm)


def test_every_refusal_is_written_to_the_audit_trail(demo_ctx: DeskContext) -> None:
    with pytest.raises(DomainError):
        require(demo_ctx, CLERK1, "backup.restore")
    rows = audit.entries(demo_ctx, action="denied")
    assert len(rows) == 1
    assert rows[0]["actor_name"] == "Nguyễn Thị Lan"
    assert rows[0]["detail"]["permission"] == "backup.restore"
    assert audit.verify(demo_ctx.engine).ok


def test_english_refusal(demo_ctx: DeskContext) -> None:
    from desk.i18n import set_language

    set_language("en")  # an office configured in English (the conftest sets "vi" back)
    with pytest.raises(DomainError) as info:
        require(demo_ctx, CLERK1, "apology.issue")
    text = render_error(info.value)
    assert "may not sign apology letters" in text and "supervisor" in text


def test_a_clerk_acts_only_on_their_own_counters_dossiers(demo_ctx: DeskContext) -> None:
    code = take_in(demo_ctx, CLERK1)["code"]
    with pytest.raises(DomainError) as info:
        act(demo_ctx, code, "transfer", CLERK2, agency="Phòng Tư pháp")
    assert info.value.key == "role.other_counter"
    assert "quầy 1" in render_error(info.value)
    act(demo_ctx, code, "transfer", CLERK1, agency="Phòng Tư pháp")
    act(demo_ctx, code, "start_processing", SUPERVISOR)  # a supervisor acts on any counter's
    assert [r["detail"]["reason"] for r in audit.entries(demo_ctx, action="denied")] == [
        "counter"]


def test_the_intake_of_an_unknown_role_is_refused(demo_ctx: DeskContext) -> None:
    from desk.services.trust.actor import Actor

    with pytest.raises(DomainError) as info:
        take_in(demo_ctx, Actor(id=None, name="Khách", role="guest"))
    assert info.value.key == "role.denied"
    assert "(guest)" in render_error(info.value)  # a role the desk does not name, as written


def test_show_audits_the_view_of_a_citizens_record(demo_ctx: DeskContext) -> None:
    code = take_in(demo_ctx, CLERK1)["code"]
    show(demo_ctx, code, CLERK2)  # any clerk may look a dossier up; it is recorded
    views = audit.entries(demo_ctx, action="view")
    assert len(views) == 1
    assert views[0]["actor_name"] == CLERK2.name and views[0]["target_id"] == code
    assert views[0]["citizen_id"]
    assert audit.entries(demo_ctx, citizen="040095000123")[0]["seq"] == views[0]["seq"]


def test_adding_a_clerk_needs_an_admin_and_is_audited(demo_ctx: DeskContext) -> None:
    from desk.services.trust.clerks import add_clerk

    with pytest.raises(DomainError):
        add_clerk(demo_ctx, "Hoàng Thị Mai", "clerk", "1234", counter=2, actor=SUPERVISOR)
    add_clerk(demo_ctx, "Hoàng Thị Mai", "clerk", "1234", counter=2, actor=ADMIN)
    changes = audit.entries(demo_ctx, action="change")
    assert changes[0]["detail"]["added"]["name"] == "Hoàng Thị Mai"
    assert "pin" not in str(changes[0]["detail"]).lower()


@pytest.mark.parametrize("perm", ["apology.issue", "report.view"])
def test_a_refusal_names_the_clerks_role_as_the_login_does(demo_ctx: DeskContext,
                                                           perm: str) -> None:
    """The login lists Lan as 'cán bộ một cửa'; a refusal said she works as 'cán bộ tiếp
    nhận', a role the clerk never saw."""
    with pytest.raises(DomainError) as info:
        require(demo_ctx, CLERK1, perm)
    assert t("role.clerk") in render_error(info.value)
    with pytest.raises(DomainError) as apology:
        check_can_issue(CLERK1)
    assert t("role.clerk") in render_error(apology.value)
    assert "tiếp nhận với vai trò" not in render_error(apology.value)
