"""Issue 14 §5: the UniKey habits the composer had left raw — the circumflex key after the
final consonant when the tone came first (vietje), and on a toneless word once it ends
(khongo → không) — without breaking plain English words."""

from __future__ import annotations

import pytest

from desk.domain.telex import Composer, compose


@pytest.mark.parametrize(("keys", "text"), [
    ("vietje", "việt"), ("Vietje Nam", "Việt Nam"), ("tiengse", "tiếng"),
    ("nguoifw", "người"),
])
def test_circumflex_after_the_final_and_after_the_tone(keys: str, text: str) -> None:
    assert compose(keys) == text


@pytest.mark.parametrize(("keys", "text"), [
    ("khongo", "không"), ("Khongo.", "Không."), ("congo ", "công "), ("tienge", "tiêng"),
    ("xuana", "xuân"), ("ddeme", "đêm"), ("Truwowngf xuana, khongo", "Trường xuân, không"),
])
def test_a_toneless_word_takes_the_circumflex_when_it_ends(keys: str, text: str) -> None:
    assert compose(keys) == text


@pytest.mark.parametrize("word", ["mama", "data", "gene", "mono", "papa", "coco", "note",
                                  "dana", "Canada", "memo", "demo"])
def test_plain_words_stay_as_typed_when_they_end(word: str) -> None:
    assert compose(word) == word
    assert compose(f"{word}, ") == f"{word}, "


def test_the_word_is_still_open_until_it_ends() -> None:
    c = Composer()
    text = ""
    for key in "khongo":
        text = c.feed(text, key)
    assert text == "khongo"  # a tone key may still come (khongos → khống)
    assert c.feed(text, "s") == "khống"
    assert c.finish(text) == "không"
    assert c.feed(text, " ") == "không "
