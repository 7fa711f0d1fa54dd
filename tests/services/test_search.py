"""Search as you type: code, folded name, personal ID, phone; filters; paging."""

from __future__ import annotations

from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.lifecycle import act
from desk.services.dossier.search import search


def _take(ctx: DeskContext, name: str, id_number: str | None = None,
          phone: str | None = None, proc: str = "1.004873") -> str:
    req = IntakeIn(procedure_code=proc, applicant=ApplicantIn(
        name=name, id_number=id_number, phone=phone))
    return receive(ctx, req, print_receipt=False)["code"]


def test_name_with_or_without_diacritics(demo_ctx: DeskContext) -> None:
    hiep = _take(demo_ctx, "Nguyễn Văn Hiệp", "040095000123", "0912345678")
    _take(demo_ctx, "Nguyễn Thị Hoa", phone="0987654321")
    _take(demo_ctx, "Đặng Văn Hiếu")
    for q in ("nguyen van hiep", "Nguyễn Văn Hiệp", "NGUYEN VAN HI", "van hiep", "hiep"):
        assert [r["code"] for r in search(demo_ctx, q)] == [hiep], q
    assert {r["applicant"] for r in search(demo_ctx, "dang")} == {"Đặng Văn Hiếu"}
    assert len(search(demo_ctx, "nguyen")) == 2
    assert len(search(demo_ctx, "h")) == 3  # results from the first character: hiep, hoa, hieu


def test_phone_id_and_code(demo_ctx: DeskContext) -> None:
    hiep = _take(demo_ctx, "Nguyễn Văn Hiệp", "040095000123", "0912345678")
    other = _take(demo_ctx, "Trần Văn Nam", phone="0987654321")
    assert [r["code"] for r in search(demo_ctx, "0912")] == [hiep]
    assert [r["code"] for r in search(demo_ctx, "040095000123")] == [hiep]
    assert [r["code"] for r in search(demo_ctx, other)] == [other]
    assert [r["code"] for r in search(demo_ctx, other.lower())] == [other]
    assert search(demo_ctx, "*) OR (") == []  # query syntax is never passed through


def test_filters_and_paging(demo_ctx: DeskContext) -> None:
    codes = [_take(demo_ctx, f"Lê Văn {n}") for n in ("An", "Bình", "Cường", "Dũng", "Em")]
    act(demo_ctx, codes[0], "refuse", reason="Không đủ điều kiện")
    assert [r["code"] for r in search(demo_ctx, "", status="REFUSED")] == [codes[0]]
    page1 = search(demo_ctx, "le van", limit=2)
    page2 = search(demo_ctx, "le van", limit=2, offset=2)
    assert [r["code"] for r in page1] == codes[::-1][:2]  # newest first
    assert [r["code"] for r in page2] == codes[::-1][2:4]
    assert len(search(demo_ctx, "", scope="today")) == 5
    assert search(demo_ctx, "", scope="overdue") == []
