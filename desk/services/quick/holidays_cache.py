"""The statutory holidays of a year, kept in the user cache folder once computed: the
`holidays` package costs more to import than a whole quick command. The cache is keyed by the
installed package's files, so an upgrade of `holidays` recomputes it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from types import MappingProxyType

from platformdirs import user_cache_path

from desk.domain.calendar import vn_statutory_holidays


def _package_key() -> str | None:
    spec = find_spec("holidays")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent
    try:
        stats = [(folder / n).stat() for n in ("__init__.py", "version.py")]
    except OSError:
        return None
    return f"{folder}|" + "|".join(f"{s.st_mtime_ns}:{s.st_size}" for s in stats)


def cached_statutory(folder: Path) -> Callable[[int], Mapping[date, str]]:
    """A `statutory` for WorkingCalendar: vn_statutory_holidays, read from `folder` when the
    same `holidays` release computed it before."""
    key = _package_key()

    def statutory(year: int) -> Mapping[date, str]:
        path = folder / f"vn-holidays-{year}.json"
        if key is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data["key"] == key:
                    return MappingProxyType({date.fromisoformat(d): str(n)
                                             for d, n in data["days"].items()})
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass  # missing, stale or damaged: compute it again
        days = vn_statutory_holidays(year)
        if key is not None:
            _write(path, {"key": key, "days": {d.isoformat(): n for d, n in days.items()}})
        return days

    return statutory


def _write(path: Path, data: object) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # two processes writing at once: the last complete file wins
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache folder: compute it every time


def office_statutory() -> Callable[[int], Mapping[date, str]]:
    """`cached_statutory` in the user cache folder: what every office calendar uses, the
    full stack's (deadlines.calendar.build_calendar) and the quick reads'."""
    return cached_statutory(user_cache_path("desk", appauthor=False))
