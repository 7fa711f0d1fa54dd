"""A pulled catalog version on the desk: full snapshot, superseded stub, or delta (sync.md §4.5).

A delta is applied onto the desk's current catalog in the caller's transaction (the one that
stores the cursor) only if its base is the version the desk has and the rebuilt catalog has the
checksum the district announced; otherwise `SnapshotNeeded` is raised — the transaction rolls
back and the client asks the same page again with `catalog_snapshot=1`. A wrong catalog is never
applied.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, select

from desk.domain.errors import DomainError
from desk.services.catalog import CatalogIn, apply_catalog_in, checksum
from storage.tables import CatalogVersion, Procedure

SUPERSEDED = "superseded"


class SnapshotNeeded(Exception):
    """The delta cannot be applied here: the full snapshot is needed."""

    def __init__(self, version: int, reason: str) -> None:
        super().__init__(f"catalog {version}: {reason}")
        self.version = version
        self.reason = reason


def local_version(s: Session) -> int:
    """The newest catalog version this desk has (0: none) — sent as `catalog=` on the pull."""
    newest = s.exec(select(CatalogVersion.version).order_by(
        col(CatalogVersion.version).desc())).first()
    return int(newest or 0)


def _entry(row: Any) -> dict[str, Any]:
    """A local procedure row as a catalog entry (CatalogIn's JSON shape)."""
    return {"code": row.code, "name": row.name, "field": row.field_code,
            "time_limit": {"value": row.time_limit_value, "unit": row.time_limit_unit},
            "fee": {"amount": row.fee_amount, "note": row.fee_note},
            "documents": list(row.documents or []), "level": row.level, "url": row.url,
            "code_verified": row.code_verified}


def rebuild(s: Session, p: dict[str, Any]) -> Any:
    """The full catalog a delta describes, from the desk's current catalog; SnapshotNeeded if the
    base is not what the desk has or the result is not the announced catalog."""
    version = int(p["version"])
    d = p["delta"]
    base = s.get(CatalogVersion, int(d.get("base", 0)))
    if base is None or local_version(s) != base.version or base.checksum != d.get(
            "base_checksum"):
        raise SnapshotNeeded(version, "base")
    upsert = {e.get("code"): e for e in d.get("upsert") or []}
    removed = set(d.get("removed") or [])
    procedures = []
    for code in d.get("order") or []:
        entry = upsert.get(code)
        if entry is None:
            row = s.get(Procedure, code)
            if row is None or code in removed:
                raise SnapshotNeeded(version, "missing:" + str(code))
            entry = _entry(row)
        procedures.append(entry)
    try:
        catalog = CatalogIn.model_validate({"catalog_version": version,
                                            "fields": d.get("fields") or [],
                                            "procedures": procedures})
    except ValidationError:
        raise SnapshotNeeded(version, "invalid") from None
    if checksum(catalog) != p.get("checksum"):
        raise SnapshotNeeded(version, "checksum")
    return catalog


def apply_delta(s: Session, p: dict[str, Any]) -> str:
    version = int(p["version"])
    if local_version(s) > version:
        return "ignored_older"
    catalog = rebuild(s, p)
    try:
        out = apply_catalog_in(s, catalog, source=f"district:{version}")
    except DomainError as e:
        return {"catalog.older": "ignored_older"}.get(e.key, "conflict:" + e.key)
    return "applied" if out["changed"] else "unchanged"


def apply_catalog_change(s: Session, p: dict[str, Any]) -> str:
    """Outcome of one pulled catalog change (a stub records nothing but its outcome)."""
    if p.get(SUPERSEDED):
        return SUPERSEDED
    if isinstance(p.get("delta"), dict):
        return apply_delta(s, p)
    return apply_catalog_version(s, p)


def apply_catalog_version(s: Session, p: dict[str, Any]) -> str:
    """A published catalog version: applied with the cursor; the same version again is a no-op,
    an older one is ignored, the same number with other content is kept as a conflict."""
    try:
        catalog = CatalogIn.model_validate(p.get("catalog") or {})
    except ValidationError:
        return "conflict:catalog.invalid"
    try:
        out = apply_catalog_in(s, catalog, source=f"district:{catalog.catalog_version}")
    except DomainError as e:
        return {"catalog.older": "ignored_older"}.get(e.key, "conflict:" + e.key)
    return "applied" if out["changed"] else "unchanged"
