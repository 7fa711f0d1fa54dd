"""Both languages say the same things: the same keys and the same placeholders in every message,
and each key defined once (a key in two catalog modules would silently shadow the other)."""

from __future__ import annotations

import importlib
import pkgutil
import string

import desk.i18n
from desk.i18n import _merge

_FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    """The parameter names of a str.format template ("{value!r}", "{status_label:vi}" → the
    names)."""
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in _FORMATTER.parse(template) if name is not None}


def _modules() -> dict[str, object]:
    return {info.name: importlib.import_module(f"desk.i18n.{info.name}")
            for info in pkgutil.iter_modules(desk.i18n.__path__)
            if info.name.startswith("msg_")}


def test_both_languages_have_the_same_keys() -> None:
    cats = _merge()
    assert sorted(set(cats["vi"]) - set(cats["en"])) == []
    assert sorted(set(cats["en"]) - set(cats["vi"])) == []
    for name, mod in _modules().items():  # and within each catalog module
        assert set(mod.VI) == set(mod.EN), name  # type: ignore[attr-defined]


def test_both_languages_have_the_same_placeholders() -> None:
    cats = _merge()
    differ = {key: (sorted(placeholders(vi)), sorted(placeholders(cats["en"][key])))
              for key, vi in cats["vi"].items()
              if key in cats["en"] and placeholders(vi) != placeholders(cats["en"][key])}
    assert differ == {}


def test_every_template_parses() -> None:
    cats = _merge()
    bad = []
    for lang, cat in cats.items():
        for key, template in cat.items():
            try:
                placeholders(template)
            except ValueError as e:  # a lone "{" or "}"
                bad.append((lang, key, str(e)))
    assert bad == []


def test_each_key_is_defined_in_one_catalog_module() -> None:
    seen: dict[str, str] = {}
    twice = []
    for name, mod in _modules().items():
        for key in mod.VI:  # type: ignore[attr-defined]
            if key in seen:
                twice.append((key, seen[key], name))
            seen[key] = name
    assert twice == []


def test_the_detector_sees_a_mismatch() -> None:
    assert placeholders("Hồ sơ {code} ({status_label:vi}), {value!r}") == {
        "code", "status_label", "value"}
