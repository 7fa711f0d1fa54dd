"""Masking names, ID and phone numbers; the log filter; no personal number reaches a log."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.domain.masking import mask_id, mask_name, mask_phone, mask_text, mask_value
from desk.services.logging_setup import MaskingFilter, install_masking


@pytest.mark.parametrize(("name", "initials", "stars"), [
    ("Nguyễn Văn Hiệp", "Nguyễn V. H.", "N***** V** H***"),
    ("  Đặng   Thị  Ánh Tuyết ", "Đặng T. Á. T.", "Đ*** T** Á** T****"),
    ("Hiệp", "H.", "H***"),
    ("", "", ""),
])
def test_names(name: str, initials: str, stars: str) -> None:
    assert mask_name(name) == initials
    assert mask_name(name, "stars") == stars


def test_nfd_names_keep_their_marks() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Nguyễn Ánh")
    assert unicodedata.normalize("NFC", mask_name(nfd)) == "Nguyễn Á."


def test_numbers() -> None:
    assert mask_id("040095000123") == "040*****0123"
    assert mask_id("040 095 000 123") == "040*****0123"
    assert mask_id("123456789") == "******789"
    assert mask_phone("0912345678") == "091****678"
    assert mask_phone("+84912345678") == "+8491****678"
    assert mask_value("birth_date", "1995-05-01") == "1995-**-**"


def test_text() -> None:
    line = ("CCCD 040095000123, ĐT 0912 345 678 / +84 912.345.678, CMND=123456789, hồ sơ "
            "000.17.22.H56-210531-0001 lúc 2026-11-23 09:00:00,123, id 0192f3a4b5c6123456789abc")
    out = mask_text(line)
    for secret in ("040095000123", "0912 345 678", "912.345.678", "123456789,"):
        assert secret not in out
    assert "040*****0123" in out and "******789" in out
    assert "000.17.22.H56-210531-0001" in out  # dossier codes are not personal data
    assert "2026-11-23 09:00:00,123" in out
    assert "0192f3a4b5c6123456789abc" in out  # ids with letters around digits stay


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Nd",)), max_size=200),
       st.sampled_from(["040095000123", "0912345678", "123456789", "+84 912 345 678",
                        "001099012345", "0912.345.678"]))
def test_no_number_survives_masking(noise: str, secret: str) -> None:
    out = mask_text(f"{noise} {secret}\n{noise}")
    assert secret not in out
    assert "".join(ch for ch in secret if ch.isdigit())[-3:] in out  # masked, not dropped


def test_the_log_filter_masks_messages_args_and_tracebacks(
        caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("desk.test_masking")
    install_masking(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="desk.test_masking"):
            logger.info("tiếp nhận %s, điện thoại %s", "040095000123", "0912345678")
            try:
                raise ValueError("số 040095000123 không hợp lệ")
            except ValueError:
                logger.exception("lỗi với 0987654321")
        text = caplog.text
        assert "040095000123" not in text and "0912345678" not in text
        assert "0987654321" not in text
        assert "040*****0123" in text and "091****678" in text
        assert "ValueError" in text  # the traceback is kept, masked
    finally:
        caplog.handler.filters = [f for f in caplog.handler.filters
                                  if not isinstance(f, MaskingFilter)]


def test_setup_logging_writes_a_private_masked_file(tmp_path, ctx) -> None:  # type: ignore[no-untyped-def]
    import os

    from desk.config import Settings
    from desk.services.context import DeskContext
    from desk.services.logging_setup import setup_logging

    c = DeskContext(Settings.from_dict({"storage": {"data_dir": str(tmp_path / "d")}}))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = setup_logging(c)
        logging.getLogger("desk.x").warning("gọi 0912345678")
        for h in root.handlers:
            h.flush()
        assert "0912345678" not in path.read_text(encoding="utf-8")
        assert "091****678" in path.read_text(encoding="utf-8")
        if os.name != "nt":
            assert (path.stat().st_mode & 0o777) == 0o600
    finally:
        for h in list(root.handlers):
            if h not in before:
                root.removeHandler(h)
                h.close()
