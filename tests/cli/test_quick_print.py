"""`desk print form N CODE --pdf` through `sqlite3` (desk/services/quick/papers.py, issue 19
§1): the same values, the same text and the same page as the regular path, and no database
stack loaded."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from desk.cli import main
from desk.config import load_settings
from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.printing import rule_forms
from desk.services.quick import papers
from desk.services.quick.context import open_quick
from tests.cli.quick_office import office_env as _env
from tests.cli.quick_office import probe_loaded
from tests.cli.quick_office import run_desk as _desk
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # a demo office made by `desk demo` in a subprocess, per module

BANK = '\n[bank]\nbin = "970436"\naccount = "0011001234567"\nname = "UBND XA MINH CHAU"\n'


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with its dossiers (a letter, a refusal, hand-overs…), and a bank
    account, so a receipt with a fee due carries its VietQR."""
    home = tmp_path_factory.mktemp("quick-print")
    (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n' + BANK,
                                    encoding="utf-8")
    r = _desk(home, "demo", "--no-tui")
    assert r.returncode == 0, r.stderr
    r = _desk(home, "dossier", "receive", "--procedure", "1.004873", "--name", "Lê Thị Hoa",
              "--phone", "0912345678", "--received", "2026-11-20 09:00", "--no-print", "--json")
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["code"]
    for now, args in (("2026-11-23 10:00", ("step", code, "--to", "Phòng Tư pháp")),
                      ("2026-11-23 11:00", ("step-result", code, "--agency", "Phòng Tư pháp")),
                      ("2026-11-23 14:00", ("step", code, "--to", "UBND huyện Mẫu"))):
        r = _desk(home, "dossier", *args, DESK_NOW=now)  # two hand-overs, in their order
        assert r.returncode == 0, r.stderr
    return home


@pytest.fixture
def ctx(office: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DeskContext]:
    for key, value in _env(office).items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(office)
    yield DeskContext(load_settings(None))


def _codes(office: Path) -> list[str]:
    with sqlite3.connect(office / "office.sqlite3") as conn:
        return [r[0] for r in conn.execute("SELECT code FROM dossier ORDER BY code")]


def _either(make: Any) -> Any:
    try:
        return make()
    except DomainError as e:
        return ("error", e.key, e.params)


def test_the_quick_forms_are_the_regular_ones(office: Path, ctx: DeskContext) -> None:
    """Every form of every demo dossier: the same rule set, form and values (the fee's QR,
    the steps, the letter's dates…), or the same refusal."""
    q = open_quick(ctx)
    assert q is not None
    compared = 0
    try:
        for code in [*_codes(office), "NOPE-1"]:
            for number in range(1, 8):
                regular = _either(lambda: rule_forms.prepare(ctx, number, code))  # noqa: B023
                quick = _either(lambda: papers.prepare(q, number, code))  # noqa: B023
                assert quick == regular, (code, number)
                compared += isinstance(quick, rule_forms.PreparedForm)
    finally:
        q.close()
    assert compared >= 50


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, quick: bool,
         args: list[str]) -> tuple[int, str, str]:
    monkeypatch.setenv("DESK_QUICK", "1" if quick else "0")
    try:
        code = main(args)
    except SystemExit as e:  # argparse
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def _audit_head(office: Path) -> tuple[int, int]:
    with sqlite3.connect(office / "office.sqlite3") as conn:
        return conn.execute("SELECT count(*), coalesce(max(seq), 0) FROM audit_log").fetchone()


def _png(pdf: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf),
                    str(pdf.with_suffix(""))], check=True)
    return Image.open(pdf.with_suffix(".png")).convert("RGB")


@pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                    reason="poppler-utils not installed")
def test_print_form_pdf_quick_is_the_regular_one(office: Path, ctx: DeskContext,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """Same message, same text, same page; neither path writes to the office file."""
    codes = _codes(office)
    head = _audit_head(office)
    for code, number in [(codes[0], 1), (codes[0], 5), (codes[-1], 6), (codes[3], 4),
                         (codes[0], 9), ("NOPE-1", 1)]:
        out, pdfs = [], []
        for quick in (False, True):
            target = tmp_path / f"form{number}.pdf"
            target.unlink(missing_ok=True)
            out.append(_run(capsys, monkeypatch, quick,
                            ["print", "form", str(number), code, "--pdf", str(target)]))
            pdfs.append(target.rename(tmp_path / f"{quick}-{number}.pdf")
                        if target.exists() else None)
        assert out[1] == out[0], (code, number)
        if out[0][0] != 0:
            assert pdfs == [None, None]
            continue
        texts = [subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True,
                                text=True, check=True).stdout for p in pdfs if p]
        assert texts[1] == texts[0] and code in texts[0].replace(" ", "")
        assert ImageChops.difference(_png(pdfs[0]), _png(pdfs[1])).getbbox() is None
    assert _audit_head(office) == head


