"""TCVN-3 and CP1258 encoders: round trips, iconv parity, the Đ/Ð bug."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from printers.escpos import cp1258, tcvn3
from printers.escpos.testsheet import ALL_LETTERS, NON_ASCII_LETTERS

SENTENCES = (
    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc",
    "Nguyễn Thị Hồng Nhung, thôn Đông Hải, huyện Đức Trọng, tỉnh Lâm Đồng",
    "Ưu tiên người cao tuổi; phụ nữ mang thai: quầy số 2 (A015).",
    "Quý khách vui lòng giữ phiếu; ĐƯỜNG QUỐC LỘ 20, ỶM ẴNG ỴỸỶ",
)


def test_letter_counts() -> None:
    assert len(ALL_LETTERS) == 146
    assert len(NON_ASCII_LETTERS) == 134


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_tcvn3_round_trip_two_pages(letter: str) -> None:
    data, page = tcvn3.encode_line(letter, 30, 31)
    assert b"?" not in data
    if ord(letter) < 128:
        assert data == letter.encode()
        return
    assert data[:2] == b"\x1bt" and data[2] == page and len(data) == 4
    table = "upper" if page == 31 else "lower"
    assert tcvn3.decode(data[3:], table) == letter


def test_tcvn3_single_page_has_lowercase_and_plain_capitals() -> None:
    for letter in ALL_LETTERS:
        data_ok = tcvn3.can_encode(letter, None)
        expect = letter.islower() or ord(letter) < 128 or letter in "ĂÂÊÔƠƯĐ"
        assert data_ok == expect, letter
        if data_ok:
            data, _ = tcvn3.encode_line(letter, 27, None)
            assert tcvn3.decode(data.replace(b"\x1bt\x1b", b""), "single") == letter


def test_tcvn3_d_stroke_not_eth() -> None:
    assert tcvn3.UPPER["Đ"] == 0xA7
    assert tcvn3.SINGLE["Đ"] == 0xA7
    assert tcvn3.LOWER["đ"] == 0xAE
    assert "\u00d0" not in tcvn3.UPPER  # Ð (Icelandic Eth) is the printer-DB bug
    assert tcvn3.decode(b"\xa7", "upper") == "\u0110"
    with pytest.raises(tcvn3.TcvnError):
        tcvn3.encode_line("\u00d0", 30, 31)


def test_tcvn3_minimal_page_switches() -> None:
    data, page = tcvn3.encode_line("GIẤY tờ ĐÃ nhận", 30, 31)
    assert data.count(b"\x1bt") == 4 and page == 30  # 31, 30, 31, 30
    # ASCII never forces a switch; an already-active page is not re-sent
    data, _ = tcvn3.encode_line("số 12", 30, 31, current=30)
    assert b"\x1bt" not in data


@pytest.mark.parametrize("text", [*ALL_LETTERS, *SENTENCES])
def test_cp1258_round_trip(text: str) -> None:
    data = cp1258.encode(text)
    assert cp1258.decode(data) == text
    assert data.count(b"?") == text.count("?")


def _iconv(text: str) -> bytes:
    done = subprocess.run(["iconv", "-f", "UTF-8", "-t", "CP1258"], input=text.encode(),
                          capture_output=True, check=True, timeout=10)
    return done.stdout


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv not installed")
@pytest.mark.parametrize("text", [*ALL_LETTERS, *SENTENCES, "".join(ALL_LETTERS)])
def test_cp1258_matches_glibc_iconv(text: str) -> None:
    assert cp1258.encode(text) == _iconv(text)


def test_unencodable_characters_raise() -> None:
    for bad in ("中", "Ω", "€"):
        assert not tcvn3.can_encode(bad, 31)
    assert not cp1258.can_encode("中")
    with pytest.raises(cp1258.Cp1258Error):
        cp1258.encode("Ω")
