"""The chip ID card's QR text (issue 17 §1): the corpus of synthetic cards and the traps."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from desk.domain.card_qr import looks_like_card_qr, parse_card_qr, proper_case
from desk.domain.errors import DomainError

CORPUS = Path(__file__).with_name("card_qr_corpus.jsonl")
TODAY = date(2026, 12, 4)
CASES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def test_the_corpus_has_every_variant_and_at_least_60_cards() -> None:
    assert len(CASES) >= 60
    assert {c["variant"] for c in CASES} >= {
        "standard", "empty_old", "trailing_bar", "nfd", "upper_name", "six_fields",
        "eight_fields", "nine_fields", "wrong_sex_digit", "wrong_year", "bad_province"}


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['variant']}" for i, c in enumerate(CASES)])
def test_corpus_card(case: dict) -> None:
    got = parse_card_qr(case["text"], today=TODAY).as_dict()
    got["warnings"] = sorted(w["key"] for w in got["warnings"])
    assert got == case["expect"]
    assert looks_like_card_qr(case["text"])


def test_names_come_out_in_nfc_proper_case() -> None:
    nfd = unicodedata.normalize("NFD", "NGUYỄN THỊ ÁNH NGUYỆT")
    name = parse_card_qr(f"001189012345||{nfd}|15031989|Nữ|Hà Nội|01012022").name
    assert name == "Nguyễn Thị Ánh Nguyệt"
    assert unicodedata.is_normalized("NFC", name)
    assert proper_case("ĐINH  la  THĂNG") == "Đinh La Thăng"
    assert proper_case("H'HEN NIÊ") == "H'Hen Niê"


def test_sex_and_birth_year_mismatches_are_warnings_not_silence() -> None:
    card = parse_card_qr("001089012345||Trần Thị Bé|15031990|Nữ|Hà Nội|01012022")
    keys = [k for k, _ in card.warnings]
    assert keys == ["qr.birth_year", "qr.sex"]
    assert card.birth_date == date(1990, 3, 15) and card.sex == "F"  # the card's own words


def test_dates_in_the_future_and_issue_before_birth_are_warned() -> None:
    card = parse_card_qr("001200012345||Lê Văn Tí|15032027|Nam|Huế|01012022", today=TODAY)
    assert ("qr.future", {"field": "birth", "value": "2027-03-15"}) in card.warnings
    assert ("qr.issued_before_birth", {}) in card.warnings


def test_an_impossible_date_is_reported_and_left_empty() -> None:
    card = parse_card_qr("001089012345||Lê Văn Tí|31021989|Nam|Huế|01012022")
    assert card.birth_date is None
    assert ("qr.bad_date", {"field": "birth", "value": "31021989"}) in card.warnings


@pytest.mark.parametrize("text", ["", "hello", "0010890123|x|y", "12345678901|a|b|c|d|e",
                                  "A01089012345|x|Lê|01011989|Nam|Huế|01012022",
                                  "001089012345|" + "x" * 2000])
def test_what_is_not_a_card_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as e:
        parse_card_qr(text)
    assert e.value.key == "qr.not_card"
    assert not looks_like_card_qr(text) or len(text) > 1000


def test_a_card_without_any_name_is_refused() -> None:
    with pytest.raises(DomainError) as e:
        parse_card_qr("001089012345||15031989|Nam|01012022")
    assert e.value.key == "qr.no_name"


def test_a_dossier_code_is_not_a_card() -> None:
    assert not looks_like_card_qr("000.17.22.H56-210531-0001")
