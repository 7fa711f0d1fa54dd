"""The language of the command line, chosen before anything else is loaded, and the `--help`
texts in it."""

from __future__ import annotations

from pathlib import Path

from desk import environment, toml_file
from desk.i18n import get_language, keys, t


def early_language(argv: list[str]) -> str:
    """The office language, read cheaply (tomllib only) so even --help speaks it. The caller
    sets it (desk.i18n.set_language): desk.i18n keeps the process's one language setting."""
    lang = environment.language()
    if lang is None:
        lang = "vi"
        path = _config_path_from(argv)
        if path is not None:
            try:
                data = toml_file.parse(path)
                office = data.get("office", {})
                if isinstance(office, dict) and office.get("language") in ("vi", "en"):
                    lang = office["language"]
            except (OSError, ValueError):
                pass  # the real loader reports a bad file properly later
    return lang


def _config_path_from(argv: list[str]) -> Path | None:
    for i, a in enumerate(argv):
        if a == "--config" and i + 1 < len(argv):
            return Path(argv[i + 1])
        if a.startswith("--config="):
            return Path(a.split("=", 1)[1])
    if environment.config_file() is not None:
        return environment.config_file()
    local = Path.cwd() / "desk.toml"
    return local if local.is_file() else None


_helps: dict[str, dict[str, str]] = {}


def helps() -> dict[str, str]:
    """The `--help` texts in the process's language: h["dossier.receive"] is the catalogs'
    "help.dossier.receive" (desk/i18n/msg_help*.py). A text the catalogs lack is a KeyError
    when the parser is built, never a raw key in the help."""
    lang = get_language()
    if lang not in _helps:  # ~250 texts: once per language, `desk --help` asks several times
        _helps[lang] = {key.removeprefix("help."): t(key) for key in keys("help.")}
    return dict(_helps[lang])