def test_print_form_pdf_loads_no_database_stack(office: Path, tmp_path: Path) -> None:
    r = probe_loaded(office, ["print", "form", "1", _codes(office)[0], "--pdf",
                              str(tmp_path / "f.pdf")])
    assert (tmp_path / "f.pdf").read_bytes().startswith(b"%PDF"), r.stderr
    assert "HEAVY []" in r.stderr, r.stderr[-800:]


def test_a_wrong_pin_still_refuses_the_letter_and_writes_none(office: Path) -> None:
    """The PIN checked ahead of the imports: the same refusal, the same exit code, no letter,
    the failed attempt counted and audited as on the regular path."""
    with sqlite3.connect(office / "office.sqlite3") as conn:  # received in the fixture
        code = conn.execute("SELECT code FROM dossier WHERE applicant_name = 'Lê Thị Hoa'"
                            ).fetchone()[0]

    def letters() -> int:
        with sqlite3.connect(office / "office.sqlite3") as conn:
            return int(conn.execute("SELECT count(*) FROM dossier_event WHERE kind = 'apology'")
                       .fetchone()[0])

    def last_action() -> tuple[str, str]:
        with sqlite3.connect(office / "office.sqlite3") as conn:
            return conn.execute("SELECT action, actor_name FROM audit_log"
                                " ORDER BY seq DESC LIMIT 1").fetchone()

    before = letters()
    runs = []
    for quick in ("0", "1"):
        r = _desk(office, "apology", code, "--reason", "Chờ xác minh", "--new-date",
                  "2026-12-02", "--clerk", "Trần Văn Minh", "--no-print", "--no-sms",
                  DESK_PIN="9999", DESK_QUICK=quick)
        runs.append((r.returncode, r.stdout, r.stderr.replace("2 lần", "N lần")
                     .replace("1 lần", "N lần")))
        assert last_action() == ("login_failed", "Trần Văn Minh")
    assert runs[0][0] == 1 and "PIN" in runs[0][2]
    assert runs[1] == runs[0]
    assert letters() == before
    r = _desk(office, "apology", code, "--reason", "Chờ xác minh", "--new-date", "2026-12-02",
              "--clerk", "Trần Văn Minh", "--no-print", "--no-sms", DESK_PIN="2345")
    assert r.returncode == 0, r.stderr
    assert letters() == before + 1


def test_a_letter_reads_the_holidays_from_the_cache(office: Path, tmp_path: Path) -> None:
    """The full stack's calendar takes the statutory holidays from the user cache folder once
    a command computed the year (importing `holidays` and computing it: ~0.5 s per letter)."""
    env = _env(office)
    r = _desk(office, "dossier", "receive", "--procedure", "1.004873", "--name", "Trần Thị Mai",
              "--received", "2026-11-20 09:00", "--no-print", "--json")
    assert r.returncode == 0, r.stderr  # its due date computes the year, kept in the cache
    code = json.loads(r.stdout)["code"]
    assert list((office / "cache").rglob("vn-holidays-2026.json"))
    probe = ("import runpy, sys\n"
             "sys.argv = ['desk'] + sys.argv[1:]\n"
             "try:\n"
             "    runpy.run_module('desk.cli', run_name='__main__')\n"
             "except SystemExit as e:\n"
             "    print('EXIT', e.code, file=sys.stderr)\n"
             "print('HOLIDAYS', 'holidays' in sys.modules, file=sys.stderr)\n")
    r = subprocess.run([sys.executable, "-c", probe, "apology", code, "--reason", "Chờ xác minh",
                        "--new-date", "2026-12-02", "--clerk", "Trần Văn Minh", "--no-print",
                        "--no-sms", "--pdf", str(tmp_path / "letter.pdf")],
                       capture_output=True, text=True, encoding="utf-8",
                       env={**env, "DESK_PIN": "2345"}, cwd=REPO, timeout=180, check=False)
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF"), r.stderr[-800:]
    assert "HOLIDAYS False" in r.stderr, r.stderr[-800:]
