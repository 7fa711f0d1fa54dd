"""Catalog import (JSON as in shared/data/catalog.json, or CSV) and listing.

A file is validated whole before anything is written: one bad entry rejects the file with a
message naming that entry. Importing the same version again changes nothing; the same version
with other content is refused, because a published version is never edited in place.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session, col, select

from desk.domain.errors import DomainError
from desk.domain.os_errors import os_reason
from desk.domain.text import fold
from desk.services.context import DeskContext
from desk.services.shapes import CatalogImportOut, ProcedureOut
from storage.engine import read_session, write_session
from storage.tables import CatalogVersion, Procedure
from storage.tables import Field as FieldRow  # pydantic's Field is the other one here

Unit = Literal["working_days", "working_hours", "same_day", "calendar_days"]


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class FieldIn(_In):
    code: str = Field(min_length=1, max_length=20)
    name: str = Field(min_length=1)


class TimeLimitIn(_In):
    value: int = Field(ge=0, le=365)
    unit: Unit


class FeeIn(_In):
    amount: int = Field(default=0, ge=0)
    note: str = ""


class ProcedureIn(_In):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1)
    field: str = Field(min_length=1)
    time_limit: TimeLimitIn
    fee: FeeIn = Field(default_factory=FeeIn)
    documents: list[str] = Field(default_factory=list)
    level: str = ""
    url: str = ""
    code_verified: bool = True
    online_only: bool = False  # the counter helps submit it on the national portal


class CatalogIn(_In):
    catalog_version: int = Field(ge=1)
    fields: list[FieldIn] = Field(default_factory=list)
    procedures: list[ProcedureIn] = Field(min_length=1)


def parse_catalog(raw: bytes, name: str) -> CatalogIn:
    """Parse and validate a catalog file; DomainError naming the entry on the first problem."""
    if name.lower().endswith(".csv"):
        data = _csv_to_dict(raw, name)
    else:
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise DomainError("catalog.bad_json", file=name, error=str(e)) from None
    try:
        catalog = CatalogIn.model_validate(data)
    except ValidationError as e:
        raise _entry_error(e, data, name) from None
    codes = [p.code for p in catalog.procedures]
    dup = next((c for c in codes if codes.count(c) > 1), None)
    if dup:
        raise DomainError("catalog.duplicate", file=name, code=dup)
    fields = {f.code for f in catalog.fields}
    for i, p in enumerate(catalog.procedures):
        if fields and p.field not in fields:
            raise DomainError("catalog.unknown_field", file=name, index=i + 1, code=p.code,
                              field=p.field)
    return catalog


def _entry_error(e: ValidationError, data: Any, name: str) -> DomainError:
    err = e.errors()[0]
    loc = list(err["loc"])
    entry = ""
    if len(loc) >= 2 and loc[0] == "procedures" and isinstance(loc[1], int):
        try:
            entry = str(data["procedures"][loc[1]].get("code", ""))
        except (KeyError, IndexError, TypeError, AttributeError):
            entry = ""
        where = f"procedures[{loc[1] + 1}]"
        key = ".".join(str(x) for x in loc[2:])
    else:
        where = ".".join(str(x) for x in loc[:2]) or "(gốc)"
        key = ".".join(str(x) for x in loc[2:])
    msg = str(err["msg"]).removeprefix("Value error, ")
    return DomainError("catalog.bad_entry", file=name, entry=where, code=entry, key=key or "-",
                       problem=msg)


CSV_COLUMNS = ("catalog_version", "code", "name", "field", "field_name", "time_limit_value",
               "time_limit_unit", "fee_amount", "fee_note", "documents", "online_only")
# what a spreadsheet writes in a yes/no column; anything else is an error, never a silent "no"
_YES = frozenset({"1", "true", "yes", "y", "x", "co", "có"})
_NO = frozenset({"", "0", "false", "no", "n", "khong", "không"})


def _flag(value: str | None) -> bool | str:
    """A CSV yes/no cell as a bool; the text itself when it is neither (pydantic names it)."""
    text = (value or "").strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    return text


def _csv_to_dict(raw: bytes, name: str) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError("catalog.bad_encoding", file=name) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("catalog_version", "code", "name", "field", "time_limit_value",
                           "time_limit_unit") if c not in (reader.fieldnames or [])]
    if missing:
        raise DomainError("catalog.csv_columns", file=name, columns=", ".join(missing))
    fields: dict[str, str] = {}
    procedures: list[dict[str, Any]] = []
    versions: set[str] = set()
    for row in reader:
        versions.add((row.get("catalog_version") or "").strip())
        if row.get("field_name"):
            fields[row["field"].strip()] = row["field_name"].strip()
        procedures.append({
            "code": row.get("code"), "name": row.get("name"), "field": row.get("field"),
            "time_limit": {"value": row.get("time_limit_value") or 0,
                           "unit": row.get("time_limit_unit")},
            "fee": {"amount": row.get("fee_amount") or 0, "note": row.get("fee_note") or ""},
            "documents": [d.strip() for d in (row.get("documents") or "").split("|") if d.strip()],
            "online_only": _flag(row.get("online_only")),
        })
    if len(versions) > 1:
        raise DomainError("catalog.csv_versions", file=name, versions=", ".join(sorted(versions)))
    return {
        "catalog_version": versions.pop() if versions else None,
        "fields": [{"code": c, "name": n} for c, n in fields.items()],
        "procedures": procedures,
    }


def checksum(catalog: CatalogIn) -> str:
    data = catalog.model_dump(mode="json")
    for proc in data["procedures"]:  # the flag added later leaves older checksums as they were
        if not proc.get("online_only"):
            proc.pop("online_only", None)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def import_catalog(ctx: DeskContext, path: Path) -> CatalogImportOut:
    """Import a catalog file; returns {"version", "procedures", "changed"}."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DomainError("catalog.unreadable", file=str(path), error=os_reason(e)) from None
    catalog = parse_catalog(raw, str(path))
    return apply_catalog(ctx, catalog, source=path.name)


