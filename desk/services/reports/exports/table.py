"""The report as one table (columns, grouped headers, rows in print order, the total) and as a
plain dict — the single source every writer renders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Final

from desk.domain.statistics import Figures, Satisfaction
from desk.i18n import t
from desk.i18n.numbers import decimal, percent
from desk.services.reports.indicators import official
from desk.services.reports.shapes import FiguresOut, ReportOut, SatisfactionOut

if TYPE_CHECKING:
    from desk.services.reports.period import PeriodReport

GROUPS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("received", ("received", "carried_over", "new_direct", "new_online", "new_postal")),
    ("resolved", ("resolved", "early", "on_time", "late", "on_time_rate")),
    ("in_progress", ("in_progress", "open_not_due", "open_overdue", "paused")),
    ("other", ("refused", "withdrawn", "stopped", "apologies", "returned", "returned_postal")),
)
VALUE_KEYS: Final[tuple[str, ...]] = tuple(k for _, keys in GROUPS for k in keys)
RATE_KEYS: Final[frozenset[str]] = frozenset({"on_time_rate"})
GOAL: Final = 0.98


@dataclass(frozen=True)
class TableRow:
    level: str  # field | procedure | total
    code: str
    name: str
    values: dict[str, int | float | None]

    def cell(self, key: str) -> str:
        """The value as shown on screen and in the PDF."""
        v = self.values[key]
        if key in RATE_KEYS:
            return t("value.na") if v is None else percent(v)
        return str(v)


def values(fig: Figures) -> dict[str, int | float | None]:
    return {k: fig.value(k) for k in VALUE_KEYS}


def table_rows(report: PeriodReport) -> list[TableRow]:
    rows = [TableRow(g.level, g.code, g.name, values(g.figures)) for g in report.rows()]
    rows.append(TableRow("total", "", t("report.total"), values(report.total)))
    return rows


def column_label(key: str) -> str:
    return t(f"report.col.{key}")


def flat_label(key: str) -> str:
    """'Số hồ sơ đã giải quyết: Trước hạn' — a column's full name for one-line headers."""
    group = next(g for g, keys in GROUPS if key in keys)
    return f"{t('report.group.' + group)}: {column_label(key)}"


def vn_day(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def period_text(report: PeriodReport) -> str:
    return t("report.period", first=vn_day(report.first), last=vn_day(report.last))


def counter_label(s: Satisfaction) -> str:
    return t("report.sat.counter", n=s.key) if s.key else t("report.sat.unknown")


def clerk_label(s: Satisfaction) -> str:
    return s.label or t("report.sat.unknown")


def rates(report: PeriodReport) -> list[tuple[str, float | None]]:
    """(label, value) of the headline rates, in print order."""
    tot = report.total
    return [
        (t("report.rate.on_time"), tot.on_time_rate),
        (t("report.rate.online"), tot.online_share),
        (t("report.rate.postal"), tot.postal_return_share),
        (t("report.rate.digitised"), report.digitised),
        (t("report.rate.satisfaction"), report.satisfaction.rate),
    ]


def score_lines(report: PeriodReport) -> list[str]:
    sc = report.score
    if sc.points is None:
        return [t("report.score.none")]
    lines = [t("report.score.total", points=_num(sc.points), max=_num(sc.max_points),
               n=len(sc.available))]
    band = t(f"report.band.{sc.band}") if sc.band else t("report.na")
    lines.append(t("report.score.estimate", score=_num(sc.estimate), band=band)
                 + ("" if sc.complete else " " + t("report.score.estimate_note")))
    return lines


def _num(v: float | None) -> str:
    return t("value.na") if v is None else decimal(v)


def points_text(v: float | None) -> str:
    return t("report.na") if v is None else _num(v)


def satisfaction_dict(s: Satisfaction, label: str) -> SatisfactionOut:
    return {"key": s.key, "label": label, "total": s.total,
            "rat_hai_long": s.count("rat_hai_long"), "hai_long": s.count("hai_long"),
            "khong_hai_long": s.count("khong_hai_long"), "rate": s.rate}


def figures_dict(f: Figures) -> FiguresOut:
    """The columns in VALUE_KEYS order (tests/reports keep the two lists equal), then the
    derived figures."""
    return {"received": f.received, "carried_over": f.carried_over,
            "new_direct": f.new_direct, "new_online": f.new_online, "new_postal": f.new_postal,
            "resolved": f.resolved, "early": f.early, "on_time": f.on_time, "late": f.late,
            "on_time_rate": f.on_time_rate, "in_progress": f.in_progress,
            "open_not_due": f.open_not_due, "open_overdue": f.open_overdue, "paused": f.paused,
            "refused": f.refused, "withdrawn": f.withdrawn, "stopped": f.stopped,
            "apologies": f.apologies, "returned": f.returned,
            "returned_postal": f.returned_postal, "new": f.new,
            "online_share": f.online_share, "postal_return_share": f.postal_return_share,
            "balanced": f.balanced}


def as_dict(report: PeriodReport) -> ReportOut:
    """Everything of the report as JSON-able data (rates as fractions, None = n/a)."""
    fig = figures_dict
    sc = report.score
    return {
        "office": {"name": report.office_name, "id": report.office_id},
        "period": {"from": report.first.isoformat(), "to": report.last.isoformat()},
        "generated_at": report.generated_at.isoformat(timespec="seconds"),
        "columns": list(VALUE_KEYS),
        "fields": [{"code": g.code, "name": g.name, **fig(g.figures)} for g in report.fields],
        "procedures": [{"code": g.code, "name": g.name, "field": g.field_code, **fig(g.figures)}
                       for g in report.procedures],
        "total": fig(report.total),
        "rates": {"on_time": report.total.on_time_rate, "on_time_goal": GOAL,
                  "online": report.total.online_share,
                  "postal_returns": report.total.postal_return_share,
                  "digitised": report.digitised, "satisfaction": report.satisfaction.rate},
        "days": [{"day": p.day.isoformat(), "received": p.received, "resolved": p.resolved}
                 for p in report.days],
        "satisfaction": {
            "total": satisfaction_dict(report.satisfaction, ""),
            "by_counter": [satisfaction_dict(s, counter_label(s)) for s in report.by_counter],
            "by_clerk": [satisfaction_dict(s, clerk_label(s)) for s in report.by_clerk],
        },
        "score": {"indicators": {str(i.number): i.points for i in sc.indicators},
                  "points": sc.points, "max_points": sc.max_points, "complete": sc.complete,
                  "estimate_18": sc.estimate, "band": sc.band},
        # the official template's columns and the Decision 766 indicators (issue 16 §6)
        **official(report),
    }
