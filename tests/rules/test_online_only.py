"""Online-only procedures (issue 16 §4): a catalog entry can be marked online-only; its intake
is an assisted online submission (the portal's dossier code, channel "trực tuyến (hỗ trợ tại
quầy)", no paper receipt number, a guide slip instead of the receipt); reports count it online
and apart."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from desk.domain.errors import DomainError
from desk.services.catalog import apply_catalog, parse_catalog
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.printing import spooler as printing
from desk.services.reports.period import period_report
from tests.conftest import REPO, local
from tests.deadlines.conftest import PROC_3WD, SUPERVISOR

RESIDENCE = {"code": "1.004194", "name": "Đăng ký tạm trú", "field": "CT",
             "time_limit": {"value": 3, "unit": "working_days"}, "online_only": True,
             "documents": ["Tờ khai thay đổi thông tin cư trú (CT01)"]}


def _catalog(ctx: DeskContext) -> None:
    """The demo catalog, one version on, with residence registration marked online-only."""
    demo = json.loads((REPO / "desk" / "demo_data" / "catalog.json").read_text("utf-8"))
    procs = [p for p in demo["procedures"] if p["code"] != RESIDENCE["code"]] + [RESIDENCE]
    fields = [*demo.get("fields", []), {"code": "CT", "name": "Cư trú"}]
    raw = json.dumps({**demo, "catalog_version": demo["catalog_version"] + 1,
                      "fields": list({f["code"]: f for f in fields}.values()),
                      "procedures": procs}).encode()
    apply_catalog(ctx, parse_catalog(raw, "c.json"))


def _take(ctx: DeskContext, proc: str, portal: str = "") -> dict:  # type: ignore[type-arg]
    return receive(ctx, IntakeIn(procedure_code=proc, portal_code=portal,
                                 received_at=local(2026, 11, 23, 8, 0),
                                 applicant=ApplicantIn(name="Lê Thị Mai", phone="0912345678")))


def test_an_online_only_procedure_is_an_assisted_online_submission(
        office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)
    _catalog(ctx)
    with pytest.raises(DomainError) as e:
        _take(ctx, "1.004194")
    assert e.value.key == "intake.online_only"
    with pytest.raises(DomainError) as e:
        _take(ctx, "1.004194", "G22 bad code!")
    assert e.value.key == "intake.bad_portal_code"
    portal = "G22.99.1-261123-0042"
    view = _take(ctx, "1.004194", portal)
    assert view["code"] == portal and view["channel"] == "online_assisted"
    assert "receipt_job" not in view and view["guide_job"]
    slip = printing.job(ctx, view["guide_job"]) or {}
    assert "PHIẾU HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN" in slip["transcript"]
    assert portal in slip["transcript"] and "hỗ trợ tại quầy" in slip["transcript"]
    with pytest.raises(DomainError) as e:
        _take(ctx, "1.004194", portal)
    assert e.value.key == "intake.portal_code_taken"
    # no paper receipt number was taken: the next counter dossier is the day's first
    assert _take(ctx, PROC_3WD)["code"].endswith("-261123-0001")
    report = period_report(ctx, date(2026, 11, 23), date(2026, 11, 23), actor=SUPERVISOR)
    assert report.total.new_online == 1 and report.total.new_direct == 1
    assert report.total.balanced


def test_the_catalog_checksum_of_older_catalogs_is_unchanged() -> None:
    from desk.services.catalog import checksum

    plain = {**RESIDENCE}
    plain.pop("online_only")
    raw = json.dumps({"catalog_version": 1, "procedures": [plain]}).encode()
    explicit = json.dumps({"catalog_version": 1, "procedures": [
        {**plain, "online_only": False}]}).encode()
    assert checksum(parse_catalog(raw, "a.json")) == checksum(parse_catalog(explicit, "b.json"))


def test_a_csv_catalog_marks_online_only_procedures(office: Callable[..., DeskContext],
                                                    tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The CSV import reads the `online_only` column (yes/no words of a spreadsheet); a word it
    does not understand rejects the file, naming the entry, instead of a silent "no"."""
    from desk.services.catalog import import_catalog, list_procedures

    ctx = office(2026, 11, 23, 9, 0)
    head = ("catalog_version,code,name,field,field_name,time_limit_value,time_limit_unit,"
            "documents,online_only\n")
    rows = ("9,1.004194,Đăng ký tạm trú,CT,Cư trú,3,working_days,Tờ khai CT01,có\n"
            "9,1.000001,Chứng thực bản sao,CT,Cư trú,0,same_day,Bản chính,\n")
    path = tmp_path / "catalog.csv"
    path.write_text(head + rows, encoding="utf-8")
    import_catalog(ctx, path)
    flags = {p["code"]: p["online_only"] for p in list_procedures(ctx)}
    assert flags["1.004194"] is True and flags["1.000001"] is False
    view = _take(ctx, "1.004194", "G22.99.1-261123-0043")  # assisted, as from JSON
    assert view["channel"] == "online_assisted"
    bad = tmp_path / "bad.csv"
    bad.write_text(head + rows.replace(",có\n", ",có lẽ\n", 1).replace("9,", "10,"),
                   encoding="utf-8")
    with pytest.raises(DomainError) as e:
        import_catalog(ctx, bad)
    assert e.value.key == "catalog.bad_entry" and e.value.params["code"] == "1.004194"
