"""`desk notify send|list|status --json` (issue 17 §3): the contract of the commands."""

from __future__ import annotations

import json
from pathlib import Path


def test_send_list_status_json(run_desk, config_file: Path) -> None:  # type: ignore[no-untyped-def]
    config_file.write_text(config_file.read_text() + '\n[notify]\nchannels = ["http"]\n',
                           encoding="utf-8")
    sent = run_desk("notify", "send", "--phone", "+84 912 345 678", "--text",
                    "Hồ sơ của Ông/Bà đã có kết quả", "--channel", "http", "--wait", "0",
                    "--json")
    assert sent.returncode == 0, sent.stderr
    notice = json.loads(sent.stdout)
    assert notice["phone"] == "0912345678" and notice["status"] == "waiting"
    listed = json.loads(run_desk("notify", "list", "--status", "waiting", "--json").stdout)
    assert [n["id"] for n in listed] == [notice["id"]]
    assert json.loads(run_desk("notify", "list", "--status", "sent", "--json").stdout) == []
    status = json.loads(run_desk("notify", "status", "--json").stdout)
    assert status["counts"]["waiting"] == 1 and status["channels"] == ["http"]
    bad = run_desk("notify", "send", "--phone", "12", "--text", "x", "--wait", "0")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and bad.stderr.strip()
