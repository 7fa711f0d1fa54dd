"""Shared helpers of the trust tests (roles, audit, personal data, backups, crash safety)."""

from __future__ import annotations

from typing import Any

from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.trust.actor import Actor

PROC = "1.004873"  # 3 working days, in the demo catalog
CLERK1 = Actor(id=None, name="Nguyễn Thị Lan", role="clerk", counter=1)
CLERK2 = Actor(id=None, name="Lê Văn Tâm", role="clerk", counter=2)
SUPERVISOR = Actor(id=None, name="Trần Văn Minh", role="supervisor")
ADMIN = Actor(id=None, name="Phạm Quản Trị", role="admin")


def take_in(ctx: DeskContext, actor: Actor = CLERK1, name: str = "Nguyễn Văn Hiệp",
            id_number: str | None = "040095000123", phone: str | None = "0912345678",
            **kw: Any) -> dict[str, Any]:
    applicant = ApplicantIn(name=name, id_number=id_number, phone=phone)
    return receive(ctx, IntakeIn(procedure_code=PROC, applicant=applicant, **kw), actor,
                   print_receipt=False)
