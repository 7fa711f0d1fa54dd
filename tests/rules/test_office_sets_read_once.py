"""The office's own rule files are parsed once, not at every intake (issue 20: each save asks
for the set in force), and an edited file is read again."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from desk.rules import sets


def test_an_office_file_is_parsed_once_until_it_changes(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    raw = json.loads((resources.files("desk.rules") / "sets" / "2025.json").read_text("utf-8"))
    rules = tmp_path / "rules"
    rules.mkdir()
    own = rules / "office.json"
    own.write_text(json.dumps({**raw, "id": "office", "name": "Bộ của xã"}), encoding="utf-8")
    sets.all_sets()  # the shipped sets: parsed once per process anyway
    parsed: list[str] = []
    parse = sets.parse_set

    def counting(text: str, where: str, origin: str = "package") -> Any:
        parsed.append(where)
        return parse(text, where, origin)

    monkeypatch.setattr(sets, "parse_set", counting)
    for _ in range(3):  # three intakes
        assert sets.get_set("office", rules).name == "Bộ của xã"
    assert parsed == [str(own)]
    own.write_text(json.dumps({**raw, "id": "office", "name": "Bộ mới của xã"}),
                   encoding="utf-8")
    later = own.stat().st_mtime_ns + 1_000_000_000
    os.utime(own, ns=(later, later))
    assert sets.get_set("office", rules).name == "Bộ mới của xã"
    assert len(parsed) == 2
