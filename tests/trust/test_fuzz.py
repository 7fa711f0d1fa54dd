"""Bad input everywhere (bounded Hypothesis runs): every validator, the config loader, the
catalog importer and intake answer with their own clear error or a good value — never another
exception, never a half-written or corrupt database."""

from __future__ import annotations

import json
import sqlite3
import string
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.config import ConfigError, Settings, load_file
from desk.domain.codes import (
    extract_dossier_code,
    format_dossier_code,
    looks_like_dossier_code,
    parse_dossier_code,
    validate_office_id,
)
from desk.domain.deadline import TimeLimit
from desk.domain.errors import DomainError
from desk.domain.identity import normalize_phone, validate_personal_id
from desk.i18n import render_error

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
DB_FUZZ = settings(max_examples=60, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])

NASTY = [
    "[bold red]Nguyễn[/] [link=http://x]Văn[/link]",  # Rich markup
    "\x1b[2J\x1b[31mLê\x1b[0m Thị Hoa",  # ANSI escapes
    "\u202eHoàng\u202c Văn \u200fAn\u200e",  # bidi controls
    "Trần\x00Văn\x00Bình",  # NUL bytes
    "Phạm " * 2000,  # 10,000 characters
    "Nguyễn Văn Hiệp",  # decomposed (NFD) diacritics
    "Ngô\r\nThị\tLan",
    "'; DROP TABLE dossier; --",
    "{name} {0} %s %(x)s",  # format strings
    "😀 Đặng 🇻🇳",
    "\ud7ff\ue000\uffff",
    "   ",
    "",
]
text_or_nasty = st.one_of(st.sampled_from(NASTY), st.text(max_size=300))


def _clear(e: DomainError) -> None:
    """The error renders to a real sentence in both languages (not the bare key)."""
    for lang in ("vi", "en"):
        msg = render_error(e, lang)
        assert msg and msg != e.key, e.key


# --- validators -------------------------------------------------------------------------------

@FUZZ
@given(text_or_nasty, st.one_of(st.none(), st.dates()), st.sampled_from([None, "M", "F", "X"]),
       st.dates(min_value=date(1900, 1, 1)))
def test_personal_id(number: str, birth: date | None, sex: Any, today: date) -> None:
    try:
        pid = validate_personal_id(number, birth, sex, today=today)
    except DomainError as e:
        _clear(e)
        return
    assert pid.number.isdigit() and len(pid.number) in (9, 12)


@FUZZ
@given(st.one_of(text_or_nasty, st.from_regex(r"\+?(84|0)[ .\-]?\d{2,12}", fullmatch=True)))
def test_phone(s: str) -> None:
    try:
        p = normalize_phone(s)
    except DomainError as e:
        _clear(e)
        return
    assert p.isdigit() and len(p) == 10 and p.startswith("0")
    assert normalize_phone(p) == p


@FUZZ
@given(text_or_nasty, st.dates(), st.integers(min_value=-10, max_value=20_000))
def test_codes(office: str, day: date, seq: int) -> None:
    for fn in (validate_office_id, parse_dossier_code):
        try:
            fn(office)
        except DomainError as e:
            _clear(e)
    assert extract_dossier_code(office) is None or looks_like_dossier_code(
        extract_dossier_code(office) or "")
    try:
        code = format_dossier_code(office, day, seq)
    except DomainError as e:
        _clear(e)
        return
    assert parse_dossier_code(code).seq == seq


@FUZZ
@given(st.one_of(text_or_nasty, st.from_regex(
    r"\s*-?\d{0,4}\s+(working_days|working_hours|same_day|calendar_days|days)\s*",
    fullmatch=True)))
def test_time_limit(text: str) -> None:
    try:
        limit = TimeLimit.parse(text)
    except DomainError as e:
        _clear(e)
        return
    assert TimeLimit.parse(str(limit)) == limit


@FUZZ
@given(st.lists(st.lists(st.one_of(st.dates().map(str), text_or_nasty,
                                   st.sampled_from(["OFF", "WORK", "off"])), max_size=4),
                max_size=6))
def test_calendar_exceptions_csv(rows: list[list[str]]) -> None:
    import csv
    import io

    from desk.domain.calendar import parse_exceptions_csv

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["date", "kind", "note"])
    w.writerows(rows)
    try:
        out = parse_exceptions_csv(buf.getvalue())
    except DomainError as e:
        _clear(e)
        return
    assert all(kind in ("OFF", "WORK") for kind, _ in out.values())


# --- the config loader ------------------------------------------------------------------------

def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v) if v == v and abs(v) != float("inf") else "nan"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # a TOML basic string


KNOWN = {
    "office": ["name", "id", "province", "timezone", "hours", "cutoff", "language", "form_set",
               "signer_title", "signer_name", "status_url"],
    "storage": ["data_dir", "database"],
    "sync": ["server_url", "token", "interval_seconds"],
    "queue": ["max_priority_in_row"],
    "district": ["db"],
    "bogus": ["x"],
}
scalar = st.one_of(st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                   text_or_nasty, st.sampled_from(["07:30", "25:99", "Asia/Ho_Chi_Minh", "vi",
                                                   "en", "2025", "Mars/Base", "0"]))
value = st.one_of(scalar, st.lists(st.one_of(scalar, st.lists(scalar, max_size=3)), max_size=3))


@st.composite
def toml_docs(draw: Any) -> str:
    lines = []
    for section in draw(st.lists(st.sampled_from(sorted(KNOWN)), unique=True, max_size=4)):
        lines.append(f"[{section}]")
        for key in draw(st.lists(st.sampled_from(KNOWN[section]), unique=True, max_size=4)):
            lines.append(f"{key} = {_toml_value(draw(value))}")
    return "\n".join(lines) + "\n"


