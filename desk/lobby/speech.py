"""The spoken call on the waiting-room page: "Mời số A một trăm linh năm đến quầy số ba".

The words come from desk.domain.words (numbers never reach a voice as digits). The sound is
joined from short recorded clips shipped in desk/lobby/static/audio (see build_clips.py):
whole phrases first ("mời số", "đến quầy số"), then one clip per word, after a chime.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from desk.domain.words import label_to_words, number_to_words

AUDIO_DIR = Path(__file__).resolve().parent / "static" / "audio"
MANIFEST = AUDIO_DIR / "manifest.json"
CHIME = "chime"
TEMPLATE = "Mời số {ticket} đến quầy số {counter}"
PHRASES = ("mời số", "đến quầy số")  # recorded whole: they sound better than word by word


def call_words(label: str, counter: int) -> str:
    """("A105", 3) → "Mời số A một trăm linh năm đến quầy số ba"."""
    return TEMPLATE.format(ticket=label_to_words(label), counter=number_to_words(counter))


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.lower().split()))


def clip_keys(sentence: str, available: set[str]) -> list[str] | None:
    """The clips that say `sentence` in order, longest phrase first; None when a word has no
    clip (the page then shows the call without speaking it)."""
    words = _key(sentence).split()
    longest = max((len(k.split()) for k in available), default=1)
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n])
            if key in available:
                out.append(key)
                i += n
                break
        else:
            return None
    return out


@lru_cache(maxsize=1)
def manifest() -> dict[str, str]:
    """Clip key ("mời số", "một", "chime") → file name in AUDIO_DIR."""
    try:
        data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {_key(k): v for k, v in data.items()}


def call_clips(label: str, counter: int) -> list[str]:
    """File names to play for a call: the chime, then the sentence (empty when unspeakable)."""
    files = manifest()
    keys = clip_keys(call_words(label, counter), set(files) - {CHIME})
    if keys is None:
        return [files[CHIME]] if CHIME in files else []
    return ([files[CHIME]] if CHIME in files else []) + [files[k] for k in keys]
