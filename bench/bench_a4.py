"""A4 documents where a clerk or an administrator waits, through the real `desk` command.

- the first letter in a new install (`desk apology …` with an empty user cache folder),
- the second letter (same install),
- `desk print form 1 CODE --pdf` (best of 3),
- the first letter from the TUI: a process as the TUI is after the login (the database stack
  loaded, the app's after-paint warm-up done when this tree has one), timed from the clerk's
  confirmation to the letter queued for printing — what `screens/deadlines.py` runs in its
  worker.

Each in a fresh process, on a demo office in a temporary HOME (its own cache folder). With
BENCH_BEFORE=DIR the same runs of another tree follow, each on its own new install, and are
printed beside ("before …").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BEFORE, Row, tree_env

NOW = "2026-11-23 09:00"

# The TUI after the login: stack loaded; the app's warm-up (desk.app.prewarm_documents, run in
# a worker after the first paint) if this tree has it; then the letter as the screen makes it.
TUI_LETTER = r"""
import json, sys, time
from datetime import date
from desk.commands.cli_auth import signed_in
from desk.config import load_settings
from desk.services.context import DeskContext

ctx = DeskContext(load_settings(None))
ctx.engine
actor = signed_in(ctx, "Trần Văn Minh", False)
try:
    from desk.app import prewarm_documents
except ImportError:
    prewarm_documents = None
if prewarm_documents is not None:
    try:
        prewarm_documents(ctx)
    except TypeError:  # an older tree's warm-up took no context
        prewarm_documents()
t0, c0 = time.perf_counter(), time.process_time()
from desk.services.deadlines.apology import issue  # as screens/deadlines.py, in its worker
out = issue(ctx, sys.argv[1], actor, "Chờ xác minh", date(2026, 12, 2))
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000,
                  "cpu_ms": (time.process_time() - c0) * 1000,
                  "warmed": prewarm_documents is not None, "letter": out["letter_no"]}))
"""


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "DESK_NOW": NOW, "DESK_PIN": "2345",
           "DESK_CONFIG": str(home / "desk.toml"), "PYTHONIOENCODING": "utf-8"}
    for key in ("DESK_FONT_CACHE", "DESK_LANG"):
        env.pop(key, None)
    return env


def _desk(env: dict[str, str], *args: str, code: str | None = None) -> tuple[float, float, str]:
    """Wall ms, CPU ms and stdout of one `desk` process (or `python -c code`)."""
    c0 = os.times()
    t0 = time.perf_counter()
    cmd = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "desk.cli",
                                                             *args]
    out = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env,
                         cwd=env["HOME"], check=False)
    ms = (time.perf_counter() - t0) * 1000
    c1 = os.times()
    cpu = (c1.children_user + c1.children_system - c0.children_user - c0.children_system) * 1000
    if out.returncode != 0:
        raise RuntimeError(f"desk {' '.join(args)}: {out.stderr[-1500:]}")
    return ms, cpu, out.stdout


def _receive(env: dict[str, str]) -> str:
    out = _desk(env, "dossier", "receive", "--procedure", "1.004873", "--name",
                "Nguyễn Văn Hiệp", "--phone", "0912345678", "--received", "2026-11-17 09:00",
                "--no-print", "--json")[2]
    return str(json.loads(out)["code"])


def _install(tree: str | None) -> dict[str, dict[str, float]]:
    """Every figure on one new install of `tree`."""
    with tempfile.TemporaryDirectory(prefix="desk-a4-") as tmp:
        home = Path(tmp)
        (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n',
                                        encoding="utf-8")
        env = tree_env(_env(home), tree)
        _desk(env, "demo", "--no-tui", "--no-dossiers")
        codes = [_receive(env) for _ in range(3)]

        def letter(code: str) -> dict[str, float]:
            ms, cpu, _ = _desk(env, "apology", code, "--reason", "Chờ xác minh", "--new-date",
                               "2026-12-02", "--pdf", str(home / f"{code}.pdf"), "--clerk",
                               "Trần Văn Minh")
            return {"ms": ms, "cpu": cpu}

        out = {"first": letter(codes[0])}
        out["first"]["fonts"] = len(list((home / "cache").rglob("*.ttf")))
        out["second"] = letter(codes[1])
        forms = [_desk(env, "print", "form", "1", codes[0], "--pdf",
                       str(home / f"form1-{i}.pdf"))[:2] for i in range(3)]
        ms, cpu = min(forms)
        out["form"] = {"ms": ms, "cpu": cpu}
        try:
            tui = json.loads(_desk(env, codes[2], code=TUI_LETTER)[2].strip().splitlines()[-1])
        except RuntimeError:  # an older tree has no PIN check ahead to drive the TUI's letter
            if tree is None:
                raise
        else:
            out["tui"] = {"ms": tui["ms"], "cpu": tui["cpu_ms"], "warmed": tui["warmed"]}
    return out


def _load() -> float:
    """The machine's 1-minute load average (-1 where the OS has none)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0


def run() -> list[Row]:
    start = _load()
    after = _install(None)
    before = _install(BEFORE) if BEFORE else None
    load = f", load average {start:.1f}–{_load():.1f}" if start >= 0 else ""  # wall follows it

    def note(key: str, extra: str = "") -> str:
        text = f"CPU {after[key]['cpu']:.0f} ms{extra}{load}"
        if before is not None and key in before:
            text += f"; before {before[key]['ms']:.0f} ms (CPU {before[key]['cpu']:.0f})"
        return text

    return [
        Row("A4: first letter in a new install (empty cache)", after["first"]["ms"], "ms", 1000,
            note("first", f"; fonts built into the cache: {after['first']['fonts']:.0f}")),
        Row("A4: second letter", after["second"]["ms"], "ms", None, note("second")),
        Row("A4: desk print form 1 CODE --pdf, best of 3", after["form"]["ms"], "ms", 500,
            note("form")),
        Row("A4: first letter from the TUI (confirm → queued)", after["tui"]["ms"], "ms", 1000,
            note("tui", ", engine pre-warmed" if after["tui"]["warmed"] else "")),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r.name:<52} {r.value:>8.0f} {r.unit} budget {r.budget} {r.verdict} {r.note}")
