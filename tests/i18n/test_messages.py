"""t(): an unknown key or a missing parameter fails in tests and is logged in production; a
key parameter (MessageKey) speaks the reader's language; the domain's words come from the
catalogs."""

from __future__ import annotations

import logging

import pytest

from desk import environment
from desk.commands import base, language
from desk.domain.errors import DomainError, MessageKey
from desk.domain.identity import validate_personal_id
from desk.domain.states import Action, DossierStatus, next_status
from desk.i18n import MessageParamError, UnknownMessageError, render_error, set_language, t


def test_a_missing_parameter_fails_in_tests() -> None:
    with pytest.raises(MessageParamError, match=r"dossier\.unknown_status"):
        t("dossier.unknown_status")


def test_a_missing_parameter_is_logged_in_production(monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv(environment.STRICT_MESSAGES, raising=False)
    with caplog.at_level(logging.ERROR, logger="desk.i18n"):
        text = t("apology.bad_status", code="X-1")
    assert text == "Hồ sơ X-1 đang ở trạng thái “{status}” nên không cần văn bản xin lỗi."
    assert "apology.bad_status" in caplog.text and "status" in caplog.text


def test_an_unknown_key_fails_in_tests() -> None:
    with pytest.raises(UnknownMessageError, match=r"queue\.state\.vanished"):
        t("queue.state.vanished")
    with pytest.raises(UnknownMessageError, match=r"status\.GONE"):  # a key parameter too
        t("apology.bad_status", code="X-1", status=MessageKey("status.GONE"))


def test_an_unknown_key_is_logged_in_production(monkeypatch: pytest.MonkeyPatch,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv(environment.STRICT_MESSAGES, raising=False)
    with caplog.at_level(logging.ERROR, logger="desk.i18n"):
        rows = [t("print.state.melted") for _ in range(3)]  # a table of such rows
        text = t("apology.bad_status", code="X-1", status=MessageKey("status.GONE"))
    assert rows == ["print.state.melted"] * 3  # the key, for the clerk to read to support
    assert text == "Hồ sơ X-1 đang ở trạng thái “status.GONE” nên không cần văn bản xin lỗi."
    logged = [r.getMessage() for r in caplog.records]
    assert sum("print.state.melted" in m for m in logged) == 1  # once, not once per row
    assert any("status.GONE" in m for m in logged)


def test_a_key_parameter_speaks_the_readers_language() -> None:
    status = MessageKey("status.PROCESSING")
    assert t("apology.bad_status", "vi", code="X", status=status) == (
        "Hồ sơ X đang ở trạng thái “Đang xử lý” nên không cần văn bản xin lỗi.")
    assert t("apology.bad_status", "en", code="X", status=status) == (
        "Dossier X is “Processing”; it needs no apology letter.")
    set_language("en")
    assert "“Processing”" in t("apology.bad_status", code="X", status=status)


def test_illegal_transition_reads_as_before_in_both_languages() -> None:
    with pytest.raises(DomainError) as info:
        next_status(DossierStatus.RECEIVED, Action.RETURN_RESULT)
    err = info.value
    assert err.params["action"] == "return_result" and err.params["status"] == "RECEIVED"
    assert render_error(err, "vi") == (
        "Không thể “Trả kết quả”: hồ sơ đang ở trạng thái “Đã tiếp nhận”. Thao tác được phép "
        "lúc này: Chuyển xử lý, Yêu cầu bổ sung hồ sơ, Từ chối giải quyết, Rút hồ sơ, "
        "Dừng giải quyết.")
    assert render_error(err, "en").startswith(
        "Cannot “Return result”: the dossier is in state “Received” (Đã tiếp nhận). "
        "Actions allowed now: Transfer for processing, Request supplementary documents, ")
    with pytest.raises(DomainError) as closed:
        next_status(DossierStatus.RETURNED, Action.WITHDRAW)
    assert render_error(closed.value, "en").endswith(
        "Actions allowed now: none (the dossier is closed).")
    with pytest.raises(DomainError) as fresh:
        next_status(None, Action.TRANSFER)
    assert "“Chưa tiếp nhận”" in render_error(fresh.value, "vi")


def test_sex_mismatch_names_the_sexes_in_words() -> None:
    with pytest.raises(DomainError) as info:
        validate_personal_id("040095000123", sex="F")
    assert render_error(info.value, "vi") == (
        "Chữ số thứ 4 của số định danh cho giới tính nam nhưng giới tính đã nhập là nữ. "
        "Hãy kiểm tra lại số định danh hoặc giới tính.")
    assert "gives sex male but female was entered" in render_error(info.value, "en")


def test_the_domain_knows_no_language() -> None:
    """No (vi, en) tables or *_vi / *_en parameters left in desk/domain."""
    import desk.domain.identity
    import desk.domain.states

    for mod in (desk.domain.states, desk.domain.identity):
        names = [n for n in vars(mod) if n.startswith(("LABELS", "_LABELS", "_SEX_LABELS",
                                                       "_NO_STATUS", "_NONE_ALLOWED"))]
        assert names == [], mod.__name__
    with pytest.raises(DomainError) as info:
        next_status(DossierStatus.RECEIVED, Action.RETURN_RESULT)
    assert not [p for p in info.value.params if p.endswith(("_vi", "_en"))]


def test_one_language_setting_for_messages_and_helps() -> None:
    """desk.i18n keeps the one language: `desk --help` texts follow set_language too (the
    commands kept a second setting of their own, and an English desk got Vietnamese helps)."""

    assert not hasattr(base, "_lang") and not hasattr(language, "_lang")
    set_language("en")
    assert language.helps()["usage_error"] == "usage error"
    set_language("vi")
    assert language.helps()["usage_error"] == "lỗi cú pháp lệnh"


@pytest.mark.parametrize(("lang", "says", "not_says"), [
    ("en", 'a time must be written "HH:MM"', "giờ"),
    ("vi", 'giờ phải viết dạng "HH:MM"', "time must"),
])
def test_a_config_problem_speaks_one_language(tmp_path, lang: str, says: str,  # type: ignore[no-untyped-def]
                                              not_says: str) -> None:
    from desk.config import ConfigError, load_file

    path = tmp_path / "desk.toml"
    path.write_text(f'[office]\nlanguage = "{lang}"\ncutoff = 7\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_file(path)
    assert says in str(info.value) and not_says not in str(info.value)
