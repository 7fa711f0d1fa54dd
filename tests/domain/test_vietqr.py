"""VietQR payloads (issue 17 §2): the public test vectors byte for byte, and the traps."""

from __future__ import annotations

import pytest

from desk.domain.errors import DomainError
from desk.domain.vietqr import (
    ascii_purpose,
    build_payload,
    check_crc,
    crc16_ccitt_false,
    parse_tlv,
)

STATIC = ("00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN"
          "6304CBB4")
DYNAMIC = ("00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA530370454"
           "05401235802VN62200816test text string6304D9C6")


def test_crc16_ccitt_false_check_value() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1  # the catalogue's check value


def test_static_vector() -> None:
    assert build_payload("970423", "0099999999") == STATIC


def test_dynamic_vector_with_amount_and_purpose() -> None:
    assert build_payload("970422", "0023457923442", 40123, "test text string") == DYNAMIC


def test_tag_01_is_12_with_an_amount_and_11_without() -> None:
    assert parse_tlv(build_payload("970422", "123", 5000))["01"] == "12"
    assert parse_tlv(build_payload("970422", "123"))["01"] == "11"


def test_the_guid_is_there_and_the_crc_checks() -> None:
    fields = parse_tlv(DYNAMIC)
    assert parse_tlv(fields["38"])["00"] == "A000000727"
    assert check_crc(DYNAMIC)
    assert not check_crc(DYNAMIC[:-1] + "7")


def test_purpose_is_plain_ascii_and_at_most_25() -> None:
    p = ascii_purpose("Lệ phí hồ sơ Đăng ký H55.242-261204-0007")
    assert p.isascii() and len(p) <= 25 and p.startswith("Le phi ho so Dang ky")


@pytest.mark.parametrize(("args", "key"), [
    (("97042", "1"), "vietqr.bin"), (("970422", ""), "vietqr.account"),
    (("970422", "1" * 20), "vietqr.account"), (("970422", "1", -5), "vietqr.amount"),
    (("970422", "1", 5, "phí"), "vietqr.purpose"), (("970422", "1", 5, "x" * 26), "vietqr.purpose"),
])
def test_bad_values_are_refused(args: tuple, key: str) -> None:
    with pytest.raises(DomainError) as e:
        build_payload(*args)
    assert e.value.key == key
