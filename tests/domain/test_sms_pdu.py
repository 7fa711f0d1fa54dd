"""SMS PDUs (issue 17 §3): UCS-2 for Vietnamese, concatenation, unaccented GSM-7."""

from __future__ import annotations

from datetime import date

from desk.domain.sms_pdu import (
    count_parts,
    decode_status_report,
    decode_submit,
    encode_address,
    encode_status_report,
    encode_submit,
    pack_septets,
    unaccent,
)

VI = ("Hồ sơ H55.242-261204-0001 của Ông/Bà đã được tiếp nhận. Hẹn trả kết quả ngày 10/12/2026."
      " UBND xã Tân Hòa")


def test_gsm7_packing_of_hello() -> None:  # the textbook example of GSM 03.38 packing
    assert pack_septets([0x68, 0x65, 0x6C, 0x6C, 0x6F]).hex().upper() == "E8329BFD06"


def test_a_single_gsm7_pdu_is_the_textbook_one() -> None:
    pdu = encode_submit("0912345678", "hello", gsm7=True, status_report=False)[0]
    assert pdu.pdu == "0011000B914819325476F80000AA05E8329BFD06"
    assert pdu.tpdu_length == len(pdu.pdu) // 2 - 1


def test_address_is_international_swapped_semi_octets() -> None:
    assert encode_address("0912345678") == "0B914819325476F8"
    assert encode_address("+84912345678") == "0B914819325476F8"


def test_vietnamese_over_70_chars_goes_in_ucs2_parts_of_67() -> None:
    parts = encode_submit("0912345678", VI, ref=42)
    assert len(VI) > 70 and len(parts) == 2
    decoded = [decode_submit(p.pdu) for p in parts]
    assert [d["seq"] for d in decoded] == [1, 2] and {d["ref"] for d in decoded} == {42}
    assert all(d["ucs2"] and d["total"] == 2 for d in decoded)
    assert len(str(decoded[0]["text"])) == 67
    assert "".join(str(d["text"]) for d in decoded) == VI
    assert all(p.tpdu_length <= 14 + 140 for p in parts)  # header + 140 octets


def test_70_chars_fit_one_part_71_do_not() -> None:
    assert count_parts("ồ" * 70) == 1 and count_parts("ồ" * 71) == 2
    assert count_parts("a" * 160, gsm7=True) == 1 and count_parts("a" * 161, gsm7=True) == 2


def test_an_emoji_is_never_split_between_parts() -> None:
    text = "a" * 66 + "😀" + "b" * 10
    parts = encode_submit("0912345678", text, ref=1)
    assert "".join(str(decode_submit(p.pdu)["text"]) for p in parts) == text


def test_unaccented_gsm7_is_one_part_and_readable() -> None:
    parts = encode_submit("0912345678", VI, gsm7=True)
    assert len(parts) == 1
    assert decode_submit(parts[0].pdu)["text"] == unaccent(VI)
    assert unaccent("Đã nhận") == "Da nhan"


def test_long_gsm7_concatenates_with_fill_bits() -> None:
    text = "Thong bao " * 40
    parts = encode_submit("0912345678", text, gsm7=True, ref=200)
    assert len(parts) == 3
    assert "".join(str(decode_submit(p.pdu)["text"]) for p in parts) == text


def test_status_report_round_trip() -> None:
    report = decode_status_report(encode_status_report(17, "84912345678", 0, date(2026, 12, 4)))
    assert (report.reference, report.recipient, report.delivered) == (17, "84912345678", True)
