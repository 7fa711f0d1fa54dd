"""A4 documents where a clerk or an administrator waits, through the real `desk` command.

- the first letter in a new install (`desk apology …` with an empty user cache folder),
- the second letter (same install),
- `desk print form 1 CODE --pdf` (best of 3).

Each in a fresh process, on a demo office in a temporary HOME (its own cache folder).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Row

NOW = "2026-11-23 09:00"


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "DESK_NOW": NOW, "DESK_PIN": "2345",
           "DESK_CONFIG": str(home / "desk.toml"), "PYTHONIOENCODING": "utf-8"}
    for key in ("DESK_FONT_CACHE", "DESK_LANG"):
        env.pop(key, None)
    return env


_cpu: list[float] = []  # CPU ms of each `desk` run: the machine is shared, wall time is noisy


def _desk(env: dict[str, str], *args: str) -> tuple[float, str]:
    c0 = os.times()
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "desk.cli", *args], capture_output=True,
                         text=True, encoding="utf-8", env=env, cwd=env["HOME"], check=False)
    ms = (time.perf_counter() - t0) * 1000
    c1 = os.times()
    _cpu.append((c1.children_user + c1.children_system - c0.children_user
                 - c0.children_system) * 1000)
    if out.returncode != 0:
        raise RuntimeError(f"desk {' '.join(args)}: {out.stderr[-1500:]}")
    return ms, out.stdout


def _receive(env: dict[str, str]) -> str:
    _, out = _desk(env, "dossier", "receive", "--procedure", "1.004873", "--name",
                   "Nguyễn Văn Hiệp", "--phone", "0912345678", "--received",
                   "2026-11-17 09:00", "--no-print", "--json")
    return str(json.loads(out)["code"])


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="desk-a4-") as tmp:
        home = Path(tmp)
        (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n',
                                        encoding="utf-8")
        env = _env(home)
        _desk(env, "demo", "--no-tui", "--no-dossiers")
        first_code, second_code = _receive(env), _receive(env)

        def letter(code: str) -> float:
            ms, _ = _desk(env, "apology", code, "--reason", "Chờ xác minh", "--new-date",
                          "2026-12-02", "--pdf", str(home / f"{code}.pdf"), "--clerk",
                          "Trần Văn Minh")
            return ms

        first = letter(first_code)
        first_cpu = _cpu[-1]
        cached = sorted(p.name for p in (home / "cache").rglob("*.ttf"))
        second = letter(second_code)
        second_cpu = _cpu[-1]
        forms = []
        for i in range(3):
            forms.append((_desk(env, "print", "form", "1", first_code, "--pdf",
                                str(home / f"form1-{i}.pdf"))[0], _cpu[-1]))
        form, form_cpu = min(forms)
    return [
        Row("A4: first letter in a new install (empty cache)", first, "ms", 1000,
            f"CPU {first_cpu:.0f} ms; fonts built into the cache: {len(cached)}"),
        Row("A4: second letter", second, "ms", None, f"CPU {second_cpu:.0f} ms"),
        Row("A4: desk print form 1 CODE --pdf, best of 3", form, "ms", 500,
            f"CPU {form_cpu:.0f} ms"),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r.name:<52} {r.value:>8.0f} {r.unit} budget {r.budget} {r.verdict} {r.note}")
