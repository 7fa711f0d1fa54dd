"""The periodic report's template columns and the Decision 766 indicators (issue 16 §6), in
`desk report --format json`, computed from the desk's own data."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from desk.services.context import DeskContext
from desk.services.dossier import fees
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.reports.exports.textual_formats import report_json
from desk.services.reports.period import period_report
from tests.conftest import local
from tests.deadlines.conftest import PROC_3WD, SUPERVISOR


def test_report_json_has_the_template_columns_and_the_766_indicators(
        office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 11, 0)

    def take(portal: str = "") -> str:
        return receive(ctx, IntakeIn(procedure_code=PROC_3WD, portal_code=portal,
                                     received_at=local(2026, 11, 23, 8, 0),
                                     applicant=ApplicantIn(name="Lê Thị Mai")),
                       print_receipt=False)["code"]

    direct = take()
    take()
    take("G22.99.1-261123-0042")  # assisted online submission
    fees.pay(ctx, direct, SUPERVISOR, amount=15000, method="online")
    data = json.loads(report_json(period_report(ctx, date(2026, 11, 23), date(2026, 11, 23),
                                                actor=SUPERVISOR)))
    assert data["template"]["id"] == "II.06a"
    total = data["template"]["rows"][-1]
    assert total["name"] == "total"
    assert total["received"] == {"total": 3, "online": 1, "direct_postal": 2, "carried_over": 0}
    assert total["resolved"] == {"total": 0, "early": 0, "on_time": 0, "late": 0}
    assert total["in_progress"] == {"total": 3, "within_time": 3, "overdue": 0}
    got = {i["key"]: i for i in data["indicators_766"]}
    assert list(got) == ["on_time", "online", "digitised", "online_fees", "satisfaction"]
    assert got["online"]["numerator"] == 1 and got["online"]["denominator"] == 3
    assert got["online_fees"]["value"] == 1.0
    assert got["digitised"]["value"] == 0.0 and got["on_time"]["value"] is None
    assert data["assisted_online"] == 1
