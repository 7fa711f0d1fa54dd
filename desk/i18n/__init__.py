"""Messages in Vietnamese (default) and English.

Each area keeps its own catalog module `desk/i18n/msg_<area>.py` defining two dicts, `VI` and
`EN`, from message key to a `str.format` template. They are merged on first use, so adding an
area never touches this file.
"""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import zlib
from pathlib import Path
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
        _catalogs = _cached() or _merge()
    return _catalogs


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {"vi": {}, "en": {}}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("msg_"):
            mod = importlib.import_module(f"{__name__}.{info.name}")
            merged["vi"].update(mod.VI)
            merged["en"].update(mod.EN)
    return merged


def _cached() -> dict[str, dict[str, str]] | None:
    """The merged catalogs from a marshal file in __pycache__, keyed by the catalog files'
    names, sizes and times: importing ~20 catalog modules costs ~20 ms of every start, the
    marshal file ~1 ms. None (merge by importing) when there is no source or no cache."""
    here = Path(__file__).parent
    try:
        files = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns)
                       for e in os.scandir(here) if e.name.startswith("msg_")
                       and e.name.endswith(".py"))
    except OSError:
        return None
    if not files:
        return None
    cache = here / "__pycache__" / f"catalogs-{zlib.crc32(repr(files).encode()):08x}.marshal"
    try:
        data = marshal.loads(cache.read_bytes())
        if isinstance(data, dict) and set(data) == {"vi", "en"}:
            return data  # type: ignore[no-any-return]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    merged = _merge()
    try:  # like a .pyc: written when the directory allows it, never required
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob("catalogs-*.marshal"):
            old.unlink(missing_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(merged))
        os.replace(tmp, cache)
    except OSError:
        pass
    return merged


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
