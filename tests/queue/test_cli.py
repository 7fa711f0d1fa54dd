"""`desk queue …` as an administrator runs it."""

from __future__ import annotations

import json

NOW = {"DESK_NOW": "2026-11-23 09:00"}


def test_issue_call_act_stats(run_desk) -> None:  # type: ignore[no-untyped-def]
    r = run_desk("queue", "issue", "HT", "--no-print", env=NOW)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "A001"
    r = run_desk("queue", "issue", "A", "--priority", "elderly", "--json", "--no-print", env=NOW)
    data = json.loads(r.stdout)
    assert (data["label"], data["priority_reason"], data["people_ahead"]) == ("A002", "elderly", 0)
    assert run_desk("queue", "call", "1", env=NOW).stdout.strip() == "A002"
    r = run_desk("queue", "call", "1", env=NOW)
    assert r.returncode == 1 and "đang tiếp số A002" in r.stderr
    assert run_desk("queue", "act", "A002", "recall", env=NOW).stdout.strip() == "A002: Đã gọi"
    assert run_desk("queue", "act", "a2", "start", env=NOW).returncode == 0
    r = run_desk("queue", "act", "A002", "finish", "--dossier", "HS-9", "--json", env=NOW)
    assert json.loads(r.stdout)["dossier_code"] == "HS-9"
    r = run_desk("queue", "act", "A001", "call", "--counter", "2", env=NOW)
    assert r.stdout.strip() == "A001: Đã gọi"
    r = run_desk("queue", "act", "A001", "transfer", "--service", "CT", env=NOW)
    assert r.stdout.strip() == "A001: Đang chờ"
    r = run_desk("queue", "stats", "--date", "2026-11-23", "--json", env=NOW)
    st = json.loads(r.stdout)
    assert (st["issued"], st["served"], st["transferred"], st["recalls"]) == (2, 1, 1, 1)
    assert st["waiting"] == 1
    r = run_desk("queue", "waiting", "--json", env=NOW)
    assert {w["code"]: w["waiting"] for w in json.loads(r.stdout)}["CT"] == 1


def test_errors_are_sentences(run_desk) -> None:  # type: ignore[no-untyped-def]
    r = run_desk("queue", "issue", "XX", env=NOW)
    assert r.returncode == 1 and "Không có dịch vụ «XX»" in r.stderr
    r = run_desk("queue", "call", "9", env=NOW)
    assert r.returncode == 1 and "Không có quầy số 9" in r.stderr
    r = run_desk("queue", "act", "A001", "dance", env=NOW)
    assert r.returncode == 2
    r = run_desk("queue", "act", "A001", "start", env=NOW)
    assert r.returncode == 1 and "Hôm nay không có số A001." in r.stderr
    assert run_desk("queue", "pause", "1", env=NOW).stdout.strip() == "Quầy 1 đã tạm dừng."
    r = run_desk("queue", "call", "1", env=NOW)
    assert r.returncode == 1 and "tạm dừng" in r.stderr


def test_stats_csv_and_tui_commands_need_a_terminal(run_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run_desk("queue", "issue", "HT", "--no-print", env=NOW)
    out = tmp_path / "day.csv"
    r = run_desk("queue", "stats", "--csv", str(out), env=NOW)
    assert r.returncode == 0 and out.read_text(encoding="utf-8-sig").startswith("kind,key")
    for cmd in (("kiosk",), ("display", "--mute"), ("queue", "counter", "1"), ("queue", "board")):
        r = run_desk(*cmd, env=NOW)
        assert r.returncode == 2, cmd
    assert "kiosk" in run_desk("--help").stdout
