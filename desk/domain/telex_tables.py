"""Vietnamese syllables for the Telex / VNI composer: letter and key tables, and the
syllable model (parse a word into initial + vowels + final + tone, check that it can still
become a Vietnamese syllable, render it with the tone placed by the modern rule).

The tables are computed once at import; `desk.domain.telex` holds the typing logic.
Tones are numbered as VNI numbers them: 0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from itertools import product

# Combining marks for tones 1..5 (index 0 = no tone).
TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

# The twelve Vietnamese vowel letters without tone, and the vowel-letter marks.
PLAIN_VOWELS = "aeiouy"
TONELESS_VOWELS = "aăâeêioôơuưy"
CIRC, BREVE, HORN = "circ", "breve", "horn"

# toneless vowel -> (plain ASCII vowel, mark kind or "")
VOWEL_MARK: dict[str, tuple[str, str]] = {
    "a": ("a", ""), "ă": ("a", BREVE), "â": ("a", CIRC),
    "e": ("e", ""), "ê": ("e", CIRC),
    "i": ("i", ""),
    "o": ("o", ""), "ô": ("o", CIRC), "ơ": ("o", HORN),
    "u": ("u", ""), "ư": ("u", HORN),
    "y": ("y", ""),
}  # fmt: skip
# (plain vowel, mark kind) -> toneless vowel
WITH_MARK: dict[tuple[str, str], str] = {v: k for k, v in VOWEL_MARK.items()}

# (toneless lowercase vowel, tone) -> NFC letter; and the inverse for every Vietnamese letter.
TONED: dict[tuple[str, int], str] = {
    (v, t): unicodedata.normalize("NFC", v + TONE_MARKS[t])
    for v in TONELESS_VOWELS
    for t in range(6)
}
# lowercase letter -> (toneless lowercase letter, tone); consonants map to themselves, tone 0.
LETTER_INFO: dict[str, tuple[str, int]] = {ch: key for key, ch in TONED.items()}
CONSONANTS = "bcdđghklmnpqrstvxfjwz"  # f j w z only occur in foreign words
LETTER_INFO.update({c: (c, 0) for c in CONSONANTS})

# Initial consonants of a syllable ("" = none). "q" alone is only a prefix of "qu".
# "kr" and the final "k" below spell Central Highlands place names (Krông Búk, Đắk Lắk).
_INITIALS = "- b c ch d đ g gh gi h k kh kr l m n ng ngh nh p ph qu r s t th tr v x"
INITIALS = frozenset(c.strip("-") for c in _INITIALS.split())
# Final consonants; every prefix of a final is itself a final, so typing never passes
# through an invalid state. After a stop final only tones sắc and nặng are possible.
FINALS = frozenset({"c", "ch", "k", "m", "n", "ng", "nh", "p", "t"})
STOP_FINALS = frozenset({"c", "ch", "k", "p", "t"})
# A final k only follows ă or u (Đắk, Lắk, M'Đrắk, Búk), the breve typed before the k:
# English words (book, seek, ask) stay as typed.
K_VOWELS = frozenset({"ă", "u"})
STOP_TONES = frozenset({0, 1, 5})  # 0 is allowed while the tone key has not been typed yet

# Vowel clusters (toneless, lowercase): N = never followed by a final consonant,
# F = always followed by one, B = both.
CLUSTERS: dict[str, str] = {
    "a": "B", "ă": "F", "â": "F", "e": "B", "ê": "B", "i": "B", "o": "B", "ô": "B",
    "ơ": "B", "u": "B", "ư": "B", "y": "B",
    "ai": "N", "ao": "N", "au": "N", "ay": "N", "âu": "N", "ây": "N", "eo": "N", "êu": "N",
    "ia": "N", "iê": "F", "iu": "N", "oa": "B", "oă": "F", "oe": "B", "oi": "N", "ôi": "N",
    "ơi": "N", "oo": "F", "ua": "N", "uâ": "F", "uê": "B", "ui": "N", "uô": "F", "uơ": "N",
    "uy": "B", "ưa": "N", "ưi": "N", "ươ": "F", "ưu": "N", "yê": "F",
    "iêu": "N", "yêu": "N", "oai": "N", "oay": "N", "oeo": "N", "uây": "N", "uôi": "N",
    "uya": "N", "uyê": "F", "uyu": "N", "ươi": "N", "ươu": "N",
}  # fmt: skip


def _degraded(cluster: str) -> set[str]:
    """The cluster with any subset of its vowel marks not typed yet (they may come later)."""
    options = [{ch, VOWEL_MARK[ch][0]} for ch in cluster]
    return {"".join(p) for p in product(*options)}


# Vowel parts a word may have while being typed, with no final consonant yet: any degraded
# prefix of any cluster. With a final consonant: any degraded cluster that takes a final.
OPEN_FORMS: frozenset[str] = frozenset(
    form for c in CLUSTERS for k in range(1, len(c) + 1) for form in _degraded(c[:k])
)
CLOSED_FORMS: frozenset[str] = frozenset(
    form for c, kind in CLUSTERS.items() if kind != "N" for form in _degraded(c)
)

# Input methods. A modifier key maps plain vowels to the mark it gives them.
Modifier = dict[str, str]
TELEX_TONES = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5, "z": 0}
VNI_TONES = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "0": 0}
TELEX_MODIFIERS: dict[str, Modifier] = {
    "a": {"a": CIRC}, "e": {"e": CIRC}, "o": {"o": CIRC},
    "w": {"a": BREVE, "o": HORN, "u": HORN},
}  # fmt: skip
VNI_MODIFIERS: dict[str, Modifier] = {
    "6": {"a": CIRC, "e": CIRC, "o": CIRC},
    "7": {"o": HORN, "u": HORN},
    "8": {"a": BREVE},
}
TELEX_STROKE = "d"  # d + d -> đ
VNI_STROKE = "9"
# Keys to type each mark (inverse direction, for to_keys): Telex, VNI.
MARK_KEYS: dict[str, tuple[str, str]] = {CIRC: ("", "6"), BREVE: ("w", "8"), HORN: ("w", "7")}
TELEX_TONE_KEYS = " sfrxj"
VNI_TONE_KEYS = " 12345"


# ---------------------------------------------------------------- the syllable model


@dataclass(frozen=True, slots=True)
class Syllable:
    """A (possibly unfinished) syllable. Letters keep their case; vowels carry no tone."""

    initial: str
    vowels: str
    final: str
    tone: int


def is_upper(ch: str) -> bool:
    return ch != ch.lower()


def recase(ch: str, like: str) -> str:
    return ch.upper() if is_upper(like) else ch


def parse(word: str) -> Syllable | None:
    """Split a word into its syllable parts; None if it is not shaped like one."""
    parts: list[list[str]] = [[], [], []]
    part, tone = 0, 0
    for ch in word:
        info = LETTER_INFO.get(ch.lower())
        if info is None:
            return None
        bare, t = info
        if t:
            if tone:
                return None
            tone = t
        is_vowel = bare in VOWEL_MARK
        if part == 0 and is_vowel:
            part = 1
        elif part == 1 and not is_vowel:
            part = 2
        elif part == 2 and is_vowel:
            return None
        parts[part].append(recase(bare, ch))
    initial, vowels, final = ("".join(p) for p in parts)
    low_i, low_v = initial.lower(), vowels.lower()
    if (low_i == "q" and low_v[:1] == "u") or (
        low_i == "g" and low_v[:1] == "i" and len(low_v) > 1
    ):
        initial, vowels = initial + vowels[0], vowels[1:]
    return Syllable(initial, vowels, final, tone)


def plausible(syl: Syllable) -> bool:
    """Can this (unfinished) syllable still become a Vietnamese one by typing more keys?"""
    initial, vowels, final = syl.initial.lower(), syl.vowels.lower(), syl.final.lower()
    if not vowels:
        return not final and not syl.tone and (initial in INITIALS or initial == "q")
    if initial not in INITIALS or (initial == "qu" and vowels[0] in "uư"):
        return False
    if not final:
        return vowels in OPEN_FORMS
    if final not in FINALS or vowels not in CLOSED_FORMS:
        return False
    if final == "k" and vowels not in K_VOWELS:
        return False
    return final not in STOP_FINALS or syl.tone in STOP_TONES


def normalize(syl: Syllable) -> Syllable:
    """Settle ư/ơ pairs: "ươ" closing a syllable is "uơ" (thuở); "uơ"/"ưo" + more is "ươ"."""
    v = syl.vowels.lower()
    for pat in ("ưo", "uơ", "ươ", "ưô"):
        i = v.find(pat)
        if i >= 0:
            break
    else:
        return syl
    more = bool(syl.final) or i + 2 < len(v)
    if pat == "ưô":
        pair = "uô"
    elif more:
        pair = "ươ"
    elif pat == "ươ":
        pair = "uơ"
    else:
        return syl  # "ưo", "uơ" at the end: still being typed / thuở
    chars = list(syl.vowels)
    chars[i : i + 2] = [recase(pair[k], chars[i + k]) for k in range(2)]
    return replace(syl, vowels="".join(chars))


# Where the tone of an open oa / oe / uy goes: "old" on the first vowel (hòa, khỏe, thủy:
# UniKey's default, and what ID cards print), "new" on the second (hoà, khoẻ, thuỷ).
TONE_STYLES = ("old", "new")
_OLD_STYLE_PAIRS = frozenset({"oa", "oe", "uy"})


def tone_index(syl: Syllable, style: str = "old") -> int:
    """Index in `syl.vowels` of the vowel that carries the tone (`style`: old or new)."""
    v = syl.vowels.lower()
    marked = [i for i, ch in enumerate(v) if VOWEL_MARK[ch][1]]
    if len(v) == 1:
        return 0
    if marked:
        return marked[-1]
    if syl.final:
        return len(v) - 1
    if v in _OLD_STYLE_PAIRS:
        return 0 if style == "old" else 1
    return 1 if len(v) >= 3 else 0


def render(syl: Syllable, style: str = "old") -> str:
    """The NFC word for a syllable, tone on the right vowel (`style`: see TONE_STYLES)."""
    vowels = syl.vowels
    if syl.tone and vowels:
        i = tone_index(syl, style)
        toned = TONED[(vowels[i].lower(), syl.tone)]
        vowels = vowels[:i] + recase(toned, vowels[i]) + vowels[i + 1 :]
    return syl.initial + vowels + syl.final


def is_syllable_prefix(word: str) -> bool:
    """True if `word` is (the beginning of) a Vietnamese syllable."""
    syl = parse(word)
    return syl is not None and plausible(normalize(syl))


def set_mark(vowels: str, i: int, kind: str) -> str:
    plain = VOWEL_MARK[vowels[i].lower()][0]
    return vowels[:i] + recase(WITH_MARK[(plain, kind)], vowels[i]) + vowels[i + 1 :]
