"""Issue 14 §5: `desk dossier list` and `desk dossier search` print the status as a clerk reads
it (Vietnamese, or English when configured), never its code, in columns that stay aligned,
with the due time as the receipt says it. The JSON keeps the code (a contract)."""

from __future__ import annotations

import json
import re

from desk.commands.parsers.dossier import STATUSES
from desk.domain.states import DossierStatus

RAW = tuple(s.value for s in DossierStatus)


def _due_column(lines: list[str]) -> set[int]:
    return {m.start() for line in lines if (m := re.search(r"\d\d:\d\d \d\d/\d\d/\d{4}", line))}


def test_list_and_search_print_labels_in_aligned_columns(run_desk) -> None:  # type: ignore[no-untyped-def]
    assert run_desk("demo", "--no-tui").returncode == 0
    for lang, words in (("vi", ("Đang xử lý", "Chờ bổ sung hồ sơ")),
                        ("en", ("Processing", "Awaiting supplementary documents"))):
        for args in (("dossier", "list"), ("dossier", "search", "0002")):
            out = run_desk(*args, env={"DESK_LANG": lang})
            assert out.returncode == 0, out.stderr
            lines = out.stdout.splitlines()
            assert lines, args
            assert not [w for w in RAW if re.search(rf"\b{w}\b", out.stdout)], out.stdout
            assert "status." not in out.stdout  # no message key either
            assert len(_due_column(lines)) == 1, out.stdout  # one column, whatever the label
        listed = run_desk("dossier", "list", env={"DESK_LANG": lang}).stdout
        assert all(w in listed for w in words), listed
    as_json = json.loads(run_desk("dossier", "list", "--json").stdout)
    assert "SUPPLEMENT_REQUESTED" in {r["status"] for r in as_json}  # the code, in JSON


def test_an_unknown_status_is_refused_not_an_empty_list(run_desk) -> None:  # type: ignore[no-untyped-def]
    """A typo in --status used to print nothing and exit 0, as if no dossier were in it."""
    assert run_desk("demo", "--no-tui").returncode == 0
    typo = run_desk("dossier", "list", "--status", "PROCESSSING")
    assert typo.returncode == 2
    assert "giá trị không hợp lệ: 'PROCESSSING'" in typo.stderr, typo.stderr
    assert "PROCESSING" in typo.stderr  # the valid ones are named
    lower = run_desk("dossier", "list", "--status", "processing", "--json")
    assert lower.returncode == 0, lower.stderr
    assert {r["status"] for r in json.loads(lower.stdout)} == {"PROCESSING"}


def test_the_parser_knows_every_status() -> None:
    assert set(STATUSES) == set(RAW)


def test_show_prints_times_as_list_does(run_desk) -> None:  # type: ignore[no-untyped-def]
    """`dossier show` printed '2026-12-01T11:00+07:00' where `list` prints '11:00 01/12/2026'."""
    assert run_desk("demo", "--no-tui").returncode == 0
    code = json.loads(run_desk("dossier", "list", "--json").stdout)[0]["code"]
    for args in (("dossier", "show", code), ("dossier", "act", code, "withdraw",
                                                "--reason", "Công dân rút")):
        out = run_desk(*args)
        assert out.returncode == 0, out.stderr
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", out.stdout), out.stdout
        lines = out.stdout.splitlines()
        assert re.search(r"Tiếp nhận: \d\d:\d\d \d\d/\d\d/\d{4}", lines[2]), out.stdout
        assert all(re.match(r"    \d\d:\d\d \d\d/\d\d/\d{4}  ", e) for e in lines[3:]), out.stdout


def test_show_takes_the_short_code_the_receipt_prints(run_desk) -> None:  # type: ignore[no-untyped-def]
    """F3 opens '261123-0001' or today's '0001'; `desk dossier show` said 'Không tìm thấy'."""
    assert run_desk("demo", "--no-tui").returncode == 0
    full = json.loads(run_desk("dossier", "list", "--json").stdout)[0]["code"]
    day_seq = full.split("-", 1)[1]  # e.g. 261123-0002, as the receipt prints it
    for quick in ("1", "0"):
        env = {"DESK_QUICK": quick}
        want = run_desk("dossier", "show", full, "--json", env=env)
        assert want.returncode == 0, want.stderr
        for short in (day_seq, day_seq.split("-")[1]):  # today's number alone too
            got = run_desk("dossier", "show", short, "--json", env=env)
            assert got.returncode == 0, (quick, short, got.stderr)
            assert json.loads(got.stdout)["code"] == full
        none = run_desk("dossier", "show", "9999", env=env)
        assert none.returncode == 1 and "9999" in none.stderr
