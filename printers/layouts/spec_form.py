"""Any data-defined form (desk/rules/sets/*.json) as a thermal slip: the same blocks as the
A4 paper (printers.pdf.spec_form), one after the other in the paper's width."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from printers.document import Document
from printers.fill import EMPTY, FormLike, fill, items_of, rows_of, vn_date
from printers.layouts._common import numbered, official_header

__all__ = ["build_spec_form"]


def _body(doc: Document, form: FormLike, values: Mapping[str, Any]) -> None:
    for b in form.body:
        kind = b["type"]
        if b.get("intro"):
            doc.text(fill(b["intro"], values, "thermal"))
        if kind == "para":
            align: Literal["center", "left"] = "center" if b.get("align") == "C" else "left"
            doc.text(fill(b["text"], values, "thermal"), align, bool(b.get("bold")))
        elif kind == "field":
            doc.kv(b["label"], fill(b["value"], values, "thermal"))
        elif kind == "list":
            numbered(doc, items_of(values, b["items"], "thermal"))
        elif kind == "table":
            cols = b["columns"]
            for row in rows_of(values, b["rows"], cols, "thermal"):
                doc.rule()
                for col, cell in zip(cols, row, strict=True):
                    if cell:
                        doc.kv(col["label"].capitalize(), cell)
            doc.rule()


def _closing(doc: Document, form: FormLike, values: Mapping[str, Any]) -> None:
    sig = form.signature or {}
    authority = fill(sig.get("authority", ""), values, "thermal") if sig.get("authority") \
        else ""
    for block in sig.get("blocks", []):
        doc.feed(1)
        if authority and authority != EMPTY:
            doc.center(authority.upper(), bold=True)
        role = fill(block.get("role", ""), values, "thermal")
        if role != EMPTY:
            doc.center(role.upper() if authority else role, bold=True)
        doc.feed(2)
        doc.center(fill(block.get("name", ""), values, "thermal"))
    if form.recipients:
        doc.text("Nơi nhận:", bold=True)
        for r in form.recipients:
            doc.bullet(fill(r, values, "thermal"))


def build_spec_form(form: FormLike, values: Mapping[str, Any], office_name: str,
                    place: str = "") -> Document:
    """The thermal slip of `form` filled with `values` (see printers.pdf.spec_form)."""
    doc = Document()
    number = str(values.get("number") or "")
    official_header(doc, office_name, form.title, number)
    when = values.get("date")
    if when is not None:
        doc.center(f"{place}, {vn_date(when)}" if place else vn_date(when))
    code = str(values.get("dossier_code") or "")
    if code:
        doc.center(f"Mã hồ sơ: {code}", bold=True)
    doc.rule()
    _body(doc, form, values)
    _closing(doc, form, values)
    if form.codes and code:
        doc.barcode(code)
        qr = values.get("qr")
        if qr:
            doc.feed(1)  # a gap between the barcode and the QR, or readers fail on the QR
            doc.qr(str(qr), size=5)
    doc.cut()
    return doc
