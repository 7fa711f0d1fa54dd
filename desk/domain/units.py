"""Administrative unit codes since 1 July 2025 (Decision 19/2025/QĐ-TTg): two independent
levels, the province (2 digits, the 34 provinces below) and the commune (5 digits, 3,321
communes). An office id of the two-tier government is built from them, `{province}.{commune}`
(e.g. `40.16681`), so a dossier code names the receiving unit by its official codes. Older ids
(QCVN 102 `000.00.00.H41`, Decision 20/2020 `H55.242`) keep working: dossiers already printed
carry them; they are reported as such, not refused.

The commune list is not shipped (nobody here could read the annex of 3,321 entries): a commune
code is checked for its shape, a province code against the 34."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desk.domain.errors import DomainError
from desk.domain.text import fold

__all__ = ["SOURCE", "Unit", "province_code", "provinces", "unit_of"]

SOURCE = "Quyết định 19/2025/QĐ-TTg (danh mục và mã số đơn vị hành chính, từ 01/07/2025)"
_NEW_ID = re.compile(r"(\d{2})\.(\d{5})")


@dataclass(frozen=True)
class Unit:
    province: str  # 2 digits
    province_name: str
    commune: str  # 5 digits


PROVINCES: dict[str, str] = {  # code → name, the 34 provinces since 1 July 2025
    "01": "Thành phố Hà Nội", "04": "Cao Bằng", "08": "Tuyên Quang", "11": "Điện Biên",
    "12": "Lai Châu", "14": "Sơn La", "15": "Lào Cai", "19": "Thái Nguyên", "20": "Lạng Sơn",
    "22": "Quảng Ninh", "24": "Bắc Ninh", "25": "Phú Thọ", "31": "Thành phố Hải Phòng",
    "33": "Hưng Yên", "37": "Ninh Bình", "38": "Thanh Hóa", "40": "Nghệ An", "42": "Hà Tĩnh",
    "44": "Quảng Trị", "46": "Thành phố Huế", "48": "Thành phố Đà Nẵng", "51": "Quảng Ngãi",
    "52": "Gia Lai", "56": "Khánh Hòa", "66": "Đắk Lắk", "68": "Lâm Đồng", "75": "Đồng Nai",
    "79": "Thành phố Hồ Chí Minh", "80": "Tây Ninh", "82": "Đồng Tháp", "86": "Vĩnh Long",
    "91": "An Giang", "92": "Thành phố Cần Thơ", "96": "Cà Mau",
}


def provinces() -> dict[str, str]:
    """Province code → name, the 34 provinces since 1 July 2025."""
    return dict(PROVINCES)


def _bare(name: str) -> str:
    return re.sub(r"^(thanh pho|tinh|tp\.?)\s+", "", fold(name).strip())


def province_code(name: str) -> str | None:
    """The code of a province named "Nghệ An", "tỉnh Nghệ An" or "TP Hồ Chí Minh"; None for a
    name that is not one of the 34 (a province merged away in 2025)."""
    want = _bare(name)
    return next((c for c, n in provinces().items() if _bare(n) == want), None)


def unit_of(office_id: str) -> Unit | None:
    """The unit codes of a two-tier office id (`40.16681`); None for an older id. DomainError
    "units.no_province" when the id has the new shape but no such province exists."""
    m = _NEW_ID.fullmatch(office_id.strip())
    if m is None:
        return None
    province, commune = m.groups()
    if province not in provinces():
        raise DomainError("units.no_province", office_id=office_id, province=province,
                          source=SOURCE)
    if commune == "00000":
        raise DomainError("units.no_commune", office_id=office_id)
    return Unit(province, provinces()[province], commune)