def apply_catalog(ctx: DeskContext, catalog: CatalogIn, source: str = "") -> CatalogImportOut:
    with write_session(ctx.engine) as s:
        return apply_catalog_in(s, catalog, source)


def apply_catalog_in(s: Session, catalog: CatalogIn, source: str = "") -> CatalogImportOut:
    """`apply_catalog` inside the caller's write transaction (the sync applies a pulled version
    in the same transaction as its cursor). Raises DomainError before writing anything."""
    digest = checksum(catalog)
    same = s.get(CatalogVersion, catalog.catalog_version)
    if same is not None:
        if same.checksum == digest:
            return {"version": catalog.catalog_version, "procedures": same.procedures,
                    "changed": False}
        raise DomainError("catalog.version_reused", version=catalog.catalog_version)
    newest = s.exec(select(CatalogVersion.version).order_by(
        col(CatalogVersion.version).desc())).first()
    if newest is not None and newest > catalog.catalog_version:
        raise DomainError("catalog.older", version=catalog.catalog_version, current=newest)
    for f in catalog.fields:
        s.merge(FieldRow(code=f.code, name=f.name))
    for f_code in {p.field for p in catalog.procedures} - {f.code for f in catalog.fields}:
        if s.get(FieldRow, f_code) is None:
            s.add(FieldRow(code=f_code, name=f_code))
    s.flush()
    seen = set()
    for p in catalog.procedures:
        seen.add(p.code)
        s.merge(Procedure(
            code=p.code, name=p.name, name_folded=fold(p.name), field_code=p.field,
            time_limit_value=p.time_limit.value, time_limit_unit=p.time_limit.unit,
            fee_amount=p.fee.amount, fee_note=p.fee.note, documents=p.documents,
            level=p.level, url=p.url, code_verified=p.code_verified, active=True,
            catalog_version=catalog.catalog_version, online_only=p.online_only))
    for old in s.exec(select(Procedure).where(Procedure.active)):  # withdrawn procedures
        if old.code not in seen:
            old.active = False
            s.add(old)
    s.add(CatalogVersion(version=catalog.catalog_version, checksum=digest, source=source,
                         procedures=len(catalog.procedures)))
    s.flush()
    return {"version": catalog.catalog_version, "procedures": len(catalog.procedures),
            "changed": True}


def list_procedures(ctx: DeskContext, *, include_inactive: bool = False) -> list[ProcedureOut]:
    with read_session(ctx.engine) as s:
        q = select(Procedure, FieldRow.name).join(
            FieldRow, col(FieldRow.code) == Procedure.field_code)
        if not include_inactive:
            q = q.where(col(Procedure.active))
        rows = s.exec(q.order_by(col(Procedure.field_code), col(Procedure.code))).all()
    return [
        {"code": p.code, "name": p.name, "field": p.field_code, "field_name": fname,
         "time_limit": {"value": p.time_limit_value, "unit": p.time_limit_unit},
         "fee": {"amount": p.fee_amount, "note": p.fee_note}, "documents": list(p.documents),
         "active": p.active, "catalog_version": p.catalog_version,
         "online_only": p.online_only}
        for p, fname in rows
    ]
