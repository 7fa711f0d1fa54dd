"""Catalog versions and calendar exceptions published by the district come down by pull
(sync.md §4.5): immutable numbered versions, applied with the cursor, replays no-ops, an older
version ignored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desk.district.changes import decide
from desk.district.publish import publish_calendar, publish_catalog
from desk.domain.errors import DomainError
from desk.services.catalog import CatalogIn, apply_catalog
from desk.services.dossier.lifecycle import act
from storage.engine import read_session, write_session
from tests.sync.harness import OFFICE, client, intake

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "desk" / "demo_data" / "catalog.json"


def _catalog(version: int, rename: str = "") -> CatalogIn:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["catalog_version"] = version
    if rename:
        data["procedures"][0]["name"] = rename
    return CatalogIn.model_validate(data)


def _procedure(ctx: Any, code: str) -> Any:
    from storage.tables import Procedure

    with read_session(ctx.engine) as s:
        return s.get(Procedure, code)


def _versions(ctx: Any) -> list[int]:
    from storage.tables import CatalogVersion

    with read_session(ctx.engine) as s:
        return sorted(v.version for v in s.exec(select(CatalogVersion)))


def _applied(ctx: Any, kind: str) -> list[tuple[str, str]]:
    from storage.tables.sync import AppliedChange

    with read_session(ctx.engine) as s:
        return [(a.entity_id, a.outcome) for a in s.exec(
            select(AppliedChange).where(AppliedChange.kind == kind)
            .order_by(AppliedChange.applied_at))]


def _rewind(ctx: Any) -> None:
    """Forget the pull cursor: the next pull replays every page."""
    from desk.sync.outbox_row import sync_state

    with write_session(ctx.engine) as s:
        st = sync_state(s)
        st.pull_cursor = ""
        s.add(st)


def test_catalog_and_calendar_come_down_with_decisions(district: Any, office: Any) -> None:
    codes = intake(office, 2)
    act(office, codes[0], "transfer")
    c = client(office, district.url, district.token)
    c.sync_once()
    decide(district.engine, OFFICE, codes[0], "start_processing")
    v2 = publish_catalog(district.engine, _catalog(2, "Đăng ký khai sinh (mẫu mới)"))
    assert v2 == {"version": 2, "procedures": 14, "changed": True}
    off = date(2026, 12, 28)
    cal = publish_calendar(district.engine, {off: ("OFF", "Nghỉ bù theo quyết định huyện")})
    assert cal["version"] == 1 and cal["changed"]
    assert office.calendar.is_working_day(off)
    rep = c.sync_once()
    assert rep.pulled == 3
    assert _versions(office) == [1, 2]
    assert _procedure(office, "1.001193").name == "Đăng ký khai sinh (mẫu mới)"
    assert _procedure(office, "1.001193").catalog_version == 2
    assert not office.calendar.is_working_day(off)  # refreshed after the commit
    assert _applied(office, "catalog_version") == [("2", "applied")]
    assert _applied(office, "calendar_exceptions") == [("1", "applied")]
    # the same publications again: nothing new on the district, nothing on the desk
    assert not publish_catalog(district.engine, _catalog(2, "Đăng ký khai sinh (mẫu mới)")
                               )["changed"]
    assert not publish_calendar(district.engine, {off: ("OFF", "Nghỉ bù theo quyết định huyện")}
                                )["changed"]
    assert c.sync_once().pulled == 0
    # a replayed pull (cursor lost) is a no-op
    _rewind(office)
    assert c.sync_once().pulled == 0
    assert _versions(office) == [1, 2]
    c.close()


def test_published_versions_are_immutable(district_sqlite: Any) -> None:
    e = district_sqlite.engine
    publish_catalog(e, _catalog(3))
    with pytest.raises(DomainError) as reused:
        publish_catalog(e, _catalog(3, "Tên khác"))
    assert reused.value.key == "catalog.version_reused"
    with pytest.raises(DomainError) as older:
        publish_catalog(e, _catalog(2))
    assert older.value.key == "catalog.older"
    first = publish_calendar(e, {date(2026, 12, 28): ("OFF", "")})
    second = publish_calendar(e, {date(2026, 12, 28): ("OFF", ""),
                                  date(2027, 1, 2): ("WORK", "Làm bù")})
    assert (first["version"], second["version"]) == (1, 2)


def test_older_versions_are_ignored_on_the_desk(district_sqlite: Any, office: Any) -> None:
    d = district_sqlite
    publish_catalog(d.engine, _catalog(2, "Bản huyện v2"))
    apply_catalog(office, _catalog(3, "Bản xã đã có v3"))  # the desk is already ahead
    c = client(office, d.url, d.token)
    c.sync_once()
    assert _applied(office, "catalog_version") == [("2", "ignored_older")]
    assert _procedure(office, "1.001193").name == "Bản xã đã có v3"
    assert _versions(office) == [1, 3]
    # calendar: a version older than the newest applied one changes nothing
    from desk.sync.apply import apply_page
    from desk.sync.outbox_row import sync_state

    publish_calendar(d.engine, {date(2026, 12, 28): ("OFF", "v1")})
    publish_calendar(d.engine, {date(2026, 12, 28): ("WORK", "v2")})
    c.sync_once()
    assert office.calendar.is_working_day(date(2026, 12, 28))
    stale = {"id": "f" * 32, "k": "calendar_exceptions", "e": "1",
             "p": {"version": 1, "exceptions": [{"date": "2026-12-28", "kind": "OFF",
                                                 "note": "v1"}]}}
    with write_session(office.engine) as s:
        apply_page(s, office.calendar, [stale], sync_state(s).pull_cursor)
    office.refresh_calendar()
    assert office.calendar.is_working_day(date(2026, 12, 28))
    assert _applied(office, "calendar_exceptions") == [("1", "applied"), ("2", "applied"),
                                                       ("1", "ignored_older")]
    c.close()


def _cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp), "XDG_DATA_HOME": str(tmp / "xdg"),
           "PYTHONIOENCODING": "utf-8", "DESK_CONFIG": str(tmp / "none.toml")}
    return subprocess.run([sys.executable, "-m", "desk.cli", "district", *args], env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=120)


def test_cli_publish(tmp_path: Path) -> None:
    db = str(tmp_path / "district.sqlite3")
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["catalog_version"] = 5
    f = tmp_path / "catalog.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = _cli(tmp_path, "catalog", "publish", str(f), "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"version": 5, "procedures": 14, "changed": True}
    r = _cli(tmp_path, "catalog", "publish", str(f), "--db", db)
    assert r.returncode == 0 and "5" in r.stdout, r.stderr
    data["procedures"][0]["name"] = "Khác"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = _cli(tmp_path, "catalog", "publish", str(f), "--db", db)
    assert r.returncode != 0 and "5" in r.stderr
    cal = REPO / "desk" / "demo_data" / "calendar_exceptions.csv"
    r = _cli(tmp_path, "calendar", "publish", str(cal), "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["version"] == 1 and out["changed"] and out["days"] > 0
    r = _cli(tmp_path, "calendar", "publish", str(tmp_path / "missing.csv"), "--db", db)
    assert r.returncode != 0
