"""Dossier codes (desk.domain.codes)."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.codes import (
    DossierCode,
    extract_dossier_code,
    format_dossier_code,
    looks_like_dossier_code,
    parse_dossier_code,
    validate_office_id,
)
from desk.domain.errors import DomainError


def test_format_example() -> None:
    assert format_dossier_code("000.17.22.H56", date(2021, 5, 31), 1) == "000.17.22.H56-210531-0001"
    assert format_dossier_code("H55.242", date(2025, 7, 1), 9999) == "H55.242-250701-9999"


def test_parse_example() -> None:
    code = parse_dossier_code("000.00.14.H56-200203-0118")
    assert code == ("000.00.14.H56", date(2020, 2, 3), 118)
    assert isinstance(code, DossierCode)
    assert code.office_id == "000.00.14.H56" and code.seq == 118
    assert str(code) == "000.00.14.H56-200203-0118"


def test_parse_tolerates_whitespace_and_lower_case() -> None:
    assert parse_dossier_code("  000.17.22.h56-210531-0001\r\n") == (
        "000.17.22.H56",
        date(2021, 5, 31),
        1,
    )


@pytest.mark.parametrize(
    ("seq", "key"),
    [
        (10_000, "code.sequence_exhausted"),
        (0, "code.sequence_invalid"),
        (-1, "code.sequence_invalid"),
    ],
)
def test_sequence_bounds(seq: int, key: str) -> None:
    with pytest.raises(DomainError) as exc:
        format_dossier_code("H56", date(2025, 1, 2), seq)
    assert exc.value.key == key


def test_date_range() -> None:
    with pytest.raises(DomainError) as exc:
        format_dossier_code("H56", date(1999, 12, 31), 1)
    assert exc.value.key == "code.date_range"


@pytest.mark.parametrize(
    ("office", "key"),
    [
        ("", "code.office_empty"),
        ("   ", "code.office_empty"),
        ("A" * 36, "code.office_length"),
        ("000-17", "code.office_chars"),
        ("000.17.Ư", "code.office_chars"),
        (".000.17", "code.office_dots"),
        ("000.17.", "code.office_dots"),
        ("000..17", "code.office_dots"),
        (".", "code.office_dots"),
    ],
)
def test_bad_office_ids(office: str, key: str) -> None:
    with pytest.raises(DomainError) as exc:
        validate_office_id(office)
    assert exc.value.key == key


def test_office_id_normalised() -> None:
    assert validate_office_id(" 000.17.22.h56 ") == "000.17.22.H56"
    assert validate_office_id("A" * 35) == "A" * 35


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("000.17.22.H56-210531-001", "code.format"),
        ("000.17.22.H56-2105310001", "code.format"),
        ("000.17.22.H56/210531/0001", "code.format"),
        ("-210531-0001", "code.format"),
        ("A" * 36 + "-210531-0001", "code.format"),
        ("000.17.22.H56-210231-0001", "code.date"),
        ("000.17.22.H56-211301-0001", "code.date"),
        ("000.17.22.H56-210531-0000", "code.sequence_invalid"),
        ("", "code.format"),
    ],
)
def test_parse_errors(text: str, key: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_dossier_code(text)
    assert exc.value.key == key
    assert not looks_like_dossier_code(text)


def test_looks_like() -> None:
    assert looks_like_dossier_code("000.17.22.H56-210531-0001")
    assert looks_like_dossier_code("000.17.22.H56-210531-0001\n")
    assert not looks_like_dossier_code("040095000123")
    assert not looks_like_dossier_code("Nguyễn Văn A")


def test_extract_from_qr_url() -> None:
    url = "https://dichvucong.example.vn/tra-cuu?ma=000.17.22.h56-210531-0001&lang=vi"
    assert extract_dossier_code(url) == "000.17.22.H56-210531-0001"
    assert extract_dossier_code("no code here") is None
    assert extract_dossier_code("X-210230-0001 then H56-210301-0002") == "H56-210301-0002"


office_ids = st.from_regex(r"\A[0-9A-Z](\.?[0-9A-Z]){0,20}\Z")
code_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
seqs = st.integers(min_value=1, max_value=9999)


@given(office_ids, code_dates, seqs)
def test_round_trip(office: str, day: date, seq: int) -> None:
    code = format_dossier_code(office, day, seq)
    assert parse_dossier_code(code) == (office, day, seq)
    assert looks_like_dossier_code(code)
    assert extract_dossier_code(f"url?ma={code}&") == code


@given(st.text(max_size=60))
def test_parse_never_raises_anything_else(text: str) -> None:
    with contextlib.suppress(DomainError):
        parse_dossier_code(text)
