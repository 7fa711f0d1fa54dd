"""A desk several catalog versions behind pulls stubs for the superseded versions and a delta for
the newest one, not every full snapshot (sync.md §4.5, issue #7); a delta that does not rebuild
the announced catalog falls back to the full snapshot; older desks keep full snapshots."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desk.district.changes import changes_since
from desk.district.publish import publish_catalog
from desk.services.catalog import CatalogIn, checksum
from storage.engine import read_session, write_session
from tests.sync.harness import OFFICE, client

DEMO = Path(__file__).resolve().parents[2] / "desk" / "demo_data" / "catalog.json"
NEW_CODE = "9.999001"
REMOVED = "1.000894"


def _catalogs() -> dict[int, CatalogIn]:
    """v1 = the demo catalog; v2 changes one procedure, v3 adds one, v4 removes one."""
    base = json.loads(DEMO.read_text(encoding="utf-8"))
    out: dict[int, CatalogIn] = {}
    data = copy.deepcopy(base)
    for v in (1, 2, 3, 4):
        data["catalog_version"] = v
        if v == 2:
            data["procedures"][0]["name"] = "Đăng ký khai sinh (mẫu 2027)"
            data["procedures"][0]["fee"] = {"amount": 10000, "note": "Lệ phí mới"}
        if v == 3:
            added = copy.deepcopy(data["procedures"][1])
            added.update(code=NEW_CODE, name="Thủ tục thí điểm mới")
            data["procedures"].append(added)
        if v == 4:
            data["procedures"] = [p for p in data["procedures"] if p["code"] != REMOVED]
        out[v] = CatalogIn.model_validate(copy.deepcopy(data))
    return out


class _Meter:
    """Sizes of the pull responses, as they came over the wire."""

    def __init__(self, c: Any) -> None:
        self.pulls: list[tuple[str, int]] = []
        http = c.net.http
        inner = http.request

        def request(method: str, url: Any, *a: Any, **kw: Any) -> Any:
            r = inner(method, url, *a, **kw)
            if "/changes" in str(url):
                self.pulls.append((str(url), len(r.content)))
            return r

        http.request = request

    @property
    def total(self) -> int:
        return sum(n for _, n in self.pulls)


def _local_catalog(ctx: Any, like: CatalogIn) -> CatalogIn:
    """The desk's active catalog, in the district's order, as a CatalogIn (for the checksum)."""
    from desk.sync.catalog_apply import _entry
    from storage.tables import Procedure

    with read_session(ctx.engine) as s:
        rows = {p.code: p for p in s.exec(select(Procedure).where(Procedure.active))}
        order = [p.code for p in like.procedures] + sorted(
            set(rows) - {p.code for p in like.procedures})
        return CatalogIn.model_validate({
            "catalog_version": like.catalog_version,
            "fields": [f.model_dump() for f in like.fields],
            "procedures": [_entry(rows[c]) for c in order if c in rows]})


def _local_versions(ctx: Any) -> dict[int, str]:
    from storage.tables import CatalogVersion

    with read_session(ctx.engine) as s:
        return {v.version: v.checksum for v in s.exec(select(CatalogVersion))}


def _outcomes(ctx: Any) -> dict[str, str]:
    from storage.tables.sync import AppliedChange

    with read_session(ctx.engine) as s:
        return {a.entity_id: a.outcome for a in s.exec(
            select(AppliedChange).where(AppliedChange.kind == "catalog_version"))}


def _rewind(ctx: Any) -> None:
    from desk.sync.outbox_row import sync_state

    with write_session(ctx.engine) as s:
        st = sync_state(s)
        st.pull_cursor = ""
        s.add(st)


def _cursor(ctx: Any) -> str:
    from desk.sync.outbox_row import sync_state

    with read_session(ctx.engine) as s:
        return sync_state(s).pull_cursor


def _size(page: dict[str, Any]) -> int:
    return len(json.dumps(page, ensure_ascii=False).encode())


def test_behind_desk_pulls_stubs_and_a_delta(district: Any, office: Any) -> None:
    cats = _catalogs()
    publish_catalog(district.engine, cats[1])
    c = client(office, district.url, district.token)
    c.sync_once()
    assert _outcomes(office) == {"1": "unchanged"}  # the desk already had the demo v1
    cursor = _cursor(office)
    for v in (2, 3, 4):  # the desk is offline meanwhile
        publish_catalog(district.engine, cats[v])
    # what an older desk (no `catalog=`) would download for the same rows: three snapshots
    legacy = changes_since(district.engine, OFFICE, cursor, 500)
    assert [ch["p"]["version"] for ch in legacy["changes"]] == [2, 3, 4]
    assert all("catalog" in ch["p"] for ch in legacy["changes"])
    snapshots = _size(legacy)

    meter = _Meter(c)
    rep = c.sync_once()
    assert rep.pulled == 3
    pulled = meter.total
    print(f"\npull of v2..v4: {pulled} bytes (three full snapshots: {snapshots} bytes)")
    assert pulled * 4 < snapshots, (pulled, snapshots)
    assert all("catalog_snapshot" not in url for url, _ in meter.pulls)
    # the desk ends with exactly v4, with the district's checksum
    district_v4 = checksum(cats[4])
    assert _local_versions(office)[4] == district_v4
    assert sorted(_local_versions(office)) == [1, 4]  # nothing recorded for v2, v3
    assert checksum(_local_catalog(office, cats[4])) == district_v4
    assert _outcomes(office) == {"1": "unchanged", "2": "superseded", "3": "superseded",
                                 "4": "applied"}
    # replays are no-ops
    assert c.sync_once().pulled == 0
    _rewind(office)
    assert c.sync_once().pulled == 0
    assert sorted(_local_versions(office)) == [1, 4]
    assert checksum(_local_catalog(office, cats[4])) == district_v4
    c.close()


def test_delta_payload_shape(district_sqlite: Any) -> None:
    cats = _catalogs()
    e = district_sqlite.engine
    for v in (1, 2, 3, 4):
        publish_catalog(e, cats[v])
    page = changes_since(e, OFFICE, "", 500, catalog=1)
    p = [ch["p"] for ch in page["changes"]]
    assert p[0] == {"version": 1, "checksum": checksum(cats[1]), "superseded": True}
    assert p[1]["superseded"] and p[2]["superseded"] and "catalog" not in p[1]
    d = p[3]["delta"]
    assert p[3]["checksum"] == checksum(cats[4]) and d["base"] == 1
    assert sorted(x["code"] for x in d["upsert"]) == sorted(
        ["1.001193", NEW_CODE])  # changed + added, full entries
    assert d["removed"] == [REMOVED]
    # unknown base, none, or an explicit snapshot request: the full snapshot of the newest
    for kw in ({"catalog": 7}, {"catalog": 0}, {"catalog": 1, "catalog_snapshot": True}):
        last = changes_since(e, OFFICE, "", 500, **kw)["changes"][3]["p"]  # type: ignore[arg-type]
        assert last["catalog"]["catalog_version"] == 4, kw


def test_tampered_desk_gets_the_snapshot(district: Any, office: Any) -> None:
    from storage.tables import Procedure

    cats = _catalogs()
    for v in (1, 2, 3, 4):
        publish_catalog(district.engine, cats[v])
    with write_session(office.engine) as s:  # the local v1 no longer is the district's v1
        row = s.get(Procedure, "1.004837")
        assert row is not None
        row.name = "Tên bị sửa tay"
        s.add(row)
    c = client(office, district.url, district.token)
    meter = _Meter(c)
    c.sync_once()
    assert any("catalog_snapshot=1" in url for url, _ in meter.pulls)
    assert _local_versions(office)[4] == checksum(cats[4])
    assert checksum(_local_catalog(office, cats[4])) == checksum(cats[4])
    assert _outcomes(office)["4"] == "applied"
    assert c.sync_once().pulled == 0
    c.close()


def test_delta_on_a_wrong_base_is_not_applied(office: Any) -> None:
    from desk.sync.apply import apply_page
    from desk.sync.catalog_apply import SnapshotNeeded

    cats = _catalogs()
    ch = {"id": "d" * 32, "k": "catalog_version", "e": "4",
          "p": {"version": 4, "checksum": checksum(cats[4]),
                "delta": {"base": 1, "base_checksum": "0" * 64, "fields": [], "order": [],
                          "upsert": [], "removed": []}}}
    with pytest.raises(SnapshotNeeded), write_session(office.engine) as s:
        apply_page(s, office.calendar, [ch], "x")
    assert sorted(_local_versions(office)) == [1]
    assert _cursor(office) != "x"
