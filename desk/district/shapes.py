"""The declared shapes of `desk district status|routes|office add|act --json` and of
`catalog|calendar publish --json` (contracts administrators script; tests/contracts checks the
printed JSON against them)."""

from __future__ import annotations

from typing import TypedDict


class TicketFacts(TypedDict):
    issued: int
    events: int
    issued_by_day: dict[str, int]  # the office's last days with tickets


class RatingFacts(TypedDict):
    count: int
    mean_score: float | None


class FactStatus(TypedDict):
    tickets: TicketFacts
    ratings: RatingFacts


class OfficeStatus(FactStatus):
    name: str
    revoked: bool
    events: int
    dossiers: dict[str, int]  # by state
    conflicts: int
    attachments_complete: int
    attachments_incomplete: int
    attachments_bytes: int
    last_contact: str | None


class DistrictStatusOut(TypedDict):
    """`desk district status --json`: per office id."""

    offices: dict[str, OfficeStatus]


class RouteOut(TypedDict):
    code: str
    received_by: str  # the office that received it
    received_by_name: str
    commune: str  # the applicant's commune, as the address names it
    to_office: str | None  # None: no office of the province serves that commune
    to_name: str | None
    status: str | None
    received_at: str


class RoutesOut(TypedDict):
    """`desk district routes --json`: dossiers received for another commune."""

    routes: list[RouteOut]


class UnitOut(TypedDict):
    province: str  # 2 digits
    province_name: str
    commune: str  # 5 digits


class OfficeAdded(TypedDict):
    """`desk district office add ID --json`: the office's token, shown once."""

    office: str
    name: str
    token: str
    unit: UnitOut | None  # None: an id older than July 2025
    legacy_id: bool


class CatalogPublished(TypedDict):
    """`desk district catalog publish FILE --json`."""

    version: int
    procedures: int
    changed: bool


class CalendarPublished(TypedDict):
    """`desk district calendar publish FILE --json`."""

    version: int
    days: int
    changed: bool


class DecisionOut(TypedDict):
    """`desk district act OFFICE CODE ACTION --json`: the change the desk will pull."""

    change_id: str
    code: str
    status: str  # the dossier's status after the decision
    version: int
