"""Messages in Vietnamese (default) and English: the one voice of the desk.

Each area keeps its own catalog module `desk/i18n/msg_<area>.py` defining two dicts, `VI` and
`EN`, from message key to a `str.format` template. They are merged on first use, so adding an
area never touches this file. Both languages have the same keys and the same placeholders
(tests/i18n). The language is set here once for the process (`set_language`); nothing else keeps
one. A parameter that is itself a key (a `MessageKey`: a status, an action, a sex) is rendered
in the reader's language, or in the one its format spec names: `{status_label:vi}`.
"""

from __future__ import annotations

import importlib
import logging
import marshal
import os
import pkgutil
import zlib
from pathlib import Path
from typing import Any

from desk import environment
from desk.domain.errors import MessageKey

LANGUAGES = ("vi", "en")
_language = "vi"
_catalogs: dict[str, dict[str, str]] | None = None
log = logging.getLogger("desk.i18n")
_unknown_logged: set[str] = set()


class MessageParamError(KeyError):
    """A message was asked for without one of its parameters (raised only when
    DESK_STRICT_MESSAGES is set, as in the tests; otherwise logged)."""


class UnknownMessageError(LookupError):
    """A message was asked for by a key no catalog has (raised only when DESK_STRICT_MESSAGES
    is set, as in the tests; otherwise logged once and the key is shown). Not a KeyError: a
    key parameter that is unknown must not pass for a missing parameter."""


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
            return data
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


def has(key: str) -> bool:
    """Whether `key` is in the catalogs (in Vietnamese, hence in both)."""
    return key in _load()["vi"]


def keys(prefix: str = "") -> list[str]:
    """The catalogs' keys that start with `prefix`."""
    return [k for k in _load()["vi"] if k.startswith(prefix)]


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """The message `key` in `lang` (default: the configured language), filled with `params`.

    Falls back to Vietnamese, so a missing translation never crashes. An unknown key or a
    missing parameter is a programming error: logged (the text shows the key, or the
    placeholder), or raised under DESK_STRICT_MESSAGES. Ask `has(key)` first when a key is
    built from data that may name no message.
    """
    cats = _load()
    lang = lang or _language
    template = cats[lang].get(key) or cats["vi"].get(key)
    if template is None:
        template = _unknown(key)
    for name, value in params.items():
        if isinstance(value, MessageKey | tuple) and _is_keys(value):
            params[name] = _Localized(value, lang)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError) as e:
        return _unfilled(key, template, params, e)


def _is_keys(value: Any) -> bool:
    return isinstance(value, MessageKey) or (
        bool(value) and all(isinstance(v, MessageKey) for v in value))


class _Localized:
    """A key parameter, rendered when the template is formatted: in the reader's language, or
    in the one named by the placeholder's format spec ({status_label:vi}); several keys are
    joined with commas."""

    __slots__ = ("keys", "lang")

    def __init__(self, keys: MessageKey | tuple[MessageKey, ...], lang: str) -> None:
        self.keys = (keys,) if isinstance(keys, MessageKey) else keys
        self.lang = lang

    def __format__(self, spec: str) -> str:
        if spec in LANGUAGES:
            return ", ".join(t(k, spec) for k in self.keys)
        return format(", ".join(t(k, self.lang) for k in self.keys), spec)


class _Kept(dict[str, Any]):
    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def _unknown(key: str) -> str:
    """The text of a key no catalog has: the key itself (what a clerk can read out to
    support), logged once per key so a table of such rows does not flood the log."""
    if environment.strict_messages():
        raise UnknownMessageError(f"message {key!r} is in no catalog (desk/i18n/msg_*.py)")
    if key not in _unknown_logged:
        _unknown_logged.add(key)
        log.error("message %r is in no catalog; its key is shown instead", key)
    return key.replace("{", "{{").replace("}", "}}")


def _unfilled(key: str, template: str, params: dict[str, Any], error: Exception) -> str:
    if environment.strict_messages():
        raise MessageParamError(f"message {key!r}: {type(error).__name__} {error}") from error
    log.error("message %r could not be filled (%s: %s); parameters given: %s", key,
              type(error).__name__, error, sorted(params))
    try:
        return template.format_map(_Kept(params))
    except (KeyError, IndexError, ValueError, AttributeError):
        return template


def render_error(exc: BaseException, lang: str | None = None) -> str:
    """Text for a DomainError (or anything with .key/.params); str(exc) otherwise."""
    key = getattr(exc, "key", None)
    if key is None:
        return str(exc)
    return t(key, lang, **getattr(exc, "params", {}))
