"""The declared shape of `desk report --format json` (a contract administrators script;
tests/contracts checks the printed JSON against it). Rates are fractions in [0, 1]; None is
"n/a" (a zero denominator)."""

from __future__ import annotations

from typing import TypedDict


class OfficeRef(TypedDict):
    name: str
    id: str


# "from" is a Python keyword: the functional form
PeriodOut = TypedDict("PeriodOut", {"from": str, "to": str})  # YYYY-MM-DD, both included


class FiguresOut(TypedDict):
    """The columns (`columns`: exports.table.VALUE_KEYS), then the derived figures."""

    received: int
    carried_over: int
    new_direct: int
    new_online: int
    new_postal: int
    resolved: int
    early: int
    on_time: int
    late: int
    on_time_rate: float | None
    in_progress: int
    open_not_due: int
    open_overdue: int
    paused: int
    refused: int
    withdrawn: int
    stopped: int
    apologies: int
    returned: int
    returned_postal: int
    new: int
    online_share: float | None
    postal_return_share: float | None
    balanced: bool  # every dossier received is accounted for once at the end


class FieldFigures(FiguresOut):
    code: str
    name: str


class ProcedureFigures(FieldFigures):
    field: str  # its field's code


class RatesOut(TypedDict):
    on_time: float | None
    on_time_goal: float
    online: float | None
    postal_returns: float | None
    digitised: float | None
    satisfaction: float | None


class DayFigures(TypedDict):
    day: str
    received: int
    resolved: int


class SatisfactionOut(TypedDict):
    key: str  # the counter's number or the clerk's id; "" for all, or unknown
    label: str
    total: int
    rat_hai_long: int
    hai_long: int
    khong_hai_long: int
    rate: float | None


class SatisfactionsOut(TypedDict):
    total: SatisfactionOut
    by_counter: list[SatisfactionOut]
    by_clerk: list[SatisfactionOut]


class ScoreOut(TypedDict):
    """Circular 01/2018's nine indicators (0..2 points each, None: no data)."""

    indicators: dict[str, float | None]  # "1".."9" → points
    points: float | None
    max_points: float
    complete: bool
    estimate_18: float | None
    band: str | None


class ReceivedCols(TypedDict):
    total: int
    online: int
    direct_postal: int
    carried_over: int


class ResolvedCols(TypedDict):
    total: int
    early: int
    on_time: int
    late: int


class InProgressCols(TypedDict):
    total: int
    within_time: int
    overdue: int


class TemplateRow(TypedDict):
    """A row of the official template (II.06a): a field's name, or "total"."""

    name: str
    received: ReceivedCols
    resolved: ResolvedCols
    in_progress: InProgressCols


class TemplateOut(TypedDict):
    id: str
    rows: list[TemplateRow]


class IndicatorOut(TypedDict):
    """A Decision 766 indicator: numerator / denominator."""

    key: str  # on_time | online | digitised | online_fees | satisfaction
    value: float | None
    numerator: int
    denominator: int


class OfficialOut(TypedDict):
    """What the province is scored on (reports.indicators.official)."""

    template: TemplateOut
    indicators_766: list[IndicatorOut]
    assisted_online: int


class ReportOut(OfficialOut):
    """`desk report --from D --to D --format json`."""

    office: OfficeRef
    period: PeriodOut
    generated_at: str  # ISO, seconds
    columns: list[str]
    fields: list[FieldFigures]
    procedures: list[ProcedureFigures]
    total: FiguresOut
    rates: RatesOut
    days: list[DayFigures]
    satisfaction: SatisfactionsOut
    score: ScoreOut
