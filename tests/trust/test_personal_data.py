"""A citizen's data export (supervisors, audited) and the retention purge."""

from __future__ import annotations

from datetime import date

import pytest

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.lifecycle import act
from desk.services.trust import audit
from desk.services.trust.personal_data import export_citizen, purge, purge_candidates
from tests.trust.conftest import ADMIN, CLERK1, SUPERVISOR, take_in


def test_export_holds_the_citizen_their_dossiers_and_events(demo_ctx: DeskContext) -> None:
    code = take_in(demo_ctx)["code"]
    take_in(demo_ctx, name="Người Khác", id_number=None, phone="0987654321")
    data = export_citizen(demo_ctx, "040095000123", SUPERVISOR)
    assert data["citizen"]["name"] == "Nguyễn Văn Hiệp"
    assert [d["code"] for d in data["dossiers"]] == [code]
    assert [e["kind"] for e in data["events"]] == ["receive"]
    entry = audit.entries(demo_ctx, action="export")[0]
    assert entry["actor_name"] == SUPERVISOR.name
    assert entry["citizen_id"] == data["citizen"]["id"].replace("-", "")
    by_id = export_citizen(demo_ctx, data["citizen"]["id"], ADMIN)
    assert by_id["citizen"] == data["citizen"]
    with pytest.raises(DomainError):
        export_citizen(demo_ctx, "040095000123", CLERK1)
    with pytest.raises(DomainError) as e:
        export_citizen(demo_ctx, "khong-co", ADMIN)
    assert e.value.key == "citizen.not_found"


def test_purge_clears_contact_details_of_closed_old_dossiers(demo_ctx: DeskContext) -> None:
    code = take_in(demo_ctx)["code"]
    open_one = take_in(demo_ctx, name="Đang Chờ", id_number="001099012345", phone=None)
    assert open_one["status"] == "RECEIVED"
    act(demo_ctx, code, "withdraw", SUPERVISOR, reason="Công dân rút hồ sơ")
    assert purge_candidates(demo_ctx, date(2026, 1, 1)) == []  # closed after that date
    found = purge(demo_ctx, date(2030, 1, 1), ADMIN, dry_run=True)
    assert [c["name"] for c in found] == ["Nguyễn V. H."]
    assert export_citizen(demo_ctx, "040095000123", ADMIN)["citizen"]["phone"] == "0912345678"
    purge(demo_ctx, date(2030, 1, 1), ADMIN, dry_run=False)
    with pytest.raises(DomainError):  # the ID number is gone
        export_citizen(demo_ctx, "040095000123", ADMIN)
    assert audit.entries(demo_ctx, action="purge")
    assert audit.verify(demo_ctx.engine).ok
    with pytest.raises(DomainError):
        purge(demo_ctx, date(2030, 1, 1), SUPERVISOR)
