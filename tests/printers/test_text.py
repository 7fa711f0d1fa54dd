"""Word wrap and document layout: never too wide, never splitting a Vietnamese letter."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printers.document import Columns, Document, Line, layout_lines, to_text
from printers.escpos.testsheet import ALL_LETTERS
from printers.layouts.samples import sample_documents
from printers.text import clusters, display_width, wrap

from .conftest import WIDTHS

words = st.lists(
    st.text(alphabet=st.sampled_from([*ALL_LETTERS, "n", "g", "h", "-", ".", "1"]),
            min_size=1, max_size=30),
    min_size=0, max_size=25)


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@settings(max_examples=300, deadline=None)
@given(words=words, width=st.integers(min_value=3, max_value=48),
       indent=st.integers(min_value=0, max_value=10),
       prefix=st.sampled_from(["", "- ", "Địa chỉ: ", "1. "]))
def test_wrap_fits_and_keeps_letters(words: list[str], width: int, indent: int,
                                     prefix: str) -> None:
    text = " ".join(words)
    lines = wrap(_decomposed(text), width, indent=indent, first_prefix=prefix)
    for line in lines:
        assert display_width(line) <= width
        assert unicodedata.is_normalized("NFC", line)
        assert not line or not unicodedata.combining(line[0])
    # nothing lost: the non-space clusters come back in order
    got = [c for line in lines for c in clusters(line) if c != " "]
    want = [c for c in clusters(prefix + text) if c != " "]
    if display_width(prefix) <= width:
        assert got == want


def test_wrap_breaks_between_words() -> None:
    lines = wrap("Thôn Đông Hải, xã Tân Phú, huyện Đức Trọng", 20)
    assert lines == ["Thôn Đông Hải, xã", "Tân Phú, huyện Đức", "Trọng"]


def test_wrap_long_word_split_on_letters() -> None:
    assert wrap("Nghiêngnghiêng", 5) == ["Nghiê", "ngngh", "iêng"]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_layout_line_fits(width: int) -> None:
    for name, doc in sample_documents().items():
        for item in layout_lines(doc, width):
            if isinstance(item, Line):
                assert display_width(item.text) * item.width <= width, (name, item)


def test_columns_and_magnified_text() -> None:
    doc = Document().add(Columns(("Bên giao", "Bên nhận"), aligns=("left", "right")))
    doc.text("A015", width=8, height=8)
    lines = [i for i in layout_lines(doc, 32) if isinstance(i, Line)]
    assert lines[0].text == "Bên giao" + " " * 16 + "Bên nhận"
    assert lines[1].width == 8 and display_width(lines[1].text) == 4
    assert "[CUT]" not in to_text(doc, 32)
