"""The supervisor's dashboard shows what the province is scored on this month (issue 16 §6):
the official template's columns (received online / direct and postal / carried over, resolved
early / on time / late, in progress within time / overdue) and the Decision 766 indicators —
the same figures as `desk report --format json` for the month so far."""

from __future__ import annotations

import json
from datetime import date

from textual.widgets import Static

from desk.app import DeskApp
from desk.i18n.numbers import integer, percent
from desk.services.context import DeskContext
from desk.services.demo_dossiers import seed_demo_dossiers
from desk.services.dossier import fees
from desk.services.reports.exports.textual_formats import report_json
from desk.services.reports.period import period_report
from desk.services.trust.auth import login
from screens.dashboard import DashboardScreen
from tests.rules.test_online_only import _catalog, _take
from tests.screens.conftest import settle, wait_until


async def test_dashboard_shows_the_template_columns_and_the_766_indicators(
        demo_ctx: DeskContext) -> None:
    seed_demo_dossiers(demo_ctx)
    _catalog(demo_ctx)
    _take(demo_ctx, "1.004194", "G22.99.1-261123-0042")  # an assisted online submission
    direct = _take(demo_ctx, "1.004873")["code"]
    sup = login(demo_ctx, "Trần Văn Minh", "2345")
    fees.pay(demo_ctx, direct, sup, amount=15000, method="online")
    data = json.loads(report_json(period_report(demo_ctx, date(2026, 11, 1),
                                                date(2026, 11, 23), actor=sup)))
    total = data["template"]["rows"][-1]
    assert total["received"]["online"] >= 1 and total["resolved"]["total"] > 0  # not all zero
    assert data["assisted_online"] == 1
    app = DeskApp(demo_ctx, background=False)
    app.actor = sup
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                         and app.screen.official is not None, timeout=60)

        def tile(key: str) -> list[str]:
            return str(app.screen.query_one(f"#dash-{key}", Static).render()).split("\n")

        title = str(app.screen.query_one("#dash-official", Static).render())
        assert "11/2026" in title and "II.06a" in title and "766" in title
        r, s, p = total["received"], total["resolved"], total["in_progress"]
        assert tile("t-received") == [
            f"Tiếp nhận: {integer(r['total'])}", f"trực tuyến: {integer(r['online'])}",
            f"(hỗ trợ tại quầy: {integer(data['assisted_online'])})",
            f"trực tiếp, bưu chính: {integer(r['direct_postal'])}",
            f"kỳ trước chuyển qua: {integer(r['carried_over'])}"]
        assert tile("t-resolved") == [
            f"Đã giải quyết: {integer(s['total'])}", f"trước hạn: {integer(s['early'])}",
            f"đúng hạn: {integer(s['on_time'])}", f"quá hạn: {integer(s['late'])}"]
        assert tile("t-in_progress") == [
            f"Đang giải quyết: {integer(p['total'])}",
            f"trong hạn: {integer(p['within_time'])}", f"quá hạn: {integer(p['overdue'])}"]
        labels = {"on_time": "Đúng hạn", "online": "Nộp trực tuyến", "digitised": "Số hóa hồ sơ",
                  "online_fees": "Phí trả trực tuyến", "satisfaction": "Hài lòng"}
        for ind in data["indicators_766"]:
            value = "—" if ind["value"] is None else percent(ind["value"])
            assert tile(f"i-{ind['key']}") == [
                labels[ind["key"]], value,
                f"{integer(ind['numerator'])}/{integer(ind['denominator'])}"], ind["key"]
