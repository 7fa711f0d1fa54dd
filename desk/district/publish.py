"""Catalog versions and calendar exceptions published by the district (sync.md §4.5).

Each publication is an immutable numbered version, stored once and appended to the change log
for every office (`office_id = "*"`), so the pull carries it down — to offices registered later
too. The catalog's number is its `catalog_version`: the same number with other content is
refused, an older one is refused; the same content again changes nothing. Calendar versions are
numbered here (newest + 1); publishing the newest content again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import col, select

from desk.district.changes import append_change
from desk.district.db import read, write
from desk.district.shapes import CalendarPublished, CatalogPublished
from desk.district.tables import PublishedCalendar, PublishedCatalog
from desk.domain.errors import DomainError
from desk.services.catalog import checksum

ALL_OFFICES = "*"
KIND_CATALOG = "catalog_version"
KIND_CALENDAR = "calendar_exceptions"


def publish_catalog(engine: Engine, catalog: Any) -> CatalogPublished:
    """Publish a validated catalog (desk.services.catalog.CatalogIn)."""
    digest = checksum(catalog)
    version = int(catalog.catalog_version)
    with write(engine) as s:
        same = s.get(PublishedCatalog, version)
        if same is not None:
            if same.checksum != digest:
                raise DomainError("catalog.version_reused", version=version)
            return {"version": version, "procedures": len(catalog.procedures),
                    "changed": False}
        newest = s.exec(select(func.max(PublishedCatalog.version))).one()
        if newest is not None and newest > version:
            raise DomainError("catalog.older", version=version, current=newest)
        body = catalog.model_dump(mode="json")
        change_id = append_change(s, ALL_OFFICES, KIND_CATALOG, str(version),
                                  {"version": version, "checksum": digest, "catalog": body})
        s.add(PublishedCatalog(version=version, checksum=digest, body=body,
                               change_id=change_id))
    return {"version": version, "procedures": len(catalog.procedures), "changed": True}


def _calendar_body(rows: dict[date, tuple[str, str]]) -> list[dict[str, str]]:
    return [{"date": d.isoformat(), "kind": k, "note": n} for d, (k, n) in sorted(rows.items())]


def publish_calendar(engine: Engine, rows: dict[date, tuple[str, str]]) -> CalendarPublished:
    """Publish a set of calendar exceptions as the next version."""
    body = _calendar_body(rows)
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()
                            ).hexdigest()
    with write(engine) as s:
        newest = s.exec(select(PublishedCalendar).order_by(
            col(PublishedCalendar.version).desc())).first()
        if newest is not None and newest.checksum == digest:
            return {"version": newest.version, "days": len(body), "changed": False}
        version = (newest.version if newest else 0) + 1
        change_id = append_change(s, ALL_OFFICES, KIND_CALENDAR, str(version),
                                  {"version": version, "checksum": digest, "exceptions": body})
        s.add(PublishedCalendar(version=version, checksum=digest, body={"exceptions": body},
                                change_id=change_id))
    return {"version": version, "days": len(body), "changed": True}


def published(engine: Engine) -> dict[str, int | None]:
    """The newest published catalog and calendar versions."""
    with read(engine) as s:
        return {"catalog": s.exec(select(func.max(PublishedCatalog.version))).one(),
                "calendar": s.exec(select(func.max(PublishedCalendar.version))).one()}
