"""Numbers as Vietnamese words, for spoken queue calls.

Text-to-speech engines read digits badly ("15" → "mười năm", "A015" → "A không mười năm"), so
the announcer is always given words, never digits. Style (notes/queue.md §4): northern standard,
"nghìn" (not "ngàn"), "linh" (not "lẻ"), "mốt" / "lăm" / "tư" after "mươi", "lăm" after "mười".

    >>> number_to_words(1015)
    'một nghìn không trăm mười lăm'
    >>> call_sentence("A015", 2)
    'Xin mời công dân có số thứ tự A mười lăm đến quầy số hai'
"""

from __future__ import annotations

from typing import Final, Literal

from desk.domain.errors import DomainError

MAX_NUMBER: Final = 999_999_999

DIGITS: Final[tuple[str, ...]] = (
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
)  # fmt: skip

# Scales of 1000, lowest first: units, nghìn, triệu.
_SCALES: Final[tuple[str, ...]] = ("", "nghìn", "triệu")

# How each letter of a ticket prefix is spoken (its name in the Vietnamese alphabet).
# Vowels are named by themselves and kept upper-case, as in the spec's example
# "… số thứ tự A mười lăm …". Kept as data so an office can change them.
LETTER_NAMES: Final[dict[str, str]] = {
    "A": "A", "Ă": "Á", "Â": "Ớ", "B": "Bê", "C": "Xê", "D": "Dê", "Đ": "Đê", "E": "E",
    "Ê": "Ê", "F": "Ép", "G": "Giê", "H": "Hát", "I": "I", "J": "Gi", "K": "Ca",
    "L": "E lờ", "M": "Em mờ", "N": "En nờ", "O": "O", "Ô": "Ô", "Ơ": "Ơ", "P": "Pê",
    "Q": "Quy", "R": "E rờ", "S": "Ét xì", "T": "Tê", "U": "U", "Ư": "Ư", "V": "Vê",
    "W": "Vê kép", "X": "Ích xì", "Y": "I dài", "Z": "Dét",
}  # fmt: skip

# Characters in a ticket or counter label that are not spoken.
_SILENT: Final = frozenset(" -._/")

CALL_TEMPLATE: Final = "Xin mời công dân có số thứ tự {ticket} đến quầy số {counter}"

Four = Literal["tư", "bốn"]


def _units_after_tens(u: int, four: Four) -> str:
    """The units digit after "mươi" (tens ≥ 2)."""
    if u == 1:
        return "mốt"
    if u == 4:
        return four
    if u == 5:
        return "lăm"
    return DIGITS[u]


def _group(n: int, *, full: bool, four: Four) -> list[str]:
    """Words for 0 < n < 1000. `full`: say the hundreds even when zero ("không trăm"),
    as a group that follows a higher one must ("một nghìn không trăm linh năm")."""
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    words: list[str] = []
    if h or full:
        words += [DIGITS[h], "trăm"]
    if t == 0:
        if u:
            if words:
                words.append("linh")
            words.append(DIGITS[u])
    elif t == 1:
        words.append("mười")
        if u:
            words.append("lăm" if u == 5 else DIGITS[u])
    else:
        words += [DIGITS[t], "mươi"]
        if u:
            words.append(_units_after_tens(u, four))
    return words


def number_to_words(n: int, *, four: Four = "tư") -> str:
    """`n` (0 ≤ n ≤ 999,999,999) in Vietnamese words, lower case.

    `four` is how 4 is said after "mươi" (24 → "hai mươi tư"); "bốn" for offices that prefer it.
    Raises DomainError("words.range") outside the range.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_NUMBER:
        raise DomainError("words.range", number=n, max=MAX_NUMBER)
    if n == 0:
        return DIGITS[0]
    groups: list[int] = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    top = len(groups) - 1
    for i in range(top, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        words += _group(g, full=i < top, four=four)
        if _SCALES[i]:
            words.append(_SCALES[i])
    return " ".join(words)


def label_to_words(label: str, *, four: Four = "tư") -> str:
    """A ticket number or counter label spoken: letters by name, each run of digits as one
    number without its leading zeros. "A015" → "A mười lăm", "B2" → "Bê hai", "12" → "mười hai".

    Spaces, dashes, dots, underscores and slashes are silent. Raises DomainError("words.label")
    for an empty label or any other character, and ("words.range") for a too-long digit run.
    """
    if not isinstance(label, str):
        raise DomainError("words.label", label=label, char=label)
    parts: list[str] = []
    digits = ""
    for ch in label.strip().upper():
        if ch in "0123456789":
            digits += ch
            continue
        if digits:
            parts.append(_digits_to_words(digits, four))
            digits = ""
        if ch in _SILENT:
            continue
        name = LETTER_NAMES.get(ch)
        if name is None:
            raise DomainError("words.label", label=label, char=ch)
        parts.append(name)
    if digits:
        parts.append(_digits_to_words(digits, four))
    if not parts:
        raise DomainError("words.label", label=label, char="")
    return " ".join(parts)


def _digits_to_words(digits: str, four: Four) -> str:
    stripped = digits.lstrip("0")
    if len(stripped) > len(str(MAX_NUMBER)):
        raise DomainError("words.range", number=digits, max=MAX_NUMBER)
    return number_to_words(int(stripped or "0"), four=four)


def call_sentence(ticket_number: str, counter: int | str, *, four: Four = "tư") -> str:
    """The sentence announcing a call, all in words:
    ("A015", 2) → "Xin mời công dân có số thứ tự A mười lăm đến quầy số hai"."""
    counter_words = (
        number_to_words(counter, four=four)
        if isinstance(counter, int)
        else label_to_words(counter, four=four)
    )
    ticket_words = label_to_words(ticket_number, four=four)
    return CALL_TEMPLATE.format(ticket=ticket_words, counter=counter_words)
