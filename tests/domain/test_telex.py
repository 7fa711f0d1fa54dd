"""Telex and VNI typing: desk.domain.telex."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.errors import DomainError
from desk.domain.telex import Composer, compose, to_keys, to_telex, to_vni
from desk.i18n import t

# ---------------------------------------------------------------- examples


@pytest.mark.parametrize(
    ("keys", "text"),
    [
        ("Nguyeenx Vawn Hieepj", "Nguyễn Văn Hiệp"),
        ("Traanf Thij Ngocj Anhs", "Trần Thị Ngọc Ánh"),
        ("Phamj Dduwcs Thuyr", "Phạm Đức Thủy"),  # old style (the default): uy -> tone on u
        ("Lee Hoangf Yeens", "Lê Hoàng Yến"),
        ("Ddawngj Quoocs Khanhs", "Đặng Quốc Khánh"),
        ("Buif Thij Huwowng", "Bùi Thị Hương"),
        ("Buif Thij Huowng", "Bùi Thị Hương"),  # uow -> ươ
        ("khuyru", "khuỷu"),
        ("khuyur", "khuỷu"),
        ("nguowif", "người"),
        ("nguwowif", "người"),
        ("giuwx", "giữ"),
        ("quoocs", "quốc"),
        ("quyeenf quyts quys", "quyền quýt quý"),
        ("gif ginf gieengs didf", "gì gìn giếng đì"),
        ("thuowr", "thuở"),  # uơ closes the syllable: tone on ơ
        ("hoaf khoer thuyr", "hòa khỏe thủy"),  # open oa oe uy, old style: first vowel
        ("mias muas taif", "mía múa tài"),  # other pairs: first vowel
        ("hoafn hoanf", "hoàn hoàn"),  # a final consonant moves the tone to the last vowel
        ("ngoeoj khuaays", "ngoẹo khuấy"),
        ("dd DD Dd", "đ Đ Đ"),
        ("aa ee oo aw ow uw", "â ê ô ă ơ ư"),
        ("w W tw nhw", "ư Ư tư như"),
        ("NGUYEENX VAWN HIEEPJ", "NGUYỄN VĂN HIỆP"),
        ("Xin chaof, tooi laf Lan!", "Xin chào, tôi là Lan!"),
        ("ddieenj thoaij 0912345678", "điện thoại 0912345678"),
        ("cuar, thees.", "của, thế."),
        ("xooongf", "xoòng"),  # ooo -> oo that can still take a tone
        ("casz", "ca"),  # z removes the tone
        ("casf", "cà"),  # a new tone replaces the old one
    ],
)
def test_telex_examples(keys: str, text: str) -> None:
    assert compose(keys) == text


@pytest.mark.parametrize(
    ("keys", "text"),
    [
        ("Nguyen64 Va8n Hie65p", "Nguyễn Văn Hiệp"),
        ("Tra62n Thi5 Ngo5c A1nh", "Trần Thị Ngọc Ánh"),
        ("Pha5m D9u71c Thuy3", "Phạm Đức Thủy"),
        ("Bu2i Thi5 Huo7ng", "Bùi Thị Hương"),
        ("Bu2i Thi5 Hu7o7ng", "Bùi Thị Hương"),
        ("nguo72i khuy3u thuo73 giu74 quo61c", "người khuỷu thuở giữ quốc"),
        ("a11 a66 d99 a10", "a1 a6 d9 a"),  # double key undoes; 0 removes the tone
        ("Phong2 so61 12", "Phòng số 12"),
    ],
)
def test_vni_examples(keys: str, text: str) -> None:
    assert compose(keys, "vni") == text


@pytest.mark.parametrize(
    ("keys", "text"),
    [
        ("cass", "cas"),
        ("casss", "cass"),  # after an undo the word is typed literally
        ("aaa", "aa"),
        ("ddd", "dd"),
        ("ww", "w"),
        ("www", "ww"),
        ("Ww", "W"),
        ("uww", "uw"),
        ("huowngw", "huongw"),
        ("Nguyeexx", "Nguyêx"),  # only the tone is undone, ê stays
    ],
)
def test_double_key_undoes(keys: str, text: str) -> None:
    assert compose(keys) == text


@pytest.mark.parametrize(
    "word",
    ["Windows", "email", "https", "data", "Google", "Facebook", "Zalo", "Microsoft", "Samsung",
     "Canon", "iPhone", "COVID19", "abc123", "2024", "A4", "jpg", "pdf", "USB"],
)  # fmt: skip
def test_words_that_are_not_vietnamese_are_left_alone(word: str) -> None:
    assert compose(word) == word
    assert compose(f"Guwir email qua Zalo {word}") == f"Gửi email qua Zalo {word}"


# ---------------------------------------------------------------- issue 14 §5


@pytest.mark.parametrize(("keys", "text"), [
    ("giwx", "giữ"), ("giwax", "giữa"), ("giwowngf", "giường"), ("Giwx", "Giữ"),
    ("giww", "giw"),  # the double key still undoes
])
def test_gi_and_a_lone_w_make_giu_with_horn(keys: str, text: str) -> None:
    assert compose(keys) == text


@pytest.mark.parametrize(("keys", "method", "text"), [
    ("Ddawks Lawks", "telex", "Đắk Lắk"), ("Ddawks Noong", "telex", "Đắk Nông"),
    ("Kroong Buks", "telex", "Krông Búk"), ("Mddrawks", "telex", "Mddrawks"),
    ("D9a8k1 La8k1", "vni", "Đắk Lắk"), ("Kro6ng Bu1k", "vni", "Krông Búk"),
])
def test_a_final_k_spells_highland_place_names(keys: str, method: str, text: str) -> None:
    assert compose(keys, method) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("word", ["book", "seek", "ask", "look", "week", "Facebook"])
def test_english_words_ending_in_k_stay_as_typed(word: str) -> None:
    assert compose(word) == word


def test_tone_style_old_is_the_default_and_new_is_a_setting() -> None:
    assert compose("hoaf khoer thuyr Thuyr") == "hòa khỏe thủy Thủy"
    assert compose("hoaf khoer thuyr", tone_style="new") == "hoà khoẻ thuỷ"
    assert compose("hoa2 khoe3 thuy3", "vni", "new") == "hoà khoẻ thuỷ"
    assert compose("hoafn thuyeenf quys") == compose("hoafn thuyeenf quys", tone_style="new")
    with pytest.raises(DomainError) as info:
        Composer("telex", "modern")
    assert "modern" in t(info.value.key, "vi", **info.value.params)


@pytest.mark.parametrize(("keys", "text"), [
    ("vietej", "việt"), ("Vietej Nam", "Việt Nam"), ("tienges", "tiếng"), ("nguoiwf", "người"),
    ("congoz", "công"), ("ngheef", "nghề"),
])
def test_circumflex_key_after_the_final_consonant(keys: str, text: str) -> None:
    assert compose(keys) == text


@pytest.mark.parametrize("word", ["data", "mama", "papa", "gene", "coco", "note", "Canada"])
def test_circumflex_after_final_leaves_english_words_alone(word: str) -> None:
    assert compose(word) == word


def test_digits_are_left_alone_in_telex() -> None:
    assert compose("a1s 2s") == "a1s 2s"
    assert compose("Toor 5, khu 12") == "Tổ 5, khu 12"


# ---------------------------------------------------------------- the Composer


def test_feed_works_on_the_last_word_of_existing_text() -> None:
    c = Composer()
    assert c.feed("Xin chao", "f") == "Xin chào"
    assert c.feed("Xin chào", "s") == "Xin cháo"
    assert c.feed("Hoà", "n") == "Hoàn"
    assert c.feed("hòa", "n") == "hoàn"  # old-style text re-rendered by the modern rule
    assert c.feed("ok ", "w") == "ok ư"
    assert c.feed("", "") == ""
    assert c.feed("Le", "ef Vaan") == "Lề Vân"  # several keys at once


def test_backspace_returns_to_a_remembered_state() -> None:
    c = Composer()
    text = ""
    for key in "Nguye":
        text = c.feed(text, key)
    assert text == "Nguye"
    text = c.feed(c.feed(text, "e"), "n")
    assert text == "Nguyên"
    text = text[:-1]  # backspace
    assert c.feed(text, "n") == "Nguyên"
    text = c.feed(c.feed("ab", "c"), "a")  # "abca": not Vietnamese, kept literal
    assert text == "abca"
    assert c.feed(text, "s") == "abcas"


def test_reset_and_methods() -> None:
    c = Composer("vni")
    assert c.method == "vni"
    assert c.feed("Vie", "6") == "Viê"
    c.reset()
    assert c.feed("Viê", "5") == "Việ"
    assert Composer().feed("a", "6") == "a6"


def test_unknown_method_is_a_domain_error() -> None:
    with pytest.raises(DomainError) as info:
        Composer("viqr")  # type: ignore[arg-type]
    assert info.value.key == "text.input_method_unknown"
    assert "viqr" in t(info.value.key, "vi", **info.value.params)
    assert "viqr" in t(info.value.key, "en", **info.value.params)


def test_to_keys_examples() -> None:
    assert to_telex("Nguyễn Văn Hiệp") == "Nguyeenx Vawn Hieepj"
    assert to_vni("Nguyễn Văn Hiệp") == "Nguye6n4 Va8n Hie6p5"
    assert to_telex("người thuở Đặng") == "nguowif thuowr Ddawngj"
    assert to_telex("ĐẶNG") == "DDAWNGJ"
    assert to_keys("Hiệp", tone_at_end=False) == "Hieejp"
    assert to_telex("Windows 11, email!") == "Windows 11, email!"


# ---------------------------------------------------------------- every syllable

# Vowel clusters with the index of the toned vowel without / with a final consonant
# (None: the cluster cannot stand without / with a final). Written out independently of
# the composer's rule so the round trip also checks tone placement.
CLUSTERS: dict[str, tuple[int | None, int | None]] = {
    "a": (0, 0), "ă": (None, 0), "â": (None, 0), "e": (0, 0), "ê": (0, 0), "i": (0, 0),
    "o": (0, 0), "ô": (0, 0), "ơ": (0, 0), "u": (0, 0), "ư": (0, 0), "y": (0, 0),
    "ai": (0, None), "ao": (0, None), "au": (0, None), "ay": (0, None), "âu": (0, None),
    "ây": (0, None), "eo": (0, None), "êu": (0, None), "ia": (0, None), "iu": (0, None),
    "oi": (0, None), "ôi": (0, None), "ơi": (0, None), "ua": (0, None), "ui": (0, None),
    "ưa": (0, None), "ưi": (0, None), "ưu": (0, None), "uơ": (1, None),
    "oa": (1, 1), "oe": (1, 1), "uy": (1, 1), "uê": (1, 1),
    "iê": (None, 1), "yê": (None, 1), "oă": (None, 1), "uâ": (None, 1), "uô": (None, 1),
    "ươ": (None, 1), "oo": (None, 1),
    "iêu": (1, None), "yêu": (1, None), "oai": (1, None), "oay": (1, None), "oeo": (1, None),
    "uây": (1, None), "uôi": (1, None), "uya": (1, None), "uyu": (1, None), "ươi": (1, None),
    "ươu": (1, None), "uyê": (None, 2),
}  # fmt: skip
INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
            "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")  # fmt: skip
FINALS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _spelling_ok(initial: str, cluster: str, final: str) -> bool:
    front = cluster[0] in "eêiy"
    if initial in ("k", "gh", "ngh") and not front:
        return False
    if initial in ("c", "ng", "g") and front and cluster != "i":
        return False  # g + i... is spelled gi
    if initial == "qu" and cluster[0] in "uưo":
        return False
    if initial == "gi" and cluster[0] in "iy":
        return False
    if cluster[0] == "y" and cluster != "y" and initial not in ("", "qu"):
        return False  # yê / yêu begin a word or follow qu
    if cluster == "y" and final and initial != "qu":
        return False  # quýt, quýnh
    if final in ("ch", "nh") and cluster not in ("a", "ê", "i", "oa", "uê", "uy"):
        return False
    return final not in ("c", "ng") or cluster != "oo"


def _syllables(style: str = "new") -> Iterator[str]:
    for initial in INITIALS:
        for cluster, (open_pos, closed_pos) in CLUSTERS.items():
            if style == "old" and cluster in ("oa", "oe", "uy"):
                open_pos = 0  # hòa, khỏe, thủy
            for final in FINALS:
                pos = closed_pos if final else open_pos
                if pos is None or not _spelling_ok(initial, cluster, final):
                    continue
                for tone in (0, 1, 5) if final in ("c", "ch", "p", "t") else range(6):
                    toned = cluster[:pos] + cluster[pos] + TONE_MARKS[tone] + cluster[pos + 1 :]
                    yield unicodedata.normalize("NFC", initial + toned + final)


SYLLABLES = sorted(set(_syllables()))  # spelled in the new style (hoà, thuỷ)
OLD_SYLLABLES = sorted(set(_syllables("old")))


def test_the_syllable_set_is_large() -> None:
    assert len(SYLLABLES) > 5000
    expected = {"nguyễn", "khuỷu", "người", "giữ", "quốc", "thuở", "thuỷ", "hoà", "quyền", "gìn"}
    assert expected <= set(SYLLABLES)


@pytest.mark.parametrize("method", ["telex", "vni"])
def test_every_syllable_round_trips(method: str) -> None:
    failures = [
        (w, keys, got)
        for w in SYLLABLES
        if (got := compose(keys := to_keys(w, method), method, "new")) != w  # type: ignore[arg-type]
    ]
    assert failures == []


@pytest.mark.parametrize("method", ["telex", "vni"])
def test_every_syllable_round_trips_in_the_old_style_too(method: str) -> None:
    failures = [(w, keys, got) for w in OLD_SYLLABLES
                if (got := compose(keys := to_keys(w, method), method)) != w]  # type: ignore[arg-type]
    assert failures == []
    assert {"hòa", "khỏe", "thủy", "hoàn", "khuỷu", "quý"} <= set(OLD_SYLLABLES)


@pytest.mark.parametrize("method", ["telex", "vni"])
def test_tone_in_the_middle_or_at_the_end_gives_the_same_word(method: str) -> None:
    failures = []
    for w in SYLLABLES:
        middle = to_keys(w, method, tone_at_end=False)  # type: ignore[arg-type]
        if compose(middle, method, "new") != w:  # type: ignore[arg-type]
            failures.append((w, middle))
    assert failures == []


@given(st.sampled_from(SYLLABLES), st.data())
def test_the_tone_key_may_come_anywhere_after_the_first_vowel(w: str, data: st.DataObject) -> None:
    keys = to_telex(w)
    tone = keys[-1] if keys[-1] in "sfrxj" else ""
    if not tone:
        return
    body = keys[:-1]
    skip = 2 if body.lower().startswith("qu") else 0  # the u of qu is not a vowel
    first_vowel = next(i for i, ch in enumerate(body) if i >= skip and ch in "aeiouy")
    at = data.draw(st.integers(first_vowel + 1, len(body)))
    assert compose(body[:at] + tone + body[at:], tone_style="new") == w


@given(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=4), st.sampled_from(["t", "u"]))
def test_capitalised_phrases_round_trip(words: list[str], case: str) -> None:
    phrase = " ".join(w.title() if case == "t" else w.upper() for w in words)
    assert compose(to_telex(phrase), tone_style="new") == phrase
    assert compose(to_vni(phrase), "vni", "new") == phrase


@given(st.text(alphabet="abcdeghiklmnopqrstuvwxyzADW0123456789 .,", max_size=30))
def test_any_keys_compose_without_error_keeping_separators(keys: str) -> None:
    for method in ("telex", "vni"):
        text = compose(keys, method)  # type: ignore[arg-type]
        assert [ch for ch in text if not ch.isalnum()] == [ch for ch in keys if not ch.isalnum()]


# ---------------------------------------------------------------- raw Telex (issue 14 §5)


@pytest.mark.parametrize(("raw", "meant"), [
    ("Phongf Taif chinhs", "Phòng Tài chính"),
    ("Thieeus giaays towf khai", "Thiếu giấy tờ khai"),
    ("Nguyeenx Vawn Hieepj, thoon 3", "Nguyễn Văn Hiệp, thôn 3"),
])
def test_raw_telex_is_read_as_the_clerk_meant_it(raw: str, meant: str) -> None:
    from desk.domain.telex import untelex

    assert untelex(raw) == meant


@pytest.mark.parametrize("text", [
    "Phòng Taif chinhs",  # a Vietnamese letter: an input method was on, leave it
    "Chua co ket qua",  # no keys to apply
    "Ross data email Windows 0912345678",  # not Vietnamese syllables
    "",
])
def test_text_that_is_not_raw_telex_is_left_alone(text: str) -> None:
    from desk.domain.telex import untelex

    assert untelex(text) == text
