"""Office ids follow the unit codes of the two-tier government (issue 16 §3; Decision
19/2025/QĐ-TTg): `{province}.{commune}` — 2 digits of one of the 34 provinces, 5 of the commune —
and the dossier code names the receiving unit by them. Older ids keep working (dossiers already
printed carry them) and are reported as old; an id of the new shape naming a province that no
longer exists is refused, by the province server and in desk.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.config import ConfigError, Settings, load_settings
from desk.domain.units import province_code, provinces, unit_of
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.demo import seed_demo
from tests.conftest import local
from tests.deadlines.conftest import intake


def test_the_34_provinces_and_their_codes() -> None:
    assert len(provinces()) == 34
    assert province_code("Nghệ An") == "40" and province_code("tỉnh Hà Tĩnh") == "42"
    assert province_code("TP Hồ Chí Minh") == "79" and province_code("Hà Nội") == "01"
    assert province_code("Quảng Bình") is None  # merged into Quảng Trị on 1 July 2025
    assert unit_of("000.00.00.H41") is None  # an old id: no unit codes in it


def test_the_province_registers_offices_by_their_unit_codes(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "province.sqlite3")
    new = run_desk("province", "office", "add", "40.16681", "--name", "UBND xã Minh Châu",
                   "--db", db, "--json")
    assert new.returncode == 0, new.stderr
    out = json.loads(new.stdout)
    assert out["unit"] == {"province": "40", "province_name": "Nghệ An", "commune": "16681"}
    assert out["legacy_id"] is False
    gone = run_desk("province", "office", "add", "41.16681", "--name", "UBND xã Minh Châu",
                    "--db", db, "--json")
    assert gone.returncode == 2 and "không có tỉnh mã 41 từ 01/07/2025" in gone.stderr
    assert "units." not in gone.stderr  # a sentence, never a message key
    old = run_desk("province", "office", "add", "000.00.00.H41", "--name", "UBND xã Diễn Châu",
                   "--db", db)
    assert old.returncode == 0 and "mã cũ (trước 01/07/2025)" in old.stdout


def test_a_commune_with_a_two_tier_id_codes_its_dossiers_with_it(tmp_path: Path) -> None:
    settings = Settings.from_dict({
        "storage": {"data_dir": str(tmp_path / "data"), "database": str(tmp_path / "d.sqlite3")},
        "office": {"id": "40.16681"}})
    ctx = DeskContext(settings, clock=fixed_clock(local(2026, 11, 23, 9, 0)))
    try:
        seed_demo(ctx, dossiers=False)
        assert intake(ctx, local(2026, 11, 23, 8, 0))["code"] == "40.16681-261123-0001"
    finally:
        ctx.close()
    bad = tmp_path / "desk.toml"
    bad.write_text('[office]\nid = "41.16681"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(bad)
    assert "không có tỉnh mã 41" in str(e.value)
