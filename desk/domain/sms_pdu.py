"""SMS in PDU mode (3GPP TS 23.040 / 23.038): the bytes a GSM modem sends after AT+CMGS or
stores after AT+CMGW, and the status report (+CDS) it hands back.

Vietnamese needs UCS-2: 70 characters in one part, 67 a part when concatenated (the 6-octet
user data header takes 3 characters). The unaccented GSM-7 option ("Ho so da nhan") costs a
third as many parts: 160 characters, 153 concatenated. A character outside the BMP (an emoji)
is two UTF-16 units and a GSM-7 extension character (€, {, …) two septets: neither is split
across parts.

Written by hand: the PyPI PDU packages are either decoders only or unmaintained since 2013.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, TypeVar

from desk.domain.errors import DomainError
from desk.domain.text import fold

# The GSM 03.38 default alphabet, by septet value; and its extension table after ESC (0x1B).
GSM7_BASIC: Final = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXT: Final = {"\f": 0x0A, "^": 0x14, "{": 0x28, "}": 0x29, "\\": 0x2F, "[": 0x3C,
                   "~": 0x3D, "]": 0x3E, "|": 0x40, "€": 0x65}
_GSM7_INDEX: Final = {ch: i for i, ch in enumerate(GSM7_BASIC) if ch != "\x1b"}
ESC: Final = 0x1B

UCS2_SINGLE: Final = 70
UCS2_PART: Final = 67
GSM7_SINGLE: Final = 160
GSM7_PART: Final = 153
MAX_PARTS: Final = 255

FIRST_SUBMIT: Final = 0x01  # TP-MTI = SMS-SUBMIT
VPF_RELATIVE: Final = 0x10
SRR: Final = 0x20  # status report requested
UDHI: Final = 0x40
VALIDITY_4_DAYS: Final = 0xAA  # relative validity: (170 - 166) days


@dataclass(frozen=True, slots=True)
class PduPart:
    pdu: str  # hex, upper case, with a leading "00" (use the SIM's service centre)
    tpdu_length: int  # octets after the SMSC field: the number AT+CMGS / AT+CMGW want
    seq: int
    total: int


def unaccent(text: str) -> str:
    """Vietnamese without diacritics, case kept: "Hồ sơ Đã nhận" → "Ho so Da nhan"."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        plain = fold(ch)
        out.append(plain.upper() if ch.isupper() else plain)
    return "".join(out)


def gsm7_septets(text: str) -> list[list[int]]:
    """Each character as its septet(s); characters outside the alphabet become "?"."""
    out = []
    for ch in text:
        if ch in _GSM7_INDEX:
            out.append([_GSM7_INDEX[ch]])
        elif ch in GSM7_EXT:
            out.append([ESC, GSM7_EXT[ch]])
        else:
            out.append([_GSM7_INDEX["?"]])
    return out


def is_gsm7(text: str) -> bool:
    return all(ch in _GSM7_INDEX or ch in GSM7_EXT for ch in text)


def _ucs2_units(text: str) -> list[bytes]:
    return [ch.encode("utf-16-be") for ch in text]  # 2 bytes, or 4 for a surrogate pair


Unit = TypeVar("Unit", bytes, list[int])  # a UCS-2 character's bytes, a GSM 7 one's septets


