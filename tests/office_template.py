"""Offices built once per test session and copied per test (issue 20 step 6, the fast tier).

Seeding the demo office costs ~0.3 s of CPU (four bcrypt PIN hashes, the catalog, the calendar)
and the reports' history several times that; a copy of the finished SQLite file costs a few
milliseconds. The first test that asks builds the office through the real services, exactly as
before; its database file is then kept (SQLite's backup API) and every later test with the
same configuration, clock instant and language gets a byte copy of it in its own folder, before
its context opens the file. Each test still owns its database: what it writes is its own."""

from __future__ import annotations

import atexit
import dataclasses
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from desk.i18n import get_language
from desk.services.context import DeskContext
from desk.services.demo import seed_demo

_templates: dict[str, tuple[Path, Any]] = {}
# the databases a template was just copied to: which, and how the files stood then
_copied: dict[Path, tuple[str, tuple[int, int, int]]] = {}
_folder: Path | None = None


def built_once(ctx: DeskContext, name: str, build: Callable[[DeskContext], Any], *,
               on: str | None = None, sync_matters: bool = True) -> Any:
    """`build(ctx)` on the context's new database (or on an `on` office just copied and not
    written since), or a copy of what it built for an earlier test; returns what `build`
    returned then (plain data: it must not hold the old context). A database already opened
    or holding anything else is built for, as before. Either way the context ends with its
    database open, as building leaves it (hooks registered when the store opens included)."""
    path = ctx.settings.database_path
    fingerprint = _fingerprint(ctx, sync_matters)
    key = f"{name}|{fingerprint}"
    if on is None:
        fresh = ctx._engine is None and not path.exists()
    else:
        fresh = _copied.get(path) == (f"{on}|{fingerprint}", _stamp(path))
    if fresh and key in _templates:
        template, facts = _templates[key]
        ctx.close()  # no connection open while the file is replaced
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, path)
        ctx.engine  # noqa: B018 — opened now, as the build would have left it
        _copied[path] = (key, _stamp(path))
        return facts
    _copied.pop(path, None)
    facts = build(ctx)
    if fresh:
        _templates[key] = (_keep(path, len(_templates)), facts)
        _copied[path] = (key, _stamp(path))  # the file now is the template: build `on` it
    return facts


def _stamp(path: Path) -> tuple[int, int, int]:
    """Changes once anything is written: the main file, or its write-ahead log (WAL mode)."""
    wal = path.with_name(path.name + "-wal")
    main = path.stat()
    return main.st_mtime_ns, main.st_size, wal.stat().st_size if wal.exists() else 0


def seeded(ctx: DeskContext) -> None:
    """`seed_demo(ctx, dossiers=False)`: the demo office without its demo dossiers."""
    # seeding reads no [sync] setting: the sync tests' offices (each with its own district's
    # address and token) share one template
    built_once(ctx, "demo", lambda c: seed_demo(c, dossiers=False), sync_matters=False)


def _fingerprint(ctx: DeskContext, sync_matters: bool) -> str:
    """What the built database depends on: the configuration but for where files live (and the
    district's address when it does not matter), the instant the clock gives and the language."""
    s = ctx.settings
    storage = dataclasses.replace(s.storage, data_dir=None, database=None)
    s = dataclasses.replace(s, storage=storage, source=None)
    if not sync_matters:
        s = dataclasses.replace(s, sync=type(s.sync)())
    return repr((s, ctx.now(), get_language()))


def _keep(database: Path, n: int) -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="desk-templates-"))
        atexit.register(shutil.rmtree, _folder, True)
    kept = _folder / f"office-{n}.sqlite3"
    # a consistent copy while the test's own connections stay open (WAL included)
    with closing(sqlite3.connect(database)) as src, closing(sqlite3.connect(kept)) as dst:
        src.backup(dst)
    return kept
