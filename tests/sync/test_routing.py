"""Routing by the province (issue 16 §3): a commune takes in a dossier for a resident of
another commune as usual and flags it; the province server, on its side, matches the flag to
the office of that commune and hands the dossier to it — in `desk province routes` and to that
commune's desk over signed HTTP. Real server (SQLite and PostgreSQL), real desk, real push."""

from __future__ import annotations

import json
from typing import Any

from desk.district.offices import add_office
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.sync.transport import AuthFailed, ClientConfig, Transport
from tests.sync.harness import OFFICE, client

DIEN_CHAU = "000.00.02.H41"


def _take(ctx: Any, address: str) -> str:
    return str(receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
        name="Nguyễn Văn Hiệp", phone="0912345678", address=address)),
        print_receipt=False)["code"])


def _routed(url: str, token: str, office_id: str) -> dict[str, Any]:
    t = Transport(ClientConfig(url, token, office_id))
    try:
        return t.call("GET", t.office_path("routed"))
    finally:
        t.close()


def test_the_province_routes_a_dossier_to_the_applicants_commune(
        district: Any, office: Any, run_desk: Any) -> None:
    token_b = add_office(district.engine, DIEN_CHAU, "UBND xã Diễn Châu")
    here = _take(office, "Xóm 3, xã Minh Châu, Nghệ An")
    there = _take(office, "Thôn 2, xã Diễn Châu, tỉnh Nghệ An")
    nowhere = _take(office, "Bản Nậm Cắn, xã Mường Típ, Nghệ An")  # no office of that name yet
    assert client(office, district.url, district.token).sync_once().pushed == {"accepted": 3}

    inbox = _routed(district.url, token_b, DIEN_CHAU)["routes"]  # Diễn Châu's desk asks
    assert [r["code"] for r in inbox] == [there]
    assert inbox[0]["received_by"] == OFFICE and inbox[0]["commune"] == "dien chau"
    assert inbox[0]["status"] == "RECEIVED" and inbox[0]["to_name"] == "UBND xã Diễn Châu"
    assert _routed(district.url, district.token, OFFICE)["routes"] == []  # nothing for A
    try:  # one commune cannot read another's inbox
        _routed(district.url, token_b, OFFICE)
        raise AssertionError("another office's key was accepted")
    except AuthFailed:
        pass

    res = run_desk("province", "routes", "--db", district.db_url, "--json")
    assert res.returncode == 0, res.stderr
    routes = {r["code"]: r for r in json.loads(res.stdout)["routes"]}
    assert set(routes) == {there, nowhere} and here not in routes
    assert routes[there]["to_office"] == DIEN_CHAU
    assert routes[nowhere]["to_office"] is None and routes[nowhere]["commune"] == "muong tip"
    text = run_desk("province", "routes", "--to", DIEN_CHAU, "--db", district.db_url)
    assert there in text.stdout and nowhere not in text.stdout and "→ " + DIEN_CHAU in text.stdout
