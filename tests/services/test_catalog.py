"""Catalog import: whole-file validation, idempotent versions, JSON and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.domain.errors import DomainError
from desk.i18n import render_error
from desk.services.catalog import import_catalog, list_procedures
from desk.services.context import DeskContext

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "catalog.json"
PACKAGED = Path(__file__).resolve().parents[2] / "desk" / "demo_data" / "catalog.json"


def _catalog_path() -> Path:
    return SAMPLE if SAMPLE.is_file() else PACKAGED


def test_import_the_reference_catalog(ctx: DeskContext) -> None:
    result = import_catalog(ctx, _catalog_path())
    assert result["changed"] is True
    rows = list_procedures(ctx)
    by_code = {r["code"]: r for r in rows}
    assert by_code["1.001193"]["name"] == "Đăng ký khai sinh"
    assert by_code["1.001193"]["time_limit"] == {"value": 0, "unit": "same_day"}
    assert by_code["1.001193"]["field_name"] == "Hộ tịch"
    assert "Tờ khai đăng ký khai sinh" in by_code["1.001193"]["documents"]
    assert len(rows) == json.loads(_catalog_path().read_text(encoding="utf-8"))[
        "procedures"].__len__()


def test_importing_the_same_version_twice_changes_nothing(ctx: DeskContext) -> None:
    import_catalog(ctx, _catalog_path())
    before = list_procedures(ctx)
    again = import_catalog(ctx, _catalog_path())
    assert again["changed"] is False
    assert list_procedures(ctx) == before


def _write(tmp_path: Path, data: dict) -> Path:  # type: ignore[type-arg]
    p = tmp_path / "c.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def test_same_version_with_other_content_is_refused(ctx: DeskContext, tmp_path: Path) -> None:
    data = json.loads(_catalog_path().read_text(encoding="utf-8"))
    import_catalog(ctx, _catalog_path())
    data["procedures"][0]["name"] = "Đăng ký khai sinh (sửa)"
    with pytest.raises(DomainError) as info:
        import_catalog(ctx, _write(tmp_path, data))
    assert info.value.key == "catalog.version_reused"


def test_a_malformed_entry_rejects_the_whole_file(ctx: DeskContext, tmp_path: Path) -> None:
    data = json.loads(_catalog_path().read_text(encoding="utf-8"))
    data["catalog_version"] = 2
    data["procedures"][3]["time_limit"]["unit"] = "fortnights"
    with pytest.raises(DomainError) as info:
        import_catalog(ctx, _write(tmp_path, data))
    message = render_error(info.value)
    assert "procedures[4]" in message and data["procedures"][3]["code"] in message
    assert "time_limit.unit" in message
    assert list_procedures(ctx) == []  # nothing was written


def test_newer_version_replaces_and_withdraws(ctx: DeskContext, tmp_path: Path) -> None:
    data = json.loads(_catalog_path().read_text(encoding="utf-8"))
    import_catalog(ctx, _catalog_path())
    data["catalog_version"] = data["catalog_version"] + 1
    withdrawn = data["procedures"].pop()["code"]
    data["procedures"][0]["time_limit"] = {"value": 2, "unit": "working_days"}
    import_catalog(ctx, _write(tmp_path, data))
    active = {r["code"]: r for r in list_procedures(ctx)}
    assert withdrawn not in active
    assert active[data["procedures"][0]["code"]]["time_limit"]["value"] == 2
    assert withdrawn in {r["code"] for r in list_procedures(ctx, include_inactive=True)}


def test_csv_import(ctx: DeskContext, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "catalog_version,code,name,field,field_name,time_limit_value,time_limit_unit,"
        "fee_amount,fee_note,documents\n"
        "1,2.000635,Cấp bản sao trích lục hộ tịch,HT,Hộ tịch,0,same_day,8000,mỗi bản,"
        "Tờ khai | Giấy tờ tùy thân\n"
        "1,1.004194,Đăng ký tạm trú,CU,Cư trú,3,working_days,15000,,Tờ khai thay đổi thông tin\n",
        encoding="utf-8",
    )
    assert import_catalog(ctx, p)["procedures"] == 2
    rows = {r["code"]: r for r in list_procedures(ctx)}
    assert rows["2.000635"]["documents"] == ["Tờ khai", "Giấy tờ tùy thân"]
    assert rows["1.004194"]["field_name"] == "Cư trú"
    assert rows["2.000635"]["fee"]["amount"] == 8000


def test_csv_with_missing_columns_is_rejected(ctx: DeskContext, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("code,name\n1,x\n", encoding="utf-8")
    with pytest.raises(DomainError) as info:
        import_catalog(ctx, p)
    assert "time_limit_unit" in render_error(info.value)


def test_not_json_at_all(ctx: DeskContext, tmp_path: Path) -> None:
    p = tmp_path / "c.json"
    p.write_text("{ not json", encoding="utf-8")
    with pytest.raises(DomainError) as info:
        import_catalog(ctx, p)
    assert info.value.key == "catalog.bad_json"
