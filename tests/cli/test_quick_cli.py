"""The read-only commands scripted in loops (`calendar day`, `dossier show|list|search`,
`deadlines`) answer through `sqlite3` (desk/commands/quick.py): the same output as the regular
services, text and JSON, in both languages, without loading the database stack."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desk.cli import main
from tests.cli.quick_office import HEAVY as STACK
from tests.cli.quick_office import office_env as _env
from tests.cli.quick_office import probe_loaded
from tests.cli.quick_office import run_desk as _desk

HEAVY = (*STACK, "holidays")  # the read commands load no statutory holidays either


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with its dossiers, an office day off, an apology letter."""
    home = tmp_path_factory.mktemp("quick")
    (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n', encoding="utf-8")
    for args in (("demo", "--no-tui"),
                 ("calendar", "set", "2026-11-26", "OFF", "--note", "Nghỉ bão")):
        r = _desk(home, *args)
        assert r.returncode == 0, r.stderr
    return home


@pytest.fixture
def in_office(office: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for key, value in _env(office).items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(office)
    yield office


def _codes(office: Path) -> list[str]:
    r = _desk(office, "dossier", "list", "--json", "--limit", "100")
    return [d["code"] for d in json.loads(r.stdout)]


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, quick: bool,
         args: list[str]) -> tuple[int, str, str]:
    monkeypatch.setenv("DESK_QUICK", "1" if quick else "0")
    try:
        code = main(args)
    except SystemExit as e:  # argparse
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def _commands(codes: list[str]) -> list[list[str]]:
    show = [c for code in codes for c in (["dossier", "show", code],
                                          ["dossier", "show", code, "--json"])]
    return [
        ["calendar", "day", "2026-02-17"], ["calendar", "day", "2026-11-26", "--json"],
        ["calendar", "day", "2026-11-24"], ["calendar", "day", "2026-08-22", "--json"],
        ["calendar", "day", "26/11/2026"],
        *show, ["dossier", "show", "NOPE-1"],
        ["dossier", "list"], ["dossier", "list", "--json", "--limit", "100"],
        ["dossier", "list", "--status", "processing", "--json"],
        ["dossier", "list", "--status", "RETURNED"],
        ["dossier", "list", "--due-before", "2026-11-27", "--json"],
        ["dossier", "search", "Nguyễn"], ["dossier", "search", "nguyen van", "--json"],
        ["dossier", "search", "0001", "--json"], ["dossier", "search", "261123-2"],
        ["dossier", "search", "!!"], ["dossier", "search", codes[0], "--json"],
        ["dossier", "search", codes[-1][-15:]],
        ["deadlines"], ["deadlines", "--json"], ["deadlines", "--sort", "field"],
        ["deadlines", "--sort", "agency", "--json", "--limit", "2"],
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_quick_answers_are_the_regular_ones(in_office: Path, lang: str,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_LANG", lang)
    codes = _codes(in_office)
    assert len(codes) >= 10
    for args in _commands(codes):
        regular = _run(capsys, monkeypatch, False, args)
        quick = _run(capsys, monkeypatch, True, args)
        assert quick == regular, args
    assert '"apologised": true' in _run(capsys, monkeypatch, True, ["deadlines", "--json"])[1]


def test_a_quick_show_is_audited_like_the_regular_one(in_office: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code = _codes(in_office)[0]
    entries = []
    for quick in (False, True):
        assert _run(capsys, monkeypatch, quick, ["dossier", "show", code])[0] == 0
        listed = _run(capsys, monkeypatch, False, ["audit", "list", "--json", "--limit", "1"])
        entries.append(json.loads(listed[1])[0])  # the newest entry
    verdict = _run(capsys, monkeypatch, False, ["audit", "verify"])
    assert verdict[0] == 0, verdict  # the hash chain holds through the quick entry
    regular, quick = ({k: v for k, v in e.items() if k not in ("seq", "hash", "prev_hash")}
                      for e in entries)
    assert entries[1]["seq"] == entries[0]["seq"] + 1
    assert quick == regular
    assert quick["action"] == "view" and quick["target_id"] == code


def test_the_quick_commands_load_no_database_stack(office: Path) -> None:
    code = _codes(office)[0]
    for args in (["calendar", "day", "2026-02-17"], ["dossier", "show", code],
                 ["dossier", "list"], ["dossier", "search", "Nguyễn"], ["deadlines"]):
        for _ in range(2):  # the second run reads the statutory holidays from the cache
            r = probe_loaded(office, args, HEAVY)
        assert r.stdout.strip(), (args, r.stderr)
        assert "HEAVY []" in r.stderr, (args, r.stderr[-800:])


def test_a_new_install_still_answers_through_the_regular_path(tmp_path: Path) -> None:
    (tmp_path / "desk.toml").write_text('[storage]\ndatabase = "new.sqlite3"\n',
                                        encoding="utf-8")
    r = _desk(tmp_path, "calendar", "day", "2026-02-17")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("2026-02-17: ngày nghỉ")
    assert (tmp_path / "new.sqlite3").is_file()  # created and migrated by the services


def test_the_holiday_cache_is_recomputed_when_stale_or_damaged(tmp_path: Path) -> None:
    from desk.domain.calendar import vn_statutory_holidays
    from desk.services.quick.holidays_cache import cached_statutory

    expected = dict(vn_statutory_holidays(2026))
    assert dict(cached_statutory(tmp_path)(2026)) == expected
    path = tmp_path / "vn-holidays-2026.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["days"]["2026-02-17"] == expected[date(2026, 2, 17)]
    data["days"]["2026-03-03"] = "Ngày bịa"
    path.write_text(json.dumps({**data, "key": "an older holidays"}), encoding="utf-8")
    assert dict(cached_statutory(tmp_path)(2026)) == expected  # stale: computed again
    path.write_text("{not json", encoding="utf-8")
    assert dict(cached_statutory(tmp_path)(2026)) == expected
    assert json.loads(path.read_text(encoding="utf-8"))["days"] == {
        d.isoformat(): n for d, n in expected.items()}