def _split(units: list[Unit], single: int, part: int, size: int) -> list[list[Unit]]:
    """Parts of whole characters: `size` is one character's weight unit (2 bytes / 1 septet)."""
    weight = [len(u) // size for u in units]
    if sum(weight) <= single:
        return [list(units)]
    parts: list[list[Unit]] = [[]]
    used = 0
    for u, w in zip(units, weight, strict=True):
        if used + w > part:
            parts.append([])
            used = 0
        parts[-1].append(u)
        used += w
    if len(parts) > MAX_PARTS:
        raise DomainError("sms.too_long", parts=len(parts))
    return parts


def count_parts(text: str, *, gsm7: bool = False) -> int:
    if gsm7:
        return len(_split(gsm7_septets(text), GSM7_SINGLE, GSM7_PART, 1))
    return len(_split(_ucs2_units(text), UCS2_SINGLE, UCS2_PART, 2))


def encode_address(phone: str) -> str:
    """TP-DA: "0912345678" → international 84912345678 as swapped semi-octets."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith("+"):
        number = digits
    elif digits.startswith("0"):
        number = "84" + digits[1:]
    else:
        number = digits
    if not number:
        raise DomainError("sms.no_number")
    padded = number + ("F" if len(number) % 2 else "")
    swapped = "".join(padded[i + 1] + padded[i] for i in range(0, len(padded), 2))
    return f"{len(number):02X}91{swapped}"


def pack_septets(septets: list[int], fill_bits: int = 0) -> bytes:
    """GSM-7 packing, starting `fill_bits` into the first octet (after a UDH)."""
    acc = 0
    nbits = fill_bits
    out = bytearray()
    for s in septets:
        acc |= (s & 0x7F) << nbits
        nbits += 7
        while nbits >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            nbits -= 8
    if nbits:
        out.append(acc & 0xFF)
    return bytes(out)


def unpack_septets(data: bytes, count: int, fill_bits: int = 0) -> list[int]:
    value = int.from_bytes(data, "little")
    return [(value >> (fill_bits + 7 * i)) & 0x7F for i in range(count)]


def encode_submit(phone: str, text: str, *, gsm7: bool = False, ref: int = 0,
                  status_report: bool = True) -> list[PduPart]:
    """SMS-SUBMIT PDUs for `text` to `phone`. `ref` (0–255) ties the parts of one message
    together on the phone; `gsm7` sends the unaccented text in the GSM default alphabet."""
    # each part's characters: septets (GSM 7) or UCS-2 bytes
    septet_parts = [[s for ch in chunk for s in ch] for chunk in _split(
        gsm7_septets(unaccent(text)), GSM7_SINGLE, GSM7_PART, 1)] if gsm7 else []
    ucs2_parts = [] if gsm7 else [b"".join(chunk) for chunk in _split(
        _ucs2_units(text), UCS2_SINGLE, UCS2_PART, 2)]
    total = len(septet_parts) if gsm7 else len(ucs2_parts)
    parts = []
    for seq in range(1, total + 1):
        first = FIRST_SUBMIT | VPF_RELATIVE | (SRR if status_report else 0)
        udh = b""
        if total > 1:
            first |= UDHI
            udh = bytes([5, 0, 3, ref & 0xFF, total, seq])
        if gsm7:
            septets = septet_parts[seq - 1]
            fill = (7 - (len(udh) * 8) % 7) % 7 if udh else 0
            user_data = udh + pack_septets(septets, fill)
            udl = (len(udh) * 8 + fill) // 7 + len(septets)
            dcs = 0x00
        else:
            user_data = udh + ucs2_parts[seq - 1]
            udl = len(user_data)
            dcs = 0x08
        tpdu = (f"{first:02X}00{encode_address(phone)}00{dcs:02X}{VALIDITY_4_DAYS:02X}"
                f"{udl:02X}{user_data.hex().upper()}")
        parts.append(PduPart(pdu="00" + tpdu, tpdu_length=len(tpdu) // 2, seq=seq,
                             total=total))
    return parts


@dataclass(frozen=True, slots=True)
class StatusReport:
    reference: int  # TP-MR: the number +CMGS / +CMSS answered
    recipient: str
    status: int  # TP-ST: 0x00–0x1F done (0 = delivered), 0x20–0x3F still trying, 0x40+ failed

    @property
    def delivered(self) -> bool:
        return self.status == 0

    @property
    def final(self) -> bool:
        return self.status < 0x20 or self.status >= 0x40


def decode_status_report(pdu_hex: str) -> StatusReport:
    """An SMS-STATUS-REPORT PDU (as after +CDS:), SMSC field included."""
    try:
        data = bytes.fromhex(pdu_hex.strip())
        i = 1 + data[0]  # skip the SMSC field
        first = data[i]
        if first & 0x03 != 0x02:
            raise DomainError("sms.not_status_report")
        mr = data[i + 1]
        ndigits = data[i + 2]
        nbytes = (ndigits + 1) // 2
        raw = data[i + 4:i + 4 + nbytes].hex().upper()
        recipient = "".join(raw[k + 1] + raw[k] for k in range(0, len(raw), 2)).rstrip("F")
        j = i + 4 + nbytes + 7 + 7  # TP-SCTS and TP-DT
        return StatusReport(reference=mr, recipient=recipient, status=data[j])
    except (IndexError, ValueError):
        raise DomainError("sms.bad_pdu") from None


def _semi_octets(n: int) -> str:
    return f"{n % 100:02d}"[::-1]


def encode_status_report(reference: int, recipient: str, status: int, when: date) -> str:
    """The report a network sends back (used by the fake modem and tests)."""
    number = recipient
    padded = number + ("F" if len(number) % 2 else "")
    swapped = "".join(padded[i + 1] + padded[i] for i in range(0, len(padded), 2))
    stamp = "".join(_semi_octets(v) for v in (when.year, when.month, when.day, 0, 0, 0, 0))
    return (f"0006{reference & 0xFF:02X}{len(number):02X}91{swapped}{stamp}{stamp}"
            f"{status & 0xFF:02X}")


def decode_submit(pdu_hex: str) -> dict[str, object]:
    """Read back an SMS-SUBMIT (tests and the fake modem): number, text, part info."""
    data = bytes.fromhex(pdu_hex)
    i = 1 + data[0]
    first = data[i]
    ndigits = data[i + 2]
    nbytes = (ndigits + 1) // 2
    raw = data[i + 4:i + 4 + nbytes].hex().upper()
    number = "".join(raw[k + 1] + raw[k] for k in range(0, len(raw), 2)).rstrip("F")
    j = i + 4 + nbytes
    dcs = data[j + 1]
    j += 2 + (1 if first & 0x18 == VPF_RELATIVE else 0)
    udl = data[j]
    ud = data[j + 1:]
    ref = seq = total = None
    udh_len = 0
    if first & UDHI:
        udh_len = ud[0] + 1
        ref, total, seq = ud[3], ud[4], ud[5]
    if dcs == 0x08:
        text = ud[udh_len:].decode("utf-16-be")
    else:
        fill = (7 - (udh_len * 8) % 7) % 7 if udh_len else 0
        skip = (udh_len * 8 + fill) // 7
        septets = unpack_septets(ud[udh_len:], udl - skip, fill)
        text = _gsm7_text(septets)
    return {"number": number, "text": text, "ref": ref, "seq": seq, "total": total,
            "ucs2": dcs == 0x08, "status_report": bool(first & SRR)}


def _gsm7_text(septets: list[int]) -> str:
    ext = {v: k for k, v in GSM7_EXT.items()}
    out, escaped = [], False
    for s in septets:
        if escaped:
            out.append(ext.get(s, " "))
            escaped = False
        elif s == ESC:
            escaped = True
        else:
            out.append(GSM7_BASIC[s])
    return "".join(out)
