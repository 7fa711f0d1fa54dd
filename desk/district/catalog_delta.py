"""Catalog versions on the pull, shaped for a slow link (sync.md §4.5).

The change log holds every published catalog version as a full snapshot. A desk that says which
catalog version it has (`catalog=` on the pull; `0` = none) receives instead:

- for a version that a newer visible version supersedes: a stub
  `{version, checksum, superseded: true}` — the desk records it and moves its cursor on;
- for the newest version: a delta against the desk's version when the district still stores it
  (`delta: {base, base_checksum, fields, order, upsert, removed}`, plus the checksum of the full
  resulting catalog), else the full snapshot as before.

`catalog_snapshot=1` asks for the full snapshot of the newest version (the desk's fallback when a
delta does not produce the announced checksum). A desk that sends no `catalog=` (an older
release) keeps receiving full snapshots for every version.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from desk.district.tables import PublishedCatalog

KIND_CATALOG = "catalog_version"


def newest_visible(s: Session, horizon: str) -> int | None:
    """The newest catalog version whose change row the pull can serve now."""
    rows = s.execute(text(f"""
        SELECT entity_id FROM change_log WHERE office_id = '*' AND kind = :kind {horizon}"""),
        {"kind": KIND_CATALOG}).all()
    versions = [int(r.entity_id) for r in rows if str(r.entity_id).isdigit()]
    return max(versions, default=None)


def delta(base_body: dict[str, Any], base_version: int, base_checksum: str,
          p: dict[str, Any]) -> dict[str, Any]:
    """The change payload `p` (a full snapshot) as a delta against `base_body`."""
    new = p.get("catalog") or {}
    old = {e.get("code"): e for e in base_body.get("procedures") or []}
    procedures = new.get("procedures") or []
    order = [e.get("code") for e in procedures]
    return {"version": p["version"], "checksum": p["checksum"], "delta": {
        "base": base_version, "base_checksum": base_checksum,
        "fields": new.get("fields") or [], "order": order,
        "upsert": [e for e in procedures if old.get(e.get("code")) != e],
        "removed": sorted(set(old) - set(order))}}


def shape(s: Session, changes: list[dict[str, Any]], have: int, snapshot: bool,
          horizon: str) -> None:
    """Rewrite, in place, the catalog changes of a page for a desk that has version `have`."""
    if not any(ch["k"] == KIND_CATALOG for ch in changes):
        return
    newest = newest_visible(s, horizon)
    for ch in changes:
        p = ch["p"]
        if ch["k"] != KIND_CATALOG or not isinstance(p, dict) or "version" not in p:
            continue
        version = int(p["version"])
        if newest is not None and version < newest:
            ch["p"] = {"version": version, "checksum": p.get("checksum", ""),
                       "superseded": True}
        elif not snapshot and 0 < have <= version:
            base = s.get(PublishedCatalog, have)
            if base is not None:
                ch["p"] = delta(base.body, have, base.checksum, p)
