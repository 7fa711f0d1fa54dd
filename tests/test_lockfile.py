"""Issue 15 §6: requirements.lock pins what ships, with hashes, and matches pyproject.toml
(CI installs from it; `pip-audit -r requirements.lock` scans it, docs/security.md)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)")


def _locked() -> dict[str, tuple[str, int]]:
    """name → (version, number of hashes) from requirements.lock."""
    out: dict[str, tuple[str, int]] = {}
    name = ""
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        m = PIN.match(line)
        if m:
            name = canonicalize_name(m.group(1).split("[")[0])
            out[name] = (m.group(2), 0)
        elif line.strip().startswith("--hash=sha256:") and name:
            version, n = out[name]
            out[name] = (version, n + 1)
    return out


def test_lock_pins_every_dependency_of_pyproject_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = [Requirement(r) for r in
              [*project["dependencies"], *extras["server"], *extras["test"]]]
    wanted = [r for r in wanted if canonicalize_name(r.name) != project["name"]]  # test: [server]
    locked = _locked()
    assert len(locked) > len(wanted)  # the transitive dependencies are pinned too
    for req in wanted:
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is in pyproject.toml but not in requirements.lock"
        version = locked[name][0]
        assert req.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {req.name}=={version}, outside {req.specifier}: "
            "run `uv pip compile pyproject.toml --extra test --extra server --generate-hashes "
            "--python-version 3.11 -o requirements.lock`")
    unhashed = sorted(n for n, (_, h) in locked.items() if h == 0)
    assert not unhashed, f"pinned without a hash: {unhashed}"


def test_ci_installs_from_the_lock() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in run


def test_the_commune_install_leaves_the_province_server_out() -> None:
    """Issue 20 step 6: `pip install mot-cua-desk` on a commune's PC does not pull in the
    province server's FastAPI and PostgreSQL driver; `[server]` does, and the tests take it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}
    server = {canonicalize_name(Requirement(r).name)
              for r in project["optional-dependencies"]["server"]}
    assert {"fastapi", "psycopg"} <= server and not {"fastapi", "psycopg"} & base
    assert {"starlette", "uvicorn"} <= base  # the waiting room's server stays
    assert "mot-cua-desk[server]" in project["optional-dependencies"]["test"]
