"""A clerk cannot see a report, issue an apology or export data — through the services the
screens call, and through every command (issue 9, "Done when")."""

from __future__ import annotations

from datetime import date

import pytest

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.trust.actor import Actor

CLERK = "Nguyễn Thị Lan"


def _clerk(ctx: DeskContext) -> Actor:
    from desk.services.trust.auth import login

    return login(ctx, CLERK, "1234")


def test_services_refuse_a_clerk(demo_ctx: DeskContext) -> None:
    from desk.services.deadlines.apology import issue
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn, receive
    from desk.services.reports.book import book_rows
    from desk.services.reports.period import period_report
    from desk.services.trust.personal_data import export_citizen

    clerk = _clerk(demo_ctx)
    code = receive(demo_ctx, IntakeIn("1.004873", ApplicantIn(
        name="Lê Văn Tám", id_number="040095000123")), clerk, print_receipt=False)["code"]
    refusals = [
        lambda: period_report(demo_ctx, date(2026, 11, 1), date(2026, 11, 30), actor=clerk),
        lambda: book_rows(demo_ctx, date(2026, 11, 1), date(2026, 11, 30), clerk),
        lambda: issue(demo_ctx, code, clerk, "Chờ xác minh", print_letter=False, notify=False),
        lambda: export_citizen(demo_ctx, "040095000123", clerk),
    ]
    for attempt in refusals:
        with pytest.raises(DomainError) as info:
            attempt()
        assert info.value.key in ("role.denied", "apology.role")


@pytest.mark.parametrize("args", [
    ("report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json"),
    ("report", "book", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx",
     "--out", "book.xlsx"),
    ("citizen", "export", "040095000123"),
])
def test_commands_refuse_a_clerk(run_desk, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Lê Văn Tám", "--id",
             "040095000123", "--no-print")
    refused = run_desk(*args, "--clerk", CLERK, env={"DESK_PIN": "1234"})
    assert refused.returncode == 1, refused.stdout
    assert "Traceback" not in refused.stderr and refused.stderr.strip()
    allowed = run_desk(*args, "--clerk", "Trần Văn Minh",  # the supervisor
                       env={"DESK_PIN": "2345"})
    assert allowed.returncode == 0, allowed.stderr


def test_apology_command_refuses_a_clerk(run_desk) -> None:  # type: ignore[no-untyped-def]
    run_desk("demo", "--no-tui", "--no-dossiers")
    code = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Lê Văn Tám",
                    "--no-print", "--received", "2026-11-02 09:00").stdout.split()[0]
    r = run_desk("apology", code, "--reason", "Chờ xác minh", "--clerk", CLERK, "--no-print",
                 "--no-sms", env={"DESK_PIN": "1234"})
    assert r.returncode == 1 and "Traceback" not in r.stderr
