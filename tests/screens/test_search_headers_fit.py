"""The search result's column headers are read whole, in either language, at every width the
table lays out (an English desk showed "Procedur" over the procedure codes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from desk.i18n import get_language, set_language, t
from screens.search import result_widths


@pytest.fixture
def restore_language() -> Iterator[None]:
    before = get_language()
    yield
    set_language(before)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_every_header_fits_its_column(lang: str, width: int, restore_language: None) -> None:
    set_language(lang)
    cut = {key: t(f"search.col.{key}") for key, w in result_widths(width).items()
           if cell_len(t(f"search.col.{key}")) > w}
    assert cut == {}, (lang, width, result_widths(width))
