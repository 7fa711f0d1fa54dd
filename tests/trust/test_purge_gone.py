"""Issue 15 §5: a purged citizen is found by nothing — not by ID number or phone in the search
index, not by full name in dossier.applicant_name — while the dossier itself stays."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.lifecycle import act
from desk.services.dossier.search import search
from desk.services.trust.personal_data import purge
from tests.trust.conftest import ADMIN, SUPERVISOR, take_in


def test_purge_removes_id_phone_and_name_from_search_and_dossiers(demo_ctx: DeskContext) -> None:
    code = take_in(demo_ctx)["code"]  # Nguyễn Văn Hiệp, 040095000123, 0912345678
    act(demo_ctx, code, "withdraw", SUPERVISOR, reason="Công dân rút hồ sơ")
    for query in ("040095000123", "0912345678", "Nguyễn Văn Hiệp"):
        assert [d["code"] for d in search(demo_ctx, query)] == [code], query
    purge(demo_ctx, date(2030, 1, 1), ADMIN, dry_run=False)
    for query in ("040095000123", "0912345678", "Nguyễn Văn Hiệp", "Hiệp", "hiep"):
        assert search(demo_ctx, query) == [], query
    assert [d["code"] for d in search(demo_ctx, code)] == [code]  # the dossier stays
    with demo_ctx.engine.connect() as c:
        names = c.execute(text("SELECT applicant_name, name_folded FROM dossier "
                               "WHERE code = :c"), {"c": code}).one()
        terms = c.execute(text("SELECT terms FROM dossier_fts")).scalars().all()
    assert "Hiệp" not in names[0] and "hiep" not in names[1]
    assert not any("040095000123" in t or "0912345678" in t for t in terms)


def test_bidi_controls_are_stripped_and_lengths_limited(demo_ctx: DeskContext) -> None:
    from desk.services.trust.clerks import add_clerk

    shown = take_in(demo_ctx, name="Lê \u202eVăn\u202c Tám\u2066", id_number=None,
                    phone=None)
    assert shown["applicant"]["name"] == "Lê Văn Tám"
    try:  # a 10,000-character name is refused (or, at least, never stored whole)
        long_one = take_in(demo_ctx, name="A" * 10_000, id_number=None, phone=None)
        assert len(long_one["applicant"]["name"]) <= 200
    except DomainError as e:
        assert e.key == "intake.name_too_long"
    with pytest.raises(DomainError) as e:
        add_clerk(demo_ctx, "B" * 500, "clerk", "1234", actor=ADMIN)
    assert e.value.key == "clerk.name_too_long"
    assert add_clerk(demo_ctx, "Trần \u202eThị\u202c Bé", "clerk", "1234",
                     actor=ADMIN)["name"] == "Trần Thị Bé"
