"""The periodic report in the official template (II.06a columns) and the Decision 766 service
indicators, computed from the desk's own data (issue 16 §6; definitions in docs/rules.md).

Template columns, per field and in total:
* received: online (incl. assisted online submissions) / direct and postal / carried over;
* resolved: early / on time / late;
* in progress at the end: within time (not yet due, or paused for a supplement: the clock is
  stopped) / overdue.

Decision 766 indicators (each a share in [0, 1], None when its denominator is 0):
* on_time: resolved early or on time / resolved;
* online: new dossiers received online (portal or assisted at the counter) / new dossiers;
* digitised: new dossiers with at least one digitised document attached / new dossiers;
* online_fees: fees paid online / fees paid, in the period;
* satisfaction: "rất hài lòng" + "hài lòng" / ratings.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import col

from desk.domain.statistics import Figures, rate
from desk.services.context import DeskContext
from desk.services.reports.shapes import IndicatorOut, OfficialOut, TemplateRow
from storage.engine import read_session
from storage.tables import Dossier, DossierEvent

if TYPE_CHECKING:  # period.py imports this module for extra_counts
    from desk.services.reports.period import PeriodReport

__all__ = ["ASSISTED", "INDICATORS", "extra_counts", "indicators", "official", "template_row"]

INDICATORS = ("on_time", "online", "digitised", "online_fees", "satisfaction")

ASSISTED = "online_assisted"  # channel of an assisted online submission (issue 16 §4)


def template_row(name: str, f: Figures) -> TemplateRow:
    within = f.open_not_due + f.paused
    return {
        "name": name,
        "received": {"total": f.received, "online": f.new_online,
                     "direct_postal": f.new_direct + f.new_postal,
                     "carried_over": f.carried_over},
        "resolved": {"total": f.resolved, "early": f.early, "on_time": f.on_time,
                     "late": f.late},
        "in_progress": {"total": within + f.open_overdue, "within_time": within,
                        "overdue": f.open_overdue},
    }


def extra_counts(ctx: DeskContext, start: datetime, end: datetime) -> dict[str, int]:
    """What the period report does not count: assisted submissions, digitised new dossiers,
    fees paid (and paid online) in [start, end)."""
    D, E = Dossier, DossierEvent
    new = (col(D.received_at) >= start) & (col(D.received_at) < end)
    with read_session(ctx.engine) as s:
        assisted = s.execute(select(func.count()).select_from(D).where(
            new, col(D.channel) == ASSISTED)).scalar_one()
        digitised = s.execute(select(func.count(func.distinct(E.dossier_id))).join(
            D, col(D.id) == E.dossier_id).where(new, col(E.kind) == "attachment_added",
                                                col(E.at) < end)).scalar_one()
        fees = list(s.execute(select(col(E.payload)).where(
            col(E.kind) == "fee_paid", col(E.at) >= start, col(E.at) < end)).scalars())
    online = sum(1 for p in fees if isinstance(p, dict) and p.get("method") == "online")
    return {"assisted_online": int(assisted), "digitised": int(digitised),
            "fees_paid": len(fees), "fees_paid_online": online}


def indicators(total: Figures, extra: dict[str, int], satisfied: int,
               ratings: int) -> list[IndicatorOut]:
    """The Decision 766 indicators, each with its numerator and denominator."""
    items = [  # in the order of INDICATORS
        ("on_time", total.early + total.on_time, total.resolved),
        ("online", total.new_online, total.new),
        ("digitised", extra.get("digitised", 0), total.new),
        ("online_fees", extra.get("fees_paid_online", 0), extra.get("fees_paid", 0)),
        ("satisfaction", satisfied, ratings),
    ]
    return [{"key": k, "value": rate(n, d), "numerator": n, "denominator": d}
            for k, n, d in items]


def official(report: PeriodReport) -> OfficialOut:
    """What the province is scored on, for one report: the template's rows (per field and the
    total), the Decision 766 indicators and the assisted submissions. One function for
    `desk report --format json` and the dashboard, so they always agree."""
    return {
        "template": {"id": report.template,
                     "rows": [*(template_row(g.name, g.figures) for g in report.fields),
                              template_row("total", report.total)]},
        "indicators_766": indicators(
            report.total, report.extra,
            report.satisfaction.very + report.satisfaction.satisfied,
            report.satisfaction.total),
        "assisted_online": report.extra.get("assisted_online", 0),
    }
