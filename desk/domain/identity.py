"""Validators for a citizen's personal ID number and mobile phone number (domain.md §4).

Căn cước / personal ID (12 digits; Decree 137/2015 Art 13, Circular 07/2016/TT-BCA, Law on
Identity 26/2023): PPP C YY RRRRRR — province of birth registration, century + sex, the last
two digits of the birth year, six random digits. The old identity card (CMND) has 9 digits and
is only checked for being digits; its type is recorded.

Mobile numbers: 10 digits starting with 0 (or +84 / 84 instead of the 0), with the network
prefixes after the 2018 renumbering kept as data (`MOBILE_PREFIXES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from desk.domain.errors import DomainError, MessageKey

IdType = Literal["CCCD", "CMND"]
Sex = Literal["M", "F"]

_DIGITS: Final = frozenset("0123456789")

# Province codes used in the first three digits of a căn cước number: the province where the
# birth was registered, as the 63 provinces were before the 2025 mergers (numbers never change,
# so the old names are the right ones to show).
PROVINCES: Final[dict[str, str]] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

# The fourth digit: (first year of the century, sex). Circular 07/2016/TT-BCA Art 7: 20th
# century (1900–1999) male 0 / female 1, 21st 2/3, 22nd 4/5, 23rd 6/7, 24th 8/9.
CENTURY_SEX: Final[dict[str, tuple[int, Sex]]] = {
    "0": (1900, "M"),
    "1": (1900, "F"),
    "2": (2000, "M"),
    "3": (2000, "F"),
    "4": (2100, "M"),
    "5": (2100, "F"),
    "6": (2200, "M"),
    "7": (2200, "F"),
    "8": (2300, "M"),
    "9": (2300, "F"),
}

CCCD_LENGTH: Final = 12
CMND_LENGTH: Final = 9
_ID_SEPARATORS: Final = frozenset(" .-\t")


@dataclass(frozen=True, slots=True)
class PersonalId:
    """A validated ID number. For a CMND only `number` and `id_type` are known."""

    number: str  # digits only
    id_type: IdType
    province_code: str | None = None
    province_name: str | None = None
    sex: Sex | None = None
    century_start: int | None = None
    birth_year_2digits: int | None = None

    @property
    def birth_year(self) -> int | None:
        if self.century_start is None or self.birth_year_2digits is None:
            return None
        return self.century_start + self.birth_year_2digits


def _clean_id(number: str) -> str:
    digits = "".join(ch for ch in str(number) if ch not in _ID_SEPARATORS)
    for ch in digits:
        if ch not in _DIGITS:
            raise DomainError("id.digits", char=ch)
    return digits


def validate_personal_id(
    number: str,
    birth: date | None = None,
    sex: Sex | str | None = None,  # as typed: anything but the number's own sex is a mismatch
    *,
    today: date | None = None,
) -> PersonalId:
    """Check a 12-digit căn cước number (or a 9-digit CMND) and return what it encodes.

    Spaces, dots and dashes are ignored. When `birth` / `sex` are given they must agree with
    the number. `today` (the caller's date, from its injected clock) bounds the birth year;
    without it the year is not bounded (the domain never reads a clock).

    Raises DomainError with key "id.digits", "id.length", "id.province", "id.future",
    "id.birth_mismatch" or "id.sex_mismatch".
    """
    digits = _clean_id(number)
    if len(digits) == CMND_LENGTH:
        return PersonalId(number=digits, id_type="CMND")
    if len(digits) != CCCD_LENGTH:
        raise DomainError("id.length", got=len(digits), expected=CCCD_LENGTH)

    province_code, century_digit, yy = digits[:3], digits[3], int(digits[4:6])
    province_name = PROVINCES.get(province_code)
    if province_name is None:
        raise DomainError("id.province", code=province_code)
    century_start, id_sex = CENTURY_SEX[century_digit]
    year = century_start + yy
    if today is not None and year > today.year:  # the caller's clock (ctx.local_now())
        raise DomainError("id.future", year=year, digit=century_digit)
    if birth is not None and birth.year != year:
        raise DomainError("id.birth_mismatch", id_year=year, birth_year=birth.year)
    if sex is not None and sex != id_sex:
        raise DomainError(
            "id.sex_mismatch",
            id_sex=id_sex,
            given_sex=sex,
            id_sex_label=MessageKey(f"id.sex.{id_sex}"),
            given_sex_label=MessageKey(f"id.sex.{sex}") if sex in ("M", "F") else str(sex),
        )
    return PersonalId(
        number=digits,
        id_type="CCCD",
        province_code=province_code,
        province_name=province_name,
        sex=id_sex,
        century_start=century_start,
        birth_year_2digits=yy,
    )


# ---------------------------------------------------------------------------------------------
# Mobile phone numbers

# Mobile network prefixes (the 0 and the next two digits) after the 2018 renumbering.
MOBILE_PREFIXES: Final[tuple[str, ...]] = (
    *(f"03{d}" for d in "23456789"),
    *(f"05{d}" for d in "25689"),
    *(f"07{d}" for d in "06789"),
    *(f"08{d}" for d in "123456789"),
    *(f"09{d}" for d in "0123456789"),
)
PHONE_LENGTH: Final = 10
_PHONE_SEPARATORS: Final = frozenset(" .-()\t")


def normalize_phone(s: str) -> str:
    """A Vietnamese mobile number as 10 digits starting with 0 ("0912345678").

    Accepts +84 / 84 instead of the leading 0 (also "+84 0912…"), and spaces, dots, dashes and
    brackets between digits. Idempotent. Raises DomainError "phone.chars", "phone.length"
    or "phone.prefix".
    """
    text = "".join(ch for ch in str(s).strip() if ch not in _PHONE_SEPARATORS)
    plus = text.startswith("+")
    if plus:
        text = text[1:]
    for ch in text:
        if ch not in _DIGITS:
            raise DomainError("phone.chars", char=ch)
    if plus:
        if not text.startswith("84"):
            raise DomainError("phone.prefix", prefix="+" + text[:3])
        text = text[2:]
        if not text.startswith("0"):
            text = "0" + text
    elif text.startswith("84") and len(text) in (PHONE_LENGTH + 1, PHONE_LENGTH + 2):
        text = text[2:]
        if not text.startswith("0"):
            text = "0" + text
    if len(text) != PHONE_LENGTH:
        raise DomainError("phone.length", got=len(text), expected=PHONE_LENGTH)
    if text[:3] not in MOBILE_PREFIXES:
        raise DomainError("phone.prefix", prefix=text[:3])
    return text
