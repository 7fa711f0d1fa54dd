"""Issue 15 §4: intake's returning-citizen lookup checks `citizen.lookup` and is audited."""

from __future__ import annotations

import pytest

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.citizens import lookup
from desk.services.trust import audit
from desk.services.trust.actor import Actor
from tests.trust.conftest import CLERK1, take_in


def test_lookup_is_checked_and_audited(demo_ctx: DeskContext) -> None:
    take_in(demo_ctx)  # Nguyễn Văn Hiệp, 040095000123
    found = lookup(demo_ctx, "040095000123", CLERK1)
    assert [c["name"] for c in found] == ["Nguyễn Văn Hiệp"]
    views = [e for e in audit.entries(demo_ctx, citizen="040095000123", action="view")
             if e["detail"].get("fields") == ["lookup"]]
    assert [e["actor_name"] for e in views] == [CLERK1.name]
    with pytest.raises(DomainError):
        lookup(demo_ctx, "040095000123", Actor(id=None, name="Khách", role="guest"))
