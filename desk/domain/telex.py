"""Telex and VNI typing for terminals without a Vietnamese input method.

`Composer.feed(text, key)` returns the text after typing `key`; it rewrites only the last
word. A word is kept as a syllable (initial consonant, vowel cluster, final consonant, tone)
and re-rendered after every key, so tone keys may come anywhere after the vowel — typically
at the end of the word — and the tone always lands where the spelling rule puts it:

* on the marked vowel (ă â ê ô ơ ư; the last one in ươ), else
* on the last vowel when a final consonant follows, else
* on an open oa, oe, uy: the first vowel in the old style (hòa, khỏe, thủy: UniKey's default
  and the ID card's spelling, our default), the second in the new style (hoà, khoẻ, thuỷ),
* on the middle of three vowels (khuỷu, ngoẹo), on the first of any other pair (mía, tài).

The u of "qu" and the i of "gi" + vowel belong to the initial (quốc, giữ).

A key transforms the word only when the result can still become a Vietnamese syllable;
otherwise it is typed as a letter. A word that cannot be Vietnamese at all (Windows, email,
https, digits) is shown exactly as typed. Typing a key twice undoes it and types it
(cáss -> cas, aaa -> aa, ddd -> dd, ww -> w).

Telex also takes the circumflex key after the final consonant, UniKey-style (vietej, vietje
-> việt, congoz -> công): after a tone it applies at once; on a toneless word the key is held
as a letter until a tone key (or z) follows, or the word ends (space, punctuation, leaving the
field: `finish`). At the word's end it applies only when the word shows it is Vietnamese — a
Vietnamese-only initial (đ, kh, ng, nh, th, tr, ch, ph, gi, qu), a final ng/nh or two vowels
(khongo -> không, tienge -> tiêng, xuana -> xuân, ddeme -> đêm) — so plain words such as
"data", "mama", "gene" or "mono" stay as typed. Place names of the Central Highlands spell a
final k after ă or u (Đắk Lắk, Krông Búk).

Telex: s f r x j tones, z no tone, aa ee oo -> â ê ô, aw ow uw -> ă ơ ư, uow -> ươ,
w alone -> ư, dd -> đ. VNI: 1-5 tones, 0 no tone, 6 â ê ô, 7 ơ ư, 8 ă, 9 đ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from desk.domain.errors import DomainError
from desk.domain.telex_tables import (
    CIRC,
    CLUSTERS,
    HORN,
    MARK_KEYS,
    STOP_FINALS,
    TELEX_MODIFIERS,
    TELEX_STROKE,
    TELEX_TONE_KEYS,
    TELEX_TONES,
    TONE_STYLES,
    VNI_MODIFIERS,
    VNI_STROKE,
    VNI_TONE_KEYS,
    VNI_TONES,
    VOWEL_MARK,
    Modifier,
    Syllable,
    is_syllable_prefix,
    normalize,
    parse,
    plausible,
    recase,
    render,
    set_mark,
    tone_index,
)

__all__ = [
    "METHODS",
    "TONE_STYLES",
    "Composer",
    "Method",
    "Syllable",
    "compose",
    "is_syllable_prefix",
    "parse",
    "render",
    "to_keys",
    "to_telex",
    "to_vni",
    "tone_index",
]

Method = Literal["telex", "vni"]
METHODS: tuple[Method, ...] = ("telex", "vni")
_HISTORY_LIMIT = 64


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # what is shown
    keys: str  # every key typed for it
    literal: bool = False  # no more transformations: keys are typed as they come
    w_pos: int | None = None  # index of an ư made by a lone Telex w
    held: bool = False  # the last key is a Telex circumflex key after the final (vietej)


class Composer:
    """Composes Telex or VNI keystrokes into Vietnamese text, one key at a time."""

    def __init__(self, method: Method = "telex", tone_style: str = "old") -> None:
        if method not in METHODS:
            raise DomainError("text.input_method_unknown", method=method, known=", ".join(METHODS))
        if tone_style not in TONE_STYLES:
            raise DomainError("text.tone_style_unknown", style=tone_style,
                              known=", ".join(TONE_STYLES))
        self.method: Method = method
        self.tone_style = tone_style
        self._tones = TELEX_TONES if method == "telex" else VNI_TONES
        self._modifiers = TELEX_MODIFIERS if method == "telex" else VNI_MODIFIERS
        self._stroke = TELEX_STROKE if method == "telex" else VNI_STROKE
        self._history: list[tuple[str, _Word]] = []

    def feed(self, text_so_far: str, key: str) -> str:
        """The full text after typing `key` at the end of `text_so_far`."""
        text = text_so_far
        for ch in key:
            text = self._feed_one(text, ch)
        return text

    def reset(self) -> None:
        """Forget the keys typed so far (e.g. when the input field changes)."""
        self._history.clear()

    def finish(self, text: str) -> str:
        """`text` once its last word is over (a space, punctuation, the field left): a held
        circumflex key applies if the word is plainly Vietnamese (khongo -> không)."""
        word = next((w for shown, w in reversed(self._history) if shown == text), None)
        if word is None or not word.held:  # not ours, or nothing held at its end
            return text
        done = self._release(word, "z", at_end=True)
        if done is None:
            return text
        return text[: len(text) - len(word.text)] + self._render(done)

    def _feed_one(self, text: str, key: str) -> str:
        if not key.isalnum():
            text = self.finish(text)
            self._history.clear()
            return text + key
        word = self._recall(text)
        new = self._step(word, key)
        result = text[: len(text) - len(word.text)] + new.text
        self._history.append((result, new))
        del self._history[:-_HISTORY_LIMIT]
        return result

    def _recall(self, text: str) -> _Word:
        """The state of the last word: remembered if we produced `text`, else read from it."""
        for n in range(len(self._history) - 1, -1, -1):
            if self._history[n][0] == text:
                del self._history[n + 1 :]
                return self._history[n][1]
        start = len(text)
        while start and text[start - 1].isalnum():
            start -= 1
        last = text[start:]
        self._history = [(text, _Word(last, last, literal=not is_syllable_prefix(last)))]
        return self._history[0][1]

    def _render(self, syl: Syllable) -> str:
        return render(syl, self.tone_style)

    def _step(self, word: _Word, key: str) -> _Word:
        keys = word.keys + key
        if word.literal:
            return replace(word, text=word.text + key, keys=keys)
        if word.held:
            done = self._release(word, key)
            if done is not None:
                return _Word(self._render(done), keys)
        syl = parse(word.text)
        if syl is not None:
            changed = self._transform(word, syl, key)
            if isinstance(changed, str):  # an undo: the key is typed, maybe literally from now on
                return _Word(changed, keys, literal=not is_syllable_prefix(changed))
            if changed is not None:
                return _Word(self._render(changed[0]), keys, w_pos=changed[1])
        typed = parse(word.text + key)
        if typed is not None:
            typed = normalize(typed)
            if plausible(typed):
                return _Word(self._render(typed), keys, w_pos=word.w_pos)
        if syl is not None and self._holds(syl, key):
            if syl.tone:  # viejt + e: a tone already says it is Vietnamese, apply it now
                now = self._release(replace(word, text=word.text + key), TELEX_TONE_KEYS[
                    syl.tone])
                if now is not None:
                    return _Word(self._render(now), keys)
            return _Word(word.text + key, keys, held=True)
        return _Word(keys, keys, literal=True)  # not Vietnamese: show the keys as typed

    def _holds(self, syl: Syllable, key: str) -> bool:
        """A Telex circumflex key after the final consonant (viet + e) that fits the vowels:
        typed as a letter for now, applied if a tone key follows (see `_release`)."""
        low = key.lower()
        return (self.method == "telex" and bool(syl.final) and low in "aeo"
                and any(VOWEL_MARK[ch] == (low, "") for ch in syl.vowels.lower()))

    def _release(self, word: _Word, key: str, at_end: bool = False) -> Syllable | None:
        """viete + j -> việt: the held circumflex and the tone key applied together (the
        tone the word has already if the key is z). `at_end`: the word is over (see
        `finish`), so it must be a whole, plainly Vietnamese word."""
        tone = self._tones.get(key.lower())
        if tone is None:
            return None
        syl = parse(word.text[:-1])
        if syl is None:
            return None
        low, mark = syl.vowels.lower(), word.text[-1].lower()
        i = next((n for n, ch in enumerate(low) if VOWEL_MARK[ch] == (mark, "")), None)
        if i is None:
            return None
        done = normalize(replace(syl, vowels=set_mark(syl.vowels, i, CIRC),
                                 tone=tone or syl.tone))
        if at_end and not _plainly_vietnamese(done):
            return None
        return done if plausible(done) else None

    def _transform(
        self, word: _Word, syl: Syllable, key: str
    ) -> str | tuple[Syllable, int | None] | None:
        """Apply `key` as a tone/mark/đ key: a new syllable, an undone word, or None."""
        low = key.lower()
        if low in self._tones:
            return self._tone(syl, self._tones[low], key)
        if low == self._stroke:
            initial = syl.initial.lower()
            if initial == "đ":
                return self._render(replace(syl, initial=recase("d", syl.initial))) + key
            if initial != "d":
                return None
            return self._ok(replace(syl, initial=recase("đ", syl.initial)), word.w_pos)
        if low in self._modifiers:
            if self.method == "telex" and low != "w" and syl.final:
                return None  # a doubled vowel after the final consonant is a letter (data)
            return self._modify(word, syl, self._modifiers[low], key)
        return None

    @staticmethod
    def _ok(syl: Syllable, w_pos: int | None = None) -> tuple[Syllable, int | None] | None:
        syl = normalize(syl)
        return (syl, w_pos) if plausible(syl) else None

    def _tone(self, syl: Syllable, tone: int, key: str,
              ) -> str | tuple[Syllable, int | None] | None:
        if not syl.vowels or tone == syl.tone == 0:
            return None
        if tone and tone == syl.tone:
            return self._render(replace(syl, tone=0)) + key
        return self._ok(replace(syl, tone=tone))

    def _modify(
        self, word: _Word, syl: Syllable, mod: Modifier, key: str
    ) -> str | tuple[Syllable, int | None] | None:
        vowels = syl.vowels
        low = vowels.lower()
        targets = [i for i, ch in enumerate(low) if VOWEL_MARK[ch][0] in mod]
        if mod.get("u") == mod.get("o") == HORN:  # uo + w -> ươ (normalize may make it uơ)
            for pat in ("uo", "ưo", "uô"):
                i = low.find(pat)
                if i >= 0:
                    both = set_mark(set_mark(vowels, i, HORN), i + 1, HORN)
                    return self._ok(replace(syl, vowels=both), word.w_pos)
        done = [i for i in targets if VOWEL_MARK[low[i]][1] == mod[VOWEL_MARK[low[i]][0]]]
        if done:  # undo the mark(s) and type the key
            plain = vowels
            for i in done:
                plain = set_mark(plain, i, "")
            if word.w_pos is not None and word.w_pos - len(syl.initial) in done:
                chars = list(self._render(replace(syl, vowels=plain)))  # ww -> w
                chars[word.w_pos] = recase("w", chars[word.w_pos])
                return "".join(chars)
            return self._render(replace(syl, vowels=plain)) + key
        for i in targets:
            kind = mod[VOWEL_MARK[low[i]][0]]
            found = self._ok(replace(syl, vowels=set_mark(vowels, i, kind)), word.w_pos)
            if found is not None:
                return found
        if self.method == "telex" and key.lower() == "w" and not syl.final:
            if not vowels:
                return self._ok(replace(syl, vowels=recase("ư", key)), len(syl.initial))
            if syl.initial.lower() == "g" and low == "i":  # gi + w -> giư (giữ, giữa, giường)
                gi = replace(syl, initial=syl.initial + vowels, vowels=recase("ư", key))
                return self._ok(gi, len(gi.initial))
        return None


# Initials no English word starts with: a word with one is Vietnamese (see `finish`).
_VIETNAMESE_INITIALS = frozenset({"đ", "kh", "ng", "ngh", "nh", "th", "tr", "ch", "ph", "gi",
                                  "qu"})


def _plainly_vietnamese(syl: Syllable) -> bool:
    """A finished toneless word with a circumflex that no English word spells: khongo ->
    không, but mama, gene, mono, data stay."""
    final = syl.final.lower()
    if not final or final in STOP_FINALS:
        return False  # a stop final needs a tone key (vietej); toneless it is no word
    return (syl.initial.lower() in _VIETNAMESE_INITIALS or final in ("ng", "nh")
            or len(syl.vowels) >= 2)


def compose(keys: str, method: Method = "telex", tone_style: str = "old") -> str:
    """Type a whole keystroke string: compose("Nguyeenx Vawn Hieepj") == "Nguyễn Văn Hiệp"."""
    composer = Composer(method, tone_style)
    text = ""
    for key in keys:
        text = composer.feed(text, key)
    return composer.finish(text)


def to_keys(text: str, method: Method = "telex", tone_at_end: bool = True) -> str:
    """Keystrokes that type `text` (NFC): the inverse of `compose`, word by word.

    The tone key comes at the end of each word, or right after its vowels when
    `tone_at_end` is False. Words that are not Vietnamese syllables are copied as they are.
    """
    return re.sub(r"[^\W_]+", lambda m: _word_keys(m.group(), method, tone_at_end), text)


def to_telex(text: str) -> str:
    return to_keys(text, "telex")


def to_vni(text: str) -> str:
    return to_keys(text, "vni")


def _word_keys(word: str, method: Method, tone_at_end: bool) -> str:
    syl = parse(word)
    if syl is None or not plausible(normalize(syl)):
        return word
    telex = method == "telex"
    case = str.upper if word.isupper() else str.lower  # for keys that add marks or tones
    out: list[str] = []
    for ch in syl.initial:
        out.append(ch if ch.lower() != "đ" else recase("d", ch) + case("d" if telex else "9"))
    low = syl.vowels.lower()
    for i, ch in enumerate(syl.vowels):
        plain, kind = VOWEL_MARK[low[i]]
        out.append(recase(plain, ch))
        if kind == HORN and low[i : i + 2] in ("ươ", "uơ"):
            continue  # the pair takes one w / 7, typed after the o
        if kind:
            mark = (plain if kind == CIRC else MARK_KEYS[kind][0]) if telex else MARK_KEYS[kind][1]
            out.append(case(mark))
        elif telex and plain == "o" and low[i + 1 : i + 2] == "o":
            out.append(case("o"))  # o o o -> ô o -> oo (the undo keeps "oo" editable)
    tone = case((TELEX_TONE_KEYS if telex else VNI_TONE_KEYS)[syl.tone].strip())
    if tone_at_end:
        out.append(syl.final + tone)
    else:
        out.append(tone + syl.final)
    return "".join(out)


def untelex(text: str, tone_style: str = "old") -> str:
    """Text typed with Telex keys while no input method was on ("Phongf Taif chinhs"), as
    the clerk meant it ("Phòng Tài chính"); any other text unchanged.

    Only a text without a single Vietnamese letter qualifies (with one, an input method was
    working), and in it only a word that Telex turns into a complete Vietnamese syllable with
    a mark or a tone, using up at least one key (so "Ross", "data", "email" stay).
    """
    if not text.isascii():
        return text

    def word(m: re.Match[str]) -> str:
        raw = m.group()
        done = compose(raw, "telex", tone_style)
        if done == raw or done.isascii() or len(done) >= len(raw):
            return raw
        syl = parse(done)
        if syl is None or not syl.vowels or not plausible(syl) or not _complete(syl):
            return raw
        return done

    return re.sub(r"[A-Za-z]+", word, text)


def _complete(syl: Syllable) -> bool:
    """A syllable that can stand as it is (not a prefix still waiting for its final)."""
    kind = CLUSTERS.get(syl.vowels.lower())
    if kind is None:
        return False
    return kind != "F" or bool(syl.final)
