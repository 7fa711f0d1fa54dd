"""`desk deadlines` and `desk apology` as an administrator runs them (real subprocesses)."""

from __future__ import annotations

import json
from pathlib import Path

NOW = {"DESK_NOW": "2026-11-23 09:00"}  # Monday; Tue 24/11 is a holiday


def _setup(run_desk) -> str:  # type: ignore[no-untyped-def]
    assert run_desk("demo", "--no-tui", "--no-dossiers", env=NOW).returncode == 0
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Nguyễn Văn Hiệp",
                 "--phone", "0912345678", "--received", "2026-11-17 09:00", "--no-print",
                 "--json", env=NOW)
    assert r.returncode == 0, r.stderr
    return str(json.loads(r.stdout)["code"])


def test_deadlines_json_and_text(run_desk) -> None:  # type: ignore[no-untyped-def]
    code = _setup(run_desk)
    r = run_desk("deadlines", "--json", env=NOW)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"now", "counts", "summary", "sort", "dossiers"}
    assert data["counts"] == {"due_today": 0, "due_soon": 0, "overdue": 1,
                              "overdue_no_letter": 1}
    [row] = data["dossiers"]
    assert row["code"] == code and row["state"] == "overdue" and row["needs_letter"] is True
    assert row["due_at"] == "2026-11-20T09:00+07:00" and row["extended_due_at"] is None
    assert "1 hồ sơ quá hạn" in data["summary"]
    text = run_desk("deadlines", "--sort", "agency", env=NOW)
    assert text.returncode == 0 and code in text.stdout and "Quá hạn" in text.stdout


def test_apology_command(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = _setup(run_desk)
    # usage errors: exit 2
    assert run_desk("apology", code, env=NOW).returncode == 2  # --reason is required
    bad = run_desk("apology", code, "--reason", "x", "--new-date", "02/12/2026", env=NOW)
    assert bad.returncode == 2
    # a clerk may not sign: exit 1 with the reason
    clerk = run_desk("apology", code, "--reason", "Chờ xác minh", "--clerk", "Nguyễn Thị Lan",
                     env={**NOW, "DESK_PIN": "1234"})
    assert clerk.returncode == 1 and "Chỉ lãnh đạo" in clerk.stderr
    # a Saturday: refused
    sat = run_desk("apology", code, "--reason", "Chờ xác minh", "--new-date", "2026-11-28",
                   env=NOW)
    assert sat.returncode == 1 and "không phải ngày làm việc" in sat.stderr
    pdf = tmp_path / "letter.pdf"
    ok = run_desk("apology", code, "--reason", "Chờ xác minh", "--new-date", "2026-12-02",
                  "--pdf", str(pdf), "--clerk", "Trần Văn Minh", "--json",
                  env={**NOW, "DESK_PIN": "2345"})
    assert ok.returncode == 0, ok.stderr
    out = json.loads(ok.stdout)
    assert out["code"] == code and out["new_due_at"] == "2026-12-02T17:00+07:00"
    assert out["late"] is True and out["clerk"] == "Trần Văn Minh" and out["pdf"] == str(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert out["dossier"]["extended_due_at"] == "2026-12-02T17:00+07:00"
    outbox = tmp_path / "xdg-data" / "desk" / "sms_outbox.jsonl"
    assert code in outbox.read_text(encoding="utf-8")
    again = run_desk("apology", code, "--reason", "Lần nữa", env=NOW)
    assert again.returncode == 1 and "09:00 23/11/2026" in again.stderr
    after = json.loads(run_desk("deadlines", "--json", env=NOW).stdout)
    assert after["counts"]["overdue"] == 0 and after["dossiers"] == []
    text = run_desk("deadlines", env={"DESK_NOW": "2026-12-03 08:00"})
    assert "Quá hạn" in text.stdout and "đã có" in text.stdout  # overdue, letter issued


def test_help_is_vietnamese(run_desk) -> None:  # type: ignore[no-untyped-def]
    r = run_desk("apology", "--help")
    assert r.returncode == 0
    for option in ("--reason", "--new-date", "--pdf", "--clerk"):
        assert option in r.stdout
    assert "văn bản xin lỗi" in r.stdout


def test_deadlines_text_columns_line_up(run_desk) -> None:  # type: ignore[no-untyped-def]
    """Names of different lengths used to push the field and agency columns about."""
    assert run_desk("demo", "--no-tui").returncode == 0
    for lang in ("vi", "en"):
        out = run_desk("deadlines", env={"DESK_LANG": lang})
        assert out.returncode == 0, out.stderr
        rows = out.stdout.splitlines()[1:]
        assert len({len(r[:r.index("[")]) for r in rows}) == 1, out.stdout
        assert len({r.index("000.") for r in rows}) == 1, out.stdout
