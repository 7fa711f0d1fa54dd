"""Messages in Vietnamese (default) and English.

Each area keeps its own catalog module `desk/i18n/msg_<area>.py` defining two dicts, `VI` and
`EN`, from message key to a `str.format` template. They are merged on first use, so adding an
area never touches this file.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

LANGUAGES = ("vi", "en")
_language = "vi"
_catalogs: dict[str, dict[str, str]] | None = None


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGUAGES}")
    _language = lang


def get_language() -> str:
    return _language


def _load() -> dict[str, dict[str, str]]:
    global _catalogs
    if _catalogs is None:
        merged: dict[str, dict[str, str]] = {"vi": {}, "en": {}}
        for info in pkgutil.iter_modules(__path__):
            if info.name.startswith("msg_"):
                mod = importlib.import_module(f"{__name__}.{info.name}")
                merged["vi"].update(mod.VI)
                merged["en"].update(mod.EN)
        _catalogs = merged
    return _catalogs


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """The message `key` in `lang` (default: the configured language), filled with `params`.

    Falls back to Vietnamese, then to the key itself, so a missing translation never crashes.
    """
    cats = _load()
    template = cats[lang or _language].get(key) or cats["vi"].get(key) or key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def render_error(exc: BaseException, lang: str | None = None) -> str:
    """Text for a DomainError (or anything with .key/.params); str(exc) otherwise."""
    key = getattr(exc, "key", None)
    if key is None:
        return str(exc)
    return t(key, lang, **getattr(exc, "params", {}))
