"""Vietnamese folding for search: desk.domain.text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.text import VIETNAMESE_LETTERS, fold, fold_tokens, matches

NAMES = [
    ("Nguyễn Văn Hiệp", "nguyen van hiep"),
    ("Trần Thị Ngọc Ánh", "tran thi ngoc anh"),
    ("Phạm Đức Thuỷ", "pham duc thuy"),
    ("Phạm Đức Thủy", "pham duc thuy"),
    ("Lê Hoàng Yến", "le hoang yen"),
    ("Đặng Quốc Khánh", "dang quoc khanh"),
    ("Bùi Thị Hương", "bui thi huong"),
    ("khuỷu", "khuyu"),
    ("người", "nguoi"),
    ("giữ", "giu"),
    ("quốc", "quoc"),
    ("thuở", "thuo"),
    ("ĐẶNG QUỐC KHÁNH", "dang quoc khanh"),
    ("  Xã  Nghĩa\tĐàn\n", "xa nghia dan"),
    ("Ðinh Bộ Lĩnh", "dinh bo linh"),  # U+00D0 typed for Đ
    ("Straße", "strasse"),
    ("Zoë Müller", "zoe muller"),
    ("", ""),
    ("   ", ""),
]

# Text made of Vietnamese letters, ASCII and assorted whitespace.
vietnamese_text = st.text(
    alphabet=st.sampled_from(
        sorted(VIETNAMESE_LETTERS) + list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 \t\n.,-")
    ),
    max_size=40,
)


@pytest.mark.parametrize(("text", "folded"), NAMES)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_there_are_134_vietnamese_letters() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    assert {"đ", "Đ", "ự", "Ự", "ẫ", "ỹ", "Ỵ"} <= VIETNAMESE_LETTERS
    assert all(fold(ch).isascii() and len(fold(ch)) == 1 for ch in VIETNAMESE_LETTERS)


def test_fold_tokens() -> None:
    assert fold_tokens("  Trần Thị\u00a0 Ngọc   Ánh ") == ["tran", "thi", "ngoc", "anh"]
    assert fold_tokens("") == []


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("ng hiep", "Nguyễn Văn Hiệp", True),
        ("Hiệp nguy", "Nguyễn Văn Hiệp", True),  # order does not matter
        ("hiêp", "Nguyễn Văn Hiệp", True),  # diacritics in the query are ignored
        ("van h", "Nguyễn Văn Hiệp", True),
        ("iep", "Nguyễn Văn Hiệp", False),  # prefixes of words only
        ("nguyen thi", "Nguyễn Văn Hiệp", False),  # every query word must match
        ("dang", "Đặng Quốc Khánh", True),
        ("thuy", "Phạm Đức Thủy", True),
        ("", "anything", True),
        ("a", "", False),
    ],
)
def test_matches(query: str, text: str, expected: bool) -> None:
    assert matches(query, text) is expected


@given(st.text())
def test_fold_is_idempotent(s: str) -> None:
    assert fold(fold(s)) == fold(s)


@given(vietnamese_text)
def test_fold_of_vietnamese_is_ascii_lowercase_and_tidy(s: str) -> None:
    folded = fold(s)
    assert folded.isascii()
    assert folded == folded.lower()
    assert folded == " ".join(folded.split())


@given(vietnamese_text)
def test_fold_same_for_nfc_nfd_and_case(s: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", s), unicodedata.normalize("NFD", s)
    assert fold(nfc) == fold(nfd) == fold(s.upper()) == fold(s.lower())


@given(st.text())
def test_fold_same_for_nfc_and_nfd_of_any_text(s: str) -> None:
    assert fold(unicodedata.normalize("NFC", s)) == fold(unicodedata.normalize("NFD", s))


@given(vietnamese_text, st.data())
def test_a_text_matches_its_own_word_prefixes(s: str, data: st.DataObject) -> None:
    assert matches(s, s)
    words = fold_tokens(s)
    if words:
        word = data.draw(st.sampled_from(words))
        assert matches(word[: data.draw(st.integers(1, len(word)))], s)
