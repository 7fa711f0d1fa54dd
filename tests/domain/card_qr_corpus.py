"""Writes tests/domain/card_qr_corpus.jsonl: synthetic chip-ID-card QR texts (invented people,
no real person) in the variants seen in the wild, each with what a reader must get out of it.

    python -m tests.domain.card_qr_corpus

The expected values come from the invented person, never from the parser: the corpus checks
the parser, not the other way round. The file is committed; this script makes it again
identically (a fixed seed).
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("card_qr_corpus.jsonl")
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Hà", "Lưu", "Quách"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Thành", "Xuân"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Diệu", "Hồng", "Kim"]
GIVEN_M = ["Hiệp", "Dũng", "Tuấn", "Khải", "Lộc", "Nghĩa", "Đạt", "Trường", "Quyết", "Hưởng"]
GIVEN_F = ["Hương", "Ánh", "Thủy", "Ngân", "Duyên", "Nguyệt", "Yến", "Huyền", "Oanh", "Liễu"]
PLACES = [("001", "Phường Kim Liên, Quận Đống Đa, Hà Nội"),
          ("038", "Xã Quảng Hưng, Thành phố Thanh Hóa, Thanh Hóa"),
          ("040", "Thôn Đồng Tâm, Xã Nghi Phong, Huyện Nghi Lộc, Nghệ An"),
          ("079", "Tổ 5, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"),
          ("066", "Buôn Ea Knuếc, Xã Hòa Đông, Huyện Krông Pắc, Đắk Lắk"),
          ("010", "Bản Tả Phìn, Xã Tả Phìn, Thị xã Sa Pa, Lào Cai"),
          ("092", "Khu vực Thới Hòa, Phường Thới Long, Quận Ô Môn, Cần Thơ"),
          ("046", "Số 12 Đường Lê Lợi, Phường Vĩnh Ninh, Thành phố Huế, Thừa Thiên Huế")]
# (variant, how it changes the text) — each is one of the shapes in notes/anchors-2026.md §2.
VARIANTS = ["standard", "empty_old", "trailing_bar", "nfd", "upper_name", "lower_name",
            "six_fields", "eight_fields", "nine_fields", "mojibake", "spaces", "eth",
            "upper_address", "crlf", "wrong_sex_digit", "wrong_year", "bad_province",
            "no_address", "bom"]


def _person(rng: random.Random, n: int) -> dict[str, object]:
    female = rng.random() < 0.5
    name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                     rng.choice(GIVEN_F if female else GIVEN_M)])
    year = rng.choice([rng.randint(1940, 1999), rng.randint(2000, 2008)])
    birth = (year, rng.randint(1, 12), rng.randint(1, 28))
    province, address = rng.choice(PLACES)
    century = (0 if year < 2000 else 2) + (1 if female else 0)
    number = f"{province}{century}{year % 100:02d}{rng.randint(0, 999_999):06d}"
    old = f"{rng.randint(10_000_000, 399_999_999):09d}" if year < 1998 else ""
    issued = (rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28))
    return {"n": n, "name": name, "female": female, "birth": birth, "number": number,
            "old": old, "address": address, "issued": issued}


def _ddmmyyyy(d: tuple[int, int, int]) -> str:
    return f"{d[2]:02d}{d[1]:02d}{d[0]:04d}"


def _iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def _case(rng: random.Random, p: dict[str, object], variant: str) -> dict[str, object]:
    number, name, address = str(p["number"]), str(p["name"]), str(p["address"])
    sex_word = "Nữ" if p["female"] else "Nam"
    expect_sex = "F" if p["female"] else "M"
    warnings: list[str] = []
    birth = p["birth"]
    assert isinstance(birth, tuple)
    issued = p["issued"]
    assert isinstance(issued, tuple)
    old = str(p["old"])
    if variant == "empty_old":
        old = ""
    written_name = name
    written_address = address
    if variant == "upper_name":
        written_name = name.upper()
    elif variant == "lower_name":
        written_name = name.lower()
    elif variant == "eth":
        written_name = name.upper().replace("Đ", "\u00d0")
    elif variant == "upper_address":
        written_address = address.upper()
    if variant == "wrong_sex_digit":
        digit = int(number[3]) ^ 1
        number = number[:3] + str(digit) + number[4:]
        warnings.append("qr.sex")
    elif variant == "wrong_year":
        number = number[:4] + f"{(int(number[4:6]) + 1) % 100:02d}" + number[6:]
        warnings.append("qr.birth_year")
    elif variant == "bad_province":
        number = "003" + number[3:]
        warnings.append("qr.province")
    fields = [number, old, written_name, _ddmmyyyy(birth), sex_word, written_address,
              _ddmmyyyy(issued)]
    if variant == "six_fields":
        del fields[1]
        old = ""
    elif variant == "eight_fields":
        fields.append(_ddmmyyyy((issued[0] + 25, issued[1], issued[2])))
    elif variant == "nine_fields":
        fields += [_ddmmyyyy((issued[0] + 25, issued[1], issued[2])), "A1B2C3"]
        warnings.append("qr.unknown_field")
    elif variant == "no_address":
        fields[5] = ""
        warnings.append("qr.missing")
    if variant == "spaces":
        fields = [f"  {f} " if i in (2, 5) else f for i, f in enumerate(fields)]
    text = "|".join(fields)
    if variant == "trailing_bar":
        text += "|"
    elif variant == "nfd":
        text = unicodedata.normalize("NFD", text)
    elif variant == "mojibake":
        text = text.encode("utf-8").decode("cp1252", errors="replace")
        warnings.append("qr.repaired_text")
    elif variant == "crlf":
        text += "\r\n"
    elif variant == "bom":
        text = "\ufeff" + text
    expect_address = "" if variant == "no_address" else address
    if variant == "upper_address":
        expect_address = _title(address)
    return {"variant": variant, "text": text, "expect": {
        "id_number": number, "old_id": old or None, "name": name, "birth_date": _iso(birth),
        "sex": expect_sex, "address": expect_address, "issued_on": _iso(issued),
        "warnings": sorted(warnings)}}


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))


def build() -> list[dict[str, object]]:
    rng = random.Random(2026_12_04)
    cases = []
    n = 0
    for round_ in range(4):
        for variant in VARIANTS:
            if variant == "mojibake" and round_ > 1:
                continue
            case = None
            for _ in range(50):  # cp1252 cannot carry every byte: pick a person it can
                person = _person(rng, n)
                case = _case(rng, person, variant)
                if "\ufffd" not in str(case["text"]):
                    break
            assert case is not None
            cases.append(case)
            n += 1
    return cases


def main() -> None:
    cases = build()
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases in {OUT}")


if __name__ == "__main__":
    main()
