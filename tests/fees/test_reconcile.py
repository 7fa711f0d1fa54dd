"""`desk fee reconcile` (issue 17 §2): two banks' CSV layouts (docs/fees.md), matching by
code and amount, recording the transfer with its bank reference, idempotent."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desk.domain.errors import DomainError
from desk.domain.statement import parse_amount, parse_statement
from desk.services.context import DeskContext
from desk.services.dossier.fee_qr import fee_purpose, reconcile
from desk.services.dossier.views import show
from tests.fees.test_fee_qr import BANK, _dossier


@pytest.fixture
def fctx(demo_ctx: DeskContext) -> DeskContext:
    demo_ctx.settings = dataclasses.replace(demo_ctx.settings, bank=BANK)
    return demo_ctx


def layout_a(rows: list[tuple[str, str, str, str, str]]) -> str:
    """Vietcombank-style: account lines first, then STT/Ngày giao dịch/Số tham chiếu/…"""
    head = ("SAO KÊ TÀI KHOẢN,,,,,\nSố tài khoản: 0011001234567,,,,,\n"
            "Từ ngày 23/11/2026 đến ngày 23/11/2026,,,,,\n,,,,,\n"
            "STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Mô tả\n")
    body = "".join(f'{i},{d},{ref},"{debit}","{credit}","{desc}"\n'
                   for i, (d, ref, debit, credit, desc) in enumerate(rows, 1))
    return head + body + ",Tổng cộng,,,,\n"


def layout_b(rows: list[tuple[str, str, str, str]]) -> str:
    """Techcombank/BIDV-style: semicolons, decimals, Ngày GD/Mã giao dịch/Diễn giải/Nợ/Có."""
    head = "Ngày GD;Mã giao dịch;Diễn giải;Nợ/Debit;Có/Credit;Số dư/Balance\n"
    return head + "".join(f"{d};{ref};{desc};{debit};{credit};1000000.00\n"
                          for d, ref, desc, debit, credit in rows)


def test_amount_formats() -> None:
    assert parse_amount("1.500.000") == parse_amount("1,500,000") == 1_500_000
    assert parse_amount("15000.00") == parse_amount("+15,000 VND") == 15_000
    assert parse_amount("") is None


def test_layout_a_matches_by_code_and_amount_and_is_idempotent(
        fctx: DeskContext, tmp_path: Path) -> None:
    a, b, c = _dossier(fctx), _dossier(fctx), _dossier(fctx)
    plain = "".join(ch if ch.isalnum() else " " for ch in fee_purpose(a))  # dots dropped
    statement = tmp_path / "vcb.csv"
    statement.write_text(layout_a([
        ("23/11/2026", "FT2632700001", "", "15,000", f"MBVCB.123 LE THI MAI {plain}"),
        ("23/11/2026", "FT2632700002", "", "10,000", f"HS {b} chuyen thieu"),
        ("23/11/2026", "FT2632700003", "", "50,000", "TIEN DIEN THANG 11"),
        ("23/11/2026", "FT2632700004", "20,000", "", f"HS {c}"),
    ]), encoding="utf-8-sig")
    first = reconcile(fctx, statement)
    assert [m["code"] for m in first.matched] == [a]
    assert [(u["line"], u["reason"]) for u in first.unmatched] == [
        (7, "feeqr.amount_differs"), (8, "feeqr.no_code")]
    fee = show(fctx, a)["fee"]
    assert fee["status"] == "paid" and fee["method"] == "transfer"
    assert show(fctx, c)["fee"]["status"] == "unpaid"  # a debit is not a payment
    again = reconcile(fctx, statement)
    assert again.matched == [] and [x["code"] for x in again.already] == [a]
    assert len(again.unmatched) == 2
    assert show(fctx, a)["fee"]["corrections"] == 0  # nothing recorded twice


def test_layout_b_semicolons_and_decimals(fctx: DeskContext, tmp_path: Path) -> None:
    a = _dossier(fctx)
    statement = tmp_path / "tcb.csv"
    statement.write_text(layout_b([
        ("2026-11-23 10:15", "TCB0001", f"{fee_purpose(a)} - Le Thi Mai", "", "15000.00"),
        ("2026-11-23 10:20", "TCB0002", "Phi quan ly", "5500.00", ""),
    ]), encoding="utf-8")
    result = reconcile(fctx, statement)
    assert [m["code"] for m in result.matched] == [a] and result.unmatched == []


def test_a_cash_payment_first_leaves_the_transfer_unmatched(fctx: DeskContext,
                                                          tmp_path: Path) -> None:
    from desk.services.dossier.fees import pay

    a = _dossier(fctx)
    pay(fctx, a, amount=15000)
    statement = tmp_path / "b.csv"
    statement.write_text(layout_b([("23/11/2026", "X1", fee_purpose(a), "", "15000")]))
    [u] = reconcile(fctx, statement).unmatched
    assert u["reason"] == "fees.already_recorded"


def test_an_unknown_file_is_refused_clearly() -> None:
    with pytest.raises(DomainError) as e:
        parse_statement("a,b,c\n1,2,3\n")
    assert e.value.key == "statement.no_header"
