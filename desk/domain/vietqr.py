"""VietQR (NAPAS 247 on EMVCo merchant-presented mode): the text a banking app scans to pay an
exact amount to an account, with a message.

Each field is ID (2 digits), length (2 digits), value. Field 38 holds the NAPAS GUID, the
bank BIN and account, and the service code (QRIBFTTA: to an account); 62/08 the purpose. The
last field, 63, is the CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final
xor) of everything before its value, "6304" included, as 4 upper-case hex digits.

Tag 01 is "11" (static, any amount) without an amount and "12" (dynamic) with one: EMVCo's
values. One library calls dynamic "22"; that is not EMVCo.

Written by hand: ~15 lines of CRC and TLV; the PyPI VietQR packages are thin and unmaintained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from desk.domain.errors import DomainError
from desk.domain.text import fold

NAPAS_GUID: Final = "A000000727"
TO_ACCOUNT: Final = "QRIBFTTA"
CURRENCY_VND: Final = "704"
COUNTRY: Final = "VN"
PURPOSE_MAX: Final = 25
ACCOUNT_MAX: Final = 19
AMOUNT_MAX: Final = 9_999_999_999_999  # field 54 holds at most 13 characters
_ACCOUNT_RE: Final = re.compile(r"[0-9A-Za-z]{1,19}")
_PURPOSE_KEEP: Final = re.compile(r"[^A-Za-z0-9 .\-]")


def crc16_ccitt_false(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise DomainError("vietqr.too_long", tag=tag)
    return f"{tag}{len(value):02d}{value}"


def ascii_purpose(text: str) -> str:
    """The purpose as every bank carries it: no diacritics ("Lệ phí" → "Le phi"), only
    letters, digits, space, dot and dash, at most 25 characters."""
    kept = _PURPOSE_KEEP.sub(" ", _unaccent(text))
    return " ".join(kept.split())[:PURPOSE_MAX].strip()


def _unaccent(text: str) -> str:
    # fold() lowercases; keep the case by folding letter by letter.
    return "".join(ch if ch.isascii() else (fold(ch) or " ").upper() if ch.isupper()
                   else fold(ch) or " " for ch in text)


@dataclass(frozen=True, slots=True)
class VietQr:
    bin: str
    account: str
    amount: int | None = None
    purpose: str = ""

    def payload(self) -> str:
        return build_payload(self.bin, self.account, self.amount, self.purpose)


def build_payload(bank_bin: str, account: str, amount: int | None = None,
                  purpose: str = "") -> str:
    """The VietQR text. Raises DomainError "vietqr.bin", "vietqr.account", "vietqr.amount" or
    "vietqr.purpose" for values a bank app would reject."""
    bank_bin, account = bank_bin.strip(), account.strip()
    if not (len(bank_bin) == 6 and bank_bin.isdigit()):
        raise DomainError("vietqr.bin", value=bank_bin)
    if not _ACCOUNT_RE.fullmatch(account):
        raise DomainError("vietqr.account", value=account, max=ACCOUNT_MAX)
    if amount is not None and not 0 < amount <= AMOUNT_MAX:
        raise DomainError("vietqr.amount", value=amount)
    if purpose and (not purpose.isascii() or len(purpose) > PURPOSE_MAX):
        raise DomainError("vietqr.purpose", value=purpose, max=PURPOSE_MAX)
    beneficiary = tlv("00", bank_bin) + tlv("01", account)
    merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", TO_ACCOUNT)
    parts = [tlv("00", "01"), tlv("01", "12" if amount else "11"), tlv("38", merchant),
             tlv("53", CURRENCY_VND)]
    if amount:
        parts.append(tlv("54", str(amount)))
    parts.append(tlv("58", COUNTRY))
    if purpose:
        parts.append(tlv("62", tlv("08", purpose)))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def parse_tlv(text: str) -> dict[str, str]:
    """Top-level fields of an EMVCo text (for checks and for reading a scanned payload)."""
    out: dict[str, str] = {}
    i = 0
    while i < len(text):
        tag, size = text[i:i + 2], text[i + 2:i + 4]
        if len(tag) < 2 or not size.isdigit():
            raise DomainError("vietqr.malformed", at=i)
        value = text[i + 4:i + 4 + int(size)]
        if len(value) != int(size):
            raise DomainError("vietqr.malformed", at=i)
        out[tag] = value
        i += 4 + int(size)
    return out


def check_crc(payload: str) -> bool:
    """True when the last field is 63, 4 hex digits, and the CRC of what precedes matches."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        return False
    return payload[-4:] == f"{crc16_ccitt_false(payload[:-4].encode('ascii')):04X}"
