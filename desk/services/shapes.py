"""The declared shapes of the core services' `--json` outputs: `desk catalog import|list`,
`desk db check|upgrade`, `desk demo` and `desk validate id|phone` (contracts administrators script;
tests/contracts checks the printed JSON against them)."""

from __future__ import annotations

from typing import TypedDict


class CatalogImportOut(TypedDict):
    """`desk catalog import FILE --json`."""

    version: int
    procedures: int
    changed: bool  # False: the same version was already imported


class LimitOut(TypedDict):
    value: int
    unit: str  # working_days | working_hours | same_day | calendar_days


class FeeRuleOut(TypedDict):
    amount: int  # per set, in đồng
    note: str


class ProcedureOut(TypedDict):
    """A row of `desk catalog list --json`."""

    code: str
    name: str
    field: str
    field_name: str
    time_limit: LimitOut
    fee: FeeRuleOut
    documents: list[str]
    active: bool
    catalog_version: int
    online_only: bool


class StoreCheck(TypedDict):
    schema: list[str]  # objects the migrations did not create, missing triggers
    integrity: str  # "ok", or what PRAGMA integrity_check found
    foreign_keys: str  # "ok" or "N dangling"
    revision: str | None
    head: str
    current: bool
    ok: bool


class DbCheckOut(StoreCheck):
    """`desk db check --json`."""

    database: str


class DemoClerk(TypedDict):
    name: str
    role: str
    pin: str


class DemoOut(TypedDict):
    """`desk demo --json`."""

    office: str
    demo_dossiers: int
    database: str
    catalog_version: int
    procedures: int
    clerks: list[DemoClerk]


class ValidIdOut(TypedDict):
    """`desk validate id N --json` (a number that fails exits 1 with the reason)."""

    valid: bool
    number: str  # digits only
    id_type: str  # cccd | cmnd
    province_code: str | None
    province_name: str | None
    sex: str | None  # M | F, as the number encodes it
    century_start: int | None
    birth_year_2digits: int | None


class ValidPhoneOut(TypedDict):
    """`desk validate phone P --json`."""

    valid: bool
    phone: str  # normalised: 0 and nine digits


class DbUpgradeOut(TypedDict):
    """`desk db upgrade --json`."""

    database: str
    before: str | None  # None: a new file
    after: str | None
    changed: bool
