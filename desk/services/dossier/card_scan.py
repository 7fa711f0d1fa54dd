"""A chip ID card scanned at the counter or the kiosk: its QR text read, checked, matched.

`read_card` is the pure part (text → the `desk citizen read-qr` dict with rendered warnings).
`scan_card` adds what the counter needs: the returning citizen with that number, and one
audit entry saying a card was scanned — with the warning keys and the citizen's id when
known, never the card's contents (the audit trail is kept for years; the dossier keeps only
what it needs: number, name, birth date, sex, address).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from desk.domain.card_qr import CardQr, parse_card_qr
from desk.domain.errors import MessageKey
from desk.i18n import t
from desk.services.context import DeskContext
from desk.services.dossier.citizens import lookup
from desk.services.dossier.shapes import CardOut, ScanOut
from desk.services.trust import audit
from desk.services.trust.actor import Actor

SCAN = "scan"  # the audit action


def render_warning(key: str, params: dict[str, Any], lang: str | None = None) -> str:
    """A parser warning in words: field names and sexes in the reader's language."""
    full = dict(params)
    if "field" in params:
        full["field_label"] = MessageKey(f"qr.field.{params['field']}")
    for name in ("id_sex", "card_sex"):
        if name in params:
            full[f"{name}_label"] = MessageKey(f"qr.sex.{params[name]}")
    return t(key, lang, **full)


def card_dict(card: CardQr, lang: str | None = None) -> CardOut:
    """`{id_number, old_id, name, birth_date, sex, address, issued_on, warnings[]}`; each
    warning `{key, message}`."""
    d = card.as_dict()
    return {"id_number": d["id_number"], "old_id": d["old_id"], "name": d["name"],
            "birth_date": d["birth_date"], "sex": d["sex"], "address": d["address"],
            "issued_on": d["issued_on"],
            "warnings": [{"key": k, "message": render_warning(k, p, lang)}
                         for k, p in card.warnings]}


def read_card(text: str, today: date | None = None) -> CardOut:
    """Raises DomainError "qr.not_card" / "qr.no_name"."""
    return card_dict(parse_card_qr(text, today=today))


def scan_card(ctx: DeskContext, text: str, actor: Actor, *, where: str = "intake"
              ) -> ScanOut:
    """The card, plus `returning` (the citizen on file with this number, or None)."""
    card = parse_card_qr(text, today=ctx.local_now().date())
    read = card_dict(card)
    found = [c for c in lookup(ctx, card.id_number) if c.get("id_number") == card.id_number]
    out: ScanOut = {**read, "returning": found[0] if found else None,
                    "differences": differences(read, found[0]) if found else []}
    try:
        audit.log(ctx, actor, SCAN, target_type="id_card", target_id=where,
                  citizen_id=found[0]["id"] if found else None,
                  detail={"warnings": [k for k, _ in card.warnings]})
    except Exception:  # the counter goes on; the log says why the entry is missing
        logging.getLogger("desk.audit").exception("audit entry for a card scan not written")
    return out


COMPARED = ("name", "birth_date", "sex", "address")


def differences(card: Mapping[str, object], citizen: Mapping[str, object]
                ) -> list[dict[str, Any]]:
    """Fields where the record on file says something else than the card (the card is the
    newer word; the clerk sees both)."""
    out = []
    for name in COMPARED:
        on_card, on_file = card.get(name), citizen.get(name)
        if on_card and on_file and fold_equal(str(on_card), str(on_file)) is False:
            out.append({"field": name, "card": on_card, "file": on_file})
    return out


def fold_equal(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
