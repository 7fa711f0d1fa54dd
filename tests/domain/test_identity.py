"""Personal ID numbers and mobile phones (desk.domain.identity)."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.errors import DomainError
from desk.domain.identity import (
    MOBILE_PREFIXES,
    PROVINCES,
    PersonalId,
    normalize_phone,
    validate_personal_id,
)
from desk.i18n import render_error

TODAY = date(2026, 3, 15)

OFFICIAL_CODES = """
    001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034
    035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068
    070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096
""".split()  # noqa: SIM905


def test_province_table_is_the_63_official_codes() -> None:
    assert sorted(PROVINCES) == OFFICIAL_CODES
    assert len(PROVINCES) == 63
    assert PROVINCES["001"] == "Hà Nội"
    assert PROVINCES["040"] == "Nghệ An"
    assert PROVINCES["079"] == "Hồ Chí Minh"
    assert PROVINCES["096"] == "Cà Mau"


def test_nghe_an_male_1995() -> None:
    pid = validate_personal_id("040095000123", today=TODAY)
    assert pid == PersonalId(
        number="040095000123",
        id_type="CCCD",
        province_code="040",
        province_name="Nghệ An",
        sex="M",
        century_start=1900,
        birth_year_2digits=95,
    )
    assert pid.birth_year == 1995


def test_birth_and_sex_agree() -> None:
    pid = validate_personal_id("040095000123", birth=date(1995, 8, 2), sex="M", today=TODAY)
    assert pid.birth_year == 1995


def test_birth_mismatch() -> None:
    with pytest.raises(DomainError) as exc:
        validate_personal_id("040095000123", birth=date(1996, 1, 1), today=TODAY)
    assert exc.value.key == "id.birth_mismatch"
    assert exc.value.params["id_year"] == 1995
    assert exc.value.params["birth_year"] == 1996
    assert "1995" in render_error(exc.value, "vi") and "1996" in render_error(exc.value, "vi")


def test_sex_mismatch() -> None:
    with pytest.raises(DomainError) as exc:
        validate_personal_id("040095000123", sex="F", today=TODAY)
    assert exc.value.key == "id.sex_mismatch"
    text = render_error(exc.value, "vi")
    assert "nam" in text and "nữ" in text


@pytest.mark.parametrize(
    ("number", "century", "sex", "year"),
    [
        ("001100000001", 1900, "F", 1900),
        ("079203012345", 2000, "M", 2003),
        ("079323012345", 2000, "F", 2023),
        ("096299999999", 2000, "M", 2099),
    ],
)
def test_century_and_sex_digit(number: str, century: int, sex: str, year: int) -> None:
    pid = validate_personal_id(number, today=date(2100, 1, 1))
    assert (pid.century_start, pid.sex, pid.birth_year) == (century, sex, year)


@pytest.mark.parametrize("digit", "456789")
def test_future_centuries(digit: str) -> None:
    with pytest.raises(DomainError) as exc:
        validate_personal_id(f"001{digit}00000001", today=TODAY)
    assert exc.value.key == "id.future"


def test_future_year_this_century() -> None:
    with pytest.raises(DomainError) as exc:
        validate_personal_id("001227000001", today=TODAY)  # born 2027
    assert exc.value.key == "id.future"
    assert validate_personal_id("001226000001", today=TODAY).birth_year == 2026


@pytest.mark.parametrize(
    "number", ["040 095 000 123", "040.095.000.123", "040-095-000-123", " 040095000123\t"]
)
def test_separators_stripped(number: str) -> None:
    assert validate_personal_id(number, today=TODAY).number == "040095000123"


@pytest.mark.parametrize(
    ("number", "key", "params"),
    [
        ("04009500012", "id.length", {"got": 11}),
        ("0400950001234", "id.length", {"got": 13}),
        ("", "id.length", {"got": 0}),
        ("04009500012a", "id.digits", {"char": "a"}),
        ("040095000１23", "id.digits", {"char": "１"}),  # full-width digit
        ("003095000123", "id.province", {"code": "003"}),
        ("097095000123", "id.province", {"code": "097"}),
        ("000095000123", "id.province", {"code": "000"}),
    ],
)
def test_invalid_ids(number: str, key: str, params: dict[str, object]) -> None:
    with pytest.raises(DomainError) as exc:
        validate_personal_id(number, today=TODAY)
    assert exc.value.key == key
    assert params.items() <= exc.value.params.items()


def test_length_message_tells_what_to_do() -> None:
    with pytest.raises(DomainError) as exc:
        validate_personal_id("04009500012")
    text = render_error(exc.value, "vi")
    assert text.startswith("Số định danh phải có 12 chữ số (đã nhập 11)")
    assert "id." not in render_error(exc.value, "en")


def test_old_cmnd() -> None:
    pid = validate_personal_id("186 123 456", birth=date(1970, 1, 1), sex="F")
    assert pid.id_type == "CMND"
    assert pid.number == "186123456"
    assert pid.province_code is None and pid.sex is None and pid.birth_year is None


@given(st.from_regex(r"\A[0-9]{12}\Z"), st.none() | st.dates(), st.sampled_from([None, "M", "F"]))
def test_every_12_digit_number_validates_or_raises_domain_error(
    number: str, birth: date | None, sex: str | None
) -> None:
    try:
        pid = validate_personal_id(number, birth=birth, sex=sex)  # type: ignore[arg-type]
    except DomainError as exc:
        assert exc.key.startswith("id.")
        assert render_error(exc, "vi") != exc.key
    else:
        assert pid.id_type == "CCCD"
        assert pid.province_code in PROVINCES


@given(st.text(max_size=20))
def test_any_text_validates_or_raises_domain_error(text: str) -> None:
    with contextlib.suppress(DomainError):
        validate_personal_id(text)


# ----------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("0912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("+84 0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("(+84) 38 123 4567", "0381234567"),
        ("0841234567", "0841234567"),
        (" 0703 123 456 ", "0703123456"),
    ],
)
def test_phone_valid(raw: str, normal: str) -> None:
    assert normalize_phone(raw) == normal


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("0212345678", "phone.prefix"),
        ("0312345678", "phone.prefix"),
        ("0512345678", "phone.prefix"),
        ("0712345678", "phone.prefix"),
        ("0802345678", "phone.prefix"),
        ("1912345678", "phone.prefix"),
        ("+1 912 345 6789", "phone.prefix"),
        ("091234567", "phone.length"),
        ("09123456789", "phone.length"),
        ("", "phone.length"),
        ("0912 345 67x", "phone.chars"),
        ("09123456+78", "phone.chars"),
    ],
)
def test_phone_invalid(raw: str, key: str) -> None:
    with pytest.raises(DomainError) as exc:
        normalize_phone(raw)
    assert exc.value.key == key
    assert render_error(exc.value, "vi") != key


def test_prefix_table() -> None:
    assert len(MOBILE_PREFIXES) == 8 + 5 + 5 + 9 + 10
    assert all(len(p) == 3 and p.startswith("0") for p in MOBILE_PREFIXES)
    assert "086" in MOBILE_PREFIXES and "099" in MOBILE_PREFIXES and "031" not in MOBILE_PREFIXES


phone_like = st.text(alphabet="0123456789 +.-()84", max_size=16)


@given(phone_like)
def test_normalize_phone_idempotent(raw: str) -> None:
    try:
        once = normalize_phone(raw)
    except DomainError:
        return
    assert normalize_phone(once) == once
    assert len(once) == 10 and once.isdigit() and once[:3] in MOBILE_PREFIXES


@given(st.sampled_from(MOBILE_PREFIXES), st.from_regex(r"\A[0-9]{7}\Z"))
def test_every_mobile_number_accepted_in_all_spellings(prefix: str, rest: str) -> None:
    number = prefix + rest
    assert normalize_phone(number) == number
    assert normalize_phone("+84 " + number[1:]) == number
    assert normalize_phone("84" + number[1:]) == number


@given(st.text(max_size=20))
def test_phone_any_text_raises_only_domain_error(text: str) -> None:
    with contextlib.suppress(DomainError):
        normalize_phone(text)
