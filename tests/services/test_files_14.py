"""Issue 14 §7 and §5: the log keeps third-party chatter out and rotates; exports go where a
clerk finds them; a birth date typed as the keypad gives it; a name is never cut."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desk.config import Settings, load_file
from desk.domain.dates import parse_typed_date
from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.citizens import NAME_LIMIT, ApplicantIn


@pytest.fixture
def clean_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    own = {n: logging.getLogger(n).level for n in ("desk", "screens", "printers", "storage")}
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    for n, lv in own.items():
        logging.getLogger(n).setLevel(lv)


def test_desk_log_keeps_third_party_info_out_and_rotates(tmp_path: Path,
                                                         clean_logging: None) -> None:
    from desk.services.logging_setup import setup_logging

    ctx = DeskContext(Settings.from_dict({"storage": {"data_dir": str(tmp_path)}}))
    path = setup_logging(ctx)
    for _ in range(50):  # what fontTools says for every subset of every PDF
        logging.getLogger("fontTools.subset").info("maxp pruned")
    logging.getLogger("httpx").info("HTTP Request: POST …")
    logging.getLogger("desk.print").info("receipt printed")
    logging.getLogger("fontTools.ttLib").warning("a broken font")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "receipt printed" in text and "a broken font" in text
    assert "maxp pruned" not in text and "HTTP Request" not in text
    handler = next(h for h in logging.getLogger().handlers
                   if getattr(h, "baseFilename", "") == str(path))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.maxBytes = 2000  # rotate at once to see it happen
    for i in range(100):
        logging.getLogger("desk.print").info("line %d of a long day", i)
    assert (path.parent / "desk.log.1").is_file()


def test_exports_go_to_documents_or_the_configured_folder(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from desk.services.queue.tickets import export_csv

    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Tài liệu"))
    ctx = DeskContext(Settings.from_dict({"storage": {"data_dir": str(tmp_path / "d")}}))
    try:
        path = export_csv(ctx, date(2026, 11, 23))
        assert path.parent == tmp_path / "Tài liệu" / "Một Cửa Desk" and path.is_file()
        assert ".local" not in str(path) and "/d/" not in str(path)
    finally:
        ctx.close()
    toml = tmp_path / "desk.toml"
    toml.write_text('[storage]\ndata_dir = "d"\nexports_dir = "Xuất"\n', encoding="utf-8")
    assert load_file(toml).exports_dir == tmp_path / "Xuất"


@pytest.mark.parametrize("typed", ["15031990", "15-03-1990", "15/03/1990", "15.03.1990",
                                   "1990-03-15", " 15 03 1990 "])
def test_birth_dates_as_clerks_type_them(typed: str) -> None:
    assert parse_typed_date(typed) == date(1990, 3, 15)


@pytest.mark.parametrize("typed", ["31021990", "1503199", "15/13/1990", "abc"])
def test_impossible_birth_dates_are_refused(typed: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_typed_date(typed)
    assert info.value.key == "intake.bad_birth"


def test_the_intake_screen_reads_a_keypad_date() -> None:
    from screens.intake import parse_date

    assert parse_date("15031990") == date(1990, 3, 15)
    assert parse_date("15-03-1990") == date(1990, 3, 15)


def test_a_name_over_the_limit_is_refused_not_cut() -> None:
    name = "Nguyễn " + "Thị " * 60 + "Hoa"
    assert len(name) > NAME_LIMIT
    with pytest.raises(DomainError) as info:
        ApplicantIn(name=name).clean()
    assert info.value.key == "intake.name_too_long"
    assert info.value.params["limit"] == NAME_LIMIT
    from desk.i18n import render_error

    assert str(NAME_LIMIT) in render_error(info.value)
    assert ApplicantIn(name="Nguyễn Văn Hiệp").clean().name == "Nguyễn Văn Hiệp"