@contextmanager
def _tmpdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


@FUZZ
@given(st.one_of(toml_docs(), st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
                 text_or_nasty))
def test_config_loader(doc: str) -> None:
    with _tmpdir() as d:
        path = d / "desk.toml"
        path.write_bytes(doc.encode("utf-8", errors="surrogatepass"))
        try:
            s = load_file(path)
        except ConfigError as e:
            assert str(e).strip()
            return
    assert isinstance(s, Settings)


# --- the catalog importer ---------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), text_or_nasty,
              st.floats(allow_nan=False, allow_infinity=False)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text_or_nasty, inner,
                                                                max_size=4),
    max_leaves=20)


@st.composite
def catalogs(draw: Any) -> Any:
    """Mostly catalog-shaped JSON with random holes and wrong values."""
    def maybe(v: Any) -> Any:
        return draw(st.one_of(st.just(v), json_values))

    procs = []
    for _ in range(draw(st.integers(0, 3))):
        procs.append({
            "code": maybe(draw(st.sampled_from(["1.004873", "P1", "P2", "X" * 50, ""]))),
            "name": maybe("Thủ tục " + draw(st.text(string.ascii_letters, max_size=5))),
            "field": maybe(draw(st.sampled_from(["HT", "CT", "ZZ"]))),
            "time_limit": maybe({"value": draw(st.integers(-5, 400)),
                                 "unit": draw(st.sampled_from(["working_days", "same_day",
                                                               "weeks"]))}),
            "fee": maybe({"amount": draw(st.integers(-1, 10**9))}),
            "documents": maybe(draw(st.lists(text_or_nasty, max_size=3))),
        })
    doc = {"catalog_version": maybe(draw(st.integers(-1, 30))),
           "fields": maybe([{"code": "HT", "name": "Hộ tịch"}, {"code": "CT", "name": "CT"}]),
           "procedures": procs}
    return draw(st.one_of(st.just(doc), json_values))


def _snapshot(db: Path) -> list[Any]:
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("catalog_version", "field", "procedure")]
    finally:
        conn.close()


@DB_FUZZ
@given(catalogs())
def test_catalog_import_all_or_nothing(demo_ctx: Any, data: Any) -> None:
    from desk.services.catalog import apply_catalog, parse_catalog

    raw = json.dumps(data, ensure_ascii=False).encode()
    db = demo_ctx.settings.database_path
    before = _snapshot(db)
    try:
        catalog = parse_catalog(raw, "fuzz.json")
        apply_catalog(demo_ctx, catalog, source="fuzz.json")
    except DomainError as e:
        _clear(e)
        assert _snapshot(db) == before  # nothing partially written
        return


@FUZZ
@given(st.binary(max_size=400))
def test_catalog_parser_on_random_bytes(raw: bytes) -> None:
    from desk.services.catalog import parse_catalog

    for name in ("x.json", "x.csv"):
        try:
            parse_catalog(raw, name)
        except DomainError as e:
            _clear(e)


# --- intake with hostile names and dates --------------------------------------------------------

@DB_FUZZ
@given(name=text_or_nasty, address=text_or_nasty, notes=text_or_nasty,
       birth=st.one_of(st.none(), st.dates()),
       received=st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 2),
                                                  max_value=datetime(9999, 12, 30))))
def test_intake_stores_literally_or_refuses(demo_ctx: Any, name: str, address: str, notes: str,
                                            birth: date | None,
                                            received: datetime | None) -> None:
    from desk.services.dossier.citizens import ApplicantIn, clean_text
    from desk.services.dossier.intake import IntakeIn, receive
    from desk.services.dossier.views import show

    req = IntakeIn(procedure_code="1.004873", notes=notes,
                   received_at=received.replace(tzinfo=UTC) if received else None,
                   applicant=ApplicantIn(name=name, address=address, birth_date=birth))
    try:
        view = receive(demo_ctx, req, print_receipt=False)
    except DomainError as e:
        _clear(e)
        return
    assert view["applicant"]["name"] == clean_text(name, 200)  # the documented cleaning only
    assert "\x00" not in view["applicant"]["name"] and "\x1b" not in view["applicant"]["name"]
    again = show(demo_ctx, view["code"])
    assert again["applicant"]["name"] == view["applicant"]["name"]
    assert again["notes"] == clean_text(notes, 2000)


def test_the_database_is_sound_after_the_fuzzing(demo_ctx: Any) -> None:
    """A short hostile batch, then the file itself is checked."""
    from desk.services.dossier.citizens import ApplicantIn
    from desk.services.dossier.intake import IntakeIn, receive

    stored = 0
    for i, name in enumerate(NASTY):
        for when in (None, datetime(1999, 12, 31, 23, 0, tzinfo=UTC),
                     datetime(2026, 11, 22, 20, 0, tzinfo=UTC) - timedelta(days=i)):
            try:
                receive(demo_ctx, IntakeIn(procedure_code="1.004873", received_at=when,
                                           applicant=ApplicantIn(name=name)),
                        print_receipt=False)
                stored += 1
            except DomainError as e:
                _clear(e)
    assert stored > 0
    conn = sqlite3.connect(demo_ctx.settings.database_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.mark.parametrize("name", NASTY[:5], ids=["markup", "ansi", "bidi", "nul", "long"])
def test_markup_is_not_interpreted_when_shown(name: str) -> None:
    from rich.markup import escape
    from rich.text import Text

    shown = Text.from_markup(escape(name)).plain  # how the screens show stored text
    assert shown == name
