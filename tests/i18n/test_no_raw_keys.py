"""No message key reaches the screen: the help of every command and sub-command, and each mode
of the counter (F1–F7, Ctrl+O), in Vietnamese and in English."""

from __future__ import annotations

import argparse
import html
import re
from collections.abc import Iterator
from typing import Any

import pytest

from desk import cli
from desk.app import DeskApp
from desk.i18n import set_language
from desk.services.context import DeskContext
from desk.services.demo_dossiers import seed_demo_dossiers
from desk.services.trust.auth import login
from tests.rawkeys import raw_keys
from tests.tui import workers_done

FILES = (".pdf", ".xlsx", ".csv", ".json", ".toml")  # the examples' file names: book.pdf


def _keys(text: str) -> list[str]:
    return [k for k in raw_keys(text) if not k.endswith(FILES)]


def _parsers(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, Any]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_is_words(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    set_language(lang)
    helps = dict(_parsers(cli.build_parser(), "desk"))
    assert len(helps) > 80 and "desk dossier receive" in helps
    leaked = {path: _keys(p.format_help()) for path, p in helps.items()}
    assert {path: keys for path, keys in leaked.items() if keys} == {}
    text = helps["desk dossier receive"].format_help()
    assert ("tiếp nhận một hồ sơ đầy đủ" in text) == (lang == "vi")


def test_the_detector_finds_a_key_in_a_help() -> None:
    assert _keys("  --clerk NAME  help.auth.clerk, --out book.pdf") == ["help.auth.clerk"]


def _visible(app: DeskApp) -> str:
    """The characters on the terminal, from Textual's own screenshot (SVG)."""
    svg = app.export_screenshot()
    rows = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", "", r) for r in rows)).replace("\xa0", " ")


MODE_KEYS = ("f2", "f3", "f4", "f5", "f6", "f7", "ctrl+o")


@pytest.mark.slow  # ~10 s a language: every mode of the counter, with its data
@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_no_mode_of_the_counter_shows_a_key(lang: str, demo_ctx: DeskContext) -> None:
    seed_demo_dossiers(demo_ctx)
    set_language(lang)
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, "Trần Văn Minh", "2345")  # a supervisor: F6 too
    seen: dict[str, str] = {}
    async with app.run_test(size=(140, 45)) as pilot:
        for key in (*MODE_KEYS, "f1"):
            await pilot.press(key)
            await workers_done(app)
            await pilot.pause(0.2)
            seen[key] = _visible(app)
            await pilot.press("escape")
            await pilot.pause()
    assert len({text for text in seen.values()}) == len(seen)  # each key showed its own screen
    assert {key: raw_keys(text) for key, text in seen.items() if raw_keys(text)} == {}
