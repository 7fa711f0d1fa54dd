"""`desk` commands as an administrator scripts them: wall time of a fresh process, best of N,
with its CPU time. The commands that open the database have a budget of 3× `desk --help`
(issue 19). With BENCH_BEFORE=DIR the same commands of another tree run interleaved with
these, on the same office, and their figures are printed beside ("before …")."""

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
RATIO = 3.0  # the budget of a command that opens the database, × `desk --help`


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "DESK_NOW": NOW,
           "DESK_CONFIG": str(home / "desk.toml"), "PYTHONIOENCODING": "utf-8"}
    env.pop("DESK_LANG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on an office PC: bytecode written once
    return env


def _once(env: dict[str, str], args: list[str]) -> tuple[float, float, str]:
    c0, t0 = os.times(), time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "desk.cli", *args], capture_output=True,
                         text=True, encoding="utf-8", env=env, cwd=env["HOME"], check=False)
    ms = (time.perf_counter() - t0) * 1000
    c1 = os.times()
    cpu = (c1.children_user + c1.children_system - c0.children_user - c0.children_system) * 1000
    if out.returncode not in (0, 1):
        raise RuntimeError(f"desk {' '.join(args)}: {out.stderr[-1500:]}")
    return ms, cpu, out.stdout


Best = dict[str | None, tuple[float, float]]


def _best(env: dict[str, str], args: list[str], n: int = 7) -> Best:
    """{tree: (best wall ms, its CPU ms)} for this tree (None) and BEFORE, runs interleaved."""
    trees = [None] + ([BEFORE] if BEFORE else [])
    best: dict[str | None, tuple[float, float]] = {}
    for tree in trees:  # one warm-up run each (bytecode, the holiday cache)
        _once(tree_env(env, tree), args)
    for _ in range(n):
        for tree in trees:
            ms, cpu, _ = _once(tree_env(env, tree), args)
            if tree not in best or ms < best[tree][0]:
                best[tree] = (ms, cpu)
    return best


def _floor(n: int = 7) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=False)
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


_FPDF = ("import os, sys\n{hide}t = os.times()\nimport fpdf\nu = os.times()\n"
         "print((u.user + u.system - t.user - t.system) * 1000)")


def _fpdf_import(without_numpy: bool, n: int = 5) -> float:
    """CPU ms of `import fpdf` in a fresh process, best of n. fpdf2 imports numpy when it is
    installed (fpdf/image_parsing.py, try/except); requirements.lock has no numpy, so an office
    install never loads it — `without_numpy` hides it as such an install would."""
    hide = "sys.modules['numpy'] = None\n" if without_numpy else ""
    code = _FPDF.format(hide=hide)
    return min(float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                    text=True, check=True).stdout) for _ in range(n))


def _before(b: Best, help_before: float | None) -> str:
    if BEFORE not in b or BEFORE is None:
        return ""
    ms, cpu = b[BEFORE]
    ratio = f", {ms / help_before:.1f}× its --help" if help_before else ""
    return f"; before {ms:.0f} ms (CPU {cpu:.0f}){ratio}"


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="desk-cli-") as tmp:
        home = Path(tmp)
        (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n',
                                        encoding="utf-8")
        env = _env(home)
        _once(env, ["demo", "--no-tui"])
        code = json.loads(_once(env, ["dossier", "list", "--json", "--limit", "1"])[2])[0]["code"]
        helped = _best(env, ["--help"])
        help_ms = helped[None][0]
        help_before = helped[BEFORE][0] if BEFORE in helped else None
        rows = [
            Row("python -c pass (floor)", _floor(), "ms"),
            Row("desk --help", help_ms, "ms", 150,
                f"CPU {helped[None][1]:.0f} ms" + _before(helped, None)),
        ]
        for name, args in (("desk --version", ["--version"]),
                           ("desk validate phone", ["validate", "phone", "0912345678"])):
            b = _best(env, args)
            rows.append(Row(name, b[None][0], "ms", 150, f"CPU {b[None][1]:.0f} ms"
                            + _before(b, None)))
        for name, args in (
                ("desk calendar day (opens the DB)", ["calendar", "day", "2026-02-17"]),
                ("desk dossier show CODE", ["dossier", "show", code]),
                ("desk dossier list", ["dossier", "list"]),
                ("desk dossier search TEXT", ["dossier", "search", "Nguyễn"]),
                ("desk deadlines", ["deadlines"]),
                ("desk queue issue HT --no-print (writes)", ["queue", "issue", "HT", "--no-print"]),
                ("desk queue issue HT (writes, queues its print)", ["queue", "issue", "HT"]),
                ("desk queue call 1 (writes)", ["queue", "call", "1"])):
            b = _best(env, args)
            ms, cpu = b[None]
            rows.append(Row(name, ms, "ms", round(RATIO * help_ms),
                            f"{ms / help_ms:.1f}× --help (budget {RATIO:g}×), CPU {cpu:.0f} ms"
                            + _before(b, help_before)))
        rows += [Row("import fpdf2, CPU (numpy installed, as here)", _fpdf_import(False), "ms",
                     note="numpy, cryptography, fontTools.varLib: fpdf/__init__ imports all"),
                 Row("import fpdf2, CPU (no numpy, as requirements.lock)", _fpdf_import(True),
                     "ms")]
    return rows


if __name__ == "__main__":
    for r in run():
        print(f"{r.name:<52} {r.value:>8.0f} {r.unit} budget {r.budget} {r.verdict} {r.note}")
