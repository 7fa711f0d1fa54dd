"""A small office history crossing the borders of the period 02/11/2026 – 13/11/2026 (Mon–Fri
two weeks), built through the real services with backdated times. The figures it must give
are computed by hand in `EXPECTED` (tests/reports/expected.py).

Each dossier, by letter (procedures: HT 1.004873 three working days, HT 1.001193 same day,
CU 1.004194 three working days, CT 2.001019 two working days; hours 07:30–11:30, 13:30–17:00):

  D  HT  19/10 in, result 21/10, returned 22/10          — before the period: nothing
  E  CU  20/10 in, refused 21/10                          — before the period: nothing
  A  HT  29/10 09:00 direct (due 03/11), result 02/11     — carried over, early, returned 04/11
  B  CU  30/10 08:00 online (due 04/11 08:00), result 04/11 16:00
                                                          — carried over, on time, returned by post
  C  HT  26/10 direct (due 29/10), apology 02/11, result 05/11
                                                          — carried over, late, apology in period
  F  CT  27/10 direct (due 29/10), apology 28/10, result 16/11
                                                          — carried over, overdue at the end
  Q  CU  28/10 online, supplement asked 29/10, stopped 11/11
                                                          — carried over (paused), stopped
  G  HT  02/11 09:00 direct (due 05/11), result 04/11     — new, early, returned 09/11
  H  CU  03/11 14:00 online (due 06/11 14:00), result 06/11 15:30
                                                          — new, on time (same date, later hour)
  I  CT  04/11 09:00 postal (due 06/11), result 09/11     — new, late, returned by post 10/11
  J  HT  12/11 10:00 same day (due 12/11 17:00), result 12/11 11:00
                                                          — new, on time, returned 12/11
  K  HT  05/11 direct, refused 06/11                      — new, refused
  L  CU  09/11 online, withdrawn 10/11                    — new, withdrawn
  M  HT  10/11 direct, transferred, supplement asked 11/11, brought 16/11
                                                          — new, paused at the end
  N  CT  13/11 14:00 direct (due 17/11)                   — new, in progress, not yet due
  O  HT  09/11 09:00 direct (due 12/11), apology 12/11 08:00, result 17/11
                                                          — new, overdue at the end, apology
  P  HT  16/11 direct                                     — after the period: nothing
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.trust.actor import Actor
from tests.conftest import local
from tests.office_template import built_once

NOW = local(2026, 11, 23, 9, 0)
FIRST = (2026, 11, 2)
LAST = (2026, 11, 13)

HT3, HT0, CU3, CT2 = "1.004873", "1.001193", "1.004194", "2.001019"


class History:
    def __init__(self, ctx: DeskContext) -> None:
        from sqlmodel import select

        from storage.engine import read_session
        from storage.tables import Clerk

        self.ctx = ctx
        with read_session(ctx.engine) as s:
            clerks = {c.name: c for c in s.exec(select(Clerk)).all()}
        lan, minh = clerks["Nguyễn Thị Lan"], clerks["Trần Văn Minh"]
        self.clerk = Actor(lan.id, lan.name, "clerk", 1)
        self.supervisor = Actor(minh.id, minh.name, "supervisor")
        self.codes: dict[str, str] = {}
        self.n = 0

    def receive(self, letter: str, proc: str, at: datetime, channel: str = "direct",
                **kw: Any) -> str:
        from desk.services.dossier.intake import IntakeIn, receive

        self.n += 1
        applicant = ApplicantIn(name=f"Công dân {letter}", phone=f"09123450{self.n:02d}",
                                address=f"Xóm {self.n}, xã Minh Châu")
        view = receive(self.ctx, IntakeIn(procedure_code=proc, applicant=applicant,
                                          channel=channel, received_at=at, **kw),
                       self.clerk, print_receipt=False)
        self.codes[letter] = view["code"]
        return view["code"]  # type: ignore[no-any-return]

    def act(self, letter: str, action: str, at: datetime, **kw: Any) -> dict[str, Any]:
        from desk.services.dossier.lifecycle import act

        return act(self.ctx, self.codes[letter], action, self.clerk, at=at, **kw)

    def result(self, letter: str, at: datetime, *, transfer: datetime | None = None) -> None:
        self.act(letter, "transfer", transfer or at, agency="Công chức Tư pháp - Hộ tịch")
        self.act(letter, "start_processing", transfer or at)
        self.act(letter, "result_ready", at)

    def give(self, letter: str, at: datetime, method: str = "counter") -> None:
        extra = {"receiver": "Người nhận"} if method == "counter" else {"tracking": "EMS123"}
        self.act(letter, "return_result", at, method=method, **extra)

    def apology(self, letter: str, at: datetime) -> None:
        from desk.services.deadlines.apology import issue

        self.ctx.clock = fixed_clock(at)
        try:
            issue(self.ctx, self.codes[letter], self.supervisor,
                  "Cần xác minh thêm thông tin với cơ quan, đơn vị có liên quan",
                  print_letter=False, notify=False)
        finally:
            self.ctx.clock = fixed_clock(NOW)


def build_history(ctx: DeskContext) -> History:
    h = History(ctx)
    L = local
    # before the period
    h.receive("D", HT3, L(2026, 10, 19, 9, 0))
    h.result("D", L(2026, 10, 21, 9, 0))
    h.give("D", L(2026, 10, 22, 9, 0))
    h.receive("E", CU3, L(2026, 10, 20, 9, 0))
    h.act("E", "refuse", L(2026, 10, 21, 9, 0), reason="Không thuộc thẩm quyền")
    # carried over
    h.receive("C", HT3, L(2026, 10, 26, 9, 0))
    h.act("C", "transfer", L(2026, 10, 26, 10, 0))
    h.act("C", "start_processing", L(2026, 10, 27, 9, 0))
    h.apology("C", L(2026, 11, 2, 10, 0))
    h.act("C", "result_ready", L(2026, 11, 5, 10, 0))
    h.receive("F", CT2, L(2026, 10, 27, 9, 0))
    h.apology("F", L(2026, 10, 28, 9, 0))
    h.result("F", L(2026, 11, 16, 9, 0), transfer=L(2026, 10, 28, 10, 0))
    h.receive("Q", CU3, L(2026, 10, 28, 9, 0), channel="online")
    h.act("Q", "request_supplement", L(2026, 10, 29, 9, 0), reason="Thiếu giấy tờ",
          documents=["Giấy tờ chứng minh chỗ ở hợp pháp"])
    h.act("Q", "stop", L(2026, 11, 11, 9, 0), reason="Quá hạn bổ sung")
    h.receive("A", HT3, L(2026, 10, 29, 9, 0))
    h.result("A", L(2026, 11, 2, 14, 0), transfer=L(2026, 10, 29, 10, 0))
    h.give("A", L(2026, 11, 4, 9, 0))
    h.receive("B", CU3, L(2026, 10, 30, 8, 0), channel="online")
    h.result("B", L(2026, 11, 4, 16, 0), transfer=L(2026, 10, 30, 9, 0))
    h.give("B", L(2026, 11, 5, 9, 0), method="post")
    # new in the period
    h.receive("G", HT3, L(2026, 11, 2, 9, 0))
    h.result("G", L(2026, 11, 4, 10, 0), transfer=L(2026, 11, 2, 10, 0))
    h.give("G", L(2026, 11, 9, 9, 0))
    h.receive("H", CU3, L(2026, 11, 3, 14, 0), channel="online")
    h.result("H", L(2026, 11, 6, 15, 30), transfer=L(2026, 11, 3, 15, 0))
    h.receive("I", CT2, L(2026, 11, 4, 9, 0), channel="postal")
    h.result("I", L(2026, 11, 9, 9, 0), transfer=L(2026, 11, 4, 10, 0))
    h.give("I", L(2026, 11, 10, 9, 0), method="post")
    h.receive("K", HT3, L(2026, 11, 5, 9, 0))
    h.act("K", "refuse", L(2026, 11, 6, 9, 0), reason="Hồ sơ không đủ điều kiện")
    h.receive("O", HT3, L(2026, 11, 9, 9, 0))
    h.apology("O", L(2026, 11, 12, 8, 0))
    h.result("O", L(2026, 11, 17, 9, 0), transfer=L(2026, 11, 13, 9, 0))
    h.receive("L", CU3, L(2026, 11, 9, 10, 0), channel="online")
    h.act("L", "withdraw", L(2026, 11, 10, 9, 0))
    h.receive("M", HT3, L(2026, 11, 10, 9, 0))
    h.act("M", "transfer", L(2026, 11, 10, 10, 0))
    h.act("M", "request_supplement", L(2026, 11, 11, 9, 0), reason="Thiếu bản sao",
          documents=["Bản sao giấy khai sinh"])
    h.act("M", "supplement_received", L(2026, 11, 16, 9, 0))
    h.receive("J", HT0, L(2026, 11, 12, 10, 0))
    h.result("J", L(2026, 11, 12, 11, 0), transfer=L(2026, 11, 12, 10, 15))
    h.give("J", L(2026, 11, 12, 11, 30))
    h.receive("N", CT2, L(2026, 11, 13, 14, 0))
    # after the period
    h.receive("P", HT3, L(2026, 11, 16, 9, 0))
    return h


def add_ratings(ctx: DeskContext, h: History) -> None:
    """Counter 1 (Lan): 3 very satisfied + 1 satisfied; counter 2 (Minh): 1 satisfied + 1 not;
    one rating after the period (not counted)."""
    from desk.services.queue.ratings import rate

    lan, minh = h.clerk.id, h.supervisor.id
    for i, (level, counter, clerk) in enumerate([
            ("1", 1, lan), ("1", 1, lan), ("rat_hai_long", 1, lan), ("2", 1, lan),
            ("hai_long", 2, minh), ("3", 2, minh)]):
        rate(ctx, level, ticket_label=f"A{i + 1:03d}", counter=counter, clerk_id=clerk,
             at=local(2026, 11, 3 + i, 10, 0))
    rate(ctx, "3", counter=1, clerk_id=lan, at=local(2026, 11, 16, 10, 0))


@pytest.fixture
def history(demo_ctx: DeskContext) -> History:
    """The history above, built through the services once per session and copied per test
    (tests/office_template.py); `codes` names the same dossiers in every copy."""
    demo_ctx.clock = fixed_clock(NOW)

    def build(ctx: DeskContext) -> tuple[dict[str, str], int]:
        h = build_history(ctx)
        add_ratings(ctx, h)
        return dict(h.codes), h.n

    codes, n = built_once(demo_ctx, "reports-history", build, on="demo")
    h = History(demo_ctx)
    h.codes, h.n = dict(codes), n
    return h


@pytest.fixture
def report_of(demo_ctx: DeskContext) -> Callable[..., Any]:
    from datetime import date

    from desk.services.reports.period import period_report

    def make(first: tuple[int, int, int] = FIRST, last: tuple[int, int, int] = LAST) -> Any:
        return period_report(demo_ctx, date(*first), date(*last))

    return make
