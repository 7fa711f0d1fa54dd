"""Vietnamese number words for queue calls (desk.domain.words)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.errors import DomainError
from desk.domain.words import (
    LETTER_NAMES,
    MAX_NUMBER,
    call_sentence,
    label_to_words,
    number_to_words,
)

TABLE = {
    0: "không",
    1: "một",
    4: "bốn",
    5: "năm",
    9: "chín",
    10: "mười",
    11: "mười một",
    14: "mười bốn",
    15: "mười lăm",
    19: "mười chín",
    20: "hai mươi",
    21: "hai mươi mốt",
    24: "hai mươi tư",
    25: "hai mươi lăm",
    31: "ba mươi mốt",
    55: "năm mươi lăm",
    99: "chín mươi chín",
    100: "một trăm",
    101: "một trăm linh một",
    104: "một trăm linh bốn",
    105: "một trăm linh năm",
    110: "một trăm mười",
    111: "một trăm mười một",
    115: "một trăm mười lăm",
    121: "một trăm hai mươi mốt",
    124: "một trăm hai mươi tư",
    205: "hai trăm linh năm",
    999: "chín trăm chín mươi chín",
    1000: "một nghìn",
    1001: "một nghìn không trăm linh một",
    1005: "một nghìn không trăm linh năm",
    1010: "một nghìn không trăm mười",
    1015: "một nghìn không trăm mười lăm",
    1021: "một nghìn không trăm hai mươi mốt",
    1023: "một nghìn không trăm hai mươi ba",
    1100: "một nghìn một trăm",
    1105: "một nghìn một trăm linh năm",
    2021: "hai nghìn không trăm hai mươi mốt",
    5555: "năm nghìn năm trăm năm mươi lăm",
    9999: "chín nghìn chín trăm chín mươi chín",
    10_000: "mười nghìn",
    10_005: "mười nghìn không trăm linh năm",
    21_000: "hai mươi mốt nghìn",
    100_000: "một trăm nghìn",
    1_000_000: "một triệu",
    1_000_005: "một triệu không trăm linh năm",
    1_005_000: "một triệu không trăm linh năm nghìn",
    15_000_015: "mười lăm triệu không trăm mười lăm",
    MAX_NUMBER: (
        "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"
    ),
}


@pytest.mark.parametrize(("n", "words"), TABLE.items())
def test_number_words_table(n: int, words: str) -> None:
    assert number_to_words(n) == words


def test_four_after_muoi_can_be_bon() -> None:
    assert number_to_words(24, four="bốn") == "hai mươi bốn"
    assert number_to_words(14, four="bốn") == "mười bốn"  # never "mười tư"
    assert number_to_words(104, four="bốn") == "một trăm linh bốn"


def test_never_ngan_le_or_muoi_nam() -> None:
    for n in range(10_000):
        words = number_to_words(n).split()
        assert "ngàn" not in words and "lẻ" not in words
        text = " ".join(words)
        assert "mười năm" not in text and "mươi năm" not in text
        assert "mươi một" not in text and "mươi bốn" not in text


@pytest.mark.parametrize("bad", [-1, MAX_NUMBER + 1, True, 1.5, "12"])
def test_out_of_range(bad: object) -> None:
    with pytest.raises(DomainError) as exc:
        number_to_words(bad)  # type: ignore[arg-type]
    assert exc.value.key == "words.range"


def test_words_non_empty_and_unique_0_to_9999() -> None:
    seen = {number_to_words(n) for n in range(10_000)}
    assert len(seen) == 10_000
    assert all(seen)


@given(st.integers(min_value=0, max_value=MAX_NUMBER))
def test_words_are_only_known_vietnamese_words(n: int) -> None:
    vocab = {
        "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
        "mười", "mươi", "mốt", "tư", "lăm", "linh", "trăm", "nghìn", "triệu",
    }  # fmt: skip
    words = number_to_words(n).split()
    assert words and set(words) <= vocab
    assert not any(ch.isdigit() for ch in number_to_words(n))


@given(
    st.integers(min_value=0, max_value=MAX_NUMBER), st.integers(min_value=0, max_value=MAX_NUMBER)
)
def test_words_injective(a: int, b: int) -> None:
    if a != b:
        assert number_to_words(a) != number_to_words(b)


def test_call_sentence_example() -> None:
    assert call_sentence("A015", 2) == "Xin mời công dân có số thứ tự A mười lăm đến quầy số hai"


@pytest.mark.parametrize(
    ("ticket", "words"),
    [
        ("A001", "A một"),
        ("A000", "A không"),
        ("B1025", "Bê một nghìn không trăm hai mươi lăm"),
        ("c024", "Xê hai mươi tư"),
        ("AB-12", "A Bê mười hai"),
        ("Đ105", "Đê một trăm linh năm"),
        ("0042", "bốn mươi hai"),
    ],
)
def test_ticket_words(ticket: str, words: str) -> None:
    assert label_to_words(ticket) == words


def test_counter_as_string_or_int() -> None:
    assert call_sentence("K021", "12").endswith("đến quầy số mười hai")
    assert call_sentence("K021", 12).endswith("đến quầy số mười hai")
    assert call_sentence("K021", "3B").endswith("đến quầy số ba Bê")
    assert "Ca hai mươi mốt" in call_sentence("K021", 1)


@pytest.mark.parametrize("bad", ["", "   ", "A#1", "-", "A" + "1" * 10])
def test_bad_labels(bad: str) -> None:
    with pytest.raises(DomainError) as exc:
        label_to_words(bad)
    assert exc.value.key in {"words.label", "words.range"}


def test_every_latin_letter_has_a_name() -> None:
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ":
        assert LETTER_NAMES[ch]
