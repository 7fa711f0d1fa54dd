"""CSV, JSON and the plain-text table of the period report."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from typing import TYPE_CHECKING

from desk.i18n import t
from desk.i18n.numbers import percent
from desk.services.reports.exports.table import (
    GOAL,
    RATE_KEYS,
    VALUE_KEYS,
    as_dict,
    flat_label,
    period_text,
    rates,
    score_lines,
    table_rows,
)

if TYPE_CHECKING:
    from desk.services.reports.period import PeriodReport


def report_csv(report: PeriodReport) -> str:
    """One header line, then every field and procedure and the total. Counts are integers;
    the on-time rate is a fraction with 4 decimals (empty: n/a)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([t("report.col.level"), t("report.col.code"), t("report.col.name"),
                *(flat_label(k) for k in VALUE_KEYS)])
    for row in table_rows(report):
        cells: list[str] = [t(f"report.level.{row.level}"), row.code, row.name]
        for k in VALUE_KEYS:
            v = row.values[k]
            cells.append("" if v is None else f"{v:.4f}" if k in RATE_KEYS else str(v))
        w.writerow(cells)
    return out.getvalue()


def report_json(report: PeriodReport) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"


def report_text(report: PeriodReport) -> str:
    """A narrow text table for the terminal: totals per field and procedure."""
    keys = ("received", "carried_over", "resolved", "early", "on_time", "late", "on_time_rate",
            "in_progress", "open_overdue", "paused", "apologies")
    heads = [t(f"report.col.{k}") if k not in ("received", "resolved", "in_progress")
             else t(f"report.group.{k}") for k in keys]
    rows = table_rows(report)
    names = [("  " if r.level == "procedure" else "") + (f"{r.code} " if r.code else "")
             + r.name for r in rows]
    name_w = min(44, max(len(n) for n in [t("report.col.name"), *names]))
    w = 10
    wrapped = [textwrap.wrap(h, w)[:3] for h in heads]
    depth = max(len(x) for x in wrapped)
    lines = [t("report.title"), period_text(report), ""]
    for i in range(depth):
        first = t("report.col.name") if i == depth - 1 else ""
        lines.append(f"{first:<{name_w}} " + " ".join(
            f"{(x[i] if i < len(x) else ''):>{w}}" for x in wrapped))
    widths = [w] * len(keys)
    for row, name in zip(rows, names, strict=True):
        cells = " ".join(f"{row.cell(k):>{w}}" for k, w in zip(keys, widths, strict=True))
        lines.append(f"{name[:name_w]:<{name_w}} {cells}")
    lines.append("")
    for label, value in rates(report):
        extra = f"  ({t('report.rate.goal', goal=percent(GOAL, 0))})" \
            if label == t("report.rate.on_time") else ""
        lines.append(f"{label}: {percent(value) if value is not None else t('report.na')}"
                     f"{extra}")
    lines.extend(score_lines(report))
    return "\n".join(lines) + "\n"
