"""The forms of a dossier's rule set (desk/rules), filled with the dossier's values.

A dossier is printed with the set it recorded at receipt (`dossier.rule_version`), so the
clock, the office's settings or a newer set never change a reprint. The dossier is loaded here
(SQLModel); its values, the PDF and the thermal slip are desk.services.printing.form_fill's,
which the CLI's quick `print form … --pdf` shares (desk.services.quick.papers).
"""

from __future__ import annotations

from desk.rules import FormSpec, RuleSet
from desk.services.context import DeskContext
from desk.services.dossier import receipts
from desk.services.dossier.fee_qr import receipt_qr
from desk.services.dossier.paper_view import DossierView
from desk.services.printing.form_fill import (
    DEFAULT_SUPPLEMENT_REASON,
    UNIT,
    PreparedForm,
    authority_lines,
    dossier_set,
    form_values,
    letterhead,
    pdf_bytes,
    place_of,
    prepare_incomplete,
    prepared,
    rules_dir,
    set_in_force,
    sets,
    thermal_document,
)

__all__ = ["DEFAULT_SUPPLEMENT_REASON", "UNIT", "PreparedForm", "authority_lines", "dossier_set",
           "form_values", "letterhead", "pdf_bytes", "place_of", "prepare", "prepare_by_key",
           "prepare_incomplete", "rules_dir", "set_in_force", "sets", "thermal_document"]


def _prepared(ctx: DeskContext, rs: RuleSet, form: FormSpec, v: DossierView) -> PreparedForm:
    fee = receipt_qr(ctx, v.dossier.code) if form.key == "receipt" else None
    return prepared(ctx, rs, form, v, fee)


def prepare(ctx: DeskContext, number: int | str, code: str) -> PreparedForm:
    """Form `number` of the dossier's own set (2018 dossiers keep the old numbers)."""
    v = receipts.load_dossier(ctx, code)
    rs = dossier_set(ctx, v.dossier)
    return _prepared(ctx, rs, rs.form(number), v)


def prepare_by_key(ctx: DeskContext, key: str, code: str) -> PreparedForm | None:
    """The dossier's form `key` ("apology", "stop", …); None when its set has no such form."""
    v = receipts.load_dossier(ctx, code)
    rs = dossier_set(ctx, v.dossier)
    form = rs.form_by_key(key)
    return None if form is None else _prepared(ctx, rs, form, v)
